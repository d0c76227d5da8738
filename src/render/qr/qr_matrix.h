// QR symbols through libqrencode, as a plain module matrix the layout turns into rectangles.
#pragma once

#include <string>
#include <vector>

namespace naskah::render {

struct QrMatrix {
  int size = 0;                 // modules per side, without the quiet zone
  std::vector<bool> dark;       // row-major, size × size
  bool at(int row, int column) const { return dark[row * size + column]; }
};

// Encodes UTF-8 text at error-correction level M. Throws Error(kInvalidArgument) when the
// text is too long for a QR symbol.
QrMatrix encodeQr(const std::string& text);

}  // namespace naskah::render
