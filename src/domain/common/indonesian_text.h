// Indonesian wording rules used in official letters: dates, terbilang, NIP grouping.
// Pure functions, no locale: the output must not depend on the machine.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace naskah::domain {

// "2026-11-22" (ISO date, optionally followed by a time) → "22 November 2026".
// Throws Error(kInvalidArgument) when the text is not a valid ISO date.
std::string formatIndonesianDate(std::string_view isoDate);

// "2026-11-22" → "Minggu" (name of the weekday). Same contract as formatIndonesianDate.
std::string indonesianWeekday(std::string_view isoDate);

// 911 → "sembilan ratus sebelas"; 0 → "nol". Numbers up to 999 999 999 999 999.
std::string terbilang(std::int64_t number);

// "196805121993032004" → "19680512 199303 2 004" (8-6-1-3). Text that is not 18 digits
// (after removing spaces) is returned unchanged, because offices print legacy numbers too.
std::string formatNip(std::string_view nip);

}  // namespace naskah::domain
