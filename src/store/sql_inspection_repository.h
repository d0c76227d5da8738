// Field inspections in SQL (migration 6): the inspection, its team, findings, recommendations and
// photos, one table each so that every row reads as the report prints it.
#pragma once

#include <vector>

#include "ports/inspection.h"
#include "store/database.h"

namespace naskah::store {

// The tables of schema migration 6.
std::vector<const char*> inspectionSchemaStatements();

class SqlInspectionRepository : public ports::InspectionRepository {
 public:
  explicit SqlInspectionRepository(Database& database) : database_(database) {}

  domain::inspection::FieldInspection create(const ports::NewInspection& inspection,
                                             const ports::AuditEntry& audit) override;
  std::optional<domain::inspection::FieldInspection> find(std::int64_t officeId, std::int64_t id) override;
  std::vector<domain::inspection::FieldInspection> listForLetter(std::int64_t officeId, std::int64_t letterId) override;
  domain::inspection::FieldInspection recordReport(std::int64_t officeId, std::int64_t id, std::int64_t expectedVersion,
                                                   const domain::inspection::InspectionReport& report,
                                                   const std::string& reportedBy, const std::string& reportedAt,
                                                   const ports::AuditEntry& audit) override;
  domain::inspection::InspectionPhoto addPhoto(std::int64_t officeId, std::int64_t id,
                                               const domain::inspection::InspectionPhoto& photo,
                                               const ports::AuditEntry& audit) override;

 private:
  Database& database_;
};

}  // namespace naskah::store
