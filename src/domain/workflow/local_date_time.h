// A wall-clock moment in the office's own time zone, at minute resolution: the unit every
// SOP deadline is written in ("5 menit", "1 jam", "1 hari kerja"). No time zone is attached
// on purpose — an office's calendar is local (WIB/WITA/WIT), and so are its deadlines.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace naskah::domain::workflow {

using Date = std::chrono::sys_days;

// "2026-05-29" → the date; nullopt unless the text is a real calendar date (isIsoDate).
std::optional<Date> parseDate(std::string_view text);
// "2026-05-29"
std::string toIsoString(Date date);

class LocalDateTime {
 public:
  LocalDateTime() = default;
  // minuteOfDay in [0, 1440); throws Error(kInvalidArgument) otherwise.
  LocalDateTime(Date date, int minuteOfDay);

  // "2026-05-29T15:58" or "2026-05-29T15:58:30" (seconds are dropped: deadlines are counted
  // in whole minutes). A UTC offset or "Z" is refused: convert to office time first.
  static std::optional<LocalDateTime> parse(std::string_view text);
  // Like parse, but throws Error(kInvalidArgument) naming the text.
  static LocalDateTime fromString(std::string_view text);

  Date date() const { return date_; }
  int minuteOfDay() const { return minute_; }
  // "2026-05-29T15:58:00", the shape the registry stores received_at in.
  std::string toString() const;

  friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
  friend auto operator<=>(const LocalDateTime& a, const LocalDateTime& b) {
    if (auto c = a.date_ <=> b.date_; c != 0) return c;
    return a.minute_ <=> b.minute_;
  }

 private:
  Date date_{};
  int minute_ = 0;
};

// "07:30" → 450; nullopt unless HH:MM with HH ≤ 24 and 24:00 at most (24:00 closes a day).
std::optional<int> parseClockMinute(std::string_view text);
// 450 → "07:30"
std::string clockString(int minuteOfDay);

}  // namespace naskah::domain::workflow
