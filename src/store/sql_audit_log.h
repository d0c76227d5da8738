// The audit chain in SQL: events appended inside the caller's transaction, read back,
// and verified link by link.
#pragma once

#include "Poco/Data/Session.h"
#include "ports/audit.h"
#include "store/database.h"

namespace naskah::store {

// Appends one event inside the open write transaction; returns its sequence.
std::int64_t appendAuditEvent(WriteTransaction& tx, const ports::AuditEntry& entry);

// Hex SHA-256 (the chain's hash function).
std::string sha256Hex(std::string_view data);

// "2026-11-23T02:15:00.123Z"
std::string utcNowIso();

class SqlAuditLog : public ports::AuditLog {
 public:
  explicit SqlAuditLog(Database& database) : database_(database) {}
  void append(const ports::AuditEntry& entry) override;
  std::vector<domain::AuditEvent> list(const ports::AuditFilter& filter) override;
  ports::AuditVerification verify() override;

 private:
  Database& database_;
};

}  // namespace naskah::store
