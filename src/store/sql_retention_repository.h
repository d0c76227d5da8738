// Legal holds and disposals (berita acara pemusnahan) in SQL, each change with its audit events
// in one transaction. Archived rows stay immutable: a record is disposed of when a disposal
// lists it (disposal_items), never by updating archive_documents.
#pragma once

#include <vector>

#include "ports/retention.h"
#include "store/database.h"

namespace naskah::store {

// Migration 5: legal_holds, disposals, disposal_items.
std::vector<const char*> retentionSchemaStatements();

class SqlRetentionRepository : public ports::RetentionRepository {
 public:
  explicit SqlRetentionRepository(Database& database) : database_(database) {}

  std::vector<ports::RetainedRecord> keptRecords(std::int64_t officeId) override;
  std::optional<ports::RetainedRecord> record(std::int64_t officeId, std::int64_t id) override;
  std::vector<ports::LegalHold> holds(std::int64_t officeId, std::int64_t recordId) override;
  std::vector<std::int64_t> heldRecordIds(std::int64_t officeId) override;
  ports::LegalHold placeHold(std::int64_t officeId, const ports::LegalHold& hold,
                             const ports::AuditEntry& audit) override;
  ports::LegalHold releaseHold(std::int64_t officeId, std::int64_t recordId, std::int64_t holdId,
                               const std::string& releasedBy, const std::string& releasedAt,
                               const ports::AuditEntry& audit) override;
  ports::Disposal recordDisposal(const ports::Disposal& disposal, const std::vector<ports::AuditEntry>& audits) override;
  bool contentStillNamed(const std::string& sha256) override;

 private:
  Database& database_;
};

}  // namespace naskah::store
