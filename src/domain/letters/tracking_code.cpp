#include "domain/letters/tracking_code.h"

#include <cctype>

namespace naskah::domain {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::string_view kPrefix = "ADU-";

char checkCharacter(std::string_view payload) {
  // Sum with odd weights modulo 32: an odd weight is invertible mod 32, so changing any one
  // character always changes the check character.
  unsigned sum = 0, weight = 1;
  for (char c : payload) {
    auto idx = kAlphabet.find(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    if (idx == std::string_view::npos) continue;
    sum += static_cast<unsigned>(idx) * weight;
    weight += 2;
  }
  return kAlphabet[sum % 32];
}

}  // namespace

std::string makeTrackingCode(const std::array<std::uint8_t, 8>& bytes) {
  std::uint64_t bits = 0;
  for (int i = 0; i < 5; ++i) bits = (bits << 8) | bytes[i];
  std::string payload;
  for (int i = 0; i < 8; ++i) {
    payload += kAlphabet[bits & 31];
    bits >>= 5;
  }
  std::string code = std::string(kPrefix) + payload.substr(0, 4) + "-" + payload.substr(4, 4);
  code += "-";
  code += checkCharacter(payload);
  return code;
}

bool isValidTrackingCode(std::string_view code) {
  if (code.size() != 15) return false;
  std::string upper;
  for (char c : code) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper.compare(0, 4, kPrefix) != 0 || upper[8] != '-' || upper[13] != '-') return false;
  std::string payload = upper.substr(4, 4) + upper.substr(9, 4);
  for (char c : payload)
    if (kAlphabet.find(c) == std::string_view::npos) return false;
  return checkCharacter(payload) == upper[14];
}

}  // namespace naskah::domain
