// The public tracking code a reporter receives: short, unambiguous to read aloud or type
// (Crockford base32: no I, L, O, U) and with a check character that catches one typo.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace naskah::domain {

// Builds "ADU-XXXX-XXXX-C" from 8 random bytes (40 bits used). Randomness comes from the caller.
std::string makeTrackingCode(const std::array<std::uint8_t, 8>& randomBytes);

// True when the text has the shape and a matching check character (case-insensitive).
bool isValidTrackingCode(std::string_view code);

}  // namespace naskah::domain
