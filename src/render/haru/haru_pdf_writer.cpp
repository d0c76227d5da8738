#include "render/haru/haru_pdf_writer.h"

#include <hpdf.h>
#include <hpdf_pages.h>

#include <cmath>
#include <cstdio>
#include <malloc.h>

#include <map>
#include <optional>
#include <string>
#include <mutex>

#include "domain/common/error.h"
#include "render/haru/deflated_image.h"
#include "render/haru/memory_font.h"

namespace naskah::render {
namespace {

// libharu reports errors through a C callback; we only record them there and throw from
// our own frames, never through libharu's.
struct ErrorState {
  HPDF_STATUS errorNo = 0;
  HPDF_STATUS detailNo = 0;
};

void recordError(HPDF_STATUS errorNo, HPDF_STATUS detailNo, void* userData) {
  auto* state = static_cast<ErrorState*>(userData);
  if (state->errorNo == 0) {
    state->errorNo = errorNo;
    state->detailNo = detailNo;
  }
}

class HaruDocument {
 public:
  HaruDocument() : doc_(HPDF_New(recordError, &errors_)) {
    if (!doc_) throw Error(ErrorCode::kInternal, "libharu: HPDF_New gagal");
  }
  ~HaruDocument() { HPDF_Free(doc_); }
  HaruDocument(const HaruDocument&) = delete;
  HaruDocument& operator=(const HaruDocument&) = delete;

  HPDF_Doc get() const { return doc_; }

  // Throws the first recorded libharu error, naming the step that found it.
  void check(const char* step) const {
    if (errors_.errorNo == 0) return;
    char message[160];
    std::snprintf(message, sizeof message, "libharu gagal pada %s: error 0x%04X detail %u", step,
                  static_cast<unsigned>(errors_.errorNo), static_cast<unsigned>(errors_.detailNo));
    throw Error(ErrorCode::kInternal, message);
  }

 private:
  ErrorState errors_;
  HPDF_Doc doc_;
};

// libharu and zlib allocate and free a few hundred kilobytes per document. With glibc's
// default thresholds that memory goes back to the kernel after every document and comes
// back as page faults on the next one: about a third of a letter's time (docs/rendering.md).
// Raising the trim and mmap thresholds once per process keeps it in the heap for reuse. The
// values are those src/main.cpp sets for the server, so the order of the two calls does not
// matter; tests and benchmarks that link the library alone get them here.
void keepFreedMemory() {
  static std::once_flag once;
  std::call_once(once, [] {
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
  });
}

// PDF y grows upwards from the bottom; layout y grows downwards from the top.
class Painter {
 public:
  Painter(HaruDocument& doc, const FontLibrary& fonts, double pageHeight)
      : doc_(doc), fonts_(fonts), pageHeight_(pageHeight) {}

  void paint(HPDF_Page page, const PageOps& ops) {
    if (ops.watermark) paintText(page, *ops.watermark);
    paintRects(page, ops.rects);
    if (!ops.lines.empty()) {
      HPDF_Page_SetGrayStroke(page, 0);
      for (const LineOp& line : ops.lines) {
        HPDF_Page_SetLineWidth(page, line.widthPt);
        HPDF_Page_MoveTo(page, line.x1, pageHeight_ - line.y1);
        HPDF_Page_LineTo(page, line.x2, pageHeight_ - line.y2);
        HPDF_Page_Stroke(page);
      }
    }
    for (const ImageOp& image : ops.images) {
      HPDF_Page_DrawImage(page, imageFor(image), image.x, pageHeight_ - image.y - image.height,
                          image.width, image.height);
    }
    for (const ModuleGridOp& grid : ops.grids) paintGrid(page, grid);
    if (!ops.texts.empty()) {
      HPDF_Page_BeginText(page);
      text_ = TextState{};
      for (const TextOp& text : ops.texts) placeText(page, text);
      HPDF_Page_EndText(page);
    }
    doc_.check("menggambar halaman");
  }

 private:
  HPDF_Font fontFor(FontFace face) {
    auto found = fonts_by_face_.find(face);
    if (found != fonts_by_face_.end()) return found->second;
    const char* name = loadEmbeddedTrueTypeFromMemory(doc_.get(), fonts_.face(face).bytes);
    doc_.check("memuat font");
    HPDF_Font font = HPDF_GetFont(doc_.get(), name, "CP1252");
    doc_.check("memilih font");
    fonts_by_face_[face] = font;
    return font;
  }

  HPDF_Image imageFor(const ImageOp& op) {
    auto found = images_.find(op.path);
    if (found != images_.end()) return found->second;
    const DecodedImage& decoded = *op.image;
    HPDF_Image image;
    if (decoded.kind == DecodedImage::Kind::kJpeg) {
      image = HPDF_LoadJpegImageFromMem(doc_.get(),
                                        reinterpret_cast<const HPDF_BYTE*>(decoded.jpeg.data()),
                                        static_cast<HPDF_UINT>(decoded.jpeg.size()));
    } else {
      image = loadDeflatedRawImage(doc_.get(), decoded.deflatedPixels, decoded.width, decoded.height,
                                   decoded.channels == 3);
      if (image && !decoded.deflatedAlpha.empty()) {
        HPDF_Image mask =
            loadDeflatedRawImage(doc_.get(), decoded.deflatedAlpha, decoded.width, decoded.height, false);
        if (mask) HPDF_Image_AddSMask(image, mask);
      }
    }
    doc_.check("memuat gambar");
    if (!image) throw Error(ErrorCode::kInternal, "libharu gagal memuat gambar: " + op.path);
    images_[op.path] = image;
    return image;
  }

  // Consecutive filled rectangles of one gray (a QR code's ~300 modules, a bar chart's bars)
  // share one colour setting. Each keeps its own fill: poppler snaps a lone rectangle to the
  // pixel grid, while one path of many would come out grey and blurred at screen resolution.
  void paintRects(HPDF_Page page, const std::vector<RectOp>& rects) {
    for (size_t i = 0; i < rects.size();) {
      const RectOp& first = rects[i];
      if (!first.fill) {
        HPDF_Page_SetGrayStroke(page, 0);
        HPDF_Page_SetLineWidth(page, first.lineWidthPt);
        addRectangle(page, first);
        HPDF_Page_Stroke(page);
        ++i;
        continue;
      }
      HPDF_Page_SetGrayFill(page, first.gray);
      for (; i < rects.size() && rects[i].fill && rects[i].gray == first.gray; ++i) {
        addRectangle(page, rects[i]);
        HPDF_Page_Fill(page);
      }
      HPDF_Page_SetGrayFill(page, 0);
    }
  }

  // The grid's blocks in module units under one scaling matrix: "3 7 5 1 re f" instead of
  // five-decimal coordinates, written straight into the page's content stream because each
  // HPDF_Page_Rectangle call costs more than the page's text (a 512-byte scratch buffer
  // cleared byte by byte, four number conversions). Each block keeps its own fill, as above.
  void paintGrid(HPDF_Page page, const ModuleGridOp& grid) {
    HPDF_Page_GSave(page);
    HPDF_Page_Concat(page, grid.modulePt, 0, 0, grid.modulePt, grid.x,
                     pageHeight_ - grid.y - grid.size * grid.modulePt);
    HPDF_Page_SetGrayFill(page, 0);
    std::string path;
    path.reserve(grid.blocks.size() * 16);
    char op[48];
    for (const ModuleGridOp::Block& block : grid.blocks) {
      int length = std::snprintf(op, sizeof op, "%d %d %d %d re f\012", block.column,
                                 grid.size - block.row - block.height, block.width, block.height);
      path.append(op, length);
    }
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    if (HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(path.data()),
                          static_cast<HPDF_UINT>(path.size())) != HPDF_OK) {
      doc_.check("menggambar kode QR");
      throw Error(ErrorCode::kInternal, "libharu gagal menulis kode QR");
    }
    HPDF_Page_GRestore(page);
  }

  void addRectangle(HPDF_Page page, const RectOp& rect) {
    HPDF_Page_Rectangle(page, rect.x, pageHeight_ - rect.y - rect.height, rect.width, rect.height);
  }

  void paintText(HPDF_Page page, const TextOp& text) {
    HPDF_Page_BeginText(page);
    text_ = TextState{};
    placeText(page, text);
    HPDF_Page_EndText(page);
    HPDF_Page_SetGrayFill(page, 0);
  }

  // Font, size, fill and word spacing are set only when they change: most lines of a letter
  // share them, and each setting is a libharu call and a line of content stream.
  void placeText(HPDF_Page page, const TextOp& text) {
    if (text.text.empty()) return;
    if (text.face != text_.face || text.sizePt != text_.sizePt) {
      HPDF_Page_SetFontAndSize(page, fontFor(text.face), text.sizePt);
      text_.face = text.face;
      text_.sizePt = text.sizePt;
    }
    if (text.gray != text_.gray) {
      HPDF_Page_SetGrayFill(page, text.gray);
      text_.gray = text.gray;
    }
    if (text.wordSpacePt != text_.wordSpacePt) {
      HPDF_Page_SetWordSpace(page, text.wordSpacePt);
      text_.wordSpacePt = text.wordSpacePt;
    }
    double radians = text.angleDeg * M_PI / 180;
    HPDF_Page_SetTextMatrix(page, std::cos(radians), std::sin(radians), -std::sin(radians),
                            std::cos(radians), text.x, pageHeight_ - text.y);
    HPDF_Page_ShowText(page, text.text.c_str());
  }

  // What the current text object has set; empty and -1 mean "not set yet".
  struct TextState {
    std::optional<FontFace> face;
    double sizePt = -1;
    double gray = -1;
    double wordSpacePt = -1;
  };

  HaruDocument& doc_;
  const FontLibrary& fonts_;
  double pageHeight_;
  std::map<FontFace, HPDF_Font> fonts_by_face_;
  std::map<std::string, HPDF_Image> images_;
  TextState text_;
};

}  // namespace

std::string writePdf(const LaidOutDocument& document, const FontLibrary& fonts) {
  keepFreedMemory();
  HaruDocument doc;
  HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL);
  HPDF_SetInfoAttr(doc.get(), HPDF_INFO_CREATOR, "Naskah");
  if (!document.title.empty()) HPDF_SetInfoAttr(doc.get(), HPDF_INFO_TITLE, document.title.c_str());
  doc.check("menyiapkan dokumen");
  Painter painter(doc, fonts, document.heightPt);
  for (const PageOps& ops : document.pages) {
    HPDF_Page page = HPDF_AddPage(doc.get());
    HPDF_Page_SetWidth(page, document.widthPt);
    HPDF_Page_SetHeight(page, document.heightPt);
    doc.check("menambah halaman");
    painter.paint(page, ops);
  }
  HPDF_SaveToStream(doc.get());
  doc.check("menyimpan PDF");
  std::string bytes(HPDF_GetStreamSize(doc.get()), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
  HPDF_ReadFromStream(doc.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  bytes.resize(size);
  return bytes;
}

}  // namespace naskah::render
