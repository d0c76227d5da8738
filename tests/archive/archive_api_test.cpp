// The archive over HTTP and the CLI, against a real server with the demo office.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "archive/archive_fixture.h"
#include "http/api_test_fixture.h"

namespace naskah::testing {
namespace {

class ArchiveApi : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    auto& system = server().system();
    auto actor = system.directory().operatorOf(system.directory().officeOrOnly(""));
    auto reply = letter("Balasan pengaduan bantuan PKH", "Bantuan PKH untuk enam keluarga telah disalurkan.");
    reply.recipient = "Sdr. Syamsul Bahri";
    reply.reporterIdentity = {"Syamsul Bahri"};
    pdf_ = "%PDF-1.7\n% balasan\n%%EOF\n";
    reply_ = system.archive().archive(actor, reply, pdf_).record.id;
    auto memo = letter("Undangan rapat koordinasi PKH", "Rapat membahas data PKH.", "2025-05-05");
    memo.kind = "surat_dinas";
    system.archive().archive(actor, memo, "%PDF-1.7\n% undangan\n%%EOF\n");
  }
  std::int64_t reply_ = 0;
  std::string pdf_;
};

TEST_F(ArchiveApi, AuditorSearchesAndSeesNoReporter) {
  auto response = as("auditor").get("/api/v1/archive/search?q=bantuan%20pkh&per_page=10");
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = response.json();
  EXPECT_EQ(body->getValue<int>("total"), 1);
  auto item = body->getArray("items")->getObject(0);
  EXPECT_EQ(item->getValue<std::int64_t>("id"), reply_);
  EXPECT_EQ(item->getValue<std::string>("recipient"), "Sdr. (dirahasiakan)");
  EXPECT_TRUE(item->get("reporter_identity").isEmpty());
  EXPECT_NE(item->getValue<std::string>("snippet").find("<mark>PKH</mark>"), std::string::npos);
  EXPECT_EQ(response.body.find("Syamsul"), std::string::npos) << response.body;
  EXPECT_EQ(totalOf(as("auditor").get("/api/v1/archive/search?q=Syamsul")), 0);
}

TEST_F(ArchiveApi, HeadSeesTheReporterIdentity) {
  auto response = as("kadis").get("/api/v1/archive/search?q=Syamsul");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(totalOf(response), 1);
  EXPECT_NE(response.body.find("Syamsul Bahri"), std::string::npos);
}

TEST_F(ArchiveApi, FiltersAndPagesOverHttp) {
  EXPECT_EQ(totalOf(as("auditor").get("/api/v1/archive/search?q=pkh")), 2);
  EXPECT_EQ(totalOf(as("auditor").get("/api/v1/archive/search?q=pkh&kind=surat_dinas")), 1);
  EXPECT_EQ(totalOf(as("auditor").get("/api/v1/archive/search?q=pkh&from=2026-01-01&to=2026-12-31")), 1);
  auto page2 = as("auditor").get("/api/v1/archive/search?q=pkh&per_page=1&page=2");
  EXPECT_EQ(totalOf(page2), 2);
  EXPECT_EQ(page2.json()->getArray("items")->size(), 1u);
}

TEST_F(ArchiveApi, CsvExport) {
  auto response = as("auditor").get("/api/v1/archive/search?q=pkh&format=csv");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.header("Content-Type").rfind("text/csv", 0), 0u);
  EXPECT_EQ(std::count(response.body.begin(), response.body.end(), '\n'), 3);
  EXPECT_EQ(response.body.find("Syamsul"), std::string::npos);
}

TEST_F(ArchiveApi, OnlyArchiveReadersMaySearch) {
  for (const char* user : {"tu", "petugas", "pelapor"})
    EXPECT_EQ(as(user).get("/api/v1/archive/search?q=pkh").status, 403) << user;
  EXPECT_EQ(anonymous().get("/api/v1/archive/search?q=pkh").status, 401);
  for (const char* user : {"kadis", "sekretaris", "kasi", "admin"})
    EXPECT_EQ(as(user).get("/api/v1/archive/search?q=pkh").status, 200) << user;
}

TEST_F(ArchiveApi, BadFiltersAreNamedTogether) {
  auto response =
      as("auditor").get("/api/v1/archive/search?from=2026-02-30x&kind=memo&channel=pos&page=x&per_page=1000&format=xml");
  EXPECT_EQ(response.status, 400) << response.body;
  EXPECT_EQ(errorFields(response),
            (std::vector<std::string>{"page", "format", "from", "kind", "channel", "per_page"}));
}

TEST_F(ArchiveApi, MetadataAndFileById) {
  auto meta = as("auditor").get("/api/v1/archive/" + std::to_string(reply_));
  ASSERT_EQ(meta.status, 200) << meta.body;
  EXPECT_EQ(meta.json()->getValue<std::string>("kind"), "surat_balasan");
  EXPECT_EQ(meta.json()->getValue<std::string>("sha256").size(), 64u);
  auto file = as("auditor").get("/api/v1/archive/" + std::to_string(reply_) + "/file");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, pdf_);
  EXPECT_EQ(file.header("Content-Type"), "application/pdf");
  EXPECT_EQ(as("auditor").get("/api/v1/archive/999999").status, 404);
  EXPECT_EQ(as("tu").get("/api/v1/archive/" + std::to_string(reply_) + "/file").status, 403);
}

// Runs the naskah binary; returns its exit code and puts stdout in out.
int naskah(const std::string& args, std::string& out) {
  std::string command = std::string(NASKAH_BINARY) + " " + args + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  char buffer[4096];
  out.clear();
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  int status = ::pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(ArchiveApi, CliSearchAndFsck) {
  std::string out;
  ASSERT_EQ(naskah("search --data " + server().dataDir() + " --q pkh --kind surat_balasan", out), 0) << out;
  EXPECT_NE(out.find("Balasan pengaduan bantuan PKH"), std::string::npos) << out;
  EXPECT_NE(out.find("1 documents found"), std::string::npos) << out;
  ASSERT_EQ(naskah("search --data " + server().dataDir() + " --q pkh --csv", out), 0) << out;
  EXPECT_EQ(out.rfind("id,kind,", 0), 0u) << out;
  EXPECT_EQ(naskah("search --data " + server().dataDir() + " --from 2026-02-30x --kind memo", out), 65) << out;
  EXPECT_NE(out.find("from"), std::string::npos) << out;
  EXPECT_NE(out.find("kind"), std::string::npos) << out;

  ASSERT_EQ(naskah("fsck --data " + server().dataDir(), out), 0) << out;
  EXPECT_NE(out.find("archive clean"), std::string::npos) << out;
  auto sha = as("auditor").get("/api/v1/archive/" + std::to_string(reply_)).json()->getValue<std::string>("sha256");
  std::filesystem::remove(server().dataDir() + "/archive/" + sha.substr(0, 2) + "/" + sha + ".pdf");
  EXPECT_EQ(naskah("fsck --data " + server().dataDir(), out), 65) << out;
  EXPECT_NE(out.find("missing  " + sha.substr(0, 2) + "/" + sha + ".pdf"), std::string::npos) << out;
}

}  // namespace
}  // namespace naskah::testing
