// The SOP profiles the letter-chain suite does not walk (000 online and offline, 001, and 004's
// small, medium and general routes), walked over HTTP with the demo users on the sample
// calendar. At every step, every other demo user who may not take the move is refused with 403
// and the case stays where it was; the documents a step outputs are served as PDFs.
#include <gtest/gtest.h>

#include <algorithm>

#include "render/pdf_tools.h"
#include "workflow/workflow_test_support.h"

namespace naskah::testing {
namespace {

using render::testing::pdfText;
using render::testing::squeeze;

class ProfileApiWalk : public WorkflowApiTest {
 protected:
  std::vector<std::string> allowedConditions(std::int64_t caseId, const std::string& user) {
    std::vector<std::string> out;
    auto allowed = getCase(caseId, user)->getArray("allowed");
    for (size_t i = 0; i < allowed->size(); ++i) out.push_back(allowed->getObject(i)->getValue<std::string>("condition"));
    return out;
  }

  // Checks the document the current step outputs (where the API serves it for an incoming
  // letter), then takes `condition` as `user` after every other demo user who may not.
  void step(const std::string& user, std::int64_t caseId, const std::string& condition, const std::string& at,
            const std::string& expectStep, const std::string& expectDue) {
    auto before = getCase(caseId);
    const std::string from = before->getValue<std::string>("step");
    SCOPED_TRACE(from + " --" + condition + "--> " + expectStep);
    expectStepDocument(before);
    for (const auto& other : demoUsers()) {
      if (std::string(other.username) == user || std::string(other.username) == "pelapor") continue;
      auto mayTake = allowedConditions(caseId, other.username);
      if (std::find(mayTake.begin(), mayTake.end(), condition) != mayTake.end()) continue;  // same role
      auto refused = move(other.username, caseId, from, condition, at);
      EXPECT_EQ(refused.status, 403) << other.username << ": " << refused.body;
    }
    EXPECT_EQ(move("pelapor", caseId, from, condition, at).status, 403);
    auto unknown = move(user, caseId, from, "tidak_ada", at);
    EXPECT_EQ(unknown.status, 409) << unknown.body;
    EXPECT_NE(unknown.body.find("allowed now"), std::string::npos) << unknown.body;
    EXPECT_EQ(getCase(caseId)->getValue<std::string>("step"), from) << "a refused move changed the case";

    auto mine = allowedConditions(caseId, user);
    EXPECT_NE(std::find(mine.begin(), mine.end(), condition), mine.end()) << user << " is not offered " << condition;
    expectMove(user, caseId, from, condition, at, expectStep, expectDue);
  }

  void expectStepDocument(const Poco::JSON::Object::Ptr& c) {
    if (c->isNull("step_output")) return;
    const std::string output = c->getValue<std::string>("step_output");
    std::string path = "/api/v1/incoming-letters/" + std::to_string(c->getValue<std::int64_t>("letter_id"));
    if (output == "tanda_terima")
      path += "/receipt.pdf";
    else if (output == "lembar_disposisi")
      path += "/disposition-sheet.pdf";
    else
      return;  // letters, reports and dispatch lists have suites of their own
    auto pdf = as("tu").get(path);
    ASSERT_EQ(pdf.status, 200) << output << ": " << pdf.body;
    EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
    auto text = pdfText(pdf.body);
    EXPECT_NE(squeeze(text.out).find(c->getValue<std::string>("agenda_number")), std::string::npos)
        << output << " does not carry the agenda number:\n" << text.out;
  }

  std::int64_t assignProfile(std::int64_t caseId, const std::string& profile) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("profile", profile);
    auto r = as("tu").post(casePath(caseId) + "/workflow", toJsonText(body));
    EXPECT_EQ(r.status, 200) << r.body;
    return caseId;
  }

  // Seed 004 from the queue number to the registration desk, on Tuesday 2 June 2026.
  void queueToRegistration(std::int64_t caseId) {
    step("tu", caseId, "panggil", "2026-06-02T08:03", "informasi_customer_service", "2026-06-02T08:18:00");
    step("tu", caseId, "teruskan_petugas", "2026-06-02T08:10", "pencatatan_pengaduan", "2026-06-03T08:10:00");
  }

  void expectClosed(std::int64_t caseId, size_t steps) {
    auto c = getCase(caseId, "auditor");
    EXPECT_EQ(c->getValue<std::string>("state"), "selesai");
    EXPECT_EQ(c->getArray("allowed")->size(), 0u);
    EXPECT_EQ(c->getArray("history")->size(), steps);
    auto history = c->getArray("history");
    for (size_t i = 0; i < history->size(); ++i)
      EXPECT_EQ(history->getObject(i)->getValue<std::int64_t>("working_minutes_late"), 0) << i;
  }
};

TEST_F(ProfileApiWalk, Seed000AWebsiteQuestionEscalatesToTheKepalaDinasWithinTwentyFiveMinutes) {
  auto id = registerCase("2026-06-02T09:00:00", "website");  // Tuesday
  auto c = getCase(id);
  EXPECT_EQ(c->getValue<std::string>("profile"), "000-layanan-online-offline");
  EXPECT_EQ(c->getValue<std::string>("due_at"), "2026-06-02T09:05:00");
  EXPECT_EQ(c->getValue<std::string>("case_due_at"), "2026-06-02T09:25:00");
  step("tu", id, "teruskan_unit_teknis", "2026-06-02T09:03", "online_pejabat_menjawab", "2026-06-02T09:13:00");
  step("kabid", id, "konsultasi_pimpinan", "2026-06-02T09:10", "online_kepala_dinas_menjawab", "2026-06-02T09:20:00");
  step("kadis", id, "jawab", "2026-06-02T09:15", "selesai", "");
  expectClosed(id, 3);
}

TEST_F(ProfileApiWalk, Seed000TheAdminAnswersAFacebookQuestionAtOnce) {
  auto id = registerCase("2026-06-02T09:00:00", "facebook");
  step("tu", id, "jawab_langsung", "2026-06-02T09:02", "selesai", "");
  expectClosed(id, 1);
}

TEST_F(ProfileApiWalk, Seed000AnOfflineSuggestionIsReEvaluatedUntilThePimpinanApproves) {
  auto id = registerCase("2026-06-02T09:00:00", "kotak_saran");
  auto c = getCase(id);
  EXPECT_EQ(c->getValue<std::string>("step"), "offline_admin_menerima");
  EXPECT_EQ(c->getValue<std::string>("step_output"), "tanda_terima");
  step("tu", id, "teruskan_unit_teknis", "2026-06-02T09:04", "offline_evaluasi_unit_teknis", "2026-06-03T09:04:00");
  step("kasi", id, "ajukan_rekomendasi", "2026-06-03T09:00", "offline_keputusan_pimpinan", "2026-06-03T09:30:00");
  step("kadis", id, "evaluasi_ulang", "2026-06-03T09:20", "offline_evaluasi_unit_teknis", "2026-06-04T09:20:00");
  step("petugas", id, "ajukan_rekomendasi", "2026-06-04T08:00", "offline_keputusan_pimpinan", "2026-06-04T08:30:00");
  step("kadis", id, "setujui", "2026-06-04T08:10", "offline_perbaikan", "");
  step("petugas", id, "perbaikan_selesai", "2026-06-05T10:00", "selesai", "");
  expectClosed(id, 6);
}

TEST_F(ProfileApiWalk, Seed001TheTeamCoordinatesWithTheBidangWithinFiveWorkingDays) {
  auto id = assignProfile(registerCase("2026-05-13T10:00:00", "surat"), "001-tim-penanganan-pengaduan");
  // Kenaikan (Thursday 14 May) and its cuti bersama (Friday 15 May) do not count.
  EXPECT_EQ(getCase(id)->getValue<std::string>("case_due_at"), "2026-05-22T10:00:00");
  // Its steps have no time standard of their own: each is due when the case is.
  const std::string due = "2026-05-22T10:00:00";
  EXPECT_EQ(getCase(id)->getValue<std::string>("due_at"), due);
  step("tu", id, "teruskan_ke_tim", "2026-05-13T10:30", "penanganan_tim", due);
  step("petugas", id, "koordinasi_bidang", "2026-05-18T09:00", "koordinasi_bidang", due);
  step("kabid", id, "kembalikan_ke_tim", "2026-05-19T09:00", "penanganan_tim", due);
  step("kasi", id, "jawaban_siap", "2026-05-20T09:00", "sampaikan_jawaban", due);
  step("tu", id, "terkirim", "2026-05-21T09:00", "pelanggan_menerima", due);
  step("tu", id, "diterima", "2026-05-21T10:00", "selesai", "");
  expectClosed(id, 6);
}

TEST_F(ProfileApiWalk, Seed001ACasePastItsFiveDaysIsOverdueAtWhateverStepItStands) {
  auto id = assignProfile(registerCase("2026-05-13T10:00:00", "surat"), "001-tim-penanganan-pengaduan");
  step("tu", id, "teruskan_ke_tim", "2026-05-13T10:30", "penanganan_tim", "2026-05-22T10:00:00");
  EXPECT_TRUE(getCase(id)->getValue<bool>("overdue"));  // now is long past 22 May
  auto overdue = as("kadis").get("/api/v1/cases/overdue");
  ASSERT_EQ(overdue.status, 200) << overdue.body;
  EXPECT_NE(overdue.body.find("\"penanganan_tim\""), std::string::npos) << overdue.body;
  // Finished late: the step's SLA row says by how much.
  step("kasi", id, "jawaban_siap", "2026-05-25T10:00", "sampaikan_jawaban", "2026-05-22T10:00:00");
  auto history = getCase(id)->getArray("history");
  EXPECT_GT(history->getObject(1)->getValue<std::int64_t>("working_minutes_late"), 0);
}

TEST_F(ProfileApiWalk, Seed004ASmallWalkInComplaintTakesTheKasubbagRouteOnly) {
  auto id = assignProfile(registerCase("2026-06-02T08:00:00", "datang_langsung", "kecil"),
                          "004-pengaduan-datang-langsung");
  queueToRegistration(id);
  // The route follows the registered scale; the others are not offered and are refused.
  EXPECT_EQ(allowedConditions(id, "tu"), (std::vector<std::string>{"skala_kecil"}));
  for (const char* other : {"skala_menengah", "skala_besar", "umum"}) {
    auto refused = move("tu", id, "pencatatan_pengaduan", other, "2026-06-02T08:30");
    EXPECT_EQ(refused.status, 409) << refused.body;
    EXPECT_NE(refused.body.find("skala kecil"), std::string::npos) << refused.body;
  }
  step("tu", id, "skala_kecil", "2026-06-02T08:30", "arahan_kasubbag", "2026-06-02T09:30:00");
  step("sekretaris", id, "beri_arahan", "2026-06-02T09:00", "buat_surat_balasan", "2026-06-02T12:00:00");
  step("tu", id, "ajukan", "2026-06-02T11:00", "pemeriksaan_kepala_dinas", "2026-06-03T11:00:00");
  step("kadis", id, "setujui", "2026-06-03T10:00", "kirim_surat_balasan", "2026-06-03T10:15:00");
  step("tu", id, "terkirim", "2026-06-03T10:10", "pengadu_menerima", "2026-06-03T10:25:00");
  step("tu", id, "diterima", "2026-06-03T10:20", "selesai", "");
  expectClosed(id, 8);
}

TEST_F(ProfileApiWalk, Seed004AMediumComplaintReturnedByTheKepalaDinasGoesBackToTheKasubbag) {
  auto id = assignProfile(registerCase("2026-06-02T08:00:00", "datang_langsung", "menengah"),
                          "004-pengaduan-datang-langsung");
  queueToRegistration(id);
  EXPECT_EQ(move("tu", id, "pencatatan_pengaduan", "skala_kecil", "2026-06-02T08:30").status, 409);
  step("tu", id, "skala_menengah", "2026-06-02T08:30", "arahan_kasubbag", "2026-06-02T09:30:00");
  step("kabid", id, "beri_arahan", "2026-06-02T09:00", "buat_surat_balasan", "2026-06-02T12:00:00");
  step("tu", id, "ajukan", "2026-06-02T11:00", "pemeriksaan_kepala_dinas", "2026-06-03T11:00:00");
  step("kadis", id, "kembalikan", "2026-06-03T10:00", "arahan_kasubbag", "2026-06-03T11:00:00");
  step("sekretaris", id, "beri_arahan", "2026-06-03T10:30", "buat_surat_balasan", "2026-06-03T13:30:00");
  step("tu", id, "ajukan", "2026-06-03T13:00", "pemeriksaan_kepala_dinas", "2026-06-04T13:00:00");
  step("kadis", id, "setujui", "2026-06-04T09:00", "kirim_surat_balasan", "2026-06-04T09:15:00");
  step("tu", id, "terkirim", "2026-06-04T09:10", "pengadu_menerima", "2026-06-04T09:25:00");
  step("tu", id, "diterima", "2026-06-04T09:20", "selesai", "");
  expectClosed(id, 11);
}

TEST_F(ProfileApiWalk, Seed004AGeneralComplaintNeedsTheSekretarisParafBeforeTheSignature) {
  auto id = assignProfile(registerCase("2026-06-02T08:00:00", "datang_langsung", "umum"),
                          "004-pengaduan-datang-langsung");
  queueToRegistration(id);
  step("tu", id, "umum", "2026-06-02T08:30", "umum_arahan_kasubbag", "2026-06-02T08:45:00");
  step("sekretaris", id, "beri_arahan", "2026-06-02T08:40", "umum_buat_surat_balasan", "2026-06-02T11:40:00");
  step("tu", id, "ajukan", "2026-06-02T11:00", "umum_paraf_sekretaris", "2026-06-03T11:00:00");
  step("sekretaris", id, "paraf", "2026-06-03T09:00", "umum_tanda_tangan_kepala_dinas", "2026-06-03T09:15:00");
  step("kadis", id, "tandatangani", "2026-06-03T09:10", "pengadu_menerima", "2026-06-03T09:25:00");
  step("tu", id, "diterima", "2026-06-03T09:20", "selesai", "");
  expectClosed(id, 8);
}

}  // namespace
}  // namespace naskah::testing
