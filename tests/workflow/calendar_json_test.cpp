#include "json/calendar_json.h"

#include <gtest/gtest.h>

#include <fstream>

#include "domain/common/error.h"
#include "support/temp_dir.h"

using namespace naskah;
using namespace naskah::domain::workflow;

namespace naskah::domain::workflow {
inline void PrintTo(const LocalDateTime& t, std::ostream* os) { *os << t.toString(); }
}  // namespace naskah::domain::workflow

namespace {

const std::string kCalendar = std::string(NASKAH_SOURCE_DIR) + "/samples/calendar";

LocalDateTime at(const char* text) { return LocalDateTime::fromString(text); }
Date day(const char* text) { return *parseDate(text); }

std::string write(const naskah::testing::TempDir& dir, const std::string& name, const std::string& text) {
  std::string path = dir.path() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

bool contains(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

const char* kHours = R"({ "office_hours": { "senin": ["07:30-16:00"], "jumat": ["07:30-16:30"] } })";

}  // namespace

TEST(CalendarJson, TheSampleCalendarHasTheDecreed2026DaysOffAndTheOfficeHours) {
  auto calendar = json::loadWorkingCalendarFolder(kCalendar);
  int national = 0, cutiBersama = 0;
  for (const auto& d : calendar.daysOff()) {
    if (std::chrono::year_month_day{d.date}.year() != std::chrono::year{2026}) continue;
    EXPECT_FALSE(d.provisional) << toIsoString(d.date);
    (d.kind == DayOffKind::kCutiBersama ? cutiBersama : national)++;
  }
  EXPECT_EQ(national, 17);  // SKB 1497/2/5 Tahun 2025
  EXPECT_EQ(cutiBersama, 8);
  EXPECT_EQ(calendar.workingMinutesOn(day("2026-06-04")), 510);  // Thursday 07:30–16:00
  EXPECT_EQ(calendar.workingMinutesOn(day("2026-06-05")), 540);  // Friday 07:30–16:30
  EXPECT_FALSE(calendar.isWorkingDay(day("2026-03-23")));        // cuti bersama Idul Fitri
  EXPECT_TRUE(calendar.coversYear(2027));
  ASSERT_NE(calendar.dayOff(day("2027-03-10")), nullptr);
  EXPECT_TRUE(calendar.dayOff(day("2027-03-10"))->provisional);  // Idul Fitri 1448 H, before the SKB
  EXPECT_FALSE(calendar.dayOff(day("2027-08-17"))->provisional);
}

TEST(CalendarJson, ThreeWorkingDaysFromFridayBeforeHolidayEndsWednesday) {
  auto calendar = json::loadWorkingCalendarFolder(kCalendar);
  // Friday 29 May 2026; Sunday 31 May is Waisak, Monday 1 June Hari Lahir Pancasila.
  EXPECT_EQ(calendar.addWorkingDays(at("2026-05-29T07:30"), 3), at("2026-06-03T16:00"));
  EXPECT_EQ(calendar.addWorkingDays(at("2026-05-29T09:00"), 3), at("2026-06-04T09:00"));
}

TEST(CalendarJson, FiveMinutesBeforeTheLebaranBreakEndAfterIt) {
  auto calendar = json::loadWorkingCalendarFolder(kCalendar);
  // Tuesday 17 March 2026 is the last working day before 18–24 March (Nyepi, Idul Fitri, cuti bersama).
  EXPECT_EQ(calendar.addWorkingMinutes(at("2026-03-17T15:58"), 5), at("2026-03-25T07:33"));
  EXPECT_EQ(calendar.workingMinutesBetween(at("2026-03-17T15:00"), at("2026-03-25T08:00")), 90);
}

TEST(CalendarJson, EveryBadValueIsNamedWithTheFile) {
  naskah::testing::TempDir dir;
  std::string path = write(dir, "libur.json", R"({
  "year": 2026,
  "office_hours": { "senin": ["16:00-07:30"], "selasa": ["7.30-16"], "hari_raya": [] },
  "days_off": [
    { "date": "2026-02-30", "kind": "libur_nasional", "name": "Tanggal mustahil" },
    { "date": "2027-01-01", "kind": "libur_nasional", "name": "Tahun lain" },
    { "date": "2026-08-17", "kind": "libur", "name": "" },
    { "date": "2026-08-18", "kind": "cuti_bersama", "name": "Cuti", "provisonal": true }
  ]
})");
  try {
    json::loadWorkingCalendar({path});
    FAIL() << "a broken calendar loaded";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    std::string m = e.what();
    EXPECT_TRUE(contains(m, path + ": office_hours.selasa '7.30-16' is not an interval")) << m;
    EXPECT_TRUE(contains(m, path + ": office_hours.hari_raya is not a day")) << m;
    EXPECT_TRUE(contains(m, path + ": days_off[0] (2026-02-30, line 5).date must be a date")) << m;
    EXPECT_TRUE(contains(m, path + ": days_off[1] (2027-01-01, line 6).date is not in the file's year 2026")) << m;
    EXPECT_TRUE(contains(m, "days_off[2] (2026-08-17, line 7).kind must be one of")) << m;
    EXPECT_TRUE(contains(m, "days_off[2] (2026-08-17, line 7).name is required")) << m;
    EXPECT_TRUE(contains(m, "days_off[3] (2026-08-18, line 8).provisonal is not a known key")) << m;
  }
}

TEST(CalendarJson, AReversedIntervalIsNamedWithTheFileThatGivesIt) {
  naskah::testing::TempDir dir;
  std::string path = write(dir, "jam.json", R"({ "office_hours": { "senin": ["16:00-07:30"] } })");
  try {
    json::loadWorkingCalendar({path});
    FAIL();
  } catch (const Error& e) {
    EXPECT_TRUE(contains(e.what(), path + ": office calendar: office_hours.senin 16:00-07:30 is not an interval"))
        << e.what();
  }
}

TEST(CalendarJson, OfficeHoursComeFromExactlyOneFileAndADateOnlyOnce) {
  naskah::testing::TempDir dir;
  std::string a = write(dir, "a.json", kHours);
  std::string b = write(dir, "b.json", kHours);
  std::string c = write(dir, "c.json", R"({ "days_off": [ { "date": "2026-08-17", "kind": "libur_nasional", "name": "HUT RI" } ] })");
  std::string d = write(dir, "d.json", R"({ "days_off": [ { "date": "2026-08-17", "kind": "libur_daerah", "name": "Lagi" } ] })");
  try {
    json::loadWorkingCalendar({a, b, c, d});
    FAIL();
  } catch (const Error& e) {
    EXPECT_TRUE(contains(e.what(), b + ": office_hours are given in " + a + " already")) << e.what();
    EXPECT_TRUE(contains(e.what(), d + ": days_off 2026-08-17 is listed twice (also in " + c + ")")) << e.what();
  }
  try {
    json::loadWorkingCalendar({c});
    FAIL();
  } catch (const Error& e) {
    EXPECT_TRUE(contains(e.what(), "no calendar file gives the office hours")) << e.what();
  }
}

TEST(CalendarJson, CutiBersamaCountsAsWorkingTimeWhenTheOfficeSaysSo) {
  naskah::testing::TempDir dir;
  std::string hours = write(dir, "jam.json", R"({ "cuti_bersama_is_day_off": false,
    "office_hours": { "senin": ["07:30-16:00"], "selasa": ["07:30-16:00"], "rabu": ["07:30-16:00"],
                      "kamis": ["07:30-16:00"], "jumat": ["07:30-16:30"] } })");
  auto calendar = json::loadWorkingCalendar({hours, kCalendar + "/holidays-2026.json"});
  EXPECT_TRUE(calendar.isWorkingDay(day("2026-03-23")));
  EXPECT_FALSE(calendar.isWorkingDay(day("2026-03-19")));
}
