// The audit trail for auditors: read and verify the hash chain.
#pragma once

#include <cstdint>
#include <vector>

#include "domain/auth/role.h"
#include "ports/audit.h"

namespace naskah::services {

class AuditService {
 public:
  explicit AuditService(ports::AuditLog& log) : log_(log) {}
  // Auditors and admins; kPermissionDenied otherwise.
  std::vector<domain::AuditEvent> list(const domain::Actor& actor, ports::AuditFilter filter);
  // Every event the filter matches after filter.afterSequence, up to maxEvents, oldest first
  // (read in pages of 1000): an export is never cut at a page. Roles as list().
  std::vector<domain::AuditEvent> listAll(const domain::Actor& actor, ports::AuditFilter filter,
                                          std::int64_t maxEvents);
  ports::AuditVerification verify(const domain::Actor& actor);
  // For the operator on the machine (CLI), who holds the data folder anyway.
  ports::AuditVerification verifyAsOperator() { return log_.verify(); }

 private:
  ports::AuditLog& log_;
};

}  // namespace naskah::services
