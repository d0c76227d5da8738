#include "render/qr/qr_matrix.h"

#include <qrencode.h>

#include <memory>

#include "domain/common/error.h"

namespace naskah::render {

QrMatrix encodeQr(const std::string& text) {
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(
      QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), QRcode_free);
  if (!code) {
    throw Error(ErrorCode::kInvalidArgument,
                "teks QR tidak dapat dikodekan (terlalu panjang?): " + text.substr(0, 60));
  }
  QrMatrix matrix;
  matrix.size = code->width;
  matrix.dark.resize(static_cast<size_t>(code->width) * code->width);
  for (int i = 0; i < code->width * code->width; ++i) matrix.dark[i] = code->data[i] & 1;
  return matrix;
}

}  // namespace naskah::render
