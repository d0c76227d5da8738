// Every endpoint checks who is asking: no session → 401, a role the action is not for → 403,
// and the reporter's identity reaches only the roles that handle the complaint.
#include <set>

#include "http/api_test_fixture.h"

namespace naskah::testing {
namespace {

using RolesApi = ApiTest;

// One demo user per role.
const std::vector<std::string> kEveryRole{"admin", "tu", "kadis", "kabid", "kasi", "petugas", "auditor", "pelapor"};

struct Endpoint {
  std::string method;
  std::string path;
  std::string body;
  std::set<std::string> allowed;  // demo usernames whose role may call it
  std::string contentType = "application/json";
};

const std::set<std::string> kReaders{"admin", "tu", "kadis", "kabid", "kasi", "petugas", "auditor"};
const std::set<std::string> kAnyone{"admin", "tu", "kadis", "kabid", "kasi", "petugas", "auditor", "pelapor"};

class RolesApiWithEntry : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    letterId_ = registerLetter(letterBody("2031-09-01T09:00:00"))->getValue<std::string>("id");
    auto upload = as("tu").post("/api/v1/incoming-letters/" + letterId_ + "/attachments?file_name=scan.pdf",
                                "%PDF-1.4\n%%EOF\n", {{"Content-Type", "application/pdf"}});
    ASSERT_EQ(upload.status, 201) << upload.body;
    attachmentId_ = upload.json()->getValue<std::string>("id");
  }

  // Every route of src/http/handlers with the roles that may call it.
  std::vector<Endpoint> endpoints() const {
    const std::string letter = "/api/v1/incoming-letters/" + letterId_;
    return {
        {"GET", "/api/v1/auth/me", "", kAnyone},
        {"POST", "/api/v1/auth/logout", "", {}},  // checked apart: it ends the session it is called with
        {"POST", "/api/v1/incoming-letters", toJsonText(letterBody("2031-09-02T09:00:00")), {"tu", "admin"}},
        {"GET", "/api/v1/incoming-letters", "", kReaders},
        {"GET", "/api/v1/incoming-letters?format=csv", "", kReaders},
        {"GET", letter, "", kReaders},
        {"PATCH", letter, R"({"changes":{"subject":"Perihal dibetulkan"},"reason":"salah ketik"})", {"tu", "admin"}},
        {"POST", letter + "/attachments?file_name=scan2.pdf", "%PDF-1.4\n%%EOF\n", {"tu", "admin"},
         "application/pdf"},
        {"GET", letter + "/attachments/" + attachmentId_, "", kReaders},
        {"GET", letter + "/reporter-history", "", {"tu", "kadis", "kabid", "kasi"}},
        {"POST", letter + "/void", R"({"reason":"uji peran"})", {"tu", "kadis", "admin"}},
        {"GET", "/api/v1/audit/events", "", {"auditor", "admin"}},
        {"GET", "/api/v1/audit/verify", "", {"auditor", "admin"}},
        {"GET", "/api/v1/users", "", {"admin"}},
        {"POST", "/api/v1/users",
         R"({"username":"operator2","password":"kata-sandi-panjang-2026","role":"registrar","full_name":"Operator Dua"})",
         {"admin"}},
        {"GET", "/api/v1/units", "", kAnyone},
    };
  }

  std::string letterId_;
  std::string attachmentId_;
};

TEST_F(RolesApiWithEntry, EveryEndpointWithoutASessionAnswers401Unauthenticated) {
  auto visitor = anonymous();
  for (const auto& e : endpoints()) {
    auto response = visitor.request(e.method, e.path, e.body, {{"Content-Type", e.contentType}});
    EXPECT_EQ(response.status, 401) << e.method << " " << e.path << ": " << response.body;
    EXPECT_EQ(response.errorCode(), "unauthenticated") << e.method << " " << e.path << ": " << response.body;
    EXPECT_EQ(response.header("WWW-Authenticate"), "Bearer") << e.method << " " << e.path;
    auto forged = visitor.request(e.method, e.path, e.body,
                                  {{"Content-Type", e.contentType}, {"Authorization", "Bearer bukan-token-yang-sah"}});
    EXPECT_EQ(forged.status, 401) << e.method << " " << e.path << ": " << forged.body;
  }
}

TEST_F(RolesApiWithEntry, EveryEndpointRefusesTheRolesItIsNotFor) {
  for (const auto& user : kEveryRole) {
    auto client = as(user);
    for (const auto& e : endpoints()) {
      if (e.path == "/api/v1/auth/logout") continue;
      auto response = client.request(e.method, e.path, e.body, {{"Content-Type", e.contentType}});
      if (e.allowed.count(user)) {
        EXPECT_NE(response.status, 401) << user << " " << e.method << " " << e.path << ": " << response.body;
        EXPECT_NE(response.status, 403) << user << " " << e.method << " " << e.path << ": " << response.body;
        EXPECT_LT(response.status, 500) << user << " " << e.method << " " << e.path << ": " << response.body;
      } else {
        EXPECT_EQ(response.status, 403) << user << " " << e.method << " " << e.path << ": " << response.body;
        EXPECT_EQ(response.errorCode(), "permission_denied") << user << " " << e.method << " " << e.path;
      }
    }
  }
}

TEST_F(RolesApiWithEntry, NamedRoleRefusalsAnswer403PermissionDenied) {
  const std::string letter = "/api/v1/incoming-letters/" + letterId_;
  auto auditorRegisters = as("auditor").post("/api/v1/incoming-letters", toJsonText(letterBody()));
  EXPECT_EQ(auditorRegisters.status, 403) << auditorRegisters.body;
  EXPECT_EQ(auditorRegisters.errorCode(), "permission_denied");
  auto officerVoids = as("petugas").post(letter + "/void", R"({"reason":"bukan wewenang"})");
  EXPECT_EQ(officerVoids.status, 403) << officerVoids.body;
  auto registrarReadsTrail = as("tu").get("/api/v1/audit/events");
  EXPECT_EQ(registrarReadsTrail.status, 403) << registrarReadsTrail.body;
  auto reporterReadsRegister = as("pelapor").get("/api/v1/incoming-letters");
  EXPECT_EQ(reporterReadsRegister.status, 403) << reporterReadsRegister.body;
  auto headAddsUser = as("kadis").post("/api/v1/users", R"({"username":"x1","password":"kata-sandi-2026","role":"admin"})");
  EXPECT_EQ(headAddsUser.status, 403) << headAddsUser.body;
  // The refused void left the entry as it was.
  EXPECT_EQ(as("tu").get(letter).json()->getValue<std::string>("status"), "active");
}

TEST_F(RolesApiWithEntry, LogoutNeedsASession) {
  auto response = anonymous().post("/api/v1/auth/logout", "");
  EXPECT_EQ(response.status, 401) << response.body;
  EXPECT_EQ(response.errorCode(), "unauthenticated");
}

TEST_F(RolesApiWithEntry, ReporterIdentityReachesOnlyTheRolesThatHandleTheComplaint) {
  const std::string path = "/api/v1/incoming-letters/" + letterId_;
  for (const std::string user : {"tu", "kadis", "kabid", "sekretaris", "kasi"}) {
    auto letter = as(user).get(path).json();
    ASSERT_FALSE(letter->isNull("reporter")) << user;
    EXPECT_EQ(letter->getObject("reporter")->getValue<std::string>("name"), "Syamsul Bahri") << user;
    EXPECT_EQ(letter->getObject("reporter")->getValue<std::string>("phone"), "081274451203") << user;
    EXPECT_FALSE(letter->getValue<bool>("reporter_withheld")) << user;
  }
  for (const std::string user : {"auditor", "admin", "petugas"}) {
    auto response = as(user).get(path);
    ASSERT_EQ(response.status, 200) << user << ": " << response.body;
    auto letter = response.json();
    EXPECT_TRUE(letter->has("reporter")) << user;
    EXPECT_TRUE(letter->isNull("reporter")) << user << ": " << response.body;
    EXPECT_TRUE(letter->getValue<bool>("reporter_withheld")) << user;
    for (const char* secret : {"Syamsul", "081274451203", "Pattimura", "syamsul@example.id"})
      EXPECT_EQ(response.body.find(secret), std::string::npos) << user << " sees " << secret;
    // The rest of the record is there.
    EXPECT_EQ(letter->getValue<std::string>("subject"), "Pengaduan Bantuan PKH yang Tidak Diterima") << user;

    auto list = as(user).get("/api/v1/incoming-letters?year=2031");
    EXPECT_EQ(list.body.find("Syamsul"), std::string::npos) << user << " sees the name in the list";
    auto csv = as(user).get("/api/v1/incoming-letters?year=2031&format=csv");
    EXPECT_EQ(csv.status, 200);
    EXPECT_EQ(csv.body.find("Syamsul"), std::string::npos) << user << " sees the name in the CSV";
  }
  // The auditor's trail says an identity was given, never what it is.
  auto trail = as("auditor").get("/api/v1/audit/events?object_type=incoming_letter&limit=1000");
  ASSERT_EQ(trail.status, 200) << trail.body;
  EXPECT_EQ(trail.body.find("Syamsul"), std::string::npos);
  EXPECT_EQ(trail.body.find("081274451203"), std::string::npos);
}

TEST_F(RolesApi, PublicEndpointsAnswerWithoutASession) {
  auto visitor = anonymous();
  auto health = visitor.get("/healthz");
  EXPECT_EQ(health.status, 200) << health.body;
  EXPECT_EQ(health.json()->getValue<std::string>("status"), "ok");
  EXPECT_EQ(visitor.get("/api/v1/track/ADU-0000-0000-0").status, 404);
  EXPECT_EQ(visitor.post("/api/v1/auth/login", R"({"username":"tu","password":"salah"})").status, 401);
}

}  // namespace
}  // namespace naskah::testing
