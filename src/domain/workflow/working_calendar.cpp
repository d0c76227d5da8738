#include "domain/workflow/working_calendar.h"

#include <algorithm>
#include <utility>

#include "domain/common/error.h"

namespace naskah::domain::workflow {
namespace {

constexpr std::array<std::string_view, 7> kWeekdayNames{"minggu", "senin", "selasa", "rabu",
                                                         "kamis",  "jumat", "sabtu"};
constexpr std::array<std::pair<DayOffKind, std::string_view>, 3> kKinds{
    {{DayOffKind::kNationalHoliday, "libur_nasional"},
     {DayOffKind::kCutiBersama, "cuti_bersama"},
     {DayOffKind::kLocal, "libur_daerah"}}};
constexpr int kMinutesPerDay = 24 * 60;

int weekdayIndex(Date date) { return static_cast<int>(std::chrono::weekday{date}.c_encoding()); }

int yearOf(Date date) { return static_cast<int>(std::chrono::year_month_day{date}.year()); }

// A moment given as (date, minute) where minute may be 1440 (a 24:00 closing) → the next midnight.
LocalDateTime moment(Date date, int minute) {
  if (minute >= kMinutesPerDay) return LocalDateTime(date + std::chrono::days{1}, minute - kMinutesPerDay);
  return LocalDateTime(date, minute);
}

}  // namespace

std::string_view toString(DayOffKind kind) {
  for (const auto& [k, name] : kKinds)
    if (k == kind) return name;
  return "";
}

std::optional<DayOffKind> parseDayOffKind(std::string_view name) {
  for (const auto& [k, n] : kKinds)
    if (n == name) return k;
  return std::nullopt;
}

std::string_view weekdayName(int cEncoding) {
  return cEncoding >= 0 && cEncoding < 7 ? kWeekdayNames[static_cast<size_t>(cEncoding)] : "";
}

std::optional<int> parseWeekdayName(std::string_view name) {
  for (size_t i = 0; i < kWeekdayNames.size(); ++i)
    if (kWeekdayNames[i] == name) return static_cast<int>(i);
  return std::nullopt;
}

WorkingCalendar::WorkingCalendar(WeeklyHours hours, const std::vector<DayOff>& daysOff, bool cutiBersamaIsDayOff)
    : hours_(std::move(hours)), cutiBersamaIsDayOff_(cutiBersamaIsDayOff) {
  Violations v;
  bool anyOpen = false;
  for (size_t day = 0; day < hours_.size(); ++day) {
    auto& intervals = hours_[day];
    std::sort(intervals.begin(), intervals.end(),
              [](const OfficeInterval& a, const OfficeInterval& b) { return a.open < b.open; });
    std::string field = "office_hours." + std::string(kWeekdayNames[day]);
    for (size_t i = 0; i < intervals.size(); ++i) {
      const auto& iv = intervals[i];
      std::string range = clockString(iv.open) + "-" + clockString(iv.close);
      if (iv.open < 0 || iv.close > kMinutesPerDay || iv.open >= iv.close)
        v.add(field, range + " is not an interval within one day (opening before closing)");
      else if (i > 0 && iv.open < intervals[i - 1].close)
        v.add(field, range + " overlaps the interval before it");
      else
        anyOpen = true;
    }
  }
  if (!anyOpen) v.add("office_hours", "no day of the week has office hours; no deadline could ever end");
  v.throwIfAny("office calendar");
  for (const auto& d : daysOff) daysOff_.emplace(d.date, d);
}

const DayOff* WorkingCalendar::dayOff(Date date) const {
  auto it = daysOff_.find(date);
  return it == daysOff_.end() ? nullptr : &it->second;
}

std::vector<DayOff> WorkingCalendar::daysOff() const {
  std::vector<DayOff> out;
  for (const auto& [date, d] : daysOff_) out.push_back(d);
  return out;
}

bool WorkingCalendar::coversYear(int year) const {
  return std::any_of(daysOff_.begin(), daysOff_.end(), [&](const auto& e) { return yearOf(e.first) == year; });
}

bool WorkingCalendar::isWorkingDay(Date date) const {
  if (hours_[static_cast<size_t>(weekdayIndex(date))].empty()) return false;
  const DayOff* off = dayOff(date);
  if (!off) return true;
  return off->kind == DayOffKind::kCutiBersama && !cutiBersamaIsDayOff_;
}

const std::vector<OfficeInterval>& WorkingCalendar::intervalsOn(Date date) const {
  static const std::vector<OfficeInterval> kClosed;
  return isWorkingDay(date) ? hours_[static_cast<size_t>(weekdayIndex(date))] : kClosed;
}

bool WorkingCalendar::isOfficeTime(const LocalDateTime& at) const {
  for (const auto& iv : intervalsOn(at.date()))
    if (at.minuteOfDay() >= iv.open && at.minuteOfDay() < iv.close) return true;
  return false;
}

int WorkingCalendar::workingMinutesOn(Date date) const {
  int total = 0;
  for (const auto& iv : intervalsOn(date)) total += iv.close - iv.open;
  return total;
}

// Terminates: the constructor guarantees an open weekday, and the day-off list is finite.
Date WorkingCalendar::nextWorkingDay(Date date) const {
  do date += std::chrono::days{1};
  while (!isWorkingDay(date));
  return date;
}

Date WorkingCalendar::previousWorkingDay(Date date) const {
  do date -= std::chrono::days{1};
  while (!isWorkingDay(date));
  return date;
}

LocalDateTime WorkingCalendar::nextOfficeMoment(const LocalDateTime& at) const {
  for (const auto& iv : intervalsOn(at.date()))
    if (at.minuteOfDay() < iv.close) return moment(at.date(), std::max(at.minuteOfDay(), iv.open));
  Date next = nextWorkingDay(at.date());
  return moment(next, intervalsOn(next).front().open);
}

LocalDateTime WorkingCalendar::momentInDay(Date date, int offset) const {
  const auto& intervals = intervalsOn(date);
  for (const auto& iv : intervals) {
    int length = iv.close - iv.open;
    if (offset <= length) return moment(date, iv.open + offset);
    offset -= length;
  }
  return moment(date, intervals.back().close);  // capped at closing
}

LocalDateTime WorkingCalendar::addWorkingMinutes(const LocalDateTime& start, std::int64_t minutes) const {
  if (minutes < 0) throw Error(ErrorCode::kInvalidArgument, "a working-time step cannot be negative");
  if (minutes == 0) return start;
  std::int64_t remaining = minutes;
  Date date = start.date();
  int from = start.minuteOfDay();
  for (;;) {
    for (const auto& iv : intervalsOn(date)) {
      if (from >= iv.close) continue;
      int begin = std::max(from, iv.open);
      int available = iv.close - begin;
      if (remaining <= available) return moment(date, begin + static_cast<int>(remaining));
      remaining -= available;
    }
    date = nextWorkingDay(date);
    from = 0;
  }
}

LocalDateTime WorkingCalendar::addWorkingHours(const LocalDateTime& start, std::int64_t hours) const {
  if (hours < 0) throw Error(ErrorCode::kInvalidArgument, "a working-time step cannot be negative");
  return addWorkingMinutes(start, hours * 60);
}

LocalDateTime WorkingCalendar::addWorkingDays(const LocalDateTime& start, int days) const {
  if (days < 0) throw Error(ErrorCode::kInvalidArgument, "a working-time step cannot be negative");
  if (days == 0) return start;
  LocalDateTime from = nextOfficeMoment(start);
  auto dayStart = LocalDateTime(from.date(), 0);
  auto offset = static_cast<int>(workingMinutesBetween(dayStart, from));
  Date target = from.date();
  for (int i = 0; i < days; ++i) target = nextWorkingDay(target);
  if (offset == 0) {
    Date previous = previousWorkingDay(target);
    return moment(previous, intervalsOn(previous).back().close);
  }
  return momentInDay(target, std::min(offset, workingMinutesOn(target)));
}

std::int64_t WorkingCalendar::workingMinutesBetween(const LocalDateTime& a, const LocalDateTime& b) const {
  if (b < a) return -workingMinutesBetween(b, a);
  std::int64_t total = 0;
  for (Date date = a.date(); date <= b.date(); date += std::chrono::days{1}) {
    int low = date == a.date() ? a.minuteOfDay() : 0;
    int high = date == b.date() ? b.minuteOfDay() : kMinutesPerDay;
    for (const auto& iv : intervalsOn(date)) {
      int begin = std::max(low, iv.open), end = std::min(high, iv.close);
      if (end > begin) total += end - begin;
    }
  }
  return total;
}

}  // namespace naskah::domain::workflow
