// The data folder `naskah init --samples` makes (scripts/demo.sh's first step) holds the sample
// replies as signed, archived finals: a new user can search them and verify one at once, and
// the folder is whole (audit chain, archive files).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <vector>

#include "sign/sign_fixture.h"
#include "support/csv.h"
#include "support/temp_dir.h"

namespace naskah::testing {
namespace {

signtest::ToolRun naskah(const std::string& args) { return signtest::runTool(std::string(NASKAH_BINARY) + " " + args); }

// One init for the suite: it renders and signs every sample reply.
class DemoArchive : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    init_ = new signtest::ToolRun(naskah("init --data " + data() + " --samples " NASKAH_SOURCE_DIR "/samples"));
  }
  static void TearDownTestSuite() {
    delete init_;
    delete dir_;
  }
  static std::string data() { return dir_->path() + "/data"; }

  // The finals as `naskah search --status final --csv` lists them, by column name.
  std::vector<std::map<std::string, std::string>> finals() {
    auto run = naskah("search --data " + data() + " --kind surat_balasan --status final --csv");
    EXPECT_EQ(run.exitCode, 0) << run.output;
    return csvRecords(run.output);
  }

  static TempDir* dir_;
  static signtest::ToolRun* init_;
};

TempDir* DemoArchive::dir_ = nullptr;
signtest::ToolRun* DemoArchive::init_ = nullptr;

TEST_F(DemoArchive, InitWalksTheSampleRepliesToSignedArchivedFinals) {
  ASSERT_EQ(init_->exitCode, 0) << init_->output;
  EXPECT_NE(init_->output.find("walked 4 sample replies"), std::string::npos) << init_->output;
  auto rows = finals();
  ASSERT_EQ(rows.size(), 4u);
  for (const auto& row : rows) {
    EXPECT_NE(row.at("outgoing_number").find("/DAFDUK/"), std::string::npos) << row.at("outgoing_number");
    EXPECT_EQ(row.at("signer"), "Drs. H. Ahmad Fauzi, M.Si.");
    EXPECT_EQ(row.at("sha256").size(), 64u);
    // Each final supersedes the archived copy of the supervisor's correction (version 2).
    EXPECT_FALSE(row.at("supersedes_id").empty());
  }
}

TEST_F(DemoArchive, AWordOfAReplyFindsItsFinal) {
  auto run = naskah("search --data " + data() + " --q 'blangko perekaman' --status final");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("400.12.2.1/3/DAFDUK/2026"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("1 documents found"), std::string::npos) << run.output;
  // The whole version chain is searchable too: the draft and the supervisor's correction.
  auto versions = naskah("search --data " + data() + " --q 'blangko perekaman'");
  EXPECT_NE(versions.output.find("3 documents found"), std::string::npos) << versions.output;
}

TEST_F(DemoArchive, AnArchivedFinalVerifiesAndIsKnownToTheArchive) {
  auto rows = finals();
  ASSERT_FALSE(rows.empty());
  const auto& sha = rows.front().at("sha256");
  auto run = naskah("verify " + data() + "/archive/" + sha.substr(0, 2) + "/" + sha + ".pdf --data " + data());
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("VALID"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("archived:     yes (surat_balasan " + rows.front().at("outgoing_number")),
            std::string::npos)
      << run.output;
}

TEST_F(DemoArchive, TheAuditChainAndTheArchiveAreWhole) {
  auto audit = naskah("audit verify --data " + data());
  EXPECT_EQ(audit.exitCode, 0) << audit.output;
  auto fsck = naskah("fsck --data " + data());
  EXPECT_EQ(fsck.exitCode, 0) << fsck.output;
  EXPECT_NE(fsck.output.find("12 records, 12 files checked: archive clean"), std::string::npos) << fsck.output;
}

TEST(DemoArchiveData, ABrokenReplyNamesItselfAndLeavesNoHalfMadeFolder) {
  TempDir dir;
  std::string samples = dir.path() + "/samples", data = dir.path() + "/data";
  std::filesystem::create_directories(samples);
  for (const char* file : {"office.json", "incoming.json"})
    std::filesystem::copy_file(std::string(NASKAH_SOURCE_DIR) + "/samples/" + file, samples + "/" + file);
  auto replies = signtest::readFile(std::string(NASKAH_SOURCE_DIR) + "/samples/replies.json");
  auto at = replies.rfind("\"dispatched_by\": \"tu\"");  // the last reply's
  ASSERT_NE(at, std::string::npos);
  replies.replace(at, 21, "\"dispatched_by\": \"xx\"");
  signtest::writeFile(samples + "/replies.json", replies);

  auto run = naskah("init --data " + data + " --samples " + samples);
  EXPECT_EQ(run.exitCode, 65) << run.output;
  EXPECT_NE(run.output.find("replies.json replies[3]: no user \"xx\""), std::string::npos) << run.output;
  for (const char* left : {"naskah.db", "archive", "pki", "attachments", "demo-logins.txt"})
    EXPECT_FALSE(std::filesystem::exists(data + "/" + left)) << left;
  // Fixed, the same folder initialises.
  replies.replace(at, 21, "\"dispatched_by\": \"tu\"");
  signtest::writeFile(samples + "/replies.json", replies);
  auto again = naskah("init --data " + data + " --samples " + samples);
  EXPECT_EQ(again.exitCode, 0) << again.output;
  EXPECT_NE(again.output.find("walked 4 sample replies"), std::string::npos) << again.output;
}

}  // namespace
}  // namespace naskah::testing
