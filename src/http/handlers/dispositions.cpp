// Dispositions (disposisi) of a case: send or pass on, read receipt, recall, and each user's
// inbox (docs/api.md, "Workflow").
#include "http/handlers/routes.h"
#include "json/workflow_json.h"

namespace naskah::http {

services::WorkflowService& workflowOf(Services& s);  // cases.cpp

void addDispositionRoutes(Router& router) {
  Services& s = router.services();
  router.add("POST", "/api/v1/cases/{id}/dispositions", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto id = request.idParam(0);
    auto input = json::dispositionFromJson(*request.jsonObject());
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("items", json::toJson(workflowOf(s).dispose(actor, id, input)));
    return ApiReply::ok(o, 201);
  });
  router.add("POST", "/api/v1/dispositions/{id}/read", BodyKind::kNone, [&s](ApiRequest& request) {
    auto actor = request.actor();
    return ApiReply::ok(json::toJson(workflowOf(s).markRead(actor, request.idParam(0))));
  });
  router.add("POST", "/api/v1/dispositions/{id}/recall", BodyKind::kNone, [&s](ApiRequest& request) {
    auto actor = request.actor();
    return ApiReply::ok(json::toJson(workflowOf(s).recall(actor, request.idParam(0))));
  });
  router.add("GET", "/api/v1/inbox", BodyKind::kNone, [&s](ApiRequest& request) {
    auto actor = request.actor();
    return ApiReply::ok(json::toJson(workflowOf(s).inbox(actor)));
  });
}

}  // namespace naskah::http
