// The office calendar that SOP deadlines are counted on: office hours per weekday, weekends,
// national holidays, cuti bersama and local days off — all data (samples/calendar/, see
// docs/workflow.md). Deadlines count office time only: a 5-minute step registered two minutes
// before closing ends three minutes after the next opening.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/workflow/local_date_time.h"

namespace naskah::domain::workflow {

enum class DayOffKind {
  kNationalHoliday,  // libur_nasional (SKB 3 Menteri)
  kCutiBersama,      // cuti_bersama (SKB 3 Menteri); a day off for ASN unless the office says otherwise
  kLocal,            // libur_daerah: a regional or office day off (hari jadi, ...)
};
std::string_view toString(DayOffKind kind);  // "libur_nasional", "cuti_bersama", "libur_daerah"
std::optional<DayOffKind> parseDayOffKind(std::string_view name);

struct DayOff {
  Date date;
  std::string name;  // "Hari Suci Nyepi (Tahun Baru Saka 1948)"
  DayOffKind kind = DayOffKind::kNationalHoliday;
  bool provisional = false;  // not yet decreed (e.g. a lunar date estimated before the SKB)
};

// Minutes of the day an office is open, [open, close).
struct OfficeInterval {
  int open = 0;
  int close = 0;
  friend bool operator==(const OfficeInterval&, const OfficeInterval&) = default;
};

// The office's week. Index = std::chrono::weekday::c_encoding(): 0 = Minggu (Sunday) … 6 = Sabtu.
// Several intervals per day model a break (istirahat); an empty day is closed.
using WeeklyHours = std::array<std::vector<OfficeInterval>, 7>;

// Indonesian day names as the calendar file uses them, index as WeeklyHours: "minggu" … "sabtu".
std::string_view weekdayName(int cEncoding);
std::optional<int> parseWeekdayName(std::string_view name);

class WorkingCalendar {
 public:
  // Throws Error(kInvalidArgument) listing every bad interval (open ≥ close, outside the day,
  // overlapping) and when no day of the week is open (no deadline could ever be reached).
  // Two days off on one date: the first one given is kept.
  WorkingCalendar(WeeklyHours hours, const std::vector<DayOff>& daysOff, bool cutiBersamaIsDayOff = true);

  const WeeklyHours& hours() const { return hours_; }
  bool cutiBersamaIsDayOff() const { return cutiBersamaIsDayOff_; }
  // The day off on that date (whether or not it closes the office), or nullptr.
  const DayOff* dayOff(Date date) const;
  std::vector<DayOff> daysOff() const;
  // True when the day-off list has any entry in that year: deadlines in a year the list does not
  // cover count weekends only, which a caller may want to warn about.
  bool coversYear(int year) const;

  // An open weekday that is neither a holiday nor (when configured) cuti bersama.
  bool isWorkingDay(Date date) const;
  // Within an office interval of a working day (closing minute excluded).
  bool isOfficeTime(const LocalDateTime& at) const;
  // Office minutes of that date: 0 on a day off.
  int workingMinutesOn(Date date) const;

  // The moment after `minutes` of office time from `start` (minutes ≥ 0; 0 returns start).
  // Time outside office hours does not count: from a closed moment counting starts at the next
  // opening. A count that runs out exactly at a closing ends there, not at the next opening.
  LocalDateTime addWorkingMinutes(const LocalDateTime& start, std::int64_t minutes) const;
  LocalDateTime addWorkingHours(const LocalDateTime& start, std::int64_t hours) const;
  // The same point of the office day `days` working days later (days ≥ 0; 0 returns start).
  // A start outside office time counts from the next opening. The point is measured in office
  // minutes since the day's opening and capped at the target day's closing; a point at the very
  // opening is given as the previous working day's closing (the same instant in office time), so
  // 3 working days from Friday 07:30 end Wednesday 16:00 when Monday is a holiday.
  LocalDateTime addWorkingDays(const LocalDateTime& start, int days) const;
  // Office minutes in [a, b); negative when b is before a. For SLA: time taken by a step, or
  // lateness as workingMinutesBetween(due, done).
  std::int64_t workingMinutesBetween(const LocalDateTime& a, const LocalDateTime& b) const;

 private:
  const std::vector<OfficeInterval>& intervalsOn(Date date) const;
  // The first office moment at or after `at`.
  LocalDateTime nextOfficeMoment(const LocalDateTime& at) const;
  // The moment `offset` office minutes after the opening of a working day (0 < offset ≤ day's total).
  LocalDateTime momentInDay(Date date, int offset) const;
  Date nextWorkingDay(Date date) const;
  Date previousWorkingDay(Date date) const;

  WeeklyHours hours_;
  std::map<Date, DayOff> daysOff_;
  bool cutiBersamaIsDayOff_;
};

}  // namespace naskah::domain::workflow
