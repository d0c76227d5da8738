// naskah backup while the server registers letters, then naskah restore into a new folder: the
// copy is one consistent moment of the store, with every archived file byte for byte, and it
// answers every archive search as the source does.
#include <atomic>
#include <filesystem>
#include <thread>

#include "Poco/Data/SQLite/Connector.h"
#include "Poco/Data/Session.h"
#include "archive/archive_fixture.h"
#include "outgoing/outgoing_fixture.h"
#include "sign/sign_fixture.h"
#include "store/archive_file_store.h"

namespace naskah::testing {
namespace {

namespace fs = std::filesystem;
using namespace Poco::Data::Keywords;

signtest::ToolRun naskahRun(const std::string& args) {
  return signtest::runTool(std::string(NASKAH_BINARY) + " " + args);
}

std::int64_t scalar(const std::string& databasePath, const std::string& sql) {
  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::Session session("SQLite", databasePath);
  Poco::Int64 value = 0;
  session << sql, into(value), now;
  return value;
}

class BackupRestore : public OutgoingTest {
 protected:
  std::int64_t agendaCount() {
    auto r = as("tu").get("/api/v1/incoming-letters?per_page=1");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()->getValue<std::int64_t>("total");
  }
};

TEST_F(BackupRestore, ABackupTakenWhileRegisteringRestoresWholeAndConsistent) {
  auto id = readyToSign();
  ASSERT_EQ(act("kadis", id, "sign").status, 200);

  std::atomic<bool> stop{false};
  std::atomic<int> registered{0}, failed{0};
  HttpClient registrar = as("tu");
  std::thread writer([&] {
    while (!stop) {
      auto r = registrar.post("/api/v1/incoming-letters", toJsonText(letterBody()));
      (r.status == 201 ? registered : failed)++;
    }
  });
  while (registered < 20) std::this_thread::sleep_for(std::chrono::milliseconds(5));

  TempDir work;
  std::string backup = work.path() + "/cadangan", restored = work.path() + "/pulih";
  auto before = agendaCount();
  auto run = naskahRun("backup --data " + server().dataDir() + " --out " + backup);
  auto after = agendaCount();
  stop = true;
  writer.join();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_EQ(failed, 0);
  EXPECT_GT(registered, 20);

  auto restore = naskahRun("restore --from " + backup + " --data " + restored);
  ASSERT_EQ(restore.exitCode, 0) << restore.output;
  EXPECT_NE(restore.output.find("archive clean"), std::string::npos) << restore.output;

  auto audit = naskahRun("audit verify --data " + restored);
  EXPECT_EQ(audit.exitCode, 0) << audit.output;
  auto fsck = naskahRun("fsck --data " + restored);
  EXPECT_EQ(fsck.exitCode, 0) << fsck.output;

  // One moment of the store: the agenda as it stood at some commit during the backup, gap-free.
  std::string db = restored + "/naskah.db";
  auto count = scalar(db, "SELECT COUNT(*) FROM incoming_letters");
  EXPECT_GE(count, before);
  EXPECT_LE(count, after);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM (SELECT office_id, year FROM incoming_letters GROUP BY office_id, year "
                       "HAVING COUNT(*) <> MAX(seq))"),
            0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM incoming_letters WHERE case_id NOT IN (SELECT id FROM cases)"), 0);

  // Every archived document, byte for byte, and none missing.
  auto archived = scalar(db, "SELECT COUNT(*) FROM archive_documents");
  EXPECT_GE(archived, 1);
  std::int64_t compared = 0;
  for (const auto& entry : fs::recursive_directory_iterator(restored + "/archive")) {
    if (!entry.is_regular_file()) continue;
    auto relative = fs::relative(entry.path(), restored + "/archive").string();
    EXPECT_EQ(readFile(entry.path().string()), readFile(server().config().archiveDir() + "/" + relative)) << relative;
    ++compared;
  }
  EXPECT_EQ(compared, archived);
  EXPECT_TRUE(fs::exists(restored + "/pki/trusted.pem"));

  // The restored folder verifies the signed letter as archived.
  auto final = as("tu").get(path(id, "pdf")).body;
  writeFile(work.path() + "/surat.pdf", final);
  auto verify = naskahRun("verify " + work.path() + "/surat.pdf --data " + restored);
  EXPECT_EQ(verify.exitCode, 0) << verify.output;
  EXPECT_NE(verify.output.find("archived:     yes"), std::string::npos) << verify.output;
}

TEST_F(BackupRestore, TheRestoredFolderAnswersEverySearchAsTheSource) {
  // A reply with a correction (final, koreksi and konsep archived), older letters under other
  // codes and dates, and one of them disposed of, whose words must stay unfindable in the copy.
  auto id = draft();
  ASSERT_EQ(act("petugas", id, "submit").status, 200);
  ASSERT_EQ(correct("kasi", id, 1, "Rp750.000,00").status, 200);
  for (const char* who : {"kasi", "kabid", "sekretaris"}) ASSERT_EQ(act(who, id, "paraf").status, 200) << who;
  ASSERT_EQ(act("kadis", id, "sign").status, 200);
  auto& system = server().system();
  auto actor = system.directory().operatorOf(system.directory().officeOrOnly(""));
  auto old = testing::letter("Balasan pengaduan beras cadangan", "Beras cadangan pangan tahap II disalurkan.", "2018-04-10");
  old.classificationCode = "400.9";
  auto disposed = system.archive().archive(actor, old, "%PDF-1.7\n% beras\n%%EOF\n").record;
  auto kept = testing::letter("Rekap data penduduk rentan", "Data agregat penduduk rentan per kabupaten.", "2025-08-19");
  kept.classificationCode = "400.12.4.4";
  kept.signer = "Hj. Nurhayati, S.Sos., M.M.";
  system.archive().archive(actor, kept, "%PDF-1.7\n% rekap\n%%EOF\n");
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("number", "BA-012/2026");
  o->set("date", "2026-11-02");
  o->set("approved_by", "Gubernur Jambi");
  Poco::JSON::Array ids;
  ids.add(disposed.id);
  o->set("record_ids", ids);
  ASSERT_EQ(as("kadis").post("/api/v1/retention/disposals", toJsonText(o)).status, 201);

  TempDir work;
  std::string restored = work.path() + "/pulih";
  ASSERT_EQ(naskahRun("backup --data " + server().dataDir() + " --out " + work.path() + "/cadangan").exitCode, 0);
  auto restore = naskahRun("restore --from " + work.path() + "/cadangan --data " + restored);
  ASSERT_EQ(restore.exitCode, 0) << restore.output;

  // The same questions to both folders, as `naskah search --csv` answers them: every column
  // (ids, numbers, hashes, ranks, snippets) and the order must agree.
  int answered = 0;
  for (const std::string query :
       {"--q pkh", "--q 'bantuan sebesar'", "--q 'Rp750.000,00'", "--q pemeriksaan*", "--q beras",
        "--q 'cadangan pangan'", "--status final", "--status koreksi", "--kind surat_balasan",
        "--from 2018-01-01 --to 2018-12-31", "--from 2025-01-01", "--classification 400.9",
        "--classification 400.12", "--signer 'Hj. Nurhayati, S.Sos., M.M.'",
        "--sender 'Dinas Sosial Provinsi Jambi' --q rekap", "--recipient 'Kepala Desa Sungai Duren'",
        "--q 'tindak lanjut' --status konsep", "--q penduduk --page 1 --per-page 1"}) {
    auto source = naskahRun("search --csv --data " + server().dataDir() + " " + query);
    auto copy = naskahRun("search --csv --data " + restored + " " + query);
    ASSERT_EQ(source.exitCode, 0) << query << ": " << source.output;
    EXPECT_EQ(copy.output, source.output) << query;
    answered += source.output.find('\n') + 1 < source.output.size();
  }
  EXPECT_GE(answered, 14) << "most questions find something";
  auto gone = naskahRun("search --csv --data " + restored + " --q 'cadangan pangan'");
  EXPECT_EQ(gone.output.find("\r\n") + 2, gone.output.size()) << "the disposed letter's words: " << gone.output;

  // The reporter's identity is searchable by the roles that may see it, in the copy as well.
  cli::AppConfig copyConfig = server().config();
  copyConfig.dataDir = restored;
  app::AppSystem copySystem(copyConfig);
  ports::ArchiveQuery byName;
  byName.text = "Syamsul";
  domain::Actor head{0, actor.officeId, "kadis", domain::Role::kHead};
  auto fromSource = system.archiveSearch().search(head, byName);
  auto fromCopy = copySystem.archiveSearch().search(head, byName);
  ASSERT_GT(fromSource.total, 0);
  ASSERT_EQ(fromCopy.items.size(), fromSource.items.size());
  for (std::size_t i = 0; i < fromSource.items.size(); ++i) {
    EXPECT_EQ(fromCopy.items[i].record.id, fromSource.items[i].record.id);
    EXPECT_EQ(fromCopy.items[i].record.metadata.reporterIdentity, fromSource.items[i].record.metadata.reporterIdentity);
    EXPECT_EQ(fromCopy.items[i].snippet, fromSource.items[i].snippet);
  }
}

TEST_F(BackupRestore, RestoreRefusesANonEmptyTargetAndBackupANonEmptyFolder) {
  TempDir work;
  std::string backup = work.path() + "/cadangan";
  ASSERT_EQ(naskahRun("backup --data " + server().dataDir() + " --out " + backup).exitCode, 0);
  writeFile(work.path() + "/terisi/catatan.txt", "jangan ditimpa");
  auto restore = naskahRun("restore --from " + backup + " --data " + work.path() + "/terisi");
  EXPECT_NE(restore.exitCode, 0) << restore.output;
  EXPECT_NE(restore.output.find("not empty"), std::string::npos) << restore.output;
  EXPECT_EQ(readFile(work.path() + "/terisi/catatan.txt"), "jangan ditimpa");
  EXPECT_FALSE(fs::exists(work.path() + "/terisi/naskah.db"));

  auto again = naskahRun("backup --data " + server().dataDir() + " --out " + backup);
  EXPECT_NE(again.exitCode, 0) << again.output;
  EXPECT_NE(again.output.find("not empty"), std::string::npos) << again.output;
}

TEST_F(BackupRestore, RestoreReportsADamagedArchivedFile) {
  auto id = readyToSign();
  ASSERT_EQ(act("kadis", id, "sign").status, 200);
  TempDir work;
  std::string backup = work.path() + "/cadangan";
  ASSERT_EQ(naskahRun("backup --data " + server().dataDir() + " --out " + backup).exitCode, 0);
  for (const auto& entry : fs::recursive_directory_iterator(backup + "/archive")) {
    if (!entry.is_regular_file()) continue;
    auto bytes = readFile(entry.path().string());
    bytes[bytes.size() / 2] ^= 0x01;
    writeFile(entry.path().string(), bytes);
    break;
  }
  auto restore = naskahRun("restore --from " + backup + " --data " + work.path() + "/pulih");
  EXPECT_EQ(restore.exitCode, 65) << restore.output;
  EXPECT_NE(restore.output.find("corrupted"), std::string::npos) << restore.output;
}

TEST_F(BackupRestore, DisposedContentIsLeftOutAndTheRestoredArchiveIsClean) {
  auto& system = server().system();
  auto actor = system.directory().operatorOf(system.directory().officeOrOnly(""));
  auto m = testing::letter("Balasan pengaduan PKH tahap III", "isi surat", "2019-01-10");
  m.classificationCode = "400.9.1";  // 2 + 3 years, musnah: long expired
  auto old = system.archive().archive(actor, m, "%PDF-1.7\n% lama\n%%EOF\n").record;
  auto fresh = testing::letter("Balasan baru", "isi", "2026-01-15");
  auto kept = system.archive().archive(actor, fresh, "%PDF-1.7\n% baru\n%%EOF\n").record;
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("number", "BA-009/2026");
  o->set("date", "2026-11-02");
  o->set("approved_by", "Gubernur Jambi");
  o->set("reason", "Retensi habis menurut JRA");
  Poco::JSON::Array ids;
  ids.add(old.id);
  o->set("record_ids", ids);
  auto disposed = as("kadis").post("/api/v1/retention/disposals", toJsonText(o));
  ASSERT_EQ(disposed.status, 201) << disposed.body;

  TempDir work;
  auto run = naskahRun("backup --data " + server().dataDir() + " --out " + work.path() + "/cadangan");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  auto restore = naskahRun("restore --from " + work.path() + "/cadangan --data " + work.path() + "/pulih");
  ASSERT_EQ(restore.exitCode, 0) << restore.output;
  auto relative = [](const ports::ArchiveRecord& r) {
    return "/pulih/archive/" + store::ArchiveFileStore::relativePath(r.sha256, r.metadata.contentType);
  };
  EXPECT_FALSE(fs::exists(work.path() + relative(old)));
  EXPECT_EQ(readFile(work.path() + relative(kept)), "%PDF-1.7\n% baru\n%%EOF\n");
}

}  // namespace
}  // namespace naskah::testing
