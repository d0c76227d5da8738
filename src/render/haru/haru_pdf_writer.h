// Paints laid-out pages with libharu and returns the PDF bytes. The only code (with the
// rest of haru/) that includes hpdf.h.
#pragma once

#include <string>

#include "render/fonts/font_library.h"
#include "render/layout/page_ops.h"

namespace naskah::render {

// Fonts used by the pages are embedded (subset files from FontLibrary, CP1252 encoding),
// streams are deflated, and no creation date is written, so equal input gives equal bytes.
// Throws Error(kInternal) when libharu reports an error. Thread-safe: each call has its own
// HPDF_Doc.
std::string writePdf(const LaidOutDocument& document, const FontLibrary& fonts);

}  // namespace naskah::render
