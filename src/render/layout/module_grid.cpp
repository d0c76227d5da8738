#include "render/layout/module_grid.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace naskah::render {

ModuleGridOp moduleGrid(const QrMatrix& matrix, double x, double y, double modulePt) {
  ModuleGridOp grid;
  grid.x = x;
  grid.y = y;
  grid.modulePt = modulePt;
  grid.size = matrix.size;
  // The block that reaches the previous row from each start column, with its width: a run of
  // this row with the same start and width extends it instead of starting a new block.
  struct Reaching {
    int width = 0;  // 0: no block starts at this column in the previous row
    size_t block = 0;
  };
  std::vector<Reaching> above(matrix.size), current(matrix.size);
  for (int row = 0; row < matrix.size; ++row) {
    std::fill(current.begin(), current.end(), Reaching{});
    for (int column = 0; column < matrix.size;) {
      if (!matrix.at(row, column)) {
        ++column;
        continue;
      }
      int end = column;
      while (end < matrix.size && matrix.at(row, end)) ++end;
      const Reaching& candidate = above[column];
      if (candidate.width == end - column) {
        ++grid.blocks[candidate.block].height;
        current[column] = candidate;
      } else {
        grid.blocks.push_back(ModuleGridOp::Block{column, row, end - column, 1});
        current[column] = Reaching{end - column, grid.blocks.size() - 1};
      }
      column = end;
    }
    std::swap(above, current);
  }
  return grid;
}

}  // namespace naskah::render
