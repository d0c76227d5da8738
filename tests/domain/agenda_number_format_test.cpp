#include "domain/letters/agenda_number_format.h"

#include <gtest/gtest.h>

#include "domain/common/error.h"

using naskah::Error;
using naskah::ErrorCode;
using naskah::domain::AgendaNumberFormat;

TEST(AgendaNumberFormat, DefaultPatternPadsSequenceAndNamesOfficeAndYear) {
  AgendaNumberFormat format(AgendaNumberFormat::kDefaultPattern);
  EXPECT_EQ(format.format(42, 2026, 11, "DINSOSDUKCAPIL"), "0042/SM/DINSOSDUKCAPIL/2026");
  EXPECT_EQ(format.format(12345, 2026, 11, "X"), "12345/SM/X/2026");
}

TEST(AgendaNumberFormat, MonthPlaceholderIsRoman) {
  AgendaNumberFormat format("{seq:3}/{office}/{month}/{year}");
  EXPECT_EQ(format.format(7, 2026, 9, "DS"), "007/DS/IX/2026");
  EXPECT_EQ(format.format(7, 2026, 12, "DS"), "007/DS/XII/2026");
}

TEST(AgendaNumberFormat, PatternWithoutSequenceIsRefused) {
  try {
    AgendaNumberFormat format("{office}/{year}");
    FAIL() << "accepted a pattern without {seq}";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
}

TEST(AgendaNumberFormat, UnknownPlaceholderAndBadWidthAreRefused) {
  EXPECT_THROW(AgendaNumberFormat("{seq}/{kantor}"), Error);
  EXPECT_THROW(AgendaNumberFormat("{seq:x}"), Error);
  EXPECT_THROW(AgendaNumberFormat("{seq"), Error);
}
