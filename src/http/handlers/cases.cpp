// Cases on their SOP profile: read, assign a profile, take a transition, list the overdue, and
// the monthly recap (docs/api.md, "Workflow").
#include "http/handlers/routes.h"
#include "json/workflow_json.h"

namespace naskah::http {

services::WorkflowService& workflowOf(Services& s) {
  return available(s.workflow, "the workflow");
}

void addCaseRoutes(Router& router) {
  Services& s = router.services();
  // Before /cases/{id}: the first matching pattern answers.
  router.add("GET", "/api/v1/cases/overdue", BodyKind::kNone, [&s](ApiRequest& request) {
    auto actor = request.actor();
    return ApiReply::ok(json::toJson(workflowOf(s).overdue(actor)));
  });
  router.add("GET", "/api/v1/cases/{id}", BodyKind::kNone, [&s](ApiRequest& request) {
    auto actor = request.actor();
    return ApiReply::ok(json::toJson(workflowOf(s).caseView(actor, request.idParam(0))));
  });
  router.add("POST", "/api/v1/cases/{id}/workflow", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto id = request.idParam(0);
    auto profile = json::profileAssignmentFromJson(*request.jsonObject());
    return ApiReply::ok(json::toJson(workflowOf(s).assignProfile(actor, id, profile)));
  });
  router.add("POST", "/api/v1/cases/{id}/transitions", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto id = request.idParam(0);
    auto input = json::transitionFromJson(*request.jsonObject());
    return ApiReply::ok(json::toJson(workflowOf(s).transition(actor, id, input)));
  });
  router.add("GET", "/api/v1/recap", BodyKind::kNone, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto month = request.query("month");
    if (!month || month->empty())
      throw Error(ErrorCode::kInvalidArgument, "say which month", {{"month", "is required, like 2026-11"}});
    return ApiReply::ok(json::toJson(workflowOf(s).recap(actor, *month)));
  });
}

}  // namespace naskah::http
