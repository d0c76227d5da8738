#include "domain/archive/retention.h"

#include <algorithm>
#include <set>

#include "domain/common/error.h"

namespace naskah::domain::archive {

std::string_view finalDispositionName(FinalDisposition disposition) {
  switch (disposition) {
    case FinalDisposition::kMusnah: return "musnah";
    case FinalDisposition::kPermanen: return "permanen";
    case FinalDisposition::kDinilaiKembali: return "dinilai_kembali";
  }
  return "permanen";
}

std::optional<FinalDisposition> parseFinalDisposition(std::string_view name) {
  if (name == "musnah") return FinalDisposition::kMusnah;
  if (name == "permanen") return FinalDisposition::kPermanen;
  if (name == "dinilai_kembali") return FinalDisposition::kDinilaiKembali;
  return std::nullopt;
}

bool isClassificationCode(std::string_view code) {
  if (code.empty() || code.front() == '.' || code.back() == '.') return false;
  char previous = 0;
  for (char c : code) {
    if (c == '.' && previous == '.') return false;
    if (c != '.' && (c < '0' || c > '9')) return false;
    previous = c;
  }
  return true;
}

std::string parentCode(std::string_view code) {
  auto dot = code.rfind('.');
  return dot == std::string_view::npos ? std::string() : std::string(code.substr(0, dot));
}

RetentionSchedule::RetentionSchedule(std::vector<ClassificationCode> codes) : codes_(std::move(codes)) {
  std::sort(codes_.begin(), codes_.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  Violations v;
  std::set<std::string> seen;
  for (const auto& c : codes_) {
    if (!isClassificationCode(c.code)) v.add(c.code, "is not a classification code like \"400.12.2.1\"");
    if (!seen.insert(c.code).second) v.add(c.code, "is listed twice");
    if (c.name.empty()) v.add(c.code, "has no name");
    if (c.rule && (c.rule->activeYears < 0 || c.rule->inactiveYears < 0))
      v.add(c.code, "has negative retention years");
  }
  for (const auto& c : codes_)
    if (isClassificationCode(c.code) && !ruleFor(c.code))
      v.add(c.code, "has no retention rule and no listed parent with one");
  v.throwIfAny("the classification codes are not valid");
}

const ClassificationCode* RetentionSchedule::find(std::string_view code) const {
  auto it = std::lower_bound(codes_.begin(), codes_.end(), code,
                             [](const ClassificationCode& c, std::string_view key) { return c.code < key; });
  return it != codes_.end() && it->code == code ? &*it : nullptr;
}

std::optional<ResolvedRule> RetentionSchedule::ruleFor(std::string_view code) const {
  if (!isClassificationCode(code)) return std::nullopt;
  for (std::string at(code); !at.empty(); at = parentCode(at)) {
    const auto* listed = find(at);
    if (listed && listed->rule) return ResolvedRule{*listed->rule, listed->code};
  }
  return std::nullopt;
}

namespace {

Date addYears(Date date, int years) {
  std::chrono::year_month_day ymd(date);
  std::chrono::year_month_day moved = ymd + std::chrono::years(years);
  if (!moved.ok()) moved = moved.year() / moved.month() / std::chrono::last;  // 29 Feb → 28 Feb
  return Date(moved);
}

}  // namespace

RetentionDates retentionDates(Date letterDate, const RetentionRule& rule) {
  // Both periods are counted from the letter date, so that 29 Feb + 1 + 3 lands on the same
  // day as 29 Feb + 4 (28 Feb only when the final year is not a leap year).
  return {addYears(letterDate, rule.activeYears), addYears(letterDate, rule.activeYears + rule.inactiveYears)};
}

std::string_view retentionPhaseName(RetentionPhase phase) {
  switch (phase) {
    case RetentionPhase::kActive: return "active";
    case RetentionPhase::kInactive: return "inactive";
    case RetentionPhase::kDue: return "due";
  }
  return "active";
}

RetentionPhase retentionPhaseOn(const RetentionDates& dates, Date today) {
  if (today < dates.inactiveFrom) return RetentionPhase::kActive;
  if (today < dates.finalDue) return RetentionPhase::kInactive;
  return RetentionPhase::kDue;
}

}  // namespace naskah::domain::archive
