#include "domain/workflow/sop_profile.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/common/error.h"

// Readable failures: gtest finds PrintTo by argument-dependent lookup.
namespace naskah::domain::workflow {
inline void PrintTo(const LocalDateTime& t, std::ostream* os) { *os << t.toString(); }
}  // namespace naskah::domain::workflow

using namespace naskah;
using namespace naskah::domain;
using namespace naskah::domain::workflow;

namespace {

// A reply cycle in the shape of seed 002's end: draft → correction (approve or return) → dispatch.
SopProfile replyCycle() {
  SopProfile p;
  p.id = "uji-balasan";
  p.title = "Uji siklus surat balasan";
  p.roles = {{"Tata Usaha", {"registrar"}}, {"Petugas Teknis", {"officer"}}, {"Kepala Seksi", {"supervisor"}},
             {"Pemohon", {"reporter"}}};
  p.entries = {{"surat", "Surat pengaduan", {"surat", "datang_langsung"}, "draf", ""}};
  p.steps = {
      {"draf", "Membuat draft surat", "Petugas Teknis", {}, TimeStandard{1, TimeUnit::kHours}, "surat_balasan", "",
       {{"ajukan", "Ajukan ke Kepala Seksi", "koreksi"}}},
      {"koreksi", "Mengoreksi draft", "Kepala Seksi", {}, TimeStandard{1, TimeUnit::kHours}, "", "",
       {{"setujui", "Setujui", "kirim"}, {"kembalikan", "Kembalikan untuk diperbaiki", "draf"}}},
      {"kirim", "Menyampaikan surat", "Tata Usaha", {}, TimeStandard{30, TimeUnit::kMinutes}, "daftar_ekspedisi", "",
       {{"terkirim", "Surat terkirim", std::string(kClosedState)}}},
  };
  return p;
}

std::vector<FieldViolation> problemsOf(const SopProfile& p, const std::vector<std::string>& templates = {}) {
  Violations v;
  collectViolations(p, v, templates);
  return v.items();
}

bool hasProblem(const std::vector<FieldViolation>& items, const std::string& field, const std::string& words) {
  return std::any_of(items.begin(), items.end(), [&](const FieldViolation& f) {
    return f.field == field && f.message.find(words) != std::string::npos;
  });
}

std::string dump(const std::vector<FieldViolation>& items) {
  std::string out;
  for (const auto& f : items) out += f.field + ": " + f.message + "\n";
  return out;
}

}  // namespace

TEST(SopProfile, AWellFormedProfileHasNoProblem) {
  auto problems = problemsOf(replyCycle(), {"surat_balasan", "daftar_ekspedisi"});
  EXPECT_TRUE(problems.empty()) << dump(problems);
  EXPECT_NO_THROW(validate(replyCycle(), "uji.json"));
}

TEST(SopProfile, EveryProblemIsNamedTogetherWithTheFileAndTheStep) {
  SopProfile p = replyCycle();
  p.roles.push_back({"Kepala Bidang", {"kabid"}});                     // not a Naskah role
  p.steps[0].performer = "Kasubbag";                                   // not an office role
  p.steps[1].next[0].to = "tanda_tangan";                              // no such step
  p.steps[2].timeStandard = TimeStandard{0, TimeUnit::kMinutes};       // not positive
  p.steps.push_back({"arsip", "Mengarsipkan", "Tata Usaha", {}, std::nullopt, "", "",
                     {{"selesai", "Selesai", std::string(kClosedState)}}});  // nothing leads here
  try {
    validate(p, "samples/sop/rusak.json");
    FAIL() << "accepted a broken profile";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    std::string message = e.what();
    EXPECT_NE(message.find("samples/sop/rusak.json"), std::string::npos) << message;
    const auto& items = e.violations();
    EXPECT_TRUE(hasProblem(items, "roles.Kepala Bidang", "'kabid' is not a Naskah role")) << dump(items);
    EXPECT_TRUE(hasProblem(items, "steps.draf.performer", "'Kasubbag' is not an office role")) << dump(items);
    EXPECT_TRUE(hasProblem(items, "steps.koreksi.next[0].to", "'tanda_tangan' is not a step")) << dump(items);
    EXPECT_TRUE(hasProblem(items, "steps.kirim.time_standard", "must be positive")) << dump(items);
    EXPECT_TRUE(hasProblem(items, "steps.arsip", "unreachable")) << dump(items);
  }
}

TEST(SopProfile, AProfileThatNeverClosesIsRefused) {
  SopProfile p = replyCycle();
  p.steps[2].next[0].to = "draf";
  auto problems = problemsOf(p);
  EXPECT_TRUE(hasProblem(problems, "steps", "no step closes the case")) << dump(problems);
}

TEST(SopProfile, AReturnLoopIsFineButALoopWithNoWayOutIsNot) {
  EXPECT_TRUE(problemsOf(replyCycle()).empty());  // koreksi → draf → koreksi, with setujui as the way out
  SopProfile p = replyCycle();
  p.steps[1].next[0].to = "draf";  // approving now also goes back: draf and koreksi trap the case
  auto problems = problemsOf(p);
  EXPECT_TRUE(hasProblem(problems, "steps.draf", "can never close the case")) << dump(problems);
  EXPECT_TRUE(hasProblem(problems, "steps.koreksi", "can never close the case")) << dump(problems);
  EXPECT_TRUE(hasProblem(problems, "steps.kirim", "unreachable")) << dump(problems);
}

TEST(SopProfile, AStepWithoutAWayOutAndRepeatedIdsAreNamed) {
  SopProfile p = replyCycle();
  p.steps[2].next.clear();
  p.steps[1].next[1].condition = "setujui";
  p.steps.push_back(p.steps[0]);
  auto problems = problemsOf(p);
  EXPECT_TRUE(hasProblem(problems, "steps.kirim.next", "needs a way out")) << dump(problems);
  EXPECT_TRUE(hasProblem(problems, "steps.koreksi.next[1].condition", "used twice")) << dump(problems);
  EXPECT_TRUE(hasProblem(problems, "steps.draf.id", "used by another step")) << dump(problems);
}

TEST(SopProfile, ChannelsMustBeKnownAndTakenOnce) {
  SopProfile p = replyCycle();
  p.entries.push_back({"pos", "Pos", {"surat", "merpati"}, "draf", ""});
  auto problems = problemsOf(p);
  EXPECT_TRUE(hasProblem(problems, "entries.pos.channels", "'surat' is taken by entry 'surat'")) << dump(problems);
  EXPECT_TRUE(hasProblem(problems, "entries.pos.channels", "'merpati' is not a channel")) << dump(problems);
  p.entries = {};
  EXPECT_TRUE(hasProblem(problemsOf(p), "entries", "has no entry"));
}

TEST(SopProfile, OutputsAreCheckedAgainstTheTemplatesWhenTheyAreKnown) {
  SopProfile p = replyCycle();
  p.steps[0].output = "surat_cinta";
  EXPECT_TRUE(problemsOf(p).empty());
  auto problems = problemsOf(p, {"surat_balasan", "daftar_ekspedisi"});
  EXPECT_TRUE(hasProblem(problems, "steps.draf.output", "'surat_cinta' is not a document template")) << dump(problems);
}

TEST(SopProfile, AnOutsidePerformerNeedsSomeoneToRecordTheStep) {
  SopProfile p = replyCycle();
  p.roles.push_back({"Walikota", {}});
  p.steps[1].performer = "Walikota";
  EXPECT_TRUE(hasProblem(problemsOf(p), "steps.koreksi.performer", "add recorded_by"));
  p.steps[1].recordedBy = {"Kepala Seksi"};
  EXPECT_TRUE(problemsOf(p).empty()) << dump(problemsOf(p));
  EXPECT_EQ(p.rolesFor(p.steps[1]), std::vector<Role>{Role::kSupervisor});
}

TEST(SopProfile, AuditorsAndAdminsPerformNoStep) {
  SopProfile p = replyCycle();
  p.roles[0].naskahRoles = {"registrar", "auditor"};
  EXPECT_TRUE(hasProblem(problemsOf(p), "roles.Tata Usaha", "'auditor' only reads or configures"));
}

TEST(SopProfile, RolesOfAStepJoinThePerformerAndThoseWhoRecordIt) {
  SopProfile p = replyCycle();
  p.roles[2].naskahRoles = {"supervisor", "manager"};
  p.steps[1].recordedBy = {"Tata Usaha"};
  EXPECT_EQ(p.rolesFor(p.steps[1]), (std::vector<Role>{Role::kSupervisor, Role::kManager, Role::kRegistrar}));
}

TEST(SopProfile, EntriesAreFoundByChannel) {
  SopProfile p = replyCycle();
  ASSERT_NE(p.entryFor(Channel::kWalkIn), nullptr);
  EXPECT_EQ(p.entryFor(Channel::kWalkIn)->step, "draf");
  EXPECT_EQ(p.entryFor(Channel::kSms), nullptr);
  EXPECT_TRUE(p.isFinal(p.steps[2]));
  EXPECT_FALSE(p.isFinal(p.steps[1]));
}

TEST(SopProfile, AnEventMustBeKnownAndTakeOneBranchOfAStepAtMost) {
  SopProfile p = replyCycle();
  p.steps[2].next[0].event = std::string(kReplyDispatchedEvent);
  EXPECT_TRUE(problemsOf(p).empty()) << dump(problemsOf(p));
  EXPECT_EQ(SopProfile::branchOn(p.steps[2], kReplyDispatchedEvent), &p.steps[2].next[0]);
  EXPECT_EQ(SopProfile::branchOn(p.steps[1], kReplyDispatchedEvent), nullptr);
  p.steps[1].next[0].event = "surat_dibaca";
  p.steps[2].next.push_back(
      {"terkirim_lagi", "Terkirim lagi", std::string(kClosedState), std::string(kReplyDispatchedEvent)});
  auto problems = problemsOf(p);
  EXPECT_TRUE(hasProblem(problems, "steps.koreksi.next[0].event", "'surat_dibaca' is not an event")) << dump(problems);
  EXPECT_TRUE(hasProblem(problems, "steps.kirim.next[1].event", "already takes branch 'terkirim'")) << dump(problems);
}

TEST(SopProfile, TimeStandardsReadAsTheSopWritesThem) {
  EXPECT_EQ(describe({5, TimeUnit::kMinutes}), "5 menit");
  EXPECT_EQ(describe({1, TimeUnit::kHours}), "1 jam");
  EXPECT_EQ(describe({3, TimeUnit::kWorkingDays}), "3 hari kerja");
  EXPECT_EQ(parseTimeUnit("working_days"), TimeUnit::kWorkingDays);
  EXPECT_FALSE(parseTimeUnit("days"));
}

TEST(SopProfile, DueTimesCountOfficeTimeInEveryUnit) {
  WeeklyHours week;
  for (int d = 1; d <= 5; ++d) week[d] = {{7 * 60 + 30, 16 * 60}};
  WorkingCalendar calendar(week, {{*parseDate("2026-06-01"), "Hari Lahir Pancasila", DayOffKind::kNationalHoliday}});
  auto friday = LocalDateTime::fromString("2026-05-29T15:30");
  EXPECT_EQ(dueFrom(calendar, friday, {45, TimeUnit::kMinutes}), LocalDateTime::fromString("2026-06-02T07:45"));
  EXPECT_EQ(dueFrom(calendar, friday, {1, TimeUnit::kHours}), LocalDateTime::fromString("2026-06-02T08:00"));
  EXPECT_EQ(dueFrom(calendar, friday, {1, TimeUnit::kWorkingDays}), LocalDateTime::fromString("2026-06-02T15:30"));
}

TEST(SopProfile, ScaleRoutesHaveFixedConditionNames) {
  EXPECT_EQ(scaleCondition(Scale::kSmall), "skala_kecil");
  EXPECT_EQ(scaleCondition(Scale::kMedium), "skala_menengah");
  EXPECT_EQ(scaleCondition(Scale::kLarge), "skala_besar");
  EXPECT_EQ(scaleCondition(Scale::kGeneral), "umum");
  for (const char* route : {"skala_kecil", "skala_menengah", "skala_besar", "umum"}) EXPECT_TRUE(isScaleCondition(route));
  for (const char* other : {"setujui", "skala", "skala_sedang", ""}) EXPECT_FALSE(isScaleCondition(other));
}
