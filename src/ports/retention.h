// What retention needs of the store: the archived records with their code and date, legal holds,
// disposals (berita acara pemusnahan), and removing a disposed record's content from disk.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ports/audit.h"

namespace naskah::ports {

// An archived document as retention sees it.
struct RetainedRecord {
  std::int64_t id = 0;
  std::string kind;
  std::string classificationCode;
  std::string letterDate;  // "YYYY-MM-DD"
  std::string subject;
  std::string outgoingNumber;
  std::string sha256;
  std::string contentType;
  std::int64_t disposalId = 0;  // the berita acara that disposed of it, 0 while kept
  std::string disposalNumber;
};

struct LegalHold {
  std::int64_t id = 0;
  std::int64_t recordId = 0;
  std::string reason;
  std::string placedBy;
  std::string placedAt;
  std::string releasedBy;  // "" while the hold stands
  std::string releasedAt;
  bool active() const { return releasedAt.empty(); }
};

// A berita acara pemusnahan and the records it lists.
struct Disposal {
  std::int64_t id = 0;
  std::int64_t officeId = 0;
  std::string number;      // nomor berita acara, unique in the office
  std::string date;        // "YYYY-MM-DD", the date on the berita acara
  std::string approvedBy;  // who approved the destruction (Kepala Daerah / Kepala ANRI)
  std::string reason;
  std::vector<std::int64_t> recordIds;
  std::string recordedBy;
  std::string recordedAt;
};

class RetentionRepository {
 public:
  virtual ~RetentionRepository() = default;

  // Every record of the office not yet disposed, by id.
  virtual std::vector<RetainedRecord> keptRecords(std::int64_t officeId) = 0;
  // One record of the office, disposed or not; nullopt when absent.
  virtual std::optional<RetainedRecord> record(std::int64_t officeId, std::int64_t id) = 0;
  // The holds ever placed on a record, oldest first.
  virtual std::vector<LegalHold> holds(std::int64_t officeId, std::int64_t recordId) = 0;
  // Ids of the office's records under at least one active hold.
  virtual std::vector<std::int64_t> heldRecordIds(std::int64_t officeId) = 0;

  // Places a hold (hold.id ignored) and appends its audit event in one transaction.
  // kNotFound when the record is not the office's.
  virtual LegalHold placeHold(std::int64_t officeId, const LegalHold& hold, const AuditEntry& audit) = 0;
  // Releases an active hold of the record; kNotFound when absent, kFailedPrecondition when
  // already released.
  virtual LegalHold releaseHold(std::int64_t officeId, std::int64_t recordId, std::int64_t holdId,
                                const std::string& releasedBy, const std::string& releasedAt,
                                const AuditEntry& audit) = 0;
  // Records the berita acara and marks its records disposed, with the audit events, in one
  // transaction. Checked again inside it, so a hold placed meanwhile wins: kAlreadyExists when
  // the number is taken; kFailedPrecondition naming each record that is absent, already
  // disposed or held. `audits` are appended in order after the rows are written. The records'
  // text and reporter identity are removed from the store and the full-text index in the same
  // transaction; their metadata stays.
  virtual Disposal recordDisposal(const Disposal& disposal, const std::vector<AuditEntry>& audits) = 0;
  // Whether a record not disposed of (in any office) still names this content.
  virtual bool contentStillNamed(const std::string& sha256) = 0;
};

// Deletes archived content that no kept record names any more.
class ArchiveContentEraser {
 public:
  virtual ~ArchiveContentEraser() = default;
  // Removes the file and syncs its folder; an already absent file is not an error.
  // Throws kUnavailable when the file cannot be removed.
  virtual void erase(const std::string& sha256, const std::string& contentType) = 0;
};

}  // namespace naskah::ports
