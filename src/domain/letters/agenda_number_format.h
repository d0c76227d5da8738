// The display form of an agenda number, an office setting. A pattern such as
// "{seq:4}/SM/{office}/{year}" gives "0042/SM/DINSOSDUKCAPIL/2026".
#pragma once

#include <cstdint>
#include <string>

namespace naskah::domain {

class AgendaNumberFormat {
 public:
  // Throws Error(kInvalidArgument) when the pattern has an unknown placeholder or no {seq}.
  explicit AgendaNumberFormat(std::string pattern);

  // Placeholders: {seq} or {seq:N} (zero-padded to N digits), {year}, {office}, {month}
  // (Roman numeral of the month received, as registers often write it).
  std::string format(std::int64_t sequence, int year, int month, const std::string& officeCode) const;
  const std::string& pattern() const { return pattern_; }

  static constexpr const char* kDefaultPattern = "{seq:4}/SM/{office}/{year}";

 private:
  std::string pattern_;
};

// "I" … "XII"; throws kInvalidArgument outside 1..12.
std::string romanMonth(int month);

}  // namespace naskah::domain
