#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "Poco/Data/Session.h"
#include "domain/common/error.h"
#include "store/file_blob_store.h"
#include "store_fixture.h"

using namespace naskah;
using naskah::testing::StoreFixture;
using namespace Poco::Data::Keywords;

TEST(SqlIncomingLetterRepository, NumbersAreGapFreePerYearAndFormatted) {
  StoreFixture f;
  EXPECT_EQ(f.registerAt("2026-12-31T15:00:00").letter.agendaNumber, "0001/SM/DINSOS/2026");
  EXPECT_EQ(f.registerAt("2027-01-02T08:00:00").letter.agendaNumber, "0001/SM/DINSOS/2027");
  EXPECT_EQ(f.registerAt("2026-12-31T16:00:00").letter.agendaNumber, "0002/SM/DINSOS/2026");
  EXPECT_EQ(f.registerAt("2027-01-03T08:00:00").letter.sequence, 2);
}

TEST(SqlIncomingLetterRepository, VoidedNumberStaysAndIsNeverReused) {
  StoreFixture f;
  auto first = f.registerAt("2026-11-23T09:00:00").letter;
  auto voided = f.letters->markVoid(f.officeId, first.id, "double entry", "tu", "2026-11-23T03:00:00Z",
                                    {"tu", "incoming_letter.void", "incoming_letter", std::to_string(first.id), {}, ""});
  EXPECT_TRUE(voided.isVoid);
  EXPECT_EQ(voided.agendaNumber, first.agendaNumber);
  EXPECT_EQ(voided.voidReason, "double entry");
  EXPECT_EQ(f.registerAt("2026-11-23T10:00:00").letter.sequence, 2);
  try {
    f.letters->markVoid(f.officeId, first.id, "again", "tu", "x", {"tu", "incoming_letter.void", "l", "1", {}, ""});
    FAIL() << "voided twice";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kFailedPrecondition);
  }
}

TEST(SqlIncomingLetterRepository, StaleVersionCorrectionIsRefusedAndChangesNothing) {
  StoreFixture f;
  auto letter = f.registerAt("2026-11-23T09:00:00").letter;
  auto fields = letter.fields;
  fields.subject = "Jalan rusak berat";
  auto corrected = f.letters->correct(f.officeId, letter.id, 1, fields,
                                      {"tu", "incoming_letter.correct", "incoming_letter", "1", {}, "typo"}, {});
  EXPECT_EQ(corrected.version, 2);
  fields.subject = "Lost update";
  EXPECT_THROW(f.letters->correct(f.officeId, letter.id, 1, fields, {"tu", "c", "l", "1", {}, ""}, {}), Error);
  EXPECT_EQ(f.letters->find(f.officeId, letter.id)->fields.subject, "Jalan rusak berat");
}

TEST(SqlIncomingLetterRepository, ConfidentialHistoryKeepsTheOldIdentityOnlyForCorrectionsThatCommit) {
  StoreFixture f;
  auto letter = f.registerAt("2026-11-23T09:00:00").letter;
  auto fields = letter.fields;
  fields.reporter.phone = "085299990000";
  f.letters->correct(f.officeId, letter.id, 1, fields,
                     {"tu", "incoming_letter.correct", "incoming_letter", std::to_string(letter.id), {}, "telepon"},
                     {{"reporter.phone", letter.fields.reporter.phone, "085299990000"}});
  // Lost the race: neither the change nor its history is stored.
  fields.reporter.phone = "081100000000";
  EXPECT_THROW(f.letters->correct(f.officeId, letter.id, 1, fields, {"tu", "c", "l", "1", {}, ""},
                                  {{"reporter.phone", "085299990000", "081100000000"}}),
               Error);
  auto history = f.letters->confidentialHistory(f.officeId, letter.id);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].field, "reporter.phone");
  EXPECT_EQ(history[0].before, letter.fields.reporter.phone);
  EXPECT_EQ(history[0].after, "085299990000");
  EXPECT_EQ(history[0].changedBy, "tu");
  EXPECT_GT(history[0].auditSequence, 0);
  EXPECT_THROW(f.letters->confidentialHistory(f.officeId, letter.id + 1000), Error);
}

TEST(SqlIncomingLetterRepository, IdempotencyKeyReturnsTheFirstRegistration) {
  StoreFixture f;
  auto first = f.registerAt("2026-11-23T09:00:00", "key-1");
  auto again = f.registerAt("2026-11-23T09:00:00", "key-1");
  EXPECT_TRUE(first.created);
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.letter.id, first.letter.id);
  EXPECT_EQ(f.registerAt("2026-11-23T09:05:00").letter.sequence, 2);
}

TEST(SqlIncomingLetterRepository, ConcurrentWritersFromTwoConnectionsGetUniqueGapFreeNumbers) {
  StoreFixture f;
  // A second Database on the same file stands in for a second process (e.g. the CLI).
  store::Database other(store::DatabaseOptions{f.dir.path() + "/naskah.db"});
  store::SqlIncomingLetterRepository otherLetters(other);
  std::mutex mutex;
  std::set<std::int64_t> sequences;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      auto& repo = t % 2 == 0 ? *f.letters : otherLetters;
      for (int i = 0; i < 50; ++i) {
        auto r = repo.registerIncoming(f.registration("2030-05-05T09:00:00"), f.format,
                                       {"tu", "incoming_letter.register", "incoming_letter", "", {}, ""});
        std::lock_guard lock(mutex);
        sequences.insert(r.letter.sequence);
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(sequences.size(), 400u);
  EXPECT_EQ(*sequences.begin(), 1);
  EXPECT_EQ(*sequences.rbegin(), 400);
  EXPECT_FALSE(f.audit->verify().firstBreak);
}

TEST(SqlIncomingLetterRepository, DataSurvivesReopeningAndMigrationsRunOnce) {
  StoreFixture f;
  auto letter = f.registerAt("2026-11-23T09:00:00").letter;
  f.reopen();
  EXPECT_EQ(store::migrate(*f.database), 0);
  auto found = f.letters->find(f.officeId, letter.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->agendaNumber, letter.agendaNumber);
  EXPECT_EQ(found->trackingCode, letter.trackingCode);
}

TEST(SqlIncomingLetterRepository, FiltersAndTextSearchTreatWildcardsLiterally) {
  StoreFixture f;
  f.registerAt("2026-11-01T09:00:00");
  f.registerAt("2026-11-15T09:00:00");
  auto r = f.registration("2026-11-20T09:00:00");
  r.fields.subject = "100% salah_ketik";
  r.fields.channel = domain::Channel::kSms;
  f.letters->registerIncoming(r, f.format, {"tu", "incoming_letter.register", "incoming_letter", "", {}, ""});
  ports::LetterFilter filter;
  filter.officeId = f.officeId;
  filter.receivedFrom = "2026-11-10";
  filter.receivedTo = "2026-11-15";
  EXPECT_EQ(f.letters->list(filter).total, 1);
  filter = {};
  filter.officeId = f.officeId;
  filter.text = "0% s";
  EXPECT_EQ(f.letters->list(filter).total, 1);
  filter.text = "_";
  EXPECT_EQ(f.letters->list(filter).total, 1);
  filter.text = "";
  filter.channel = domain::Channel::kSms;
  EXPECT_EQ(f.letters->list(filter).items.at(0).fields.subject, "100% salah_ketik");
}

TEST(SqlAuditLog, TamperedRowAndTruncatedTailAreFound) {
  StoreFixture f;
  for (int i = 0; i < 5; ++i) f.registerAt("2026-11-23T09:00:00");
  EXPECT_FALSE(f.audit->verify().firstBreak);
  Poco::Data::Session raw("SQLite", f.dir.path() + "/naskah.db");
  raw << "UPDATE audit_events SET actor = 'mallory' WHERE seq = 3", now;
  auto result = f.audit->verify();
  ASSERT_TRUE(result.firstBreak);
  EXPECT_EQ(result.firstBreak->sequence, 3);
}

TEST(SqlAuditLog, DeletedLastEventIsFound) {
  StoreFixture f;
  for (int i = 0; i < 3; ++i) f.registerAt("2026-11-23T09:00:00");
  Poco::Data::Session raw("SQLite", f.dir.path() + "/naskah.db");
  raw << "DELETE FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)", now;
  auto result = f.audit->verify();
  ASSERT_TRUE(result.firstBreak);
  EXPECT_EQ(result.firstBreak->sequence, 4);  // office.add is event 1, then three registrations
}

TEST(FileBlobStore, ContentIsAddressedBySha256AndReadBack) {
  naskah::testing::TempDir dir;
  store::FileBlobStore blobs(dir.path() + "/blobs");
  auto key = blobs.put("%PDF-1.4 hello");
  EXPECT_EQ(key, store::sha256Hex("%PDF-1.4 hello"));
  EXPECT_EQ(blobs.get(key), "%PDF-1.4 hello");
  EXPECT_EQ(blobs.put("%PDF-1.4 hello"), key);
  try {
    blobs.get("../../etc/passwd");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
  EXPECT_THROW(blobs.get(std::string(64, 'a')), Error);
}
