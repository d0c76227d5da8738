#include "domain/workflow/case_state_machine.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/common/error.h"
#include "domain/workflow/sla.h"

// Readable failures: gtest finds PrintTo by argument-dependent lookup.
namespace naskah::domain::workflow {
inline void PrintTo(const LocalDateTime& t, std::ostream* os) { *os << t.toString(); }
}  // namespace naskah::domain::workflow

using namespace naskah;
using namespace naskah::domain;
using namespace naskah::domain::workflow;

namespace {

LocalDateTime at(const char* text) { return LocalDateTime::fromString(text); }

WorkingCalendar calendar2026() {
  WeeklyHours week;
  for (int d = 1; d <= 4; ++d) week[d] = {{7 * 60 + 30, 16 * 60}};
  week[5] = {{7 * 60 + 30, 16 * 60 + 30}};
  auto off = [](const char* date, const char* name) {
    return DayOff{*parseDate(date), name, DayOffKind::kNationalHoliday};
  };
  return WorkingCalendar(week, {off("2026-05-31", "Hari Raya Waisak"), off("2026-06-01", "Hari Lahir Pancasila")});
}

// Seed 002's chain, shortened: agenda → disposition → inspection → draft ⇄ correction → signature → dispatch.
SopProfile letterChain() {
  SopProfile p;
  p.id = "uji-002";
  p.title = "Uji penanganan pengaduan";
  p.roles = {{"Pemohon", {"reporter"}},         {"Bag. Tata Usaha", {"registrar"}}, {"Kepala OPD", {"head"}},
             {"Kepala Seksi", {"supervisor"}}, {"Petugas Teknis", {"officer"}}};
  p.entries = {{"surat", "Surat pengaduan", {"surat", "datang_langsung"}, "agenda", ""}};
  auto hours = [](int n) { return TimeStandard{n, TimeUnit::kHours}; };
  p.steps = {
      {"agenda", "Mencatat di agenda surat masuk", "Bag. Tata Usaha", {}, hours(1), "lembar_disposisi", "",
       {{"ajukan", "Ajukan ke Kepala OPD", "disposisi"}}},
      {"disposisi", "Memberikan disposisi", "Kepala OPD", {}, TimeStandard{3, TimeUnit::kWorkingDays},
       "lembar_disposisi", "", {{"disposisikan", "Disposisikan", "pemeriksaan"}}},
      {"pemeriksaan", "Pemeriksaan lapangan", "Petugas Teknis", {}, TimeStandard{7, TimeUnit::kWorkingDays},
       "laporan_pemeriksaan", "", {{"laporkan", "Laporkan hasil", "draf"}}},
      {"draf", "Membuat draft surat", "Petugas Teknis", {}, hours(1), "surat_balasan", "",
       {{"ajukan", "Ajukan ke Kepala Seksi", "koreksi"}}},
      {"koreksi", "Koreksi Kepala Seksi", "Kepala Seksi", {}, hours(1), "", "",
       {{"setujui", "Setujui", "tanda_tangan"}, {"kembalikan", "Kembalikan untuk diperbaiki", "draf"}}},
      {"tanda_tangan", "Tanda tangan Kepala OPD", "Kepala OPD", {}, std::nullopt, "surat_balasan", "",
       {{"tandatangani", "Tandatangani", "kirim"}, {"kembalikan", "Kembalikan", "draf"}}},
      {"kirim", "Menyampaikan surat", "Bag. Tata Usaha", {}, TimeStandard{30, TimeUnit::kMinutes},
       "daftar_ekspedisi", "", {{"terkirim", "Terkirim", std::string(kClosedState)}}},
  };
  return p;
}

CaseStateMachine machine() { return CaseStateMachine(letterChain(), calendar2026()); }

template <typename F>
Error errorOf(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error thrown";
  return Error(ErrorCode::kInternal, "none");
}

bool contains(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

}  // namespace

TEST(CaseStateMachine, ALetterStartsAtTheAgendaDueAnOfficeHourLater) {
  auto state = machine().start(Channel::kLetter, at("2026-05-29T16:00"));
  EXPECT_EQ(state.step, "agenda");
  EXPECT_EQ(state.enteredAt, at("2026-05-29T16:00"));
  // 30 minutes on Friday, then Waisak and Pancasila: the rest on Tuesday morning.
  EXPECT_EQ(state.dueAt, at("2026-06-02T08:00"));
}

TEST(CaseStateMachine, AChannelTheProfileDoesNotTakeIsRefusedNamingThoseItTakes) {
  auto e = errorOf([] { machine().start(Channel::kSms, at("2026-06-02T09:00")); });
  EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(contains(e.what(), "surat, datang_langsung")) << e.what();
}

TEST(CaseStateMachine, TheHappyPathWalksToTheCloseWithTheRightRoles) {
  auto m = machine();
  auto state = m.start(Channel::kLetter, at("2026-06-02T08:00"));
  struct Move {
    const char* condition;
    Role role;
    const char* when;
    const char* expectStep;
  };
  for (const Move& move : {Move{"ajukan", Role::kRegistrar, "2026-06-02T08:30", "disposisi"},
                           Move{"disposisikan", Role::kHead, "2026-06-03T10:00", "pemeriksaan"},
                           Move{"laporkan", Role::kOfficer, "2026-06-09T14:00", "draf"},
                           Move{"ajukan", Role::kOfficer, "2026-06-09T15:00", "koreksi"},
                           Move{"setujui", Role::kSupervisor, "2026-06-10T08:00", "tanda_tangan"},
                           Move{"tandatangani", Role::kHead, "2026-06-10T10:00", "kirim"},
                           Move{"terkirim", Role::kRegistrar, "2026-06-10T10:20", "selesai"}}) {
    auto result = m.apply(state, {state.step, move.condition}, move.role, at(move.when));
    EXPECT_EQ(result.completed.step, state.step);
    EXPECT_EQ(result.completed.by, move.role);
    EXPECT_EQ(result.state.step, move.expectStep);
    EXPECT_EQ(result.state.enteredAt, at(move.when));
    state = result.state;
  }
  EXPECT_TRUE(state.closed());
  EXPECT_FALSE(state.dueAt);
  EXPECT_TRUE(m.transitions(state).empty());
}


TEST(CaseStateMachine, EachRoleSeesOnlyWhatItMayTakeNow) {
  auto m = machine();
  CaseState state{"koreksi", at("2026-06-02T08:00"), std::nullopt};
  auto supervisor = m.allowedTransitions(state, Role::kSupervisor);
  ASSERT_EQ(supervisor.size(), 2u);
  EXPECT_EQ(supervisor[0].condition, "setujui");
  EXPECT_EQ(supervisor[0].to, "tanda_tangan");
  EXPECT_EQ(supervisor[1].condition, "kembalikan");
  EXPECT_EQ(supervisor[1].to, "draf");
  EXPECT_TRUE(m.allowedTransitions(state, Role::kOfficer).empty());
  EXPECT_TRUE(m.allowedTransitions(state, Role::kHead).empty());
}

TEST(CaseStateMachine, AWrongRoleIsForbiddenNamingWhoMay) {
  auto m = machine();
  CaseState state{"koreksi", at("2026-06-02T08:00"), std::nullopt};
  auto e = errorOf([&] { m.apply(state, {"koreksi", "setujui"}, Role::kOfficer, at("2026-06-02T09:00")); });
  EXPECT_EQ(e.code(), ErrorCode::kPermissionDenied);
  EXPECT_TRUE(contains(e.what(), "role officer may not take 'setujui'")) << e.what();
  EXPECT_TRUE(contains(e.what(), "allowed: supervisor")) << e.what();
}

TEST(CaseStateMachine, ABranchTheStepDoesNotHaveIsAConflictSayingWhatIsAllowedNow) {
  auto m = machine();
  CaseState state{"draf", at("2026-06-02T08:00"), std::nullopt};
  auto e = errorOf([&] { m.apply(state, {"draf", "tandatangani"}, Role::kHead, at("2026-06-02T09:00")); });
  EXPECT_EQ(e.code(), ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(contains(e.what(), "allowed now: at step 'Membuat draft surat' (draf): ajukan (Ajukan ke Kepala Seksi), by officer"))
      << e.what();
}

TEST(CaseStateMachine, ARequestMadeOnAStaleViewIsAConflict) {
  auto m = machine();
  CaseState state{"tanda_tangan", at("2026-06-02T08:00"), std::nullopt};
  // A second supervisor approving the correction the first one already approved.
  auto e = errorOf([&] { m.apply(state, {"koreksi", "setujui"}, Role::kSupervisor, at("2026-06-02T09:00")); });
  EXPECT_EQ(e.code(), ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(contains(e.what(), "no longer at step 'koreksi'")) << e.what();
  EXPECT_TRUE(contains(e.what(), "tandatangani (Tandatangani) or kembalikan (Kembalikan), by head")) << e.what();
}

TEST(CaseStateMachine, AClosedCaseRefusesEveryTransition) {
  auto m = machine();
  CaseState closed{std::string(kClosedState), at("2026-06-02T08:00"), std::nullopt};
  for (Role role : {Role::kRegistrar, Role::kHead, Role::kSupervisor, Role::kOfficer, Role::kReporter}) {
    auto e = errorOf([&] { m.apply(closed, {"kirim", "terkirim"}, role, at("2026-06-02T09:00")); });
    EXPECT_EQ(e.code(), ErrorCode::kFailedPrecondition);
    EXPECT_TRUE(contains(e.what(), "the case is closed")) << e.what();
  }
}

// Every (step, condition, role) triple: allowed exactly when the step has the branch and the
// role performs the step; otherwise 409 for the branch, 403 for the role.
TEST(CaseStateMachine, EveryForbiddenTransitionAndWrongRoleIsRefused) {
  auto m = machine();
  const SopProfile& p = m.profile();
  std::vector<std::string> conditions;
  for (const auto& s : p.steps)
    for (const auto& b : s.next)
      if (std::find(conditions.begin(), conditions.end(), b.condition) == conditions.end())
        conditions.push_back(b.condition);
  int allowed = 0;
  for (const auto& s : p.steps) {
    CaseState state{s.id, at("2026-06-02T08:00"), std::nullopt};
    auto roles = p.rolesFor(s);
    for (const auto& condition : conditions)
      for (Role role : {Role::kReporter, Role::kRegistrar, Role::kHead, Role::kManager, Role::kSupervisor,
                        Role::kOfficer, Role::kAuditor, Role::kAdmin}) {
        bool hasBranch = std::any_of(s.next.begin(), s.next.end(), [&](const Branch& b) { return b.condition == condition; });
        bool performs = std::find(roles.begin(), roles.end(), role) != roles.end();
        TransitionRequest request{s.id, condition};
        if (hasBranch && performs) {
          EXPECT_NO_THROW(m.apply(state, request, role, at("2026-06-02T09:00")));
          ++allowed;
        } else {
          auto e = errorOf([&] { m.apply(state, request, role, at("2026-06-02T09:00")); });
          EXPECT_EQ(e.code(), hasBranch ? ErrorCode::kPermissionDenied : ErrorCode::kFailedPrecondition)
              << s.id << " " << condition << " " << toString(role);
        }
      }
  }
  EXPECT_EQ(allowed, 9);  // one per branch: every step has exactly one performing role
}

TEST(CaseStateMachine, ReturningForCorrectionGoesBackToTheDraftWithAFreshDueTime) {
  auto m = machine();
  CaseState state{"koreksi", at("2026-06-02T08:00"), at("2026-06-02T09:00")};
  auto result = m.apply(state, {"koreksi", "kembalikan"}, Role::kSupervisor, at("2026-06-02T08:40"));
  EXPECT_EQ(result.state.step, "draf");
  EXPECT_EQ(result.state.dueAt, at("2026-06-02T09:40"));
  EXPECT_FALSE(result.completed.late());
  EXPECT_EQ(result.completed.workingMinutesTaken, 40);
}

TEST(CaseStateMachine, ALateStepRecordsItsLatenessInOfficeMinutes) {
  auto m = machine();
  auto state = m.start(Channel::kLetter, at("2026-05-29T16:00"));  // due Tuesday 08:00
  ASSERT_EQ(state.dueAt, at("2026-06-02T08:00"));
  EXPECT_FALSE(m.isOverdue(state, at("2026-06-02T08:00")));
  EXPECT_TRUE(m.isOverdue(state, at("2026-06-02T08:01")));
  auto result = m.apply(state, {"agenda", "ajukan"}, Role::kRegistrar, at("2026-06-02T09:15"));
  EXPECT_TRUE(result.completed.late());
  EXPECT_EQ(result.completed.workingMinutesLate, 75);
  EXPECT_EQ(result.completed.workingMinutesTaken, 30 + 105);
  EXPECT_EQ(result.completed.dueAt, at("2026-06-02T08:00"));
  // The disposition step: 3 working days from Tuesday 09:15.
  EXPECT_EQ(result.state.dueAt, at("2026-06-05T09:15"));
}

TEST(CaseStateMachine, AStepWithoutTimeStandardHasNoDueTimeAndIsNeverOverdue) {
  auto m = machine();
  CaseState state{"koreksi", at("2026-06-02T08:00"), std::nullopt};
  auto result = m.apply(state, {"koreksi", "setujui"}, Role::kSupervisor, at("2026-06-02T09:00"));
  EXPECT_EQ(result.state.step, "tanda_tangan");
  EXPECT_FALSE(result.state.dueAt);
  EXPECT_FALSE(m.isOverdue(result.state, at("2027-01-01T09:00")));
}

TEST(CaseStateMachine, AStepTheProfileNoLongerHasIsAPreconditionFailure) {
  auto m = machine();
  CaseState state{"paraf_sekretaris", at("2026-06-02T08:00"), std::nullopt};
  EXPECT_EQ(errorOf([&] { m.transitions(state); }).code(), ErrorCode::kFailedPrecondition);
}

TEST(CaseStateMachine, AStepCannotFinishBeforeItBegan) {
  auto m = machine();
  CaseState state{"draf", at("2026-06-02T08:00"), std::nullopt};
  auto e = errorOf([&] { m.apply(state, {"draf", "ajukan"}, Role::kOfficer, at("2026-06-01T08:00")); });
  EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
}

TEST(CaseStateMachine, AnEventTakesItsBranchOnlyAtTheStepThatNamesIt) {
  SopProfile p = letterChain();
  p.steps.back().next[0].event = std::string(kReplyDispatchedEvent);
  CaseStateMachine m(p, calendar2026());
  CaseState atDispatch{"kirim", at("2026-06-02T08:00"), at("2026-06-02T08:30")};
  auto done = m.applyEvent(atDispatch, kReplyDispatchedEvent, Role::kRegistrar, at("2026-06-02T09:00"));
  ASSERT_TRUE(done);
  EXPECT_TRUE(done->state.closed());
  EXPECT_EQ(done->completed.condition, "terkirim");
  EXPECT_EQ(done->completed.by, Role::kRegistrar);
  EXPECT_EQ(done->completed.workingMinutesLate, 30);
  // Elsewhere (earlier steps not taken), closed, or another event: the case is left alone.
  CaseState atDraft{"draf", at("2026-06-02T08:00"), std::nullopt};
  EXPECT_FALSE(m.applyEvent(atDraft, kReplyDispatchedEvent, Role::kRegistrar, at("2026-06-02T09:00")));
  EXPECT_FALSE(m.applyEvent(done->state, kReplyDispatchedEvent, Role::kRegistrar, at("2026-06-02T09:00")));
  EXPECT_FALSE(m.applyEvent(atDispatch, "lain", Role::kRegistrar, at("2026-06-02T09:00")));
  // An event before the step began counts from the moment it began.
  auto early = m.applyEvent(atDispatch, kReplyDispatchedEvent, Role::kAdmin, at("2026-06-01T08:00"));
  ASSERT_TRUE(early);
  EXPECT_EQ(early->completed.completedAt, atDispatch.enteredAt);
}

TEST(CaseStateMachine, AnInvalidProfileIsRefusedAtConstruction) {
  SopProfile p = letterChain();
  p.steps[0].next[0].to = "hilang";
  EXPECT_EQ(errorOf([&] { CaseStateMachine(p, calendar2026()); }).code(), ErrorCode::kInvalidArgument);
}

TEST(CaseStateMachine, TheWholeCaseIsDueByTheProfilesTotalTime) {
  SopProfile p = letterChain();
  EXPECT_FALSE(CaseStateMachine(p, calendar2026()).caseDueAt(at("2026-05-29T10:00")));
  p.totalTimeStandard = TimeStandard{5, TimeUnit::kWorkingDays};
  EXPECT_EQ(CaseStateMachine(p, calendar2026()).caseDueAt(at("2026-05-29T10:00")), at("2026-06-08T10:00"));
}

TEST(Sla, ComplianceCountsOnlyStepsWithADueTimeAndMeansTheirOfficeMinutes) {
  auto m = machine();
  auto state = m.start(Channel::kLetter, at("2026-05-29T16:00"));  // agenda due Tuesday 08:00
  std::vector<CompletedStep> history;
  auto late = m.apply(state, {"agenda", "ajukan"}, Role::kRegistrar, at("2026-06-02T09:15"));  // 75 minutes late
  history.push_back(late.completed);
  auto onTime = m.apply(m.start(Channel::kLetter, at("2026-06-02T09:00")), {"agenda", "ajukan"}, Role::kRegistrar,
                        at("2026-06-02T09:45"));
  history.push_back(onTime.completed);
  CaseState signing{"tanda_tangan", at("2026-06-02T08:00"), std::nullopt};  // no time standard
  history.push_back(m.apply(signing, {"tanda_tangan", "tandatangani"}, Role::kHead, at("2026-06-02T10:00")).completed);
  CompletedStep dropped;
  dropped.step = "langkah_lama";  // a step a later version of the profile dropped
  history.push_back(dropped);

  auto summary = summarizeSla(m.profile(), history);
  ASSERT_EQ(summary.steps.size(), m.profile().steps.size());
  const StepSla& agenda = summary.steps[0];
  EXPECT_EQ(agenda.step, "agenda");
  EXPECT_EQ(agenda.completed, 2);
  EXPECT_EQ(agenda.onTime, 1);
  EXPECT_EQ(agenda.late, 1);
  EXPECT_DOUBLE_EQ(agenda.compliance(), 0.5);
  EXPECT_DOUBLE_EQ(agenda.meanWorkingMinutes(), (135 + 45) / 2.0);
  const StepSla& signature = summary.steps[5];
  EXPECT_EQ(signature.step, "tanda_tangan");
  EXPECT_EQ(signature.completed, 1);
  EXPECT_DOUBLE_EQ(signature.compliance(), 1.0);  // nothing to be late against
  EXPECT_EQ(summary.completed, 3);
  EXPECT_EQ(summary.onTime, 1);
  EXPECT_EQ(summary.late, 1);
  EXPECT_DOUBLE_EQ(summary.compliance(), 0.5);
}
