#include "services/audit_service.h"

#include <algorithm>

#include "domain/common/error.h"

namespace naskah::services {

std::vector<domain::AuditEvent> AuditService::list(const domain::Actor& actor, ports::AuditFilter filter) {
  domain::requireRole(actor, {domain::Role::kAuditor, domain::Role::kAdmin}, "read the audit trail");
  if (filter.limit < 1 || filter.limit > 1000)
    throw Error(ErrorCode::kInvalidArgument, "limit must be between 1 and 1000", {{"limit", "out of range"}});
  return log_.list(filter);
}

std::vector<domain::AuditEvent> AuditService::listAll(const domain::Actor& actor, ports::AuditFilter filter,
                                                     std::int64_t maxEvents) {
  std::vector<domain::AuditEvent> all;
  while (static_cast<std::int64_t>(all.size()) < maxEvents) {
    filter.limit = static_cast<int>(std::min<std::int64_t>(1000, maxEvents - static_cast<std::int64_t>(all.size())));
    auto page = list(actor, filter);
    all.insert(all.end(), page.begin(), page.end());
    if (static_cast<int>(page.size()) < filter.limit) break;
    filter.afterSequence = page.back().sequence;
  }
  return all;
}

ports::AuditVerification AuditService::verify(const domain::Actor& actor) {
  domain::requireRole(actor, {domain::Role::kAuditor, domain::Role::kAdmin}, "verify the audit trail");
  return log_.verify();
}

}  // namespace naskah::services
