#include "domain/common/indonesian_text.h"

#include <gtest/gtest.h>

#include "domain/common/error.h"

namespace naskah::domain {
namespace {

TEST(IndonesianDate, IsoDateBecomesDayMonthNameYear) {
  EXPECT_EQ(formatIndonesianDate("2026-11-22"), "22 November 2026");
  EXPECT_EQ(formatIndonesianDate("2026-01-05T09:30:00"), "5 Januari 2026");
  EXPECT_EQ(formatIndonesianDate("2024-02-29"), "29 Februari 2024");
}

TEST(IndonesianDate, InvalidDatesAreRejected) {
  EXPECT_THROW(formatIndonesianDate("22-11-2026"), Error);
  EXPECT_THROW(formatIndonesianDate("2026-02-29"), Error);
  EXPECT_THROW(formatIndonesianDate("2026-13-01"), Error);
}

TEST(IndonesianDate, WeekdayNames) {
  EXPECT_EQ(indonesianWeekday("2026-11-22"), "Minggu");
  EXPECT_EQ(indonesianWeekday("2026-11-23"), "Senin");
  EXPECT_EQ(indonesianWeekday("2026-08-17"), "Senin");
}

TEST(Terbilang, UsesSeFormsAndSatuJuta) {
  EXPECT_EQ(terbilang(0), "nol");
  EXPECT_EQ(terbilang(1), "satu");
  EXPECT_EQ(terbilang(11), "sebelas");
  EXPECT_EQ(terbilang(14), "empat belas");
  EXPECT_EQ(terbilang(100), "seratus");
  EXPECT_EQ(terbilang(911), "sembilan ratus sebelas");
  EXPECT_EQ(terbilang(1000), "seribu");
  EXPECT_EQ(terbilang(1'000'000), "satu juta");
  EXPECT_EQ(terbilang(123456), "seratus dua puluh tiga ribu empat ratus lima puluh enam");
  EXPECT_EQ(terbilang(750000), "tujuh ratus lima puluh ribu");
  EXPECT_EQ(terbilang(2'000'000'001), "dua miliar satu");
}

TEST(Nip, EighteenDigitsAreGroupedEightSixOneThree) {
  EXPECT_EQ(formatNip("196805121993032004"), "19680512 199303 2 004");
  EXPECT_EQ(formatNip("19680512 199303 2 004"), "19680512 199303 2 004");
  EXPECT_EQ(formatNip("130 456 789"), "130 456 789");
}

}  // namespace
}  // namespace naskah::domain
