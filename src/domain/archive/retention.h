// Retention (JRA, Jadwal Retensi Arsip) over the classification codes of Permendagri 83/2022:
// how long a record stays active, then inactive, and what happens to it at the end. The codes
// and their rules are data (samples/retention/klasifikasi.json); this is the arithmetic.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace naskah::domain::archive {

using Date = std::chrono::sys_days;

// Keterangan akhir of a JRA row.
enum class FinalDisposition { kMusnah, kPermanen, kDinilaiKembali };

// "musnah", "permanen", "dinilai_kembali" (as in the data file and the API).
std::string_view finalDispositionName(FinalDisposition disposition);
std::optional<FinalDisposition> parseFinalDisposition(std::string_view name);

struct RetentionRule {
  int activeYears = 0;
  int inactiveYears = 0;
  FinalDisposition disposition = FinalDisposition::kPermanen;
};

// One code of the schedule; a code without its own rule inherits its nearest ancestor's.
struct ClassificationCode {
  std::string code;  // "400.12.2.1"
  std::string name;  // "Identitas Penduduk"
  std::optional<RetentionRule> rule;
};

// The rule that applies to a code and the code it was written for.
struct ResolvedRule {
  RetentionRule rule;
  std::string ruleCode;  // the code itself, or the ancestor it inherits from
};

// "000", "400.12.2.1": groups of digits separated by single dots.
bool isClassificationCode(std::string_view code);
// "400.12.2.1" → "400.12.2"; a top-level code ("400") → "".
std::string parentCode(std::string_view code);

class RetentionSchedule {
 public:
  RetentionSchedule() = default;
  // Throws Error(kInvalidArgument) naming every bad code: malformed, listed twice, negative
  // years, or with neither its own rule nor an ancestor in the list that has one.
  explicit RetentionSchedule(std::vector<ClassificationCode> codes);

  // The listed code; nullptr when it is not in the schedule.
  const ClassificationCode* find(std::string_view code) const;
  // The code's own rule, else that of its nearest listed ancestor ("400.9.1.7" falls back to
  // "400.9.1", then "400.9", then "400"); nullopt when none has one.
  std::optional<ResolvedRule> ruleFor(std::string_view code) const;
  const std::vector<ClassificationCode>& codes() const { return codes_; }

 private:
  std::vector<ClassificationCode> codes_;  // sorted by code text
};

// When a record moves on: inactive from letter date + active years; its final disposition is
// due at letter date + active + inactive years. A 29 February that does not exist in the target year becomes
// 28 February (the period ends no later than the years it names).
struct RetentionDates {
  Date inactiveFrom;
  Date finalDue;
};
RetentionDates retentionDates(Date letterDate, const RetentionRule& rule);

enum class RetentionPhase { kActive, kInactive, kDue };
// "active", "inactive", "due"
std::string_view retentionPhaseName(RetentionPhase phase);
// Active before inactiveFrom, inactive before finalDue, due from finalDue on.
RetentionPhase retentionPhaseOn(const RetentionDates& dates, Date today);

}  // namespace naskah::domain::archive
