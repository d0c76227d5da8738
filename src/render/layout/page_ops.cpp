#include "render/layout/page_ops.h"

namespace naskah::render {

void PageOps::append(const PageOps& other, double dx, double dy) {
  for (RectOp op : other.rects) {
    op.x += dx;
    op.y += dy;
    rects.push_back(op);
  }
  for (LineOp op : other.lines) {
    op.x1 += dx;
    op.x2 += dx;
    op.y1 += dy;
    op.y2 += dy;
    lines.push_back(op);
  }
  for (ImageOp op : other.images) {
    op.x += dx;
    op.y += dy;
    images.push_back(std::move(op));
  }
  for (ModuleGridOp op : other.grids) {
    op.x += dx;
    op.y += dy;
    grids.push_back(std::move(op));
  }
  for (TextOp op : other.texts) {
    op.x += dx;
    op.y += dy;
    texts.push_back(std::move(op));
  }
}

}  // namespace naskah::render
