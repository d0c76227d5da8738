// The archive store: content-addressed, immutable, idempotent; a row never without its file;
// version chains; fsck finding what went wrong on disk.
#include <gtest/gtest.h>

#include "archive/archive_fixture.h"
#include "domain/common/error.h"
#include "store/sql_audit_log.h"

namespace naskah::testing {
namespace {

using domain::Role;

TEST(ArchiveStore, FileIsNamedBySha256OfItsBytesUnderTheRoot) {
  ArchiveFixture f;
  std::string content = "%PDF-1.7\nsurat balasan\n%%EOF\n";
  auto record = f.archive.archive(f.as(Role::kHead), letter("Balasan pengaduan", "isi"), content).record;
  EXPECT_EQ(record.sha256, store::sha256Hex(content));
  EXPECT_EQ(record.sizeBytes, static_cast<std::int64_t>(content.size()));
  std::string expected = f.root + "/" + record.sha256.substr(0, 2) + "/" + record.sha256 + ".pdf";
  EXPECT_EQ(f.pathOf(record), expected);
  EXPECT_EQ(readFile(expected), content);
  // No temporary file is left beside it.
  int files = 0;
  for (auto& e : std::filesystem::recursive_directory_iterator(f.root)) files += e.is_regular_file();
  EXPECT_EQ(files, 1);
}

TEST(ArchiveStore, SameContentTwiceReturnsTheFirstRecord) {
  ArchiveFixture f;
  auto first = f.archive.archive(f.as(Role::kHead), letter("Balasan", "isi"), "%PDF same bytes");
  auto again = f.archive.archive(f.as(Role::kManager), letter("Judul lain", "teks lain"), "%PDF same bytes");
  EXPECT_TRUE(first.created);
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.record.id, first.record.id);
  EXPECT_EQ(again.record.metadata.subject, "Balasan");
  EXPECT_EQ(f.records.indexedFiles().size(), 1u);
}

TEST(ArchiveStore, MetadataComesBackAsArchived) {
  ArchiveFixture f;
  auto m = letter("Balasan pengaduan PKH", "Dengan hormat, bantuan PKH telah disalurkan.");
  auto stored = f.add(m);
  auto found = f.archive.get(f.as(Role::kHead), stored.id);
  EXPECT_EQ(found.metadata.kind, "surat_balasan");
  EXPECT_EQ(found.metadata.outgoingNumber, m.outgoingNumber);
  EXPECT_EQ(found.metadata.agendaNumber, m.agendaNumber);
  EXPECT_EQ(found.metadata.letterDate, "2026-03-10");
  EXPECT_EQ(found.metadata.signer, m.signer);
  EXPECT_EQ(found.metadata.classificationCode, "400.9.1");
  EXPECT_EQ(found.metadata.tembusan, m.tembusan);
  EXPECT_EQ(found.metadata.text, m.text);
  EXPECT_EQ(found.archivedBy, "head");
  EXPECT_FALSE(found.archivedAt.empty());
}

// An ArchiveFiles whose disk fails: put() throws as a full disk would.
class FailingFiles : public ports::ArchiveFiles {
 public:
  explicit FailingFiles(ports::ArchiveFiles& real) : real_(real) {}
  std::string put(std::string_view, const std::string&) override {
    throw Error(ErrorCode::kUnavailable, "cannot write (disk full?)");
  }
  std::string get(const std::string& s, const std::string& t) const override { return real_.get(s, t); }
  std::vector<StoredFile> list() const override { return real_.list(); }
  std::string hashOf(const std::string& p) const override { return real_.hashOf(p); }
  std::string pathOf(const std::string& s, const std::string& t) const override { return real_.pathOf(s, t); }

 private:
  ports::ArchiveFiles& real_;
};

TEST(ArchiveStore, NoRowWhenTheFileCannotBeWritten) {
  ArchiveFixture f;
  FailingFiles failing(f.files);
  services::ArchiveService archive(f.records, failing, f.clock);
  try {
    archive.archive(f.as(Role::kHead), letter("Balasan", "bantuan sosial"), "%PDF bytes");
    FAIL() << "archiving over a failing disk succeeded";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnavailable);
  }
  EXPECT_TRUE(f.records.indexedFiles().empty());
  ports::ArchiveQuery q;
  q.text = "bantuan";
  EXPECT_EQ(f.search.search(f.as(Role::kAuditor), q).total, 0);
}

TEST(ArchiveStore, VersionChainLinksBothWaysAndNeverForks) {
  ArchiveFixture f;
  auto draft = f.add(letter("Konsep balasan", "versi satu"));
  auto m = letter("Balasan final", "versi dua");
  m.supersedesId = draft.id;
  auto final = f.add(m);
  EXPECT_EQ(final.metadata.supersedesId, draft.id);
  EXPECT_EQ(f.archive.get(f.as(Role::kAuditor), draft.id).supersededBy, final.id);

  auto fork = letter("Cabang lain", "versi tiga");
  fork.supersedesId = draft.id;
  try {
    f.add(fork);
    FAIL() << "a second successor of one version was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kAlreadyExists);
  }
}

TEST(ArchiveStore, UnknownPredecessorAndCaseAreNamedTogether) {
  ArchiveFixture f;
  auto m = letter("Balasan", "isi");
  m.supersedesId = 999;
  m.caseId = 777;
  try {
    f.add(m);
    FAIL() << "dangling references were accepted";
  } catch (const Error& e) {
    ASSERT_EQ(e.violations().size(), 2u);
    EXPECT_EQ(e.violations()[0].field, "case_id");
    EXPECT_EQ(e.violations()[1].field, "supersedes_id");
  }
  EXPECT_TRUE(f.records.indexedFiles().empty());
}

TEST(ArchiveStore, BadMetadataIsRefusedFieldByField) {
  ArchiveFixture f;
  auto m = letter("Balasan", "isi");
  m.kind = "surat_cinta";
  m.letterDate = "10-03-2026";
  m.channel = "merpati";
  try {
    f.archive.archive(f.as(Role::kHead), m, "");
    FAIL();
  } catch (const Error& e) {
    std::vector<std::string> fields;
    for (const auto& v : e.violations()) fields.push_back(v.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"kind", "letter_date", "channel", "content"}));
  }
  EXPECT_TRUE(f.files.list().empty());
}

TEST(ArchiveStore, AuditorsAndReportersCannotArchive) {
  ArchiveFixture f;
  for (Role role : {Role::kAuditor, Role::kReporter}) {
    try {
      f.archive.archive(f.as(role), letter("Balasan", "isi"), "%PDF x");
      FAIL() << domain::toString(role) << " archived a document";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kPermissionDenied);
    }
  }
}

TEST(ArchiveStore, ArchivingAppendsAnAuditEvent) {
  ArchiveFixture f;
  auto record = f.add(letter("Balasan", "isi"));
  ports::AuditFilter filter;
  filter.action = "archive.add";
  auto events = f.store.audit->list(filter);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].objectId, std::to_string(record.id));
  EXPECT_TRUE(f.store.audit->verify().firstBreak == std::nullopt);
}

TEST(ArchiveStore, MigrationsRerunAppliesNothing) {
  ArchiveFixture f;
  EXPECT_EQ(store::migrate(*f.store.database), 0);
}

TEST(ArchiveFsck, CleanArchiveHasNoProblems) {
  ArchiveFixture f;
  f.add(letter("Satu", "isi satu"));
  f.add(letter("Dua", "isi dua"));
  auto report = f.archive.fsck();
  EXPECT_TRUE(report.clean());
  EXPECT_EQ(report.recordsChecked, 2);
  EXPECT_EQ(report.filesChecked, 2);
}

TEST(ArchiveFsck, FindsCorruptedMissingResizedOrphanAndTemporaryFiles) {
  ArchiveFixture f;
  auto corrupted = f.add(letter("Dirusak", "isi"));
  auto missing = f.add(letter("Dihapus", "isi"));
  auto resized = f.add(letter("Dipotong", "isi"));
  f.add(letter("Utuh", "isi"));
  // One byte flipped, same size: only the hash can tell.
  std::string bytes = readFile(f.pathOf(corrupted));
  bytes[3] ^= 0x01;
  writeFile(f.pathOf(corrupted), bytes);
  std::filesystem::remove(f.pathOf(missing));
  writeFile(f.pathOf(resized), readFile(f.pathOf(resized)) + "tail");
  std::string orphan = store::sha256Hex("orphan");
  writeFile(f.root + "/" + orphan.substr(0, 2) + "/" + orphan + ".pdf", "orphan");
  writeFile(f.root + "/ab/leftover.pdf.tmp123-0", "half");

  auto report = f.archive.fsck();
  std::map<std::string, std::string> kindOf;
  for (const auto& p : report.problems) kindOf[p.path] = p.kind;
  auto rel = [&](const ports::ArchiveRecord& r) { return f.files.pathOf(r.sha256, r.metadata.contentType); };
  EXPECT_EQ(kindOf[rel(corrupted)], "corrupted");
  EXPECT_EQ(kindOf[rel(missing)], "missing");
  EXPECT_EQ(kindOf[rel(resized)], "size_mismatch");
  EXPECT_EQ(kindOf[orphan.substr(0, 2) + "/" + orphan + ".pdf"], "orphan");
  EXPECT_EQ(kindOf["ab/leftover.pdf.tmp123-0"], "temporary");
  EXPECT_EQ(report.problems.size(), 5u);
  EXPECT_FALSE(report.clean());
}

TEST(ArchiveFsck, DamagedFileIsNeverServed) {
  ArchiveFixture f;
  auto record = f.add(letter("Diubah", "isi"));
  std::string bytes = readFile(f.pathOf(record));
  bytes[5] ^= 0x20;  // same size, one bit: only the hash can tell
  writeFile(f.pathOf(record), bytes);
  try {
    f.archive.file(f.as(Role::kAuditor), record.id);
    FAIL() << "a damaged file was served";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kFailedPrecondition);
  }
}

}  // namespace
}  // namespace naskah::testing
