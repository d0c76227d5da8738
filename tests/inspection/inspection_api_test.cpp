// Field inspections over HTTP (seed 002 steps 5 and 6): the supervisor sends a team, an officer
// of the team records the report and its photos, the Laporan Hasil Pemeriksaan prints them; every
// other role and every officer outside the team is refused, and bad input names every field.
#include <algorithm>
#include <sstream>

#include "inspection/inspection_fixture.h"

namespace naskah::testing {
namespace {

using render::testing::pdfText;
using render::testing::runOnPdf;
using render::testing::squeeze;

bool contains(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

TEST_F(InspectionTest, TheTeamReportsWithPhotosAndTheReportPdfShowsThem) {
  auto created = as("kasi").post(letterPath(), assignmentBody({petugasId_, petugas2Id_}));
  ASSERT_EQ(created.status, 201) << created.body;
  auto inspection = created.json();
  auto id = inspection->getValue<std::int64_t>("id");
  EXPECT_EQ(inspection->getValue<std::string>("status"), "scheduled");
  EXPECT_EQ(inspection->getValue<std::string>("scheduled_at"), "2026-11-24T09:00:00");
  EXPECT_EQ(inspection->getValue<std::string>("assigned_by"), "kasi");
  auto team = inspection->getArray("officers");
  ASSERT_EQ(team->size(), 2u);
  EXPECT_EQ(team->getObject(0)->getValue<std::string>("username"), "petugas");
  EXPECT_EQ(team->getObject(0)->getValue<std::string>("role"), "ketua");
  EXPECT_EQ(team->getObject(1)->getValue<std::string>("role"), "anggota");
  // Every member of the team goes to the reporter, so every member reads the identity.
  EXPECT_TRUE(contains(asPetugas2().get("/api/v1/incoming-letters/" + std::to_string(letterId_)).body, "Syamsul Bahri"));
  EXPECT_EQ(as("kasi").get(path(id, "report.pdf")).status, 409);  // nothing to print yet

  auto reported = as("petugas").request("PUT", path(id, "report"), reportBody());
  ASSERT_EQ(reported.status, 200) << reported.body;
  EXPECT_EQ(reported.json()->getValue<std::string>("status"), "reported");
  EXPECT_EQ(reported.json()->getValue<std::string>("reported_by"), "petugas");
  auto report = reported.json()->getObject("report");
  EXPECT_EQ(report->getArray("findings")->size(), 2u);
  EXPECT_EQ(report->getValue<std::string>("finished_at"), "2026-11-24T14:30:00");

  // A PNG as a multipart form with its caption; JPEGs as raw bodies, one by the second officer.
  auto [type, body] = multipartFile("file", "denah-lokasi.png", "image/png", png());
  std::string captionPart = "--naskah-test-boundary-7c1f2e9a\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\n"
                            "Denah lokasi RT 07\r\n";
  auto first = as("petugas").post(path(id, "photos"), captionPart + body, {{"Content-Type", type}});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json()->getValue<int>("number"), 1);
  EXPECT_EQ(first.json()->getValue<std::string>("content_type"), "image/png");
  EXPECT_EQ(first.json()->getValue<std::string>("caption"), "Denah lokasi RT 07");
  auto second = uploadRaw(as("petugas"), id, "file_name=rumah.jpg&caption=Rumah%20warga%20lanjut%20usia", jpeg());
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.json()->getValue<std::string>("content_type"), "image/jpeg");
  auto third = uploadRaw(asPetugas2(), id, "file_name=jalan.jpg&caption=Akses%20jalan",
                         sampleFile("samples/documents/foto/lokasi-2.jpg"));
  ASSERT_EQ(third.status, 201) << third.body;
  EXPECT_EQ(third.json()->getValue<int>("number"), 3);

  auto photo = as("auditor").get(path(id, "photos/1"));
  ASSERT_EQ(photo.status, 200);
  EXPECT_EQ(photo.header("Content-Type"), "image/png");
  EXPECT_TRUE(photo.body == png());
  EXPECT_TRUE(as("kadis").get(path(id, "photos/2")).body == jpeg());
  EXPECT_EQ(as("kadis").get(path(id, "photos/4")).status, 404);
  auto read = as("tu").get(path(id));
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json()->getArray("photos")->size(), 3u);
  auto list = as("kabid").get(letterPath());
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json()->getArray("items")->size(), 1u);

  auto pdf = as("kasi").get(path(id, "report.pdf"));
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
  auto check = runOnPdf("qpdf --check {}", pdf.body);
  EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
  std::string text = squeeze(pdfText(pdf.body).out);
  for (const std::string& expected :
       {std::string("LAPORAN HASIL PEMERIKSAAN LAPANGAN"), std::string("RT 07 Desa Sungai Duren"),
        std::string("Sembilan warga lanjut usia belum padan"), std::string("Lima warga belum merekam"),
        std::string("Perlu perbaikan data"), std::string("sepakat memperbaiki data"),
        std::string("perekaman KTP-el jemput bola"), std::string("Fajar Pratama, S.Kom. (ketua)"),
        std::string("Nurul Aini, S.Kom. (anggota)"), std::string("Dewi Kartika Sari, S.E."),
        std::string("Kepala Seksi Identitas Penduduk"), std::string("Denah lokasi RT 07"), std::string("Akses jalan"),
        std::string("24 November 2026"), std::string("Jambi,"), std::string("/LHP-" + std::to_string(id) + "/")})
    EXPECT_TRUE(contains(text, expected)) << expected << " not in: " << text;
  // The three photos are in the PDF, beside the letterhead's logo.
  auto images = runOnPdf("pdfimages -list {}", pdf.body);
  ASSERT_EQ(images.exitCode, 0) << images.err;
  int jpegs = 0, all = 0;
  std::istringstream lines(images.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(" image ") == std::string::npos) continue;
    ++all;
    if (line.find(" jpeg ") != std::string::npos) ++jpegs;
  }
  EXPECT_EQ(jpegs, 2) << images.out;
  EXPECT_GE(all, 4) << images.out;  // logo and the PNG photo (each maybe with its alpha mask) and two JPEGs

  // Every change is in the audit trail.
  auto audit = as("auditor").get("/api/v1/audit/events?object_type=inspection&object_id=" + std::to_string(id));
  ASSERT_EQ(audit.status, 200) << audit.body;
  std::vector<std::string> actions;
  auto items = audit.json()->getArray("items");
  for (size_t i = 0; i < items->size(); ++i) actions.push_back(items->getObject(i)->getValue<std::string>("action"));
  EXPECT_EQ(actions, (std::vector<std::string>{"inspection.assign", "inspection.report", "inspection.photo",
                                               "inspection.photo", "inspection.photo"}));
  EXPECT_EQ(as("auditor").get("/api/v1/audit/verify").json()->getValue<bool>("valid"), true);
}

TEST_F(InspectionTest, PhotosMustBeRealPngOrJpegWithinTheLimitAndNamedWithoutAPath) {
  auto id = assign();
  auto text = uploadRaw(as("petugas"), id, "file_name=catatan.txt", "Catatan lapangan: rumah warga RT 07\n");
  EXPECT_EQ(text.status, 400) << text.body;
  EXPECT_EQ(errorFields(text), std::vector<std::string>{"file"});
  auto pdf = uploadRaw(as("petugas"), id, "file_name=scan.pdf", "%PDF-1.4\n%%EOF\n");
  EXPECT_EQ(pdf.status, 400) << pdf.body;
  // PNG and JPEG signatures over bytes no decoder reads would break every later report PDF.
  auto fakePng = uploadRaw(as("petugas"), id, "file_name=rusak.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  EXPECT_EQ(fakePng.status, 400) << fakePng.body;
  // A real PNG cut in half: its header is fine, its pixels are not all there.
  auto cutPng = uploadRaw(as("petugas"), id, "file_name=potong.png", png().substr(0, png().size() / 2));
  EXPECT_EQ(cutPng.status, 400) << cutPng.body;
  auto fakeJpeg = uploadRaw(as("petugas"), id, "file_name=rusak.jpg", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10));
  EXPECT_EQ(fakeJpeg.status, 400) << fakeJpeg.body;
  for (const std::string name : {"../foto.png", "..%2F..%2Ffoto.png", "%2Ftmp%2Ffoto.png", "dir%2Ffoto.png", ""}) {
    auto r = uploadRaw(as("petugas"), id, "file_name=" + name, png());
    EXPECT_EQ(r.status, 400) << name << " → " << r.body;
    EXPECT_EQ(errorFields(r), std::vector<std::string>{"file_name"}) << name;
  }
  auto [type, body] = multipartFile("file", "../../foto.png", "image/png", png());
  EXPECT_EQ(as("petugas").post(path(id, "photos"), body, {{"Content-Type", type}}).status, 400);
  // A bad name, a two-line caption and a text file: all named at once.
  auto several = uploadRaw(as("petugas"), id, "file_name=..%2Fa.txt&caption=baris%20satu%0Abaris%20dua", "teks");
  EXPECT_EQ(several.status, 400) << several.body;
  EXPECT_EQ(errorFields(several), (std::vector<std::string>{"file_name", "caption", "file"}));
  std::string oversize = png() + std::string((10u << 20) + 1 - png().size(), '\0');
  auto tooLarge = uploadRaw(as("petugas"), id, "file_name=besar.png", oversize);
  EXPECT_EQ(tooLarge.status, 413) << tooLarge.body;
  EXPECT_EQ(tooLarge.errorCode(), "too_large");
  EXPECT_EQ(as("petugas").get(path(id)).json()->getArray("photos")->size(), 0u);
  EXPECT_EQ(uploadRaw(as("petugas"), id, "file_name=foto.jpg", jpeg()).status, 201);  // the real one goes in
}

TEST_F(InspectionTest, OnlySupervisorsManagersAndTheHeadAssignAndOnlyTheTeamReports) {
  for (const char* who : {"tu", "petugas", "auditor", "admin", "pelapor"}) {
    auto r = as(who).post(letterPath(), assignmentBody({petugasId_}));
    EXPECT_EQ(r.status, 403) << who << ": " << r.body;
    EXPECT_EQ(r.errorCode(), "permission_denied") << who;
  }
  for (const char* who : {"kabid", "kadis"})
    EXPECT_EQ(as(who).post(letterPath(), assignmentBody({petugasId_})).status, 201) << who;
  auto id = assign();

  // petugas2 is an officer, but not of this team; the supervisor who sent them is not either.
  for (const std::string& rest : {std::string("report")}) {
    EXPECT_EQ(asPetugas2().request("PUT", path(id, rest), reportBody()).status, 403);
    EXPECT_EQ(as("kasi").request("PUT", path(id, rest), reportBody()).status, 403);
    EXPECT_EQ(as("kadis").request("PUT", path(id, rest), reportBody()).status, 403);
  }
  EXPECT_EQ(uploadRaw(asPetugas2(), id, "file_name=foto.png", png()).status, 403);
  EXPECT_EQ(uploadRaw(as("kasi"), id, "file_name=foto.png", png()).status, 403);
  EXPECT_EQ(uploadRaw(as("tu"), id, "file_name=foto.png", png()).status, 403);
  ASSERT_EQ(as("petugas").request("PUT", path(id, "report"), reportBody()).status, 200);
  // Reading: everyone inside the office; the reporter never.
  for (const char* who : {"tu", "kadis", "kabid", "kasi", "petugas", "auditor", "admin"}) {
    EXPECT_EQ(as(who).get(path(id)).status, 200) << who;
    EXPECT_EQ(as(who).get(path(id, "report.pdf")).status, 200) << who;
  }
  EXPECT_EQ(asPetugas2().get(path(id)).status, 200);
  for (const std::string& rest : {std::string(""), std::string("report.pdf"), std::string("photos/1")})
    EXPECT_EQ(as("pelapor").get(path(id, rest)).status, 403) << rest;
  EXPECT_EQ(as("pelapor").get(letterPath()).status, 403);
  EXPECT_EQ(anonymous().get(path(id)).status, 401);
  // The team's leader now handles the case: the reporter's identity is theirs to read.
  auto letter = as("petugas").get("/api/v1/incoming-letters/" + std::to_string(letterId_));
  EXPECT_TRUE(contains(letter.body, "Syamsul Bahri")) << letter.body;
  EXPECT_FALSE(contains(asPetugas2().get("/api/v1/incoming-letters/" + std::to_string(letterId_)).body, "Syamsul"));
}

TEST_F(InspectionTest, BadInputNamesEveryFieldTogether) {
  auto bad = as("kasi").post(letterPath(), R"({"officers":[],"scheduled_at":"besok pagi","warna":"merah"})");
  ASSERT_EQ(bad.status, 400) << bad.body;
  auto fields = errorFields(bad);
  for (const char* f : {"warna", "officers", "scheduled_at", "place"})
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f << " in " << bad.body;
  auto notOfficers = as("kasi").post(letterPath(), assignmentBody({userId("kabid"), petugasId_, petugasId_, 999999}));
  ASSERT_EQ(notOfficers.status, 400) << notOfficers.body;
  EXPECT_EQ(errorFields(notOfficers), (std::vector<std::string>{"officers[2]"}));  // twice: named before the lookup
  auto strangers = as("kasi").post(letterPath(), assignmentBody({userId("kabid"), petugasId_, 999999}));
  ASSERT_EQ(strangers.status, 400) << strangers.body;
  EXPECT_EQ(errorFields(strangers), (std::vector<std::string>{"officers[0]", "officers[2]"}));
  EXPECT_EQ(as("kasi").post(letterPath(999999), assignmentBody({petugasId_})).status, 404);

  auto id = assign();
  auto report = as("petugas").request(
      "PUT", path(id, "report"),
      R"({"started_at":"2026-11-24T14:00","finished_at":"2026-11-24T09:00","findings":[{"remark":"x"},"y"],)"
      R"("recommendations":[""],"mediasi":"-"})");
  ASSERT_EQ(report.status, 400) << report.body;
  fields = errorFields(report);
  for (const char* f : {"mediasi", "finished_at", "findings[0].description", "findings[1]", "recommendations[0]"})
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f << " in " << report.body;
  auto future = as("petugas").request("PUT", path(id, "report"),
                                      R"({"started_at":"2099-01-01T08:00","finished_at":"2099-01-01T09:00",)"
                                      R"("findings":[{"description":"x"}],"recommendations":["y"]})");
  EXPECT_EQ(future.status, 400) << future.body;
  EXPECT_EQ(errorFields(future), std::vector<std::string>{"finished_at"});

  // A stale version: a second officer's report made on the first version is refused.
  auto firstReport = as("petugas").request("PUT", path(id, "report"), reportBody());
  ASSERT_EQ(firstReport.status, 200) << firstReport.body;
  std::string stale = reportBody();
  stale.insert(1, R"("version":1,)");
  auto conflict = as("petugas").request("PUT", path(id, "report"), stale);
  EXPECT_EQ(conflict.status, 409) << conflict.body;
  std::string current = reportBody();
  current.insert(1, "\"version\":" + std::to_string(firstReport.json()->getValue<std::int64_t>("version")) + ",");
  EXPECT_EQ(as("petugas").request("PUT", path(id, "report"), current).status, 200);
}

TEST_F(InspectionTest, AVoidEntryGetsNoInspection) {
  ASSERT_EQ(as("tu").post("/api/v1/incoming-letters/" + std::to_string(letterId_) + "/void", R"({"reason":"ganda"})")
                .status,
            200);
  auto r = as("kasi").post(letterPath(), assignmentBody({petugasId_}));
  EXPECT_EQ(r.status, 409) << r.body;
}

}  // namespace
}  // namespace naskah::testing
