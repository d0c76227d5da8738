// A real server with the demo office, a complaint registered, a second officer outside any team,
// and the field inspection's steps as one-line calls.
#pragma once

#include <string>

#include "http/api_test_fixture.h"
#include "render/pdf_tools.h"

namespace naskah::testing {

class InspectionTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    letterId_ = registerLetter(letterBody("2026-11-23T08:00:00"))->getValue<std::int64_t>("id");
    petugasId_ = userId("petugas");
    auto added = as("admin").post("/api/v1/users", R"({"username":"petugas2","password":"petugas2-naskah-2026",)"
                                                   R"("role":"officer","full_name":"Nurul Aini, S.Kom.",)"
                                                   R"("unit":"DAFDUK-IDENTITAS","position":"Pranata Komputer",)"
                                                   R"("nip":"199507112022032001"})");
    ASSERT_EQ(added.status, 201) << added.body;
    petugas2Id_ = added.json()->getValue<std::int64_t>("id");
  }

  std::int64_t userId(const std::string& username) {
    auto r = as(username).get("/api/v1/auth/me");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()->getValue<std::int64_t>("id");
  }
  // petugas2 is not a demo user: sign in with the password given above.
  HttpClient asPetugas2() {
    HttpClient client(port());
    client.login("petugas2", "petugas2-naskah-2026");
    return client;
  }

  std::string letterPath(std::int64_t letterId = 0) {
    return "/api/v1/incoming-letters/" + std::to_string(letterId ? letterId : letterId_) + "/inspections";
  }
  std::string path(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/inspections/" + std::to_string(id) + (rest.empty() ? "" : "/" + rest);
  }

  std::string assignmentBody(const std::vector<std::int64_t>& officers) {
    std::string ids;
    for (auto id : officers) ids += (ids.empty() ? "" : ",") + std::to_string(id);
    return R"({"officers":[)" + ids +
           R"(],"scheduled_at":"2026-11-24T09:00","place":"RT 07 Desa Sungai Duren, Kecamatan Jambi Luar Kota",)"
           R"("instructions":"Periksa data penerima dan temui Kepala Desa"})";
  }
  // Assigned by the supervisor to petugas alone; fails the test unless 201.
  std::int64_t assign(const std::vector<std::int64_t>& officers = {}) {
    auto r = as("kasi").post(letterPath(), assignmentBody(officers.empty() ? std::vector<std::int64_t>{petugasId_}
                                                                           : officers));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()->getValue<std::int64_t>("id");
  }

  static std::string reportBody() {
    return R"({"started_at":"2026-11-24T09:10","finished_at":"2026-11-24T14:30",)"
           R"("findings":[{"description":"Sembilan warga lanjut usia belum padan dengan DTKS )"
           R"(karena tanggal lahir berbeda.",)"
           R"("remark":"Perlu perbaikan data"},{"description":"Lima warga belum merekam KTP elektronik."}],)"
           R"("mediation":"Pelapor dan Kepala Desa sepakat memperbaiki data dalam 30 hari.",)"
           R"("recommendations":["Desa memperbaiki data kependudukan sembilan warga.",)"
           R"("Bidang Dafduk melaksanakan perekaman KTP-el jemput bola."]})";
  }

  static std::string sampleFile(const std::string& relative) { return render::testing::readSourceFile(relative); }
  static std::string png() { return sampleFile("letterheads/dinsosdukcapil-jambi/logo.png"); }
  static std::string jpeg() { return sampleFile("samples/documents/foto/lokasi-1.jpg"); }

  HttpResponse uploadRaw(HttpClient client, std::int64_t id, const std::string& query, const std::string& content) {
    return client.post(path(id, "photos") + "?" + query, content, {{"Content-Type", "application/octet-stream"}});
  }

  std::int64_t letterId_ = 0;
  std::int64_t petugasId_ = 0;
  std::int64_t petugas2Id_ = 0;
};

}  // namespace naskah::testing
