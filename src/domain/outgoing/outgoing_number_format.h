// The display form of an outgoing letter's number (nomor surat keluar), an office setting.
// Tata Naskah Dinas for a Pemda builds it on the classification code: the default
// "{classification}/{seq}/{unit}/{year}" gives "400.9/17/DAFDUK/2026".
#pragma once

#include <cstdint>
#include <string>

namespace naskah::domain {

struct OutgoingNumberParts {
  std::string classification;  // kode klasifikasi arsip, "400.9"
  std::int64_t sequence = 0;   // nomor urut in the office's register of the year
  std::string unit;            // code of the issuing unit ("DAFDUK")
  std::string office;          // code of the office ("DINSOSDUKCAPIL")
  int year = 0;
  int month = 0;               // 1..12
};

class OutgoingNumberFormat {
 public:
  // Throws Error(kInvalidArgument) for an unknown placeholder or a pattern without {seq}.
  explicit OutgoingNumberFormat(std::string pattern);

  // Placeholders: {classification}, {seq} or {seq:N}, {unit}, {office}, {year}, {month}
  // (Roman numeral).
  std::string format(const OutgoingNumberParts& parts) const;
  const std::string& pattern() const { return pattern_; }

  static constexpr const char* kDefaultPattern = "{classification}/{seq}/{unit}/{year}";

 private:
  std::string pattern_;
};

}  // namespace naskah::domain
