// Every sample profile driven through the state machine on the sample calendar: the happy path
// with the roles the SOP names, the deadlines each step gets, and every other move refused.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/common/error.h"
#include "domain/workflow/case_state_machine.h"
#include "json/calendar_json.h"
#include "json/sop_profile_json.h"

using namespace naskah;
using namespace naskah::domain;
using namespace naskah::domain::workflow;

namespace naskah::domain::workflow {
inline void PrintTo(const LocalDateTime& t, std::ostream* os) { *os << t.toString(); }
}  // namespace naskah::domain::workflow

namespace {

const std::string kSamples = std::string(NASKAH_SOURCE_DIR) + "/samples";

LocalDateTime at(const char* text) { return LocalDateTime::fromString(text); }

CaseStateMachine machineFor(const std::string& file) {
  return CaseStateMachine(json::loadSopProfile(kSamples + "/sop/" + file),
                          json::loadWorkingCalendarFolder(kSamples + "/calendar"));
}

struct Move {
  std::string condition;
  Role role;
  std::string expectStep;  // where the case is afterwards
  std::string expectDue;   // its due time there ("" for none)
};

// Takes each move one minute before the step falls due (or at its entry time when it has none),
// checking the state after each, and returns the closed state.
CaseState walk(const CaseStateMachine& m, CaseState state, const std::vector<Move>& moves) {
  for (const auto& move : moves) {
    LocalDateTime when = state.dueAt ? m.calendar().addWorkingMinutes(state.enteredAt,
                                                                       m.calendar().workingMinutesBetween(
                                                                           state.enteredAt, *state.dueAt) - 1)
                                     : state.enteredAt;
    auto result = m.apply(state, {state.step, move.condition}, move.role, when);
    EXPECT_FALSE(result.completed.late()) << state.step;
    EXPECT_EQ(result.state.step, move.expectStep) << "after " << move.condition;
    if (move.expectDue.empty()) EXPECT_FALSE(result.state.dueAt) << move.expectStep;
    else EXPECT_EQ(result.state.dueAt, at(move.expectDue.c_str())) << move.expectStep;
    state = result.state;
  }
  EXPECT_TRUE(state.closed());
  return state;
}

const std::vector<Role> kAllRoles{Role::kReporter, Role::kRegistrar,  Role::kHead,    Role::kManager,
                                  Role::kSupervisor, Role::kOfficer, Role::kAuditor, Role::kAdmin};

// Every step × every condition the profile uses × every role: allowed exactly when the step has
// that branch and the role performs or records the step; otherwise 409 (branch) or 403 (role).
void expectEveryOtherMoveRefused(const CaseStateMachine& m) {
  const SopProfile& p = m.profile();
  std::vector<std::string> conditions{"tidak_ada"};
  for (const auto& s : p.steps)
    for (const auto& b : s.next)
      if (std::find(conditions.begin(), conditions.end(), b.condition) == conditions.end())
        conditions.push_back(b.condition);
  for (const auto& s : p.steps) {
    CaseState state{s.id, at("2026-06-02T08:00"), std::nullopt};
    auto roles = p.rolesFor(s);
    EXPECT_FALSE(roles.empty()) << s.id;
    for (const auto& condition : conditions)
      for (Role role : kAllRoles) {
        bool hasBranch = std::any_of(s.next.begin(), s.next.end(), [&](const Branch& b) { return b.condition == condition; });
        bool performs = std::find(roles.begin(), roles.end(), role) != roles.end();
        try {
          m.apply(state, {s.id, condition}, role, at("2026-06-02T09:00"));
          EXPECT_TRUE(hasBranch && performs) << p.id << ": " << s.id << " " << condition << " by " << toString(role);
        } catch (const Error& e) {
          EXPECT_FALSE(hasBranch && performs) << e.what();
          EXPECT_EQ(e.code(), hasBranch ? ErrorCode::kPermissionDenied : ErrorCode::kFailedPrecondition) << e.what();
        }
      }
    // A request made from a step the case has left.
    for (const auto& other : p.steps)
      if (other.id != s.id) {
        for (Role role : roles)
          EXPECT_THROW(m.apply(state, {other.id, other.next[0].condition}, role, at("2026-06-02T09:00")), Error);
        break;
      }
  }
  CaseState closed{std::string(kClosedState), at("2026-06-02T08:00"), std::nullopt};
  for (Role role : kAllRoles)
    for (const auto& condition : conditions)
      EXPECT_THROW(m.apply(closed, {std::string(kClosedState), condition}, role, at("2026-06-02T09:00")), Error);
}

}  // namespace

TEST(ProfileWalk, Seed000OnlineEscalatesToTheKepalaDinasWithinTwentyFiveMinutes) {
  auto m = machineFor("000-layanan-online-offline.json");
  auto start = m.start(Channel::kWhatsApp, at("2026-05-29T16:15"));
  EXPECT_EQ(start.dueAt, at("2026-05-29T16:20"));
  EXPECT_EQ(m.caseDueAt(start.enteredAt), at("2026-06-02T07:40"));  // 15 minutes Friday, 10 on Tuesday
  walk(m, start,
       {{"teruskan_unit_teknis", Role::kRegistrar, "online_pejabat_menjawab", "2026-05-29T16:29"},
        {"konsultasi_pimpinan", Role::kManager, "online_kepala_dinas_menjawab", "2026-06-02T07:38"},
        {"jawab", Role::kHead, "selesai", ""}});
}

TEST(ProfileWalk, Seed000OnlineAdminAnswersAtOnce) {
  auto m = machineFor("000-layanan-online-offline.json");
  walk(m, m.start(Channel::kWebsite, at("2026-06-02T09:00")), {{"jawab_langsung", Role::kRegistrar, "selesai", ""}});
}

TEST(ProfileWalk, Seed000OfflineReEvaluatesUntilThePimpinanApproves) {
  auto m = machineFor("000-layanan-online-offline.json");
  auto start = m.start(Channel::kSuggestionBox, at("2026-06-02T09:00"));
  walk(m, start,
       {{"teruskan_unit_teknis", Role::kRegistrar, "offline_evaluasi_unit_teknis", "2026-06-03T09:04"},
        {"ajukan_rekomendasi", Role::kSupervisor, "offline_keputusan_pimpinan", "2026-06-03T09:33"},
        {"evaluasi_ulang", Role::kHead, "offline_evaluasi_unit_teknis", "2026-06-04T09:32"},
        {"ajukan_rekomendasi", Role::kOfficer, "offline_keputusan_pimpinan", "2026-06-04T10:01"},
        {"setujui", Role::kHead, "offline_perbaikan", ""},
        {"perbaikan_selesai", Role::kSupervisor, "selesai", ""}});
}

TEST(ProfileWalk, Seed001TheTeamCoordinatesWithTheBidangWithinFiveWorkingDays) {
  auto m = machineFor("001-tim-penanganan-pengaduan.json");
  auto start = m.start(Channel::kSuggestionBox, at("2026-05-13T10:00"));
  // Kenaikan (Thu 14 May) and its cuti bersama (Fri 15 May) do not count.
  EXPECT_EQ(m.caseDueAt(start.enteredAt), at("2026-05-22T10:00"));
  // Its steps have no time standard of their own: each is due when the case is.
  EXPECT_EQ(start.dueAt, at("2026-05-22T10:00"));
  walk(m, start,
       {{"teruskan_ke_tim", Role::kRegistrar, "penanganan_tim", "2026-05-22T10:00"},
        {"koordinasi_bidang", Role::kOfficer, "koordinasi_bidang", "2026-05-22T10:00"},
        {"kembalikan_ke_tim", Role::kManager, "penanganan_tim", "2026-05-22T10:00"},
        {"jawaban_siap", Role::kSupervisor, "sampaikan_jawaban", "2026-05-22T10:00"},
        {"terkirim", Role::kRegistrar, "pelanggan_menerima", "2026-05-22T10:00"},
        {"diterima", Role::kRegistrar, "selesai", ""}});
}

TEST(ProfileWalk, Seed002TheLetterChainRunsThroughInspectionCorrectionAndSignature) {
  auto m = machineFor("002-penanganan-pengaduan-surat.json");
  auto start = m.start(Channel::kLetter, at("2026-05-29T15:45"));
  EXPECT_EQ(start.step, "agenda_surat_masuk");
  EXPECT_EQ(start.dueAt, at("2026-06-02T07:45"));  // 45 minutes Friday, 15 on Tuesday
  walk(m, start,
       {{"ajukan_kepala_opd", Role::kRegistrar, "disposisi_kepala_opd", "2026-06-05T07:44"},
        {"disposisikan", Role::kHead, "disposisi_kepala_bidang", "2026-06-05T08:43"},
        {"disposisikan", Role::kManager, "penugasan_petugas", "2026-06-05T09:42"},
        {"tugaskan", Role::kSupervisor, "pemeriksaan_lapangan", "2026-06-17T09:41"},  // 16 June: 1 Muharam
        {"laporkan", Role::kOfficer, "draf_surat", "2026-06-17T10:40"},
        {"ajukan", Role::kOfficer, "koreksi_kepala_seksi", "2026-06-17T11:39"},
        {"kembalikan", Role::kSupervisor, "draf_surat", "2026-06-17T12:38"},
        {"ajukan", Role::kOfficer, "koreksi_kepala_seksi", "2026-06-17T13:37"},
        {"setujui", Role::kSupervisor, "telaah_kepala_bidang", "2026-06-17T14:36"},
        {"paraf", Role::kManager, "tanda_tangan_kepala_opd", ""},
        {"tandatangani", Role::kHead, "penyampaian_surat", "2026-06-17T15:05"},
        {"terkirim", Role::kRegistrar, "selesai", ""}});
}

TEST(ProfileWalk, Seed003AnSmsNeedingAnalysisIsAnsweredWithinFiveOfficeHours) {
  auto m = machineFor("003-pengaduan-sms-wa.json");
  auto start = m.start(Channel::kSms, at("2026-06-02T13:00"));
  EXPECT_EQ(start.dueAt, at("2026-06-02T13:15"));
  walk(m, start,
       {{"perlu_analisis", Role::kRegistrar, "analisis_masalah", "2026-06-02T13:29"},
        {"rekomendasikan", Role::kOfficer, "dokumentasi_solusi", "2026-06-02T13:58"},
        {"rumuskan_jawaban", Role::kManager, "jawab", "2026-06-03T10:27"},  // 5 office hours over the night
        {"terkirim", Role::kRegistrar, "pemohon_menerima", "2026-06-03T10:31"},
        {"diterima", Role::kRegistrar, "selesai", ""}});
}

TEST(ProfileWalk, Seed004ALargeComplaintGoesThroughTheWalikotaMeeting) {
  auto m = machineFor("004-pengaduan-datang-langsung.json");
  auto start = m.start(Channel::kWalkIn, at("2026-05-29T16:00"));
  EXPECT_EQ(start.dueAt, at("2026-05-29T16:05"));
  walk(m, start,
       {{"panggil", Role::kRegistrar, "informasi_customer_service", "2026-05-29T16:19"},
        {"teruskan_petugas", Role::kRegistrar, "pencatatan_pengaduan", "2026-06-02T16:00"},  // capped at closing
        {std::string(scaleCondition(Scale::kLarge)), Role::kRegistrar, "besar_koordinasi_kasubbag", "2026-06-03T08:29"},
        {"ajukan_kepala_dinas", Role::kSupervisor, "besar_koordinasi_kepala_dinas", "2026-06-03T11:28"},
        {"teruskan_walikota", Role::kHead, "besar_rapat_walikota", "2026-06-04T11:27"},
        {"hasil_rapat", Role::kHead, "besar_buat_dan_kirim_balasan", "2026-06-04T11:41"},
        {"terkirim", Role::kRegistrar, "pengadu_menerima", "2026-06-04T11:55"},
        {"diterima", Role::kRegistrar, "selesai", ""}});
}

TEST(ProfileWalk, Seed004AGeneralComplaintNeedsTheSekretarisParafBeforeTheSignature) {
  auto m = machineFor("004-pengaduan-datang-langsung.json");
  CaseState state{"pencatatan_pengaduan", at("2026-06-02T08:00"), std::nullopt};
  walk(m, state,
       {{"umum", Role::kRegistrar, "umum_arahan_kasubbag", "2026-06-02T08:15"},
        {"beri_arahan", Role::kManager, "umum_buat_surat_balasan", "2026-06-02T11:14"},
        {"ajukan", Role::kRegistrar, "umum_paraf_sekretaris", "2026-06-03T11:13"},
        {"kembalikan", Role::kManager, "umum_arahan_kasubbag", "2026-06-03T11:27"},
        {"beri_arahan", Role::kManager, "umum_buat_surat_balasan", "2026-06-03T14:26"},
        {"ajukan", Role::kRegistrar, "umum_paraf_sekretaris", "2026-06-04T14:25"},
        {"paraf", Role::kManager, "umum_tanda_tangan_kepala_dinas", "2026-06-04T14:39"},
        {"tandatangani", Role::kHead, "pengadu_menerima", "2026-06-04T14:53"},
        {"diterima", Role::kRegistrar, "selesai", ""}});
}

TEST(ProfileWalk, Seed004SmallAndMediumComplaintsShareTheKasubbagRoute) {
  auto m = machineFor("004-pengaduan-datang-langsung.json");
  for (Scale scale : {Scale::kSmall, Scale::kMedium}) {
    CaseState state{"pencatatan_pengaduan", at("2026-06-02T08:00"), std::nullopt};
    walk(m, state,
         {{std::string(scaleCondition(scale)), Role::kRegistrar, "arahan_kasubbag", "2026-06-02T09:00"},
          {"beri_arahan", Role::kManager, "buat_surat_balasan", "2026-06-02T11:59"},
          {"ajukan", Role::kRegistrar, "pemeriksaan_kepala_dinas", "2026-06-03T11:58"},
          {"setujui", Role::kHead, "kirim_surat_balasan", "2026-06-03T12:12"},
          {"terkirim", Role::kRegistrar, "pengadu_menerima", "2026-06-03T12:26"},
          {"diterima", Role::kRegistrar, "selesai", ""}});
  }
}

TEST(ProfileWalk, EveryOtherMoveOfEveryProfileIsRefused) {
  for (const char* file : {"000-layanan-online-offline.json", "001-tim-penanganan-pengaduan.json",
                           "002-penanganan-pengaduan-surat.json", "003-pengaduan-sms-wa.json",
                           "004-pengaduan-datang-langsung.json"}) {
    SCOPED_TRACE(file);
    expectEveryOtherMoveRefused(machineFor(file));
  }
}

TEST(ProfileWalk, TheWrongRoleHearsWhoMayAndTheWrongMoveHearsWhatIsAllowedNow) {
  auto m = machineFor("002-penanganan-pengaduan-surat.json");
  CaseState state{"koreksi_kepala_seksi", at("2026-06-02T08:00"), std::nullopt};
  try {
    m.apply(state, {"koreksi_kepala_seksi", "setujui"}, Role::kOfficer, at("2026-06-02T08:30"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kPermissionDenied);
    EXPECT_NE(std::string(e.what()).find("(allowed: supervisor)"), std::string::npos) << e.what();
  }
  try {
    m.apply(state, {"koreksi_kepala_seksi", "tandatangani"}, Role::kHead, at("2026-06-02T08:30"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kFailedPrecondition);
    EXPECT_NE(std::string(e.what()).find("allowed now: at step 'Memberikan koreksi"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("setujui (Setujui, ajukan ke Kepala Bidang) or kembalikan"), std::string::npos)
        << e.what();
  }
}
