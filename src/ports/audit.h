// What an action records in the audit trail, and the trail as the services read it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit/audit_chain.h"

namespace naskah::ports {

struct FieldChange {
  std::string field;
  std::string before;
  std::string after;
};

// One action to append. The store assigns sequence, time and hashes in the same
// transaction as the change it describes. An empty objectId is filled with the new row's id.
struct AuditEntry {
  std::string actor;
  std::string action;
  std::string objectType;
  std::string objectId;
  std::vector<FieldChange> changes;
  std::string note;
};

struct AuditFilter {
  std::string actor;
  std::string action;
  std::string objectType;
  std::string objectId;
  std::string from;  // ISO time, inclusive
  std::string to;    // ISO time, exclusive
  std::int64_t afterSequence = 0;
  int limit = 100;
};

struct AuditVerification {
  std::int64_t eventsChecked = 0;
  std::optional<domain::ChainBreak> firstBreak;
};

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  // Appends outside any other change (e.g. a login). Thread-safe.
  virtual void append(const AuditEntry& entry) = 0;
  virtual std::vector<domain::AuditEvent> list(const AuditFilter& filter) = 0;
  // Walks the whole chain from the first event and compares with the recorded head.
  virtual AuditVerification verify() = 0;
};

}  // namespace naskah::ports
