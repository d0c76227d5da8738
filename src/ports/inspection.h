// Storage of field inspections (pemeriksaan lapangan): the team and schedule, the report and its
// photos. Every write appends its audit event in the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/inspection/field_inspection.h"
#include "ports/audit.h"

namespace naskah::ports {

struct NewInspection {
  std::int64_t officeId = 0;
  std::int64_t caseId = 0;
  std::int64_t incomingLetterId = 0;
  domain::inspection::InspectionAssignment assignment;  // validated; the first officer leads
  std::int64_t assignedById = 0;
  std::string assignedAt;  // UTC
};

class InspectionRepository {
 public:
  virtual ~InspectionRepository() = default;

  // Stores the inspection, scheduled, with its team; kFailedPrecondition when the case is closed.
  // The case's assigned officer (who may read the reporter's identity) becomes the team's leader
  // when the case has none yet.
  virtual domain::inspection::FieldInspection create(const NewInspection& inspection, const AuditEntry& audit) = 0;

  // The inspection with its team, report and photos; nullopt when absent or another office's.
  virtual std::optional<domain::inspection::FieldInspection> find(std::int64_t officeId, std::int64_t id) = 0;
  // Every inspection of an incoming letter, oldest first.
  virtual std::vector<domain::inspection::FieldInspection> listForLetter(std::int64_t officeId,
                                                                         std::int64_t letterId) = 0;

  // Replaces the report and marks the inspection reported, when its version is still
  // expectedVersion; kFailedPrecondition (someone else changed it first) otherwise.
  virtual domain::inspection::FieldInspection recordReport(std::int64_t officeId, std::int64_t id,
                                                           std::int64_t expectedVersion,
                                                           const domain::inspection::InspectionReport& report,
                                                           const std::string& reportedBy,
                                                           const std::string& reportedAt, const AuditEntry& audit) = 0;

  // Records an already stored blob as the next photo (its number is set here); kFailedPrecondition
  // when the inspection holds domain::inspection::kMaxPhotos already.
  virtual domain::inspection::InspectionPhoto addPhoto(std::int64_t officeId, std::int64_t id,
                                                       const domain::inspection::InspectionPhoto& photo,
                                                       const AuditEntry& audit) = 0;
};

}  // namespace naskah::ports
