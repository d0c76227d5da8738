// Hashing, password hashing and randomness on OpenSSL.
#pragma once

#include "ports/platform.h"

namespace naskah::platform {

class OpenSslCrypto : public ports::Crypto, public ports::RandomSource {
 public:
  // iterations: PBKDF2-SHA256 rounds for new hashes (stored hashes carry their own count).
  explicit OpenSslCrypto(int iterations = kDefaultIterations) : iterations_(iterations) {}

  std::string sha256Hex(std::string_view data) const override;
  // "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>"
  std::string hashPassword(std::string_view password) override;
  bool verifyPassword(std::string_view password, const std::string& stored) const override;
  std::string bytes(size_t count) override;

  static constexpr int kDefaultIterations = 150000;

 private:
  int iterations_;
};

}  // namespace naskah::platform
