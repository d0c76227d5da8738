#include "services/audit_csv.h"

#include "services/agenda_csv.h"

namespace naskah::services {

std::string auditCsv(const std::vector<domain::AuditEvent>& events) {
  std::string out = "sequence,at,actor,action,object_type,object_id,details,previous_hash,hash\r\n";
  for (const auto& e : events) {
    const std::string cells[] = {std::to_string(e.sequence), e.at, e.actor, e.action, e.objectType, e.objectId,
                                 e.detailsJson, e.previousHash, e.hash};
    std::string line;
    for (const auto& value : cells) line += (line.empty() ? "" : ",") + csvCell(value);
    out += line + "\r\n";
  }
  return out;
}

}  // namespace naskah::services
