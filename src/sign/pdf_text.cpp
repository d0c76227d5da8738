#include "sign/pdf_text.h"

#include <cstdio>
#include <ctime>
#include <regex>

#include "domain/common/error.h"

namespace naskah::sign {
namespace {

void appendUtf16(std::string& out, unsigned unit) {
  static const char* digits = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(unit >> shift) & 0xf];
}

}  // namespace

std::string pdfTextString(const std::string& text) {
  bool ascii = true;
  for (unsigned char c : text) ascii = ascii && c >= 0x20 && c < 0x7f;
  if (ascii) {
    std::string literal = "(";
    for (char c : text) {
      if (c == '(' || c == ')' || c == '\\') literal += '\\';
      literal += c;
    }
    return literal + ")";
  }
  std::string hex = "<FEFF";
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0 || i + extra >= text.size())
      throw Error(ErrorCode::kInvalidArgument, "a signature text is not valid UTF-8");
    unsigned code = extra == 0 ? c : c & (0x3f >> extra);
    for (int k = 1; k <= extra; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80) throw Error(ErrorCode::kInvalidArgument, "a signature text is not valid UTF-8");
      code = (code << 6) | (next & 0x3f);
    }
    i += extra + 1;
    if (code >= 0x10000) {
      code -= 0x10000;
      appendUtf16(hex, 0xd800 + (code >> 10));
      appendUtf16(hex, 0xdc00 + (code & 0x3ff));
    } else {
      appendUtf16(hex, code);
    }
  }
  return hex + ">";
}

std::string pdfDate(const std::string& isoTime) {
  if (isoTime.empty()) {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "D:%Y%m%d%H%M%S+00'00'", &utc);
    return buffer;
  }
  static const std::regex pattern(R"((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|([+-])(\d{2}):(\d{2})))");
  std::smatch m;
  if (!std::regex_match(isoTime, m, pattern))
    throw Error(ErrorCode::kInvalidArgument,
                "the signing time must look like 2026-11-23T09:15:00+07:00, not \"" + isoTime + "\"");
  std::string date = "D:" + m[1].str() + m[2].str() + m[3].str() + m[4].str() + m[5].str() + m[6].str();
  if (m[7] == "Z") return date + "+00'00'";
  return date + m[8].str() + m[9].str() + "'" + m[10].str() + "'";
}

std::string isoFromPdfDate(const std::string& text) {
  static const std::regex pattern(R"(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:(Z)(?:00'?00'?)?|([+-])(\d{2})'?(\d{2})'?)?)");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) return text;
  std::string iso = m[1].str() + "-" + m[2].str() + "-" + m[3].str() + "T" + m[4].str() + ":" + m[5].str() + ":" +
                    m[6].str();
  if (m[8].matched) return iso + m[8].str() + m[9].str() + ":" + m[10].str();
  return iso + "+00:00";
}

std::string toHex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    hex += digits[c >> 4];
    hex += digits[c & 0xf];
  }
  return hex;
}

}  // namespace naskah::sign
