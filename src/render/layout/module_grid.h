// Turns a QR matrix into the few rectangles that cover its dark modules.
#pragma once

#include "render/layout/page_ops.h"
#include "render/qr/qr_matrix.h"

namespace naskah::render {

// Horizontal runs of dark modules, each stretched down over the rows below that repeat it
// exactly (finder patterns, timing columns): about a third fewer rectangles than runs alone,
// and every rectangle still covers whole modules, so viewers snap it to the pixel grid.
ModuleGridOp moduleGrid(const QrMatrix& matrix, double x, double y, double modulePt);

}  // namespace naskah::render
