// The four Liberation Sans faces, subset once per process to the CP1252 repertoire without
// hinting (HarfBuzz hb-subset) and kept in memory for every document to embed.
// Why: libharu embeds the whole glyf/loca/hmtx of whatever file it is given; a pre-subset
// file cuts every PDF by tens of kilobytes and the per-document load time (docs/rendering.md).
#pragma once

#include <array>
#include <string>

namespace naskah::render {

enum class FontFace { kRegular = 0, kBold = 1, kItalic = 2, kBoldItalic = 3 };

inline FontFace faceOf(bool bold, bool italic) {
  return static_cast<FontFace>((bold ? 1 : 0) + (italic ? 2 : 0));
}

struct FontFile {
  std::string bytes;                // the subset TrueType font
  std::array<double, 256> widths{}; // advance of each CP1252 byte, in 1/1000 em
  double ascent = 905;              // 1/1000 em
  double descent = 212;             // 1/1000 em, positive
};

class FontLibrary {
 public:
  // The process-wide library, built on first use (thread-safe). Throws Error(kInternal)
  // when a font is missing or cannot be subset; the next call tries again.
  static const FontLibrary& instance();

  const FontFile& face(FontFace face) const { return faces_[static_cast<int>(face)]; }

  // Width of CP1252 text in points.
  double textWidth(FontFace face, const std::string& text, double sizePt) const;

  // Folder of the Liberation fonts; NASKAH_FONT_DIR overrides the Debian location.
  static std::string fontDirectory();

 private:
  FontLibrary() = default;
  std::array<FontFile, 4> faces_;
};

}  // namespace naskah::render
