// Runs the built `naskah` binary as a user would: exit codes, stdout/stderr and files.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

namespace {

struct Run {
  int exitCode;
  std::string output;  // stdout and stderr together
};

Run runNaskah(const std::string& args) {
  std::string command = std::string(NASKAH_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::string output;
  std::array<char, 4096> buffer{};
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  int status = pclose(pipe);
  return Run{WEXITSTATUS(status), output};
}

std::string samples() { return std::string(NASKAH_SOURCE_DIR) + "/samples"; }

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class NaskahCli : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() + "/data";
    auto init = runNaskah("init --data " + data_ + " --samples " + samples());
    ASSERT_EQ(init.exitCode, 0) << init.output;
    ASSERT_NE(init.output.find("65 incoming items"), std::string::npos) << init.output;
  }
  naskah::testing::TempDir dir_;
  std::string data_;
};

}  // namespace

TEST_F(NaskahCli, RegisterFromFlagsPrintsTheNextAgendaNumber) {
  auto run = runNaskah("register --data " + data_ +
                    " --channel sms --sender 'Warga RT 03' --subject 'Lampu jalan mati' --summary 'Sudah sebulan.'"
                    " --complaint-kind pengaduan --received-at 2026-11-23T09:00:00");
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("registered 0066/SM/DINSOSDUKCAPIL/2026"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("tracking code ADU-"), std::string::npos);
}

TEST_F(NaskahCli, RegisterFromJsonFileWithIdempotencyKeyRegistersOnce) {
  std::string file = dir_.path() + "/item.json";
  std::ofstream(file) << R"({"channel":"surat","sender":"Ketua RT 07","subject":"Jalan rusak",)"
                         R"("summary":"Berlubang.","complaint_kind":"pengaduan","received_at":"2027-01-04T08:00:00"})";
  auto first = runNaskah("register --data " + data_ + " --json " + file + " --idempotency-key k1");
  auto again = runNaskah("register --data " + data_ + " --json " + file + " --idempotency-key k1");
  EXPECT_EQ(first.exitCode, 0) << first.output;
  EXPECT_NE(first.output.find("registered 0001/SM/DINSOSDUKCAPIL/2027"), std::string::npos) << first.output;
  EXPECT_NE(again.output.find("already registered 0001/SM/DINSOSDUKCAPIL/2027"), std::string::npos) << again.output;
}

TEST_F(NaskahCli, InvalidItemExitsWithDataErrorNamingEveryField) {
  auto run = runNaskah("register --data " + data_ + " --channel telegram --sender X");
  EXPECT_EQ(run.exitCode, 65);
  for (const char* field : {"channel", "complaint_kind", "subject", "summary"})
    EXPECT_NE(run.output.find(field), std::string::npos) << field << ": " << run.output;
}

TEST_F(NaskahCli, AgendaExportWritesCsvWithEveryEntry) {
  std::string csv = dir_.path() + "/agenda.csv";
  auto run = runNaskah("agenda export --data " + data_ + " --output " + csv);
  ASSERT_EQ(run.exitCode, 0) << run.output;
  std::string text = readFile(csv);
  EXPECT_EQ(text.rfind("agenda_number,tracking_code,status,received_at", 0), 0u);
  size_t lines = 0;
  for (char c : text) lines += c == '\n';
  EXPECT_EQ(lines, 66u);  // header + 65 sample items
  EXPECT_NE(text.find("0001/SM/DINSOSDUKCAPIL/2026"), std::string::npos);
  auto sms = runNaskah("agenda list --data " + data_ + " --channel sms");
  EXPECT_NE(sms.output.find("9 entries"), std::string::npos) << sms.output;
}

TEST_F(NaskahCli, AuditVerifyPassesThenNamesTheTamperedEvent) {
  auto ok = runNaskah("audit verify --data " + data_);
  EXPECT_EQ(ok.exitCode, 0) << ok.output;
  EXPECT_NE(ok.output.find("audit chain valid"), std::string::npos);
  std::string sql = "sqlite3 " + data_ + "/naskah.db \"UPDATE audit_events SET actor='mallory' WHERE seq=7\"";
  ASSERT_EQ(std::system(sql.c_str()), 0);
  auto broken = runNaskah("audit verify --data " + data_);
  EXPECT_EQ(broken.exitCode, 65);
  EXPECT_NE(broken.output.find("BROKEN at event 7"), std::string::npos) << broken.output;
}

TEST_F(NaskahCli, InitAgainKeepsTheDataAndLoadsNoDuplicates) {
  auto again = runNaskah("init --data " + data_ + " --samples " + samples());
  EXPECT_EQ(again.exitCode, 0) << again.output;
  EXPECT_NE(again.output.find("samples not loaded again"), std::string::npos);
  auto list = runNaskah("agenda list --data " + data_);
  EXPECT_NE(list.output.find("65 entries"), std::string::npos);
}

TEST_F(NaskahCli, UserAddRefusesATakenNameAndAnUnknownRole) {
  auto added = runNaskah("user add --data " + data_ + " --username kasi2 --password rahasia-123 --role supervisor");
  EXPECT_EQ(added.exitCode, 0) << added.output;
  auto taken = runNaskah("user add --data " + data_ + " --username kasi2 --password rahasia-123 --role supervisor");
  EXPECT_EQ(taken.exitCode, 65);
  EXPECT_NE(taken.output.find("taken"), std::string::npos) << taken.output;
  auto role = runNaskah("user add --data " + data_ + " --username x1 --password rahasia-123 --role kepala");
  EXPECT_EQ(role.exitCode, 65);
  EXPECT_NE(role.output.find("role"), std::string::npos);
}

TEST(NaskahCliUsage, UnknownCommandAndUnknownOptionExit64) {
  EXPECT_EQ(runNaskah("frobnicate").exitCode, 64);
  auto bad = runNaskah("agenda list --colour red");
  EXPECT_EQ(bad.exitCode, 64);
  EXPECT_NE(bad.output.find("--help"), std::string::npos);
  EXPECT_EQ(runNaskah("register").exitCode, 64);  // --data missing
}

TEST(NaskahCliUsage, EveryCommandHasHelp) {
  for (const char* command : {"init", "serve", "user", "register", "agenda", "audit", "render"}) {
    auto help = runNaskah(std::string(command) + " --help");
    EXPECT_EQ(help.exitCode, 0) << command;
    EXPECT_NE(help.output.find("usage: naskah " + std::string(command)), std::string::npos) << help.output;
  }
}
