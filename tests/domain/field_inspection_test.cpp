#include "domain/inspection/field_inspection.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

using namespace naskah;
using namespace naskah::domain::inspection;

namespace {

std::vector<std::string> fieldsOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    std::vector<std::string> names;
    for (const auto& v : e.violations()) names.push_back(v.field);
    return names;
  }
  ADD_FAILURE() << "accepted";
  return {};
}

InspectionReport goodReport() {
  InspectionReport r;
  r.startedAt = "2026-11-24T09:10";
  r.finishedAt = "2026-11-24T14:30";
  r.findings = {{"Sembilan warga belum padan dengan DTKS.", "Perlu perbaikan data"}};
  r.recommendations = {"Desa memperbaiki data."};
  return r;
}

}  // namespace

TEST(FieldInspection, AnAssignmentKeepsItsTimeInTheStoredForm) {
  auto a = validated(InspectionAssignment{{7, 9}, "2026-11-24T09:00", "RT 07 Desa Sungai Duren", ""});
  EXPECT_EQ(a.scheduledAt, "2026-11-24T09:00:00");
  EXPECT_EQ(a.officerIds, (std::vector<std::int64_t>{7, 9}));
}

TEST(FieldInspection, AnAssignmentNamesEveryBadFieldTogether) {
  EXPECT_EQ(fieldsOf([] { validated(InspectionAssignment{{}, "besok", " ", std::string(2001, 'x')}); }),
            (std::vector<std::string>{"officers", "scheduled_at", "place", "instructions"}));
  EXPECT_EQ(fieldsOf([] { validated(InspectionAssignment{{7, 0, 7}, "2026-11-24T09:00+07:00", "Desa", ""}); }),
            (std::vector<std::string>{"officers[1]", "officers[2]", "scheduled_at"}));
}

TEST(FieldInspection, AReportNeedsFindingsRecommendationsAndAnOrderedTime) {
  auto r = validated(goodReport());
  EXPECT_EQ(r.startedAt, "2026-11-24T09:10:00");
  EXPECT_EQ(r.finishedAt, "2026-11-24T14:30:00");
  auto bad = goodReport();
  bad.finishedAt = "2026-11-24T08:00";
  bad.findings = {{"", "x"}, {"ada", ""}};
  bad.recommendations = {"ok", "  "};
  bad.mediation = std::string(8001, 'm');
  EXPECT_EQ(fieldsOf([&] { validated(bad); }),
            (std::vector<std::string>{"finished_at", "findings[0].description", "mediation", "recommendations[1]"}));
  InspectionReport empty;
  EXPECT_EQ(fieldsOf([&] { validated(empty); }),
            (std::vector<std::string>{"started_at", "finished_at", "findings", "recommendations"}));
}

TEST(FieldInspection, OnlyTheTeamsOfficersAreOnIt) {
  FieldInspection f;
  f.officers = {{7, "petugas"}, {9, "petugas2"}};
  EXPECT_TRUE(f.hasOfficer(9));
  EXPECT_FALSE(f.hasOfficer(6));
}

TEST(FieldInspection, ACaptionIsOneShortLineAndTheNumberNamesTheInspection) {
  EXPECT_NO_THROW(validateCaption("Rumah warga lanjut usia"));
  EXPECT_EQ(fieldsOf([] { validateCaption("baris satu\nbaris dua"); }), std::vector<std::string>{"caption"});
  EXPECT_EQ(reportNumber(12, "400.9", "DINSOSDUKCAPIL", 2026), "400.9/LHP-12/DINSOSDUKCAPIL/2026");
  EXPECT_EQ(reportNumber(3, "", "DINSOS", 2027), "000/LHP-3/DINSOS/2027");
}
