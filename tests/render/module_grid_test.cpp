// A QR code is painted as blocks of whole modules; together they must cover exactly the
// dark modules, or the printed code reads differently (or not at all).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "render/layout/module_grid.h"
#include "render/qr/qr_matrix.h"

namespace naskah::render {
namespace {

int horizontalRuns(const QrMatrix& matrix) {
  int runs = 0;
  for (int row = 0; row < matrix.size; ++row)
    for (int column = 0; column < matrix.size; ++column)
      if (matrix.at(row, column) && (column == 0 || !matrix.at(row, column - 1))) ++runs;
  return runs;
}

TEST(ModuleGrid, BlocksCoverEveryDarkModuleOnceAndNoLightOne) {
  for (const std::string& text : std::vector<std::string>{"https://naskah.example/verifikasi/400.9-1187-2026?k=3f9a",
                                                          "ADU-2026-000417", std::string(300, 'x')}) {
    QrMatrix matrix = encodeQr(text);
    ModuleGridOp grid = moduleGrid(matrix, 10, 20, 1.5);
    EXPECT_EQ(grid.size, matrix.size);
    EXPECT_DOUBLE_EQ(grid.x, 10);
    EXPECT_DOUBLE_EQ(grid.y, 20);
    std::vector<int> covered(matrix.size * matrix.size, 0);
    for (const auto& block : grid.blocks) {
      ASSERT_GE(block.column, 0);
      ASSERT_GE(block.row, 0);
      ASSERT_LE(block.column + block.width, matrix.size);
      ASSERT_LE(block.row + block.height, matrix.size);
      for (int r = block.row; r < block.row + block.height; ++r)
        for (int c = block.column; c < block.column + block.width; ++c) ++covered[r * matrix.size + c];
    }
    for (int r = 0; r < matrix.size; ++r)
      for (int c = 0; c < matrix.size; ++c)
        ASSERT_EQ(covered[r * matrix.size + c], matrix.at(r, c) ? 1 : 0) << text << " row " << r << " column " << c;
    // The finder patterns' solid columns alone stretch over several rows.
    EXPECT_LT(static_cast<int>(grid.blocks.size()), horizontalRuns(matrix)) << text;
  }
}

}  // namespace
}  // namespace naskah::render
