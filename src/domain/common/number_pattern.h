// The display pattern of a register number, an office setting shared by the agenda surat masuk
// and the outgoing register: literal text with {name} or {name:N} placeholders ("{seq:4}").
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace naskah::domain {

// Calls onText for each literal run and onField(name, width) for each placeholder, in order
// (width 0 when none is given). Throws Error(kInvalidArgument) starting with `what` ("agenda
// number pattern") for an unclosed brace or a width that is not one or two digits.
void walkNumberPattern(const std::string& pattern, std::string_view what,
                       const std::function<void(const std::string&)>& onText,
                       const std::function<void(const std::string&, int)>& onField);

// 42 with width 4 → "0042"; a wider number is never cut.
std::string zeroPadded(std::int64_t value, int width);

}  // namespace naskah::domain
