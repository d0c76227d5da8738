#include "domain/workflow/working_calendar.h"

#include <gtest/gtest.h>

#include "domain/common/error.h"

// Readable failures: gtest finds PrintTo by argument-dependent lookup.
namespace naskah::domain::workflow {
inline void PrintTo(const LocalDateTime& t, std::ostream* os) { *os << t.toString(); }
}  // namespace naskah::domain::workflow

using namespace naskah;
using namespace naskah::domain::workflow;

namespace {

LocalDateTime at(const char* text) { return LocalDateTime::fromString(text); }
Date day(const char* text) { return *parseDate(text); }

OfficeInterval hours(const char* open, const char* close) {
  return {*parseClockMinute(open), *parseClockMinute(close)};
}

// The Perpres 21/2023 shape: Mon–Thu 07:30–16:00, Fri 07:30–16:30, no breaks.
WeeklyHours standardWeek() {
  WeeklyHours week;
  for (int d = 1; d <= 4; ++d) week[d] = {hours("07:30", "16:00")};
  week[5] = {hours("07:30", "16:30")};
  return week;
}

// The 2026 days off (SKB 1497/2/5 Tahun 2025) around the dates the tests use.
std::vector<DayOff> daysOff2026() {
  return {{day("2026-03-18"), "Cuti bersama Nyepi", DayOffKind::kCutiBersama},
          {day("2026-03-19"), "Hari Suci Nyepi", DayOffKind::kNationalHoliday},
          {day("2026-03-20"), "Cuti bersama Idul Fitri", DayOffKind::kCutiBersama},
          {day("2026-03-21"), "Idul Fitri 1447 H", DayOffKind::kNationalHoliday},
          {day("2026-03-22"), "Idul Fitri 1447 H", DayOffKind::kNationalHoliday},
          {day("2026-03-23"), "Cuti bersama Idul Fitri", DayOffKind::kCutiBersama},
          {day("2026-03-24"), "Cuti bersama Idul Fitri", DayOffKind::kCutiBersama},
          {day("2026-05-14"), "Kenaikan Yesus Kristus", DayOffKind::kNationalHoliday},
          {day("2026-05-15"), "Cuti bersama Kenaikan Yesus Kristus", DayOffKind::kCutiBersama},
          {day("2026-05-27"), "Idul Adha 1447 H", DayOffKind::kNationalHoliday},
          {day("2026-05-28"), "Cuti bersama Idul Adha", DayOffKind::kCutiBersama},
          {day("2026-05-31"), "Hari Raya Waisak", DayOffKind::kNationalHoliday},
          {day("2026-06-01"), "Hari Lahir Pancasila", DayOffKind::kNationalHoliday}};
}

WorkingCalendar office2026() { return WorkingCalendar(standardWeek(), daysOff2026()); }

}  // namespace

// Friday 29 May 2026 is followed by Saturday, Waisak (Sunday) and Pancasila (Monday).
TEST(WorkingCalendar, ThreeWorkingDaysFromFridayBeforeHolidayEndsWednesday) {
  // From the opening, three whole office days are Fri, Tue, Wed: due at Wednesday's closing.
  EXPECT_EQ(office2026().addWorkingDays(at("2026-05-29T07:30"), 3), at("2026-06-03T16:00"));
}

TEST(WorkingCalendar, ThreeWorkingDaysFromFridayMidMorningEndThursdayAtTheSameHour) {
  EXPECT_EQ(office2026().addWorkingDays(at("2026-05-29T10:00"), 3), at("2026-06-04T10:00"));
}

TEST(WorkingCalendar, WorkingDaysFromAfterClosingCountFromTheNextOpening) {
  // Friday evening: counting starts Tuesday 07:30, so Tue, Wed, Thu are the three days.
  EXPECT_EQ(office2026().addWorkingDays(at("2026-05-29T19:00"), 3), at("2026-06-04T16:00"));
}

TEST(WorkingCalendar, WorkingDayLandingPastAShorterDaysClosingEndsAtThatClosing) {
  // Friday 16:20 is past Monday's 16:00 closing: one working day later is Monday's closing.
  EXPECT_EQ(office2026().addWorkingDays(at("2026-06-05T16:20"), 1), at("2026-06-08T16:00"));
}

TEST(WorkingCalendar, FiveMinutesAt1558OnWednesdayBeforeKenaikanEndMondayAt0733) {
  // Thursday 14 May is Kenaikan, Friday 15 May cuti bersama: 2 minutes Wednesday, 3 on Monday.
  EXPECT_EQ(office2026().addWorkingMinutes(at("2026-05-13T15:58"), 5), at("2026-05-18T07:33"));
}

TEST(WorkingCalendar, FiveMinutesAt1628OnFridayBeforePancasilaEndTuesdayAt0733) {
  EXPECT_EQ(office2026().addWorkingMinutes(at("2026-05-29T16:28"), 5), at("2026-06-02T07:33"));
}

TEST(WorkingCalendar, FridayClosesHalfAnHourLaterThanThursday) {
  auto calendar = office2026();
  EXPECT_EQ(calendar.addWorkingMinutes(at("2026-06-05T15:58"), 5), at("2026-06-05T16:03"));
  EXPECT_EQ(calendar.addWorkingMinutes(at("2026-06-04T15:58"), 5), at("2026-06-05T07:33"));
}

TEST(WorkingCalendar, OneHourAfterClosingBeforeLebaranEndsTheDayAfterTheCutiBersama) {
  // 18–24 March 2026: Nyepi, Idul Fitri and their cuti bersama; the office reopens on the 25th.
  EXPECT_EQ(office2026().addWorkingHours(at("2026-03-17T18:00"), 1), at("2026-03-25T08:30"));
}

TEST(WorkingCalendar, ACountEndingAtClosingStaysAtClosing) {
  EXPECT_EQ(office2026().addWorkingMinutes(at("2026-06-04T15:00"), 60), at("2026-06-04T16:00"));
}

TEST(WorkingCalendar, ZeroReturnsTheStartAndNegativeIsRefused) {
  auto calendar = office2026();
  EXPECT_EQ(calendar.addWorkingMinutes(at("2026-06-06T10:00"), 0), at("2026-06-06T10:00"));
  EXPECT_EQ(calendar.addWorkingDays(at("2026-06-06T10:00"), 0), at("2026-06-06T10:00"));
  EXPECT_THROW(calendar.addWorkingMinutes(at("2026-06-04T10:00"), -1), Error);
  EXPECT_THROW(calendar.addWorkingDays(at("2026-06-04T10:00"), -1), Error);
}

TEST(WorkingCalendar, WorkingDaysExcludeWeekendsHolidaysAndCutiBersama) {
  auto calendar = office2026();
  EXPECT_TRUE(calendar.isWorkingDay(day("2026-06-02")));   // Tuesday
  EXPECT_FALSE(calendar.isWorkingDay(day("2026-06-06")));  // Saturday
  EXPECT_FALSE(calendar.isWorkingDay(day("2026-06-07")));  // Sunday
  EXPECT_FALSE(calendar.isWorkingDay(day("2026-06-01")));  // Hari Lahir Pancasila
  EXPECT_FALSE(calendar.isWorkingDay(day("2026-05-15")));  // cuti bersama
  EXPECT_EQ(calendar.workingMinutesOn(day("2026-06-04")), 510);
  EXPECT_EQ(calendar.workingMinutesOn(day("2026-06-05")), 540);
  EXPECT_EQ(calendar.workingMinutesOn(day("2026-06-01")), 0);
}

TEST(WorkingCalendar, CutiBersamaIsAWorkingDayWhenTheOfficeSaysSo) {
  WorkingCalendar calendar(standardWeek(), daysOff2026(), /*cutiBersamaIsDayOff=*/false);
  EXPECT_TRUE(calendar.isWorkingDay(day("2026-05-15")));
  EXPECT_FALSE(calendar.isWorkingDay(day("2026-05-14")));
  EXPECT_EQ(calendar.addWorkingMinutes(at("2026-05-13T15:58"), 5), at("2026-05-15T07:33"));
}

TEST(WorkingCalendar, BreaksAreNotOfficeTime) {
  WeeklyHours week;
  for (int d = 1; d <= 5; ++d) week[d] = {hours("07:30", "12:00"), hours("13:00", "16:00")};
  WorkingCalendar calendar(week, {});
  EXPECT_EQ(calendar.addWorkingMinutes(at("2026-06-03T11:55"), 10), at("2026-06-03T13:05"));
  EXPECT_FALSE(calendar.isOfficeTime(at("2026-06-03T12:30")));
  EXPECT_EQ(calendar.workingMinutesBetween(at("2026-06-03T11:00"), at("2026-06-03T14:00")), 120);
  // At 12:00 the morning session (270 of 450 office minutes) is over; a day later, so is it.
  EXPECT_EQ(calendar.addWorkingDays(at("2026-06-03T12:00"), 1), at("2026-06-04T12:00"));
}

TEST(WorkingCalendar, WorkingMinutesBetweenSkipsNightsWeekendsAndHolidays) {
  auto calendar = office2026();
  // Friday 16:00–16:30 and Tuesday 07:30–08:00.
  EXPECT_EQ(calendar.workingMinutesBetween(at("2026-05-29T16:00"), at("2026-06-02T08:00")), 60);
  EXPECT_EQ(calendar.workingMinutesBetween(at("2026-06-02T08:00"), at("2026-05-29T16:00")), -60);
  EXPECT_EQ(calendar.workingMinutesBetween(at("2026-06-06T09:00"), at("2026-06-07T09:00")), 0);
}

TEST(WorkingCalendar, WorkingMinutesBetweenUndoesAddWorkingMinutes) {
  auto calendar = office2026();
  for (const char* start : {"2026-03-17T15:59", "2026-05-13T06:00", "2026-05-29T16:30", "2026-06-06T12:00"})
    for (std::int64_t n : {1, 5, 59, 510, 541, 3000}) {
      auto end = calendar.addWorkingMinutes(at(start), n);
      EXPECT_EQ(calendar.workingMinutesBetween(at(start), end), n) << start << " + " << n;
    }
}

TEST(WorkingCalendar, BadHoursAreAllNamedAndAWeekWithoutHoursIsRefused) {
  WeeklyHours week;
  week[1] = {hours("07:30", "12:00"), hours("11:00", "16:00")};
  week[2] = {hours("16:00", "07:30")};
  try {
    WorkingCalendar calendar(week, {});
    FAIL() << "accepted overlapping and reversed intervals";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    ASSERT_EQ(e.violations().size(), 2u) << e.what();
    EXPECT_EQ(e.violations()[0].field, "office_hours.senin");
    EXPECT_EQ(e.violations()[1].field, "office_hours.selasa");
  }
  EXPECT_THROW(WorkingCalendar(WeeklyHours{}, {}), Error);
}

TEST(WorkingCalendar, KnowsWhichYearsItsDaysOffCover) {
  auto calendar = office2026();
  EXPECT_TRUE(calendar.coversYear(2026));
  EXPECT_FALSE(calendar.coversYear(2028));
  ASSERT_NE(calendar.dayOff(day("2026-06-01")), nullptr);
  EXPECT_EQ(calendar.dayOff(day("2026-06-01"))->name, "Hari Lahir Pancasila");
}

TEST(LocalDateTime, ParsesOfficeTimeAndRefusesOffsetsAndImpossibleDates) {
  EXPECT_EQ(at("2026-05-29T15:58:59").toString(), "2026-05-29T15:58:00");
  EXPECT_EQ(at("2026-05-29T15:58").minuteOfDay(), 15 * 60 + 58);
  EXPECT_FALSE(LocalDateTime::parse("2026-05-29T15:58+07:00"));
  EXPECT_FALSE(LocalDateTime::parse("2026-05-29T15:58Z"));
  EXPECT_FALSE(LocalDateTime::parse("2026-02-30T10:00"));
  EXPECT_FALSE(LocalDateTime::parse("2026-05-29"));
  EXPECT_TRUE(at("2026-05-29T23:59") < at("2026-05-30T00:00"));
  EXPECT_EQ(parseClockMinute("24:00"), 1440);
  EXPECT_FALSE(parseClockMinute("24:01"));
  EXPECT_FALSE(parseClockMinute("7:30"));
}
