#include "platform/openssl_crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <vector>

#include "domain/common/error.h"

namespace naskah::platform {
namespace {

constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;
// A stored hash with fewer rounds than this is refused: it was not made by us.
constexpr long kMinIterations = 1000;

std::string toHex(const unsigned char* data, size_t size) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    out += kDigits[data[i] >> 4];
    out += kDigits[data[i] & 15];
  }
  return out;
}

bool fromHex(const std::string& hex, std::vector<unsigned char>& out) {
  if (hex.size() % 2 != 0) return false;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  out.clear();
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<unsigned char>(hi * 16 + lo));
  }
  return true;
}

std::vector<unsigned char> pbkdf2(std::string_view password, const std::vector<unsigned char>& salt, long iterations) {
  std::vector<unsigned char> out(kHashBytes);
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(), static_cast<int>(salt.size()),
                        static_cast<int>(iterations), EVP_sha256(), static_cast<int>(out.size()), out.data()) != 1)
    throw Error(ErrorCode::kInternal, "PBKDF2 failed");
  return out;
}

}  // namespace

std::string OpenSslCrypto::sha256Hex(std::string_view data) const {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) != 1)
    throw Error(ErrorCode::kInternal, "SHA-256 failed");
  return toHex(digest, size);
}

std::string OpenSslCrypto::bytes(size_t count) {
  std::string out(count, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1)
    throw Error(ErrorCode::kInternal, "the random number generator failed");
  return out;
}

std::string OpenSslCrypto::hashPassword(std::string_view password) {
  std::string saltText = bytes(kSaltBytes);
  std::vector<unsigned char> salt(saltText.begin(), saltText.end());
  auto hash = pbkdf2(password, salt, iterations_);
  return "pbkdf2-sha256$" + std::to_string(iterations_) + "$" + toHex(salt.data(), salt.size()) + "$" +
         toHex(hash.data(), hash.size());
}

bool OpenSslCrypto::verifyPassword(std::string_view password, const std::string& stored) const {
  // Parse "pbkdf2-sha256$N$salt$hash"; anything else (including "") is compared against a
  // dummy so that the time taken does not tell whether the user exists.
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t pos; (pos = stored.find('$', start)) != std::string::npos; start = pos + 1)
    parts.push_back(stored.substr(start, pos - start));
  parts.push_back(stored.substr(start));
  std::vector<unsigned char> salt, expected;
  long iterations = 0;
  bool wellFormed = parts.size() == 4 && parts[0] == "pbkdf2-sha256" && fromHex(parts[2], salt) &&
                    fromHex(parts[3], expected) && expected.size() == kHashBytes;
  if (wellFormed) {
    try {
      iterations = std::stol(parts[1]);
    } catch (...) {
      wellFormed = false;
    }
  }
  if (!wellFormed || iterations < kMinIterations || iterations > 10000000) {
    pbkdf2(password, std::vector<unsigned char>(kSaltBytes, 0), iterations_);
    return false;
  }
  auto actual = pbkdf2(password, salt, iterations);
  return CRYPTO_memcmp(actual.data(), expected.data(), kHashBytes) == 0;
}

}  // namespace naskah::platform
