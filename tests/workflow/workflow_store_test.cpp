// The workflow's storage seen from outside: migration 2 on an older store, a transition raced by
// two supervisors, and the recap from the command line on the server's own data folder.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <thread>

#include "Poco/Data/Session.h"
#include "store/database.h"
#include "store/migrations.h"
#include "support/temp_dir.h"
#include "workflow/workflow_test_support.h"

using namespace Poco::Data::Keywords;

namespace naskah::testing {
namespace {

int countRows(store::Database& db, const std::string& sql) {
  int n = -1;
  db.read([&](Poco::Data::Session& s) { s << sql, into(n), now; });
  return n;
}

TEST(WorkflowMigration, VersionTwoIsAppliedToAStoreThatAlreadyHasVersionThree) {
  TempDir dir;
  store::Database db(store::DatabaseOptions{dir.path() + "/naskah.db"});
  store::migrate(db);
  // A store made by a build that had the archive (3) but not yet the workflow (2).
  db.write([](store::WriteTransaction& tx) {
    for (const char* sql : {"DROP TABLE dispositions", "DROP TABLE case_steps", "DROP TABLE case_workflow",
                            "DELETE FROM schema_migrations WHERE version = 2"})
      tx.session << sql, now;
  });
  ASSERT_EQ(countRows(db, "SELECT COUNT(*) FROM schema_migrations WHERE version = 3"), 1);
  EXPECT_EQ(store::migrate(db), 1);
  EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM schema_migrations WHERE version = 2"), 1);
  EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM case_workflow"), 0);
  EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM dispositions"), 0);
  EXPECT_EQ(store::migrate(db), 0);
}

using WorkflowRace = WorkflowApiTest;

TEST_F(WorkflowRace, TwoSupervisorsApprovingTheSameDraftAtOnceOneHearsConflict) {
  for (int round = 0; round < 3; ++round) {
    auto id = registerCase("2026-06-02T08:00:00");
    expectMove("tu", id, "agenda_surat_masuk", "ajukan_kepala_opd", "2026-06-02T08:30", "disposisi_kepala_opd",
               "2026-06-05T08:30:00");
    expectMove("kadis", id, "disposisi_kepala_opd", "disposisikan", "2026-06-03T10:00", "disposisi_kepala_bidang",
               "2026-06-03T11:00:00");
    expectMove("kabid", id, "disposisi_kepala_bidang", "disposisikan", "2026-06-03T10:30", "penugasan_petugas",
               "2026-06-03T11:30:00");
    expectMove("kasi", id, "penugasan_petugas", "tugaskan", "2026-06-03T11:00", "pemeriksaan_lapangan",
               "2026-06-12T11:00:00");
    expectMove("petugas", id, "pemeriksaan_lapangan", "laporkan", "2026-06-12T15:00", "draf_surat",
               "2026-06-12T16:00:00");
    expectMove("petugas", id, "draf_surat", "ajukan", "2026-06-12T15:30", "koreksi_kepala_seksi",
               "2026-06-12T16:30:00");
    std::array<int, 2> status{};
    std::array<std::string, 2> condition{"setujui", "kembalikan"};
    std::string token = as("kasi").token();
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i)
      threads.emplace_back([&, i] {
        HttpClient client(port());
        client.setToken(token);
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
        o->set("from", "koreksi_kepala_seksi");
        o->set("condition", condition[i]);
        o->set("at", "2026-06-12T16:00");
        status[i] = client.post(casePath(id) + "/transitions", toJsonText(o)).status;
      });
    for (auto& t : threads) t.join();
    std::sort(status.begin(), status.end());
    EXPECT_EQ(status, (std::array<int, 2>{200, 409}));
    EXPECT_EQ(getCase(id)->getArray("history")->size(), 7u);
  }
}

using WorkflowCli = WorkflowApiTest;

TEST_F(WorkflowCli, RecapCommandPrintsTheMonthAsTextAndJson) {
  auto id = registerCase("2026-08-03T08:00:00", "sms", "kecil");  // Monday; 003 takes SMS
  auto c = getCase(id);
  EXPECT_EQ(c->getValue<std::string>("profile"), "003-pengaduan-sms-wa");
  auto run = [&](const std::string& args) {
    std::string command = std::string(NASKAH_BINARY) + " recap --data " + server().dataDir() + " " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    std::string out;
    std::array<char, 4096> buffer{};
    while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
    int status = pclose(pipe);
    return std::make_pair(WEXITSTATUS(status), out);
  };
  auto [code, json] = run("--month 2026-08 --json");
  ASSERT_EQ(code, 0) << json;
  auto o = parseJsonObject(json);
  EXPECT_EQ(o->getValue<int>("total"), 1);
  EXPECT_EQ(o->getObject("by_channel")->getValue<int>("sms"), 1);
  EXPECT_EQ(o->getObject("by_status")->getValue<int>("dalam_proses"), 1);
  auto [textCode, text] = run("--month 2026-08");
  EXPECT_EQ(textCode, 0) << text;
  EXPECT_NE(text.find("Rekapitulasi 2026-08: 1 items"), std::string::npos) << text;
  auto [badCode, bad] = run("--month agustus");
  EXPECT_EQ(badCode, 65) << bad;
}

}  // namespace
}  // namespace naskah::testing
