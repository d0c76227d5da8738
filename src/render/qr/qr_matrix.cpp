#include "render/qr/qr_matrix.h"

#include <qrencode.h>

#include <map>
#include <memory>
#include <mutex>

#include "domain/common/error.h"

namespace naskah::render {

namespace {

QrMatrix encodeUncached(const std::string& text) {
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

// Documents repeat the same few QR texts (a letter's verification URL is rendered again at
// every correction); encoding with mask selection costs more than the whole page layout.
constexpr size_t kCacheLimit = 512;
std::mutex gMutex;
std::map<std::string, std::shared_ptr<const QrMatrix>> gCache;

}  // namespace

QrMatrix encodeQr(const std::string& text) {
  {
    std::lock_guard<std::mutex> lock(gMutex);
    auto found = gCache.find(text);
    if (found != gCache.end()) return *found->second;
  }
  auto matrix = std::make_shared<const QrMatrix>(encodeUncached(text));
  std::lock_guard<std::mutex> lock(gMutex);
  if (gCache.size() >= kCacheLimit) gCache.clear();
  gCache.emplace(text, matrix);
  return *matrix;
}

}  // namespace naskah::render
