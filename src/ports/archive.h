// The archive: immutable, content-addressed documents (signed finals, superseded versions,
// reports, scans) with their metadata and a full-text index. Files and rows live apart: the
// file is written and synced by ArchiveFiles before ArchiveRepository commits the row naming it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ports/audit.h"

namespace naskah::ports {

// What a caller archives, besides the bytes. Dates are ISO "YYYY-MM-DD".
struct ArchiveMetadata {
  std::string kind;  // surat_balasan, surat_dinas, laporan_pemeriksaan, lembar_disposisi, tanda_terima, surat_masuk_scan
  std::string outgoingNumber;  // nomor surat keluar, "" when none (drafts, scans)
  std::string agendaNumber;    // agenda surat masuk the document answers or is
  std::string letterDate;
  std::string subject;  // perihal / hal
  std::string sender;
  std::string recipient;
  std::string signer;
  std::string classificationCode;  // "400.9.1"
  std::string channel;             // of the incoming item the document is or answers; "" when none
  std::string status;              // final, konsep, koreksi, diterima, …
  std::vector<std::string> tembusan;
  std::int64_t caseId = 0;        // 0 = none
  std::int64_t supersedesId = 0;  // the archived version this one replaces, 0 = none
  std::string contentType = "application/pdf";
  // The document's text as the caller knows it (for PDFs we render, the rendered text).
  std::string text;
  // The reporter's identity as it appears in the document (name, address, phone, e-mail).
  // Confidential: masked in everything roles without the right see and search (DESIGN.md).
  std::vector<std::string> reporterIdentity;
};

struct ArchiveRecord {
  std::int64_t id = 0;
  std::int64_t officeId = 0;
  ArchiveMetadata metadata;
  std::string sha256;
  std::int64_t sizeBytes = 0;
  std::string archivedBy;
  std::string archivedAt;
  std::optional<std::int64_t> supersededBy;  // the newer version, when one was archived
};

// A row to add: the file named by sha256 is already durable under the archive root.
struct NewArchiveRecord {
  std::int64_t officeId = 0;
  ArchiveMetadata metadata;
  std::string sha256;
  std::int64_t sizeBytes = 0;
  std::string archivedBy;
  std::string archivedAt;
};

struct ArchiveQuery {
  std::int64_t officeId = 0;
  std::string text;  // words (all must match), "quoted phrases", word* prefixes
  std::string from;  // letter date, inclusive, "YYYY-MM-DD" or ""
  std::string to;    // letter date, inclusive
  std::string kind;
  std::string classificationCode;  // the code or any code under it ("400" finds "400.9.1")
  // The whole name, ignoring case, spacing and punctuation ("dinas sosial, provinsi jambi"
  // finds "Dinas Sosial Provinsi Jambi"); a part of a name is found through `text`.
  std::string sender;
  std::string recipient;
  std::string signer;
  std::string channel;
  std::string status;
  bool searchIdentity = false;  // whether the reporter's identity is searchable for this caller
  int page = 1;
  int perPage = 20;
};

struct ArchiveHit {
  ArchiveRecord record;
  double score = 0;     // bm25 (lower is better), 0 without words
  std::string snippet;  // the best passage of the text, matches between kHighlightOpen/Close
};

struct ArchiveHits {
  std::vector<ArchiveHit> items;
  std::int64_t total = 0;
  // True when more than `total` documents match: counting stops at a cap so that a common
  // word never makes a search slow (docs/search.md).
  bool totalIsLowerBound = false;
};

// How many matches of one query are ranked (the newest, by rowid); pages reach this far.
// Beyond it a search asks for narrower words or filters (docs/search.md).
inline constexpr int kArchiveRankWindow = 1000;

// Marks around a matched term in ArchiveHit::snippet.
inline constexpr std::string_view kHighlightOpen = "<mark>";
inline constexpr std::string_view kHighlightClose = "</mark>";

class ArchiveRepository {
 public:
  virtual ~ArchiveRepository() = default;

  // Commits the row and its audit event together and returns the record. The same content
  // (sha256) archived again in the office returns the first record unchanged (created = false).
  // kInvalidArgument when supersedesId or caseId names nothing in the office.
  struct AddResult {
    ArchiveRecord record;
    bool created = true;
  };
  virtual AddResult add(const NewArchiveRecord& record, const AuditEntry& audit) = 0;

  // The record of the office; nullopt when absent. Text and identity as stored.
  virtual std::optional<ArchiveRecord> find(std::int64_t officeId, std::int64_t id) = 0;

  // The first record, in any office, of the content whose SHA-256 is `sha256` (lower-case hex);
  // nullopt when the archive holds no such content. For public verification, which knows a
  // document by its bytes only. Text and identity as stored.
  virtual std::optional<ArchiveRecord> findByHash(const std::string& sha256) = 0;

  // Full text + filters, best first (bm25), one page. See docs/search.md for the plan.
  virtual ArchiveHits search(const ArchiveQuery& query) = 0;

  // Every file the index names, for fsck.
  struct IndexedFile {
    std::int64_t id = 0;
    std::string sha256;
    std::int64_t sizeBytes = 0;
    std::string contentType;
  };
  virtual std::vector<IndexedFile> indexedFiles() = 0;
};

// The archive root on disk: <root>/ab/abcdef….pdf, named by SHA-256 of the content.
class ArchiveFiles {
 public:
  virtual ~ArchiveFiles() = default;
  // Writes to a temporary name, fsyncs, renames into place and fsyncs the folder; returns the
  // hex SHA-256. Content already present is left as it is. Throws kUnavailable on I/O failure.
  virtual std::string put(std::string_view content, const std::string& contentType) = 0;
  // The bytes; kNotFound when the file is missing, kFailedPrecondition when they no longer hash
  // to their name (damaged on disk: immutable means provably so, so damage is never served).
  virtual std::string get(const std::string& sha256, const std::string& contentType) const = 0;

  struct StoredFile {
    std::string path;    // relative to the root
    std::string sha256;  // from the name; "" when the name is not a digest
    std::int64_t sizeBytes = 0;
  };
  // Every file under the root (temporary files of an interrupted put included).
  virtual std::vector<StoredFile> list() const = 0;
  // Where the content with this digest and type lives, relative to the root ("ab/abcd….pdf").
  virtual std::string pathOf(const std::string& sha256, const std::string& contentType) const = 0;
  // SHA-256 of the file's current bytes.
  virtual std::string hashOf(const std::string& path) const = 0;
};

}  // namespace naskah::ports
