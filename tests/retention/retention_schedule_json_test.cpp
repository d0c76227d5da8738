// The shipped klasifikasi.json and the errors a bad file gets.
#include <gtest/gtest.h>

#include <fstream>

#include "domain/common/error.h"
#include "json/retention_json.h"
#include "support/temp_dir.h"

namespace naskah::testing {
namespace {

using domain::archive::FinalDisposition;

const std::string kShipped = std::string(NASKAH_SOURCE_DIR) + "/samples/retention/klasifikasi.json";

TEST(RetentionScheduleJson, TheShippedFileGivesEveryCodeARule) {
  auto schedule = json::loadRetentionSchedule(kShipped);
  EXPECT_GE(schedule.codes().size(), 20u);
  for (const auto& code : schedule.codes()) EXPECT_TRUE(schedule.ruleFor(code.code)) << code.code;
  EXPECT_EQ(schedule.find("400.9")->name, "Sosial");
  EXPECT_EQ(schedule.ruleFor("000.5.3.1")->rule.disposition, FinalDisposition::kMusnah);
  EXPECT_EQ(schedule.ruleFor("000.8.3.4")->rule.disposition, FinalDisposition::kPermanen);
  EXPECT_EQ(schedule.ruleFor("400.12.3.1")->ruleCode, "400.12.3");  // listed without a rule: inherits
  EXPECT_EQ(schedule.ruleFor("000.1")->ruleCode, "000");
}

TEST(RetentionScheduleJson, ABadFileIsRefusedNamingTheFileAndEveryBadCode) {
  TempDir dir;
  std::string path = dir.path() + "/klasifikasi.json";
  std::ofstream(path) << R"({"codes": [
    {"code": "400", "name": "Kesejahteraan Rakyat", "active_years": 2, "inactive_years": 3, "disposition": "musnah"},
    {"code": "400.9", "name": "Sosial", "active_years": 2, "inactive_years": 3, "disposition": "dihapus"},
    {"code": "400.12", "name": "Kependudukan", "active_years": 2},
    {"code": "900", "name": "Keuangan", "active_years": -1, "inactive_years": 3, "disposition": "musnah"},
    {"code": "800.1", "name": "Formasi"}
  ]})";
  try {
    json::loadRetentionSchedule(path);
    FAIL() << "a bad file was accepted";
  } catch (const Error& e) {
    std::string message = e.what();
    EXPECT_NE(message.find(path), std::string::npos) << message;
    std::vector<std::string> fields;
    for (const auto& v : e.violations()) fields.push_back(v.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"400.9.disposition", "400.12", "900.active_years"})) << message;
  }
}

TEST(RetentionScheduleJson, ACodeWithoutAnyRuleAboveItIsRefusedByCode) {
  TempDir dir;
  std::string path = dir.path() + "/k.json";
  std::ofstream(path) << R"({"codes": [{"code": "800.1", "name": "Formasi"}]})";
  try {
    json::loadRetentionSchedule(path);
    FAIL() << "a code without a rule was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(path + ": "), std::string::npos) << e.what();
    ASSERT_EQ(e.violations().size(), 1u);
    EXPECT_EQ(e.violations()[0].field, "800.1");
  }
}

}  // namespace
}  // namespace naskah::testing
