// Field inspections between JSON and the domain (the HTTP API's shapes, docs/api.md "Field inspections").
#pragma once

#include <cstdint>

#include "Poco/JSON/Object.h"
#include "domain/inspection/field_inspection.h"

namespace naskah::json {

// {"officers":[user ids],"scheduled_at","place","instructions"?}; throws one kInvalidArgument
// naming every unknown, mistyped or missing field (the domain's rules follow in the service).
domain::inspection::InspectionAssignment inspectionAssignmentFromJson(const Poco::JSON::Object& object);

struct ReportInput {
  domain::inspection::InspectionReport report;
  std::int64_t version = 0;  // 0 = not given
};
// {"started_at","finished_at","findings":[{"description","remark"?}],"mediation"?,
//  "recommendations":[text],"version"?}; throws one kInvalidArgument as above.
ReportInput inspectionReportFromJson(const Poco::JSON::Object& object);

Poco::JSON::Object::Ptr toJson(const domain::inspection::FieldInspection& inspection);
Poco::JSON::Object::Ptr toJson(const domain::inspection::InspectionPhoto& photo, std::int64_t inspectionId);

}  // namespace naskah::json
