#include "domain/workflow/local_date_time.h"

#include <cstdio>

#include "domain/common/error.h"
#include "domain/letters/incoming_letter.h"

namespace naskah::domain::workflow {
namespace {

int number(std::string_view s, size_t pos, size_t len) {
  int n = 0;
  for (size_t i = pos; i < pos + len; ++i) n = n * 10 + (s[i] - '0');
  return n;
}

}  // namespace

std::optional<Date> parseDate(std::string_view text) {
  if (!isIsoDate(text)) return std::nullopt;
  using namespace std::chrono;
  return sys_days{year{number(text, 0, 4)} / month{static_cast<unsigned>(number(text, 5, 2))} /
                  day{static_cast<unsigned>(number(text, 8, 2))}};
}

std::string toIsoString(Date date) {
  std::chrono::year_month_day ymd{date};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

LocalDateTime::LocalDateTime(Date date, int minuteOfDay) : date_(date), minute_(minuteOfDay) {
  if (minuteOfDay < 0 || minuteOfDay >= 24 * 60)
    throw Error(ErrorCode::kInvalidArgument, "minute of day out of range: " + std::to_string(minuteOfDay));
}

std::optional<LocalDateTime> LocalDateTime::parse(std::string_view text) {
  // isIsoDateTime accepts offsets; office time has none, so only the two plain shapes pass.
  if (!isIsoDateTime(text) || (text.size() != 16 && text.size() != 19)) return std::nullopt;
  auto date = parseDate(text.substr(0, 10));
  if (!date) return std::nullopt;
  return LocalDateTime(*date, number(text, 11, 2) * 60 + number(text, 14, 2));
}

LocalDateTime LocalDateTime::fromString(std::string_view text) {
  auto value = parse(text);
  if (!value)
    throw Error(ErrorCode::kInvalidArgument,
                "'" + std::string(text) + "' is not an office-local time like 2026-05-29T15:58");
  return *value;
}

std::string LocalDateTime::toString() const { return toIsoString(date_) + "T" + clockString(minute_) + ":00"; }

std::optional<int> parseClockMinute(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (size_t i : {0, 1, 3, 4})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  int hour = number(text, 0, 2), minute = number(text, 3, 2);
  if (minute > 59 || hour > 24 || (hour == 24 && minute != 0)) return std::nullopt;
  return hour * 60 + minute;
}

std::string clockString(int minuteOfDay) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
  return buffer;
}

}  // namespace naskah::domain::workflow
