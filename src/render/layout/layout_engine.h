// Lays a Document out into pages of positioned ops: line breaking, justification, tables
// with repeated header rows, keep-together groups, widow/orphan control, running headers
// and footers with "{page}" / "{pages}". Knows fonts only through FontLibrary metrics.
#pragma once

#include "render/layout/page_ops.h"
#include "render/markup/document.h"

namespace naskah::render {

// Throws Error(kInvalidArgument) when content cannot be placed (e.g. a table wider than
// the page) and kNotFound for a missing image.
LaidOutDocument layoutDocument(const Document& document, const FontLibrary& fonts);

}  // namespace naskah::render
