#include "domain/archive/retention.h"

#include <gtest/gtest.h>

#include "domain/common/error.h"

namespace naskah::domain::archive {
namespace {

using namespace std::chrono;

Date day(int y, unsigned m, unsigned d) { return Date(year(y) / month(m) / d); }

RetentionRule rule(int active, int inactive, FinalDisposition disposition) { return {active, inactive, disposition}; }

RetentionSchedule demoSchedule() {
  return RetentionSchedule({
      {"000", "Umum", rule(2, 3, FinalDisposition::kMusnah)},
      {"000.8", "Organisasi dan Tata Laksana", std::nullopt},
      {"000.8.3.4", "Pelayanan Publik", rule(2, 3, FinalDisposition::kPermanen)},
      {"400", "Kesejahteraan Rakyat", rule(2, 3, FinalDisposition::kDinilaiKembali)},
      {"400.9", "Sosial", rule(1, 4, FinalDisposition::kMusnah)},
      {"900", "Keuangan", rule(2, 8, FinalDisposition::kMusnah)},
  });
}

TEST(RetentionSchedule, ACodeWithItsOwnRuleUsesIt) {
  auto resolved = demoSchedule().ruleFor("000.8.3.4");
  ASSERT_TRUE(resolved);
  EXPECT_EQ(resolved->ruleCode, "000.8.3.4");
  EXPECT_EQ(resolved->rule.disposition, FinalDisposition::kPermanen);
}

TEST(RetentionSchedule, AListedCodeWithoutARuleInheritsItsNearestAncestors) {
  auto resolved = demoSchedule().ruleFor("000.8");
  ASSERT_TRUE(resolved);
  EXPECT_EQ(resolved->ruleCode, "000");
  EXPECT_EQ(resolved->rule.disposition, FinalDisposition::kMusnah);
}

TEST(RetentionSchedule, AnUnlistedSubcodeInheritsTheNearestListedAncestorNotTheTopLevel) {
  auto resolved = demoSchedule().ruleFor("400.9.1.7");
  ASSERT_TRUE(resolved);
  EXPECT_EQ(resolved->ruleCode, "400.9");
  EXPECT_EQ(resolved->rule.activeYears, 1);
  EXPECT_EQ(demoSchedule().ruleFor("400.12.2.1")->ruleCode, "400");
}

TEST(RetentionSchedule, ACodeUnderNoListedClassHasNoRule) {
  EXPECT_FALSE(demoSchedule().ruleFor("800.1"));
  EXPECT_FALSE(demoSchedule().ruleFor(""));
  EXPECT_FALSE(demoSchedule().ruleFor("40a"));
}

TEST(RetentionSchedule, AFileWithoutARuleForATopLevelCodeIsRefusedNamingTheCode) {
  try {
    RetentionSchedule({{"800", "Kepegawaian", std::nullopt}, {"800.1", "Formasi", std::nullopt}});
    FAIL() << "accepted codes without any rule";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    ASSERT_EQ(e.violations().size(), 2u);
    EXPECT_EQ(e.violations()[0].field, "800");
    EXPECT_EQ(e.violations()[1].field, "800.1");
  }
}

TEST(RetentionSchedule, MalformedDuplicatedAndNegativeCodesAreAllReportedTogether) {
  try {
    RetentionSchedule({{"400..9", "Sosial", rule(1, 1, FinalDisposition::kMusnah)},
                       {"900", "Keuangan", rule(2, 8, FinalDisposition::kMusnah)},
                       {"900", "Keuangan lagi", rule(2, 8, FinalDisposition::kMusnah)},
                       {"100", "Pemerintahan", rule(-1, 3, FinalDisposition::kPermanen)}});
    FAIL() << "accepted bad codes";
  } catch (const Error& e) {
    std::string fields;
    for (const auto& v : e.violations()) fields += v.field + ";";
    EXPECT_EQ(fields, "100;400..9;900;");
  }
}

TEST(ClassificationCode, ParentDropsTheLastGroup) {
  EXPECT_EQ(parentCode("400.12.2.1"), "400.12.2");
  EXPECT_EQ(parentCode("400"), "");
  EXPECT_TRUE(isClassificationCode("000.8.3.4"));
  EXPECT_FALSE(isClassificationCode("000.8."));
  EXPECT_FALSE(isClassificationCode(".000"));
}

TEST(RetentionDates, TwoActiveAndThreeInactiveYearsFromTheLetterDate) {
  auto dates = retentionDates(day(2026, 5, 29), rule(2, 3, FinalDisposition::kMusnah));
  EXPECT_EQ(dates.inactiveFrom, day(2028, 5, 29));
  EXPECT_EQ(dates.finalDue, day(2031, 5, 29));
}

TEST(RetentionDates, LeapDayMovesToTheTwentyEighthInACommonYear) {
  auto dates = retentionDates(day(2024, 2, 29), rule(1, 3, FinalDisposition::kMusnah));
  EXPECT_EQ(dates.inactiveFrom, day(2025, 2, 28));
  // 2028 is a leap year: the final date is counted from the letter date, not from 28 Feb 2025.
  EXPECT_EQ(dates.finalDue, day(2028, 2, 29));
}

TEST(RetentionDates, LeapDayPlusFourYearsStaysALeapDay) {
  auto dates = retentionDates(day(2024, 2, 29), rule(4, 2, FinalDisposition::kPermanen));
  EXPECT_EQ(dates.inactiveFrom, day(2028, 2, 29));
  EXPECT_EQ(dates.finalDue, day(2030, 2, 28));
}

TEST(RetentionDates, ZeroActiveYearsMakesARecordInactiveOnItsDate) {
  auto dates = retentionDates(day(2026, 1, 2), rule(0, 1, FinalDisposition::kMusnah));
  EXPECT_EQ(dates.inactiveFrom, day(2026, 1, 2));
  EXPECT_EQ(dates.finalDue, day(2027, 1, 2));
}

TEST(RetentionPhase, ActiveInactiveAndDueSwitchOnTheirFirstDay) {
  RetentionDates dates{day(2028, 5, 29), day(2031, 5, 29)};
  EXPECT_EQ(retentionPhaseOn(dates, day(2028, 5, 28)), RetentionPhase::kActive);
  EXPECT_EQ(retentionPhaseOn(dates, day(2028, 5, 29)), RetentionPhase::kInactive);
  EXPECT_EQ(retentionPhaseOn(dates, day(2031, 5, 28)), RetentionPhase::kInactive);
  EXPECT_EQ(retentionPhaseOn(dates, day(2031, 5, 29)), RetentionPhase::kDue);
}

TEST(RetentionDates, ADueDatePerDemoCodeFollowsItsInheritedRule) {
  auto schedule = demoSchedule();
  auto letter = day(2020, 3, 15);
  EXPECT_EQ(retentionDates(letter, schedule.ruleFor("400.9.2")->rule).finalDue, day(2025, 3, 15));
  EXPECT_EQ(retentionDates(letter, schedule.ruleFor("900.1")->rule).finalDue, day(2030, 3, 15));
  EXPECT_EQ(retentionDates(letter, schedule.ruleFor("000.8.3")->rule).inactiveFrom, day(2022, 3, 15));
}

TEST(FinalDisposition, NamesRoundTrip) {
  for (auto d : {FinalDisposition::kMusnah, FinalDisposition::kPermanen, FinalDisposition::kDinilaiKembali})
    EXPECT_EQ(parseFinalDisposition(finalDispositionName(d)), d);
  EXPECT_FALSE(parseFinalDisposition("Musnah"));
}

}  // namespace
}  // namespace naskah::domain::archive
