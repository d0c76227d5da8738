#include "render/fonts/font_library.h"

#include <hb-subset.h>
#include <hb.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>

#include "domain/common/error.h"
#include "render/text/cp1252.h"

namespace naskah::render {
namespace {

constexpr std::array<const char*, 4> kFileNames{
    "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf",
    "LiberationSans-BoldItalic.ttf"};

template <typename T, void (*Destroy)(T*)>
struct HbDeleter {
  void operator()(T* p) const { Destroy(p); }
};
using BlobPtr = std::unique_ptr<hb_blob_t, HbDeleter<hb_blob_t, hb_blob_destroy>>;
using FacePtr = std::unique_ptr<hb_face_t, HbDeleter<hb_face_t, hb_face_destroy>>;
using FontPtr = std::unique_ptr<hb_font_t, HbDeleter<hb_font_t, hb_font_destroy>>;
using InputPtr = std::unique_ptr<hb_subset_input_t, HbDeleter<hb_subset_input_t, hb_subset_input_destroy>>;

FontFile subsetFace(const std::filesystem::path& source) {
  BlobPtr blob(hb_blob_create_from_file_or_fail(source.c_str()));
  if (!blob) throw Error(ErrorCode::kInternal, "font tidak ditemukan: " + source.string());
  FacePtr face(hb_face_create(blob.get(), 0));

  InputPtr input(hb_subset_input_create_or_fail());
  if (!input) throw Error(ErrorCode::kInternal, "hb-subset: memori tidak cukup");
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (int byte = 0x20; byte < 0x100; ++byte) {
    char32_t cp = cp1252ToUnicode(static_cast<unsigned char>(byte));
    if (cp >= 0x20 && cp != 0x7F) hb_set_add(unicodes, cp);
  }
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  FacePtr subset(hb_subset_or_fail(face.get(), input.get()));
  if (!subset) throw Error(ErrorCode::kInternal, "hb-subset gagal untuk " + source.string());
  BlobPtr subsetBlob(hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(subsetBlob.get(), &length);
  FontFile file;
  file.bytes.assign(data, length);
  FontPtr font(hb_font_create(subset.get()));
  double upem = hb_face_get_upem(subset.get());
  for (int byte = 0; byte < 256; ++byte) {
    char32_t cp = cp1252ToUnicode(static_cast<unsigned char>(byte));
    hb_codepoint_t glyph = 0;
    if (cp == 0 || !hb_font_get_nominal_glyph(font.get(), cp, &glyph)) glyph = 0;
    file.widths[byte] = hb_font_get_glyph_h_advance(font.get(), glyph) * 1000.0 / upem;
  }
  hb_font_extents_t extents;
  if (hb_font_get_h_extents(font.get(), &extents)) {
    file.ascent = extents.ascender * 1000.0 / upem;
    file.descent = -extents.descender * 1000.0 / upem;
  }
  return file;
}

std::mutex gMutex;
std::unique_ptr<FontLibrary> gLibrary;

}  // namespace

std::string FontLibrary::fontDirectory() {
  const char* overridden = std::getenv("NASKAH_FONT_DIR");
  return overridden && *overridden ? overridden : "/usr/share/fonts/truetype/liberation2";
}

const FontLibrary& FontLibrary::instance() {
  std::lock_guard<std::mutex> lock(gMutex);
  if (!gLibrary) {
    std::unique_ptr<FontLibrary> library(new FontLibrary());
    for (size_t i = 0; i < kFileNames.size(); ++i) {
      library->faces_[i] = subsetFace(std::filesystem::path(fontDirectory()) / kFileNames[i]);
    }
    gLibrary = std::move(library);
  }
  return *gLibrary;
}

double FontLibrary::textWidth(FontFace face, const std::string& text, double sizePt) const {
  const auto& widths = faces_[static_cast<int>(face)].widths;
  double total = 0;
  for (unsigned char c : text) total += widths[c];
  return total * sizePt / 1000.0;
}

}  // namespace naskah::render
