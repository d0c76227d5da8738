#include "services/audit_service.h"

#include "domain/common/error.h"

namespace naskah::services {

std::vector<domain::AuditEvent> AuditService::list(const domain::Actor& actor, ports::AuditFilter filter) {
  domain::requireRole(actor, {domain::Role::kAuditor, domain::Role::kAdmin}, "read the audit trail");
  if (filter.limit < 1 || filter.limit > 1000)
    throw Error(ErrorCode::kInvalidArgument, "limit must be between 1 and 1000", {{"limit", "out of range"}});
  return log_.list(filter);
}

ports::AuditVerification AuditService::verify(const domain::Actor& actor) {
  domain::requireRole(actor, {domain::Role::kAuditor, domain::Role::kAdmin}, "verify the audit trail");
  return log_.verify();
}

}  // namespace naskah::services
