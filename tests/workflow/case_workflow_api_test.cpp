// Cases walked through their SOP profile over HTTP with the demo users, on the sample calendar:
// states, due times, every refused move, the audit trail, overdue list and the recap.
#include <gtest/gtest.h>

#include "workflow/workflow_test_support.h"

namespace naskah::testing {
namespace {

using CaseWorkflowApi = WorkflowApiTest;

TEST_F(CaseWorkflowApi, LetterStartsProfile002ByDefaultAndWalksToTheEndWithEachRole) {
  auto id = registerCase("2026-06-02T08:00:00");  // Tuesday
  auto c = getCase(id);
  EXPECT_EQ(c->getValue<std::string>("profile"), "002-penanganan-pengaduan-surat");
  EXPECT_EQ(c->getValue<std::string>("step"), "agenda_surat_masuk");
  EXPECT_EQ(c->getValue<std::string>("due_at"), "2026-06-02T09:00:00");
  ASSERT_EQ(c->getArray("allowed")->size(), 1u);
  EXPECT_EQ(getCase(id, "kadis")->getArray("allowed")->size(), 0u);

  expectMove("tu", id, "agenda_surat_masuk", "ajukan_kepala_opd", "2026-06-02T08:30", "disposisi_kepala_opd",
             "2026-06-05T08:30:00");  // 3 working days
  expectMove("kadis", id, "disposisi_kepala_opd", "disposisikan", "2026-06-03T10:00", "disposisi_kepala_bidang",
             "2026-06-03T11:00:00");
  expectMove("kabid", id, "disposisi_kepala_bidang", "disposisikan", "2026-06-03T10:30", "penugasan_petugas",
             "2026-06-03T11:30:00");
  expectMove("kasi", id, "penugasan_petugas", "tugaskan", "2026-06-03T11:00", "pemeriksaan_lapangan",
             "2026-06-12T11:00:00");  // 7 working days
  expectMove("petugas", id, "pemeriksaan_lapangan", "laporkan", "2026-06-12T15:00", "draf_surat",
             "2026-06-12T16:00:00");
  expectMove("petugas", id, "draf_surat", "ajukan", "2026-06-12T15:30", "koreksi_kepala_seksi",
             "2026-06-12T16:30:00");  // Friday closes at 16:30
  EXPECT_EQ(move("petugas", id, "koreksi_kepala_seksi", "setujui", "2026-06-15T08:00").status, 403);
  expectMove("kasi", id, "koreksi_kepala_seksi", "kembalikan", "2026-06-15T08:00", "draf_surat",
             "2026-06-15T09:00:00");
  // A second supervisor acting on the view before the return: the case is no longer there.
  auto stale = move("kasi", id, "koreksi_kepala_seksi", "setujui", "2026-06-15T08:05");
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_NE(stale.body.find("allowed now"), std::string::npos) << stale.body;
  expectMove("petugas", id, "draf_surat", "ajukan", "2026-06-15T08:30", "koreksi_kepala_seksi", "2026-06-15T09:30:00");
  expectMove("kasi", id, "koreksi_kepala_seksi", "setujui", "2026-06-15T08:45", "telaah_kepala_bidang",
             "2026-06-15T09:45:00");
  EXPECT_EQ(move("kadis", id, "telaah_kepala_bidang", "paraf", "2026-06-15T09:00").status, 403);
  expectMove("kabid", id, "telaah_kepala_bidang", "paraf", "2026-06-15T09:00", "tanda_tangan_kepala_opd", "");
  EXPECT_EQ(move("kadis", id, "tanda_tangan_kepala_opd", "setujui", "2026-06-15T10:00").status, 409);
  expectMove("kadis", id, "tanda_tangan_kepala_opd", "tandatangani", "2026-06-15T10:00", "penyampaian_surat",
             "2026-06-15T10:30:00");
  expectMove("tu", id, "penyampaian_surat", "terkirim", "2026-06-15T10:15", "selesai", "");

  c = getCase(id, "auditor");
  EXPECT_EQ(c->getValue<std::string>("state"), "selesai");
  EXPECT_EQ(c->getValue<std::string>("closed_at"), "2026-06-15T10:15:00");
  EXPECT_EQ(c->getArray("allowed")->size(), 0u);
  auto history = c->getArray("history");
  ASSERT_EQ(history->size(), 12u);
  // The correction was returned 30 office minutes after Friday's 16:30 due time.
  auto returned = history->getObject(6);
  EXPECT_EQ(returned->getValue<std::string>("condition"), "kembalikan");
  EXPECT_EQ(returned->getValue<std::string>("user"), "kasi");
  EXPECT_EQ(returned->getValue<std::int64_t>("working_minutes_late"), 30);
  EXPECT_EQ(history->getObject(0)->getValue<std::int64_t>("working_minutes_late"), 0);
  auto closed = move("tu", id, "penyampaian_surat", "terkirim", "2026-06-15T10:20");
  EXPECT_EQ(closed.status, 409) << closed.body;

  auto audit = as("auditor").get("/api/v1/audit/events?object_type=case&object_id=" + std::to_string(id) +
                                  "&action=workflow.transition&limit=100");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json()->getArray("items")->size(), 12u) << audit.body;
  EXPECT_EQ(as("auditor").get("/api/v1/audit/verify").json()->getValue<bool>("valid"), true);
}

TEST_F(CaseWorkflowApi, RegistrarAssignsProfile004AndTheLargeRouteGoesThroughTheWalikota) {
  auto id = registerCase("2026-06-02T08:00:00", "datang_langsung", "besar");
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("profile", "004-pengaduan-datang-langsung");
  EXPECT_EQ(as("kadis").post(casePath(id) + "/workflow", toJsonText(body)).status, 403);
  auto assigned = as("tu").post(casePath(id) + "/workflow", toJsonText(body));
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.json()->getValue<std::string>("step"), "ambil_nomor_antrian");
  EXPECT_EQ(assigned.json()->getValue<std::string>("due_at"), "2026-06-02T08:05:00");

  expectMove("tu", id, "ambil_nomor_antrian", "panggil", "2026-06-02T08:03", "informasi_customer_service",
             "2026-06-02T08:18:00");
  expectMove("tu", id, "informasi_customer_service", "teruskan_petugas", "2026-06-02T08:10", "pencatatan_pengaduan",
             "2026-06-03T08:10:00");  // 1 working day
  EXPECT_EQ(move("kasi", id, "pencatatan_pengaduan", "skala_besar", "2026-06-02T09:00").status, 403);
  expectMove("tu", id, "pencatatan_pengaduan", "skala_besar", "2026-06-02T09:00", "besar_koordinasi_kasubbag",
             "2026-06-02T10:00:00");
  expectMove("kasi", id, "besar_koordinasi_kasubbag", "ajukan_kepala_dinas", "2026-06-02T09:30",
             "besar_koordinasi_kepala_dinas", "2026-06-02T12:30:00");
  EXPECT_EQ(move("petugas", id, "besar_koordinasi_kepala_dinas", "teruskan_walikota", "2026-06-02T10:00").status, 403);
  expectMove("kadis", id, "besar_koordinasi_kepala_dinas", "teruskan_walikota", "2026-06-02T10:00",
             "besar_rapat_walikota", "2026-06-03T10:00:00");
  // The Walikota is no Naskah user: the head records the meeting's result.
  expectMove("kadis", id, "besar_rapat_walikota", "hasil_rapat", "2026-06-03T09:00", "besar_buat_dan_kirim_balasan",
             "2026-06-03T09:15:00");
  expectMove("tu", id, "besar_buat_dan_kirim_balasan", "terkirim", "2026-06-03T09:10", "pengadu_menerima",
             "2026-06-03T09:25:00");
  EXPECT_EQ(move("pelapor", id, "pengadu_menerima", "diterima", "2026-06-03T09:20").status, 403);
  expectMove("tu", id, "pengadu_menerima", "diterima", "2026-06-03T09:20", "selesai", "");

  auto again = as("tu").post(casePath(id) + "/workflow", toJsonText(body));
  EXPECT_EQ(again.status, 409) << again.body;
}

TEST_F(CaseWorkflowApi, AnSmsStartsProfile003AndIsAnsweredWithinFiveOfficeHours) {
  auto id = registerCase("2026-06-02T13:00:00", "sms");
  auto c = getCase(id);
  EXPECT_EQ(c->getValue<std::string>("profile"), "003-pengaduan-sms-wa");
  EXPECT_EQ(c->getValue<std::string>("step"), "terima_dan_cek");
  EXPECT_EQ(c->getValue<std::string>("due_at"), "2026-06-02T13:15:00");
  EXPECT_EQ(move("petugas", id, "terima_dan_cek", "perlu_analisis", "2026-06-02T13:10").status, 403);
  expectMove("tu", id, "terima_dan_cek", "perlu_analisis", "2026-06-02T13:10", "analisis_masalah",
             "2026-06-02T13:25:00");
  expectMove("petugas", id, "analisis_masalah", "rekomendasikan", "2026-06-02T13:20", "dokumentasi_solusi",
             "2026-06-02T13:50:00");
  expectMove("kabid", id, "dokumentasi_solusi", "rumuskan_jawaban", "2026-06-02T13:30", "jawab",
             "2026-06-03T10:00:00");  // 2.5 office hours on Tuesday, 2.5 on Wednesday
  expectMove("tu", id, "jawab", "terkirim", "2026-06-03T09:00", "pemohon_menerima", "2026-06-03T09:05:00");
  expectMove("tu", id, "pemohon_menerima", "diterima", "2026-06-03T09:03", "selesai", "");
  EXPECT_EQ(getCase(id)->getArray("history")->size(), 5u);
}

TEST_F(CaseWorkflowApi, BadRequestsNameEveryFieldAndUnknownCasesAre404) {
  auto id = registerCase("2026-06-02T08:00:00");
  auto r = as("tu").post(casePath(id) + "/transitions", R"({"note":5,"extra":true})");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(errorFields(r), (std::vector<std::string>{"extra", "from", "condition", "note"}));
  auto future = move("tu", id, "agenda_surat_masuk", "ajukan_kepala_opd", "2099-01-05T08:00");
  EXPECT_EQ(future.status, 400) << future.body;
  EXPECT_EQ(errorFields(future), (std::vector<std::string>{"at"}));
  auto before = move("tu", id, "agenda_surat_masuk", "ajukan_kepala_opd", "2026-06-01T08:00");
  EXPECT_EQ(before.status, 400) << before.body;
  auto unknown = as("tu").post(casePath(id) + "/workflow", R"({"profile":"999-tidak-ada"})");
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_EQ(as("tu").get("/api/v1/cases/999999").status, 404);
  EXPECT_EQ(as("pelapor").get(casePath(id)).status, 403);
  EXPECT_EQ(anonymous().get(casePath(id)).status, 401);
}

TEST_F(CaseWorkflowApi, OverdueListHoldsCasesPastTheirStepDueTime) {
  auto late = registerCase("2026-06-02T08:00:00");
  auto r = as("kadis").get("/api/v1/cases/overdue");
  ASSERT_EQ(r.status, 200) << r.body;
  auto items = r.json()->getArray("items");
  bool found = false;
  for (size_t i = 0; i < items->size(); ++i) {
    auto o = items->getObject(i);
    if (o->getValue<std::int64_t>("id") != late) continue;
    found = true;
    EXPECT_EQ(o->getValue<std::string>("step"), "agenda_surat_masuk");
    EXPECT_EQ(o->getValue<std::string>("due_at"), "2026-06-02T09:00:00");
    EXPECT_GT(o->getValue<std::int64_t>("working_minutes_late"), 510 * 50);
  }
  EXPECT_TRUE(found) << r.body;
  // Moved on, it is judged by its new step's due time (long past as well).
  expectMove("tu", late, "agenda_surat_masuk", "ajukan_kepala_opd", "2026-06-02T08:30", "disposisi_kepala_opd",
             "2026-06-05T08:30:00");
  EXPECT_TRUE(getCase(late)->getValue<bool>("overdue"));
}

TEST_F(CaseWorkflowApi, RecapCountsTheMonthAndItsSlaPerStepAndProfile) {
  auto a = registerCase("2026-07-01T08:00:00", "surat", "kecil");  // Wednesday
  registerCase("2026-07-02T09:00:00", "whatsapp", "besar");
  auto body = letterBody("2026-07-03T09:00:00");
  body->set("complaint_kind", "saran");
  auto voided = registerLetter(body)->getValue<std::int64_t>("id");
  ASSERT_EQ(as("tu").post("/api/v1/incoming-letters/" + std::to_string(voided) + "/void", R"({"reason":"ganda"})").status,
            200);
  expectMove("tu", a, "agenda_surat_masuk", "ajukan_kepala_opd", "2026-07-01T08:30", "disposisi_kepala_opd",
             "2026-07-06T08:30:00");  // Friday 3 to Monday 6
  expectMove("kadis", a, "disposisi_kepala_opd", "disposisikan", "2026-07-07T08:30", "disposisi_kepala_bidang",
             "2026-07-07T09:30:00");  // a working day late

  auto r = as("kadis").get("/api/v1/recap?month=2026-07");
  ASSERT_EQ(r.status, 200) << r.body;
  auto o = r.json();
  EXPECT_EQ(o->getValue<int>("total"), 3);
  EXPECT_EQ(o->getObject("by_channel")->getValue<int>("surat"), 2);
  EXPECT_EQ(o->getObject("by_channel")->getValue<int>("whatsapp"), 1);
  EXPECT_EQ(o->getObject("by_complaint_kind")->getValue<int>("saran"), 1);
  EXPECT_EQ(o->getObject("by_scale")->getValue<int>("besar"), 1);
  EXPECT_EQ(o->getObject("by_status")->getValue<int>("dalam_proses"), 2);
  EXPECT_EQ(o->getObject("by_status")->getValue<int>("dibatalkan"), 1);
  EXPECT_EQ(o->getObject("sla")->getValue<int>("steps_completed"), 2);
  EXPECT_EQ(o->getObject("sla")->getValue<int>("late"), 1);
  auto profiles = o->getArray("profiles");
  ASSERT_EQ(profiles->size(), 1u);
  auto p = profiles->getObject(0);
  EXPECT_EQ(p->getValue<std::string>("id"), "002-penanganan-pengaduan-surat");
  EXPECT_DOUBLE_EQ(p->getValue<double>("compliance"), 0.5);
  auto steps = p->getArray("steps");
  ASSERT_EQ(steps->size(), 2u);
  EXPECT_EQ(steps->getObject(0)->getValue<std::string>("step"), "agenda_surat_masuk");
  EXPECT_DOUBLE_EQ(steps->getObject(0)->getValue<double>("mean_working_minutes"), 30.0);
  EXPECT_EQ(steps->getObject(1)->getValue<int>("late"), 1);

  EXPECT_EQ(as("tu").get("/api/v1/recap?month=2026-13").status, 400);
  EXPECT_EQ(as("tu").get("/api/v1/recap").status, 400);
  EXPECT_EQ(as("pelapor").get("/api/v1/recap?month=2026-07").status, 403);
  EXPECT_EQ(as("tu").get("/api/v1/recap?month=2026-05").json()->getValue<int>("total"), 0);
}

}  // namespace
}  // namespace naskah::testing
