#include "render/text/cp1252.h"

#include <array>

#include "domain/common/error.h"

namespace naskah::render {
namespace {

// 0x80..0x9F, the only range where CP1252 differs from Latin-1.
constexpr std::array<char32_t, 32> kHighTable{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char encodeCodePoint(char32_t cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<char>(cp);
  for (size_t i = 0; i < kHighTable.size(); ++i) {
    if (kHighTable[i] == cp && cp != 0) return static_cast<char>(0x80 + i);
  }
  if (cp == 0x2212) return '-';  // minus sign
  if (cp == 0x2010 || cp == 0x2011) return '-';  // hyphens
  return '?';
}

}  // namespace

char32_t cp1252ToUnicode(unsigned char byte) {
  if (byte >= 0x80 && byte < 0xA0) return kHighTable[byte - 0x80];
  return byte;
}

std::string utf8ToCp1252(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    char32_t cp;
    int extra;
    if (c < 0x80) {
      cp = c;
      extra = 0;
    } else if ((c & 0xE0) == 0xC0) {
      cp = c & 0x1F;
      extra = 1;
    } else if ((c & 0xF0) == 0xE0) {
      cp = c & 0x0F;
      extra = 2;
    } else if ((c & 0xF8) == 0xF0) {
      cp = c & 0x07;
      extra = 3;
    } else {
      throw Error(ErrorCode::kInvalidArgument, "teks bukan UTF-8 yang valid");
    }
    for (int k = 1; k <= extra; ++k) {
      if (i + k >= utf8.size()) throw Error(ErrorCode::kInvalidArgument, "teks UTF-8 terpotong");
      unsigned char next = static_cast<unsigned char>(utf8[i + k]);
      if ((next & 0xC0) != 0x80) throw Error(ErrorCode::kInvalidArgument, "teks bukan UTF-8 yang valid");
      cp = (cp << 6) | (next & 0x3F);
    }
    i += 1 + extra;
    out += encodeCodePoint(cp);
  }
  return out;
}

}  // namespace naskah::render
