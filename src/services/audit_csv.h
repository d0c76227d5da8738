// The audit trail as CSV (RFC 4180, UTF-8, header row), for the auditors' exports.
#pragma once

#include <string>
#include <vector>

#include "domain/audit/audit_chain.h"

namespace naskah::services {

// One row per event, in the order given: sequence, at, actor, action, object_type, object_id,
// details (the JSON text as recorded), previous_hash, hash — every column the chain's hash
// covers, so an exported trail can be checked away from the server.
std::string auditCsv(const std::vector<domain::AuditEvent>& events);

}  // namespace naskah::services
