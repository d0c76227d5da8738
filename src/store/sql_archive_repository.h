// The archive's rows in SQL: immutable records (insert, never update), the audit event of each
// in the same transaction, and search through the full-text index of sql_archive_fts.
#pragma once

#include <vector>

#include "ports/archive.h"
#include "store/database.h"

namespace naskah::store {

// Migration 3: the table (portable SQL) followed by the FTS5 index over it.
std::vector<const char*> archiveSchemaStatements();

class SqlArchiveRepository : public ports::ArchiveRepository {
 public:
  explicit SqlArchiveRepository(Database& database) : database_(database) {}

  AddResult add(const ports::NewArchiveRecord& record, const ports::AuditEntry& audit) override;
  std::optional<ports::ArchiveRecord> find(std::int64_t officeId, std::int64_t id) override;
  std::optional<ports::ArchiveRecord> findByHash(const std::string& sha256) override;
  ports::ArchiveHits search(const ports::ArchiveQuery& query) override;
  std::vector<IndexedFile> indexedFiles() override;

 private:
  Database& database_;
};

}  // namespace naskah::store
