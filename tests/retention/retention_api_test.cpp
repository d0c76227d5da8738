// Retention over HTTP and the CLI against a real server with the demo office and the shipped
// klasifikasi.json: status and dates, the disposal list, legal holds, disposal by berita acara.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <set>

#include "Poco/Data/SQLite/Connector.h"
#include "Poco/Data/Session.h"
#include "archive/archive_fixture.h"
#include "http/api_test_fixture.h"
#include "store/archive_file_store.h"

namespace naskah::testing {
namespace {

class RetentionApi : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    // Dates are far enough from today (the server's real clock) that each phase holds for years.
    dueSosial_ = add("Balasan pengaduan PKH tahap III", "400.9.1", "2019-01-10");  // 400.9: 2+3, musnah
    dueKeuangan_ = add("Laporan realisasi anggaran", "900", "2010-06-01");         // 900: 2+8, musnah
    permanen_ = add("SOP pelayanan pengaduan", "000.8.3.4", "2018-02-01");         // 2+3, permanen
    dinilai_ = add("Rekap data kependudukan", "400.12", "2017-03-03");             // 2+3, dinilai kembali
    active_ = add("Balasan pengaduan bantuan sembako", "400.9", "2026-01-15");     // active until 2028
  }

  std::int64_t add(const std::string& subject, const std::string& code, const std::string& date) {
    auto& system = server().system();
    auto actor = system.directory().operatorOf(system.directory().officeOrOnly(""));
    auto m = letter(subject, subject + ": isi surat.", date);
    m.classificationCode = code;
    auto record = system.archive().archive(actor, m, "%PDF-1.7\n% " + subject + "\n%%EOF\n").record;
    paths_[record.id] = server().config().archiveDir() + "/" +
                        store::ArchiveFileStore::relativePath(record.sha256, record.metadata.contentType);
    return record.id;
  }

  std::string path(std::int64_t id) const { return "/api/v1/archive/" + std::to_string(id); }

  HttpResponse dispose(const std::string& user, const std::string& number, std::vector<std::int64_t> ids) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("number", number);
    o->set("date", "2026-11-02");
    o->set("approved_by", "Gubernur Jambi");
    o->set("reason", "Retensi habis menurut JRA");
    Poco::JSON::Array list;
    for (auto id : ids) list.add(id);
    o->set("record_ids", list);
    return as(user).post("/api/v1/retention/disposals", toJsonText(o));
  }

  HttpResponse hold(const std::string& user, std::int64_t id) {
    return as(user).post(path(id) + "/holds", R"({"reason":"Sengketa informasi publik No. 12/KIP/2026"})");
  }

  std::vector<std::int64_t> dueIds(const std::string& user = "auditor") {
    auto response = as(user).get("/api/v1/retention/due");
    EXPECT_EQ(response.status, 200) << response.body;
    std::vector<std::int64_t> ids;
    auto items = response.json()->getArray("items");
    for (size_t i = 0; items && i < items->size(); ++i) ids.push_back(items->getObject(i)->getValue<std::int64_t>("record_id"));
    return ids;
  }

  std::int64_t dueSosial_ = 0, dueKeuangan_ = 0, permanen_ = 0, dinilai_ = 0, active_ = 0;
  std::map<std::int64_t, std::string> paths_;
};

TEST_F(RetentionApi, StatusShowsTheInheritedRuleAndItsDates) {
  auto response = as("auditor").get(path(dueSosial_) + "/retention");
  ASSERT_EQ(response.status, 200) << response.body;
  auto o = response.json();
  EXPECT_EQ(o->getValue<std::string>("classification_code"), "400.9.1");
  EXPECT_EQ(o->getValue<std::string>("rule_code"), "400.9");
  EXPECT_EQ(o->getValue<std::string>("code_name"), "Sosial");
  EXPECT_EQ(o->getValue<std::string>("final_disposition"), "musnah");
  EXPECT_EQ(o->getValue<std::string>("inactive_from"), "2021-01-10");
  EXPECT_EQ(o->getValue<std::string>("final_due"), "2024-01-10");
  EXPECT_EQ(o->getValue<std::string>("phase"), "due");
  EXPECT_FALSE(o->getValue<bool>("held"));

  auto young = as("auditor").get(path(active_) + "/retention").json();
  EXPECT_EQ(young->getValue<std::string>("phase"), "active");
  EXPECT_EQ(young->getValue<std::string>("final_due"), "2031-01-15");
  EXPECT_EQ(as("auditor").get(path(987654) + "/retention").status, 404);
}

TEST_F(RetentionApi, TheDueListHoldsOnlyExpiredMusnahRecordsOldestFirst) {
  EXPECT_EQ(dueIds(), (std::vector<std::int64_t>{dueKeuangan_, dueSosial_}));
}

TEST_F(RetentionApi, TheCliListsTheSameDueRecords) {
  std::string command = std::string(NASKAH_BINARY) + " retention due --data " + server().dataDir() + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  EXPECT_EQ(pclose(pipe), 0) << output;
  EXPECT_NE(output.find("#" + std::to_string(dueKeuangan_) + "  900  2010-06-01  due 2020-06-01"), std::string::npos)
      << output;
  EXPECT_NE(output.find("#" + std::to_string(dueSosial_) + "  400.9.1"), std::string::npos) << output;
  EXPECT_EQ(output.find("#" + std::to_string(permanen_) + " "), std::string::npos) << output;
  EXPECT_NE(output.find("2 record(s) due for disposal"), std::string::npos) << output;
}

TEST_F(RetentionApi, AHoldBlocksDisposalUntilItIsReleased) {
  auto placed = hold("kadis", dueSosial_);
  ASSERT_EQ(placed.status, 201) << placed.body;
  auto holdId = placed.json()->getValue<std::int64_t>("id");
  EXPECT_TRUE(placed.json()->getValue<bool>("active"));
  EXPECT_EQ(dueIds(), (std::vector<std::int64_t>{dueKeuangan_}));
  EXPECT_TRUE(as("auditor").get(path(dueSosial_) + "/retention").json()->getValue<bool>("held"));

  auto refused = dispose("kadis", "BA-001/2026", {dueSosial_});
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(errorFields(refused), std::vector<std::string>{"record_ids." + std::to_string(dueSosial_)});
  EXPECT_TRUE(std::filesystem::exists(paths_[dueSosial_]));

  auto released = as("admin").request("DELETE", path(dueSosial_) + "/holds/" + std::to_string(holdId));
  ASSERT_EQ(released.status, 200) << released.body;
  EXPECT_FALSE(released.json()->getValue<bool>("active"));
  EXPECT_EQ(released.json()->getValue<std::string>("released_by"), "admin");
  EXPECT_EQ(as("admin").request("DELETE", path(dueSosial_) + "/holds/" + std::to_string(holdId)).status, 409);
  EXPECT_EQ(dispose("kadis", "BA-001/2026", {dueSosial_}).status, 201);
}

TEST_F(RetentionApi, PermanenDinilaiKembaliAndNotYetDueAreRefusedAndNothingIsDisposed) {
  auto refused = dispose("kadis", "BA-002/2026", {dueSosial_, permanen_, dinilai_, active_});
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(errorFields(refused), (std::vector<std::string>{"record_ids." + std::to_string(permanen_),
                                                            "record_ids." + std::to_string(dinilai_),
                                                            "record_ids." + std::to_string(active_)}));
  EXPECT_NE(refused.body.find("permanen"), std::string::npos);
  EXPECT_NE(refused.body.find("dinilai_kembali"), std::string::npos);
  EXPECT_NE(refused.body.find("not due until 2031-01-15"), std::string::npos);
  for (auto id : {dueSosial_, permanen_, dinilai_, active_}) EXPECT_TRUE(std::filesystem::exists(paths_[id]));
  // All or nothing: the number was not taken and the due record is still there to dispose.
  EXPECT_EQ(dispose("kadis", "BA-002/2026", {dueSosial_}).status, 201);
}

TEST_F(RetentionApi, DisposalRemovesTheFileKeepsTheRowAndTheAuditTrailVerifies) {
  auto response = dispose("kadis", "BA-003/2026", {dueSosial_, dueKeuangan_});
  ASSERT_EQ(response.status, 201) << response.body;
  EXPECT_EQ(response.json()->getValue<int>("files_removed"), 2);
  EXPECT_FALSE(std::filesystem::exists(paths_[dueSosial_]));
  EXPECT_FALSE(std::filesystem::exists(paths_[dueKeuangan_]));
  EXPECT_TRUE(std::filesystem::exists(paths_[permanen_]));

  auto row = as("auditor").get(path(dueSosial_));
  ASSERT_EQ(row.status, 200) << row.body;
  EXPECT_EQ(row.json()->getValue<std::string>("subject"), "Balasan pengaduan PKH tahap III");
  auto status = as("auditor").get(path(dueSosial_) + "/retention").json();
  EXPECT_EQ(status->getValue<std::string>("phase"), "disposed");
  EXPECT_EQ(status->getObject("disposal")->getValue<std::string>("number"), "BA-003/2026");
  EXPECT_TRUE(dueIds().empty());

  auto events = as("auditor").get("/api/v1/audit/events?action=archive.disposed&object_id=" +
                                  std::to_string(dueSosial_));
  ASSERT_EQ(events.status, 200) << events.body;
  ASSERT_EQ(events.json()->getArray("items")->size(), 1u);
  EXPECT_NE(events.body.find("BA-003/2026"), std::string::npos);
  auto recorded = as("auditor").get("/api/v1/audit/events?action=retention.disposal_recorded");
  ASSERT_EQ(recorded.json()->getArray("items")->size(), 1u);
  auto verify = as("auditor").get("/api/v1/audit/verify");
  ASSERT_EQ(verify.status, 200) << verify.body;
  EXPECT_TRUE(verify.json()->getValue<bool>("valid"));
  EXPECT_TRUE(server().system().archive().fsck().clean());

  auto again = dispose("kadis", "BA-004/2026", {dueSosial_});
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("already disposed of by berita acara BA-003/2026"), std::string::npos) << again.body;
  EXPECT_EQ(dispose("kadis", "BA-003/2026", {dinilai_}).status, 409);  // the number is taken
}

TEST_F(RetentionApi, ADisposedLetterIsNoLongerFoundByItsWordsButItsMetadataStays) {
  auto& system = server().system();
  auto actor = system.directory().operatorOf(system.directory().officeOrOnly(""));
  auto m = letter("Balasan pengaduan bantuan beras", "Bantuan beras cadangan pangan bagi Sdr. Zainudin di Pasar Angso.",
                  "2018-05-02");
  m.classificationCode = "400.9";
  m.outgoingNumber = "400.9/88/LINJAMSOS/2018";
  m.reporterIdentity = {"Zainudin", "0812 7777 3131"};
  auto record = system.archive().archive(actor, m, "%PDF-1.7\n% beras\n%%EOF\n").record;
  auto count = [&](const std::string& user, const std::string& query) {
    return totalOf(as(user).get("/api/v1/archive/search?" + query));
  };
  ASSERT_EQ(count("auditor", "q=cadangan+pangan"), 1);
  ASSERT_EQ(count("kadis", "q=Zainudin"), 1);  // the head may search the reporter's identity

  ASSERT_EQ(dispose("kadis", "BA-011/2026", {record.id}).status, 201);
  // Words of the body and the identity: gone for every role.
  EXPECT_EQ(count("auditor", "q=cadangan+pangan"), 0);
  EXPECT_EQ(count("kadis", "q=cadangan"), 0);
  EXPECT_EQ(count("kadis", "q=Zainudin"), 0);
  EXPECT_EQ(count("kadis", "q=7777"), 0);
  // The metadata row: found by its number and subject, with its berita acara.
  EXPECT_EQ(count("auditor", "q=400.9%2F88%2FLINJAMSOS%2F2018"), 1);
  auto found = as("kadis").get("/api/v1/archive/search?q=beras");
  ASSERT_EQ(totalOf(found), 1);
  auto hit = found.json()->getArray("items")->getObject(0);
  EXPECT_EQ(hit->getValue<std::int64_t>("id"), record.id);
  EXPECT_EQ(hit->getValue<std::string>("outgoing_number"), "400.9/88/LINJAMSOS/2018");
  EXPECT_TRUE(hit->isNull("reporter_identity"));
  EXPECT_EQ(hit->getValue<std::string>("snippet"), "");
  auto status = as("auditor").get(path(record.id) + "/retention").json();
  EXPECT_EQ(status->getValue<std::string>("phase"), "disposed");
  EXPECT_EQ(status->getObject("disposal")->getValue<std::string>("number"), "BA-011/2026");
  // The index agrees with its content table (FTS5's own check), and the trail is whole.
  Poco::Data::Session session("SQLite", server().config().databasePath());
  session << "INSERT INTO archive_fts(archive_fts, rank) VALUES('integrity-check', 1)", Poco::Data::Keywords::now;
  EXPECT_TRUE(as("auditor").get("/api/v1/audit/verify").json()->getValue<bool>("valid"));
}

TEST_F(RetentionApi, ABadDisposalRequestNamesEveryField) {
  auto response = as("kadis").post("/api/v1/retention/disposals", R"({"date":"2026-13-01","record_ids":[]})");
  EXPECT_EQ(response.status, 400) << response.body;
  std::set<std::string> fields;
  for (const auto& f : errorFields(response)) fields.insert(f);
  EXPECT_TRUE(fields.count("number") && fields.count("approved_by")) << response.body;
}

TEST_F(RetentionApi, OnlyHeadAndAdminHoldOrDisposeAndOnlyArchiveReadersSeeRetention) {
  EXPECT_EQ(hold("auditor", dueSosial_).status, 403);
  EXPECT_EQ(hold("kabid", dueSosial_).status, 403);
  EXPECT_EQ(dispose("auditor", "BA-009/2026", {dueSosial_}).status, 403);
  EXPECT_EQ(dispose("tu", "BA-009/2026", {dueSosial_}).status, 403);
  EXPECT_EQ(as("tu").get("/api/v1/retention/due").status, 403);
  EXPECT_EQ(as("petugas").get(path(dueSosial_) + "/retention").status, 403);
  EXPECT_EQ(anonymous().get("/api/v1/retention/due").status, 401);
  auto placed = hold("admin", dueSosial_);
  ASSERT_EQ(placed.status, 201) << placed.body;
  auto holdPath = path(dueSosial_) + "/holds/" + std::to_string(placed.json()->getValue<std::int64_t>("id"));
  EXPECT_EQ(as("auditor").request("DELETE", holdPath).status, 403);
  EXPECT_TRUE(std::filesystem::exists(paths_[dueSosial_]));
}

}  // namespace
}  // namespace naskah::testing
