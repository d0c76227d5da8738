// The text encoding of our PDFs. Fonts are embedded as simple TrueType fonts with the
// WinAnsi (CP1252) encoding: it covers Indonesian text, curly quotes and dashes, and it
// avoids libharu 2.3.0's malformed UTF-8 ToUnicode CMap (see docs/rendering.md).
#pragma once

#include <string>
#include <string_view>

namespace naskah::render {

// UTF-8 → CP1252. A code point CP1252 lacks becomes '?' (the documented limit of the
// encoding); invalid UTF-8 throws Error(kInvalidArgument).
std::string utf8ToCp1252(std::string_view utf8);

// The Unicode code point of a CP1252 byte (0 for the five unassigned bytes).
char32_t cp1252ToUnicode(unsigned char byte);

}  // namespace naskah::render
