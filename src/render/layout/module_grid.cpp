#include "render/layout/module_grid.h"

#include <map>
#include <utility>

namespace naskah::render {

ModuleGridOp moduleGrid(const QrMatrix& matrix, double x, double y, double modulePt) {
  ModuleGridOp grid;
  grid.x = x;
  grid.y = y;
  grid.modulePt = modulePt;
  grid.size = matrix.size;
  // Blocks that reach the previous row, by (column, width): a run of this row with the same
  // span extends one of them instead of starting a new block.
  std::map<std::pair<int, int>, size_t> open;
  for (int row = 0; row < matrix.size; ++row) {
    std::map<std::pair<int, int>, size_t> reaching;
    for (int column = 0; column < matrix.size;) {
      if (!matrix.at(row, column)) {
        ++column;
        continue;
      }
      int end = column;
      while (end < matrix.size && matrix.at(row, end)) ++end;
      std::pair<int, int> span{column, end - column};
      auto above = open.find(span);
      if (above != open.end()) {
        ++grid.blocks[above->second].height;
        reaching[span] = above->second;
      } else {
        grid.blocks.push_back(ModuleGridOp::Block{column, row, end - column, 1});
        reaching[span] = grid.blocks.size() - 1;
      }
      column = end;
    }
    open = std::move(reaching);
  }
  return grid;
}

}  // namespace naskah::render
