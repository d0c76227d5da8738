#include <algorithm>

#include "Poco/JSON/Array.h"
#include "Poco/JSON/Parser.h"
#include "http/handlers/routes.h"

namespace naskah::http {
namespace {

Poco::JSON::Object::Ptr eventJson(const domain::AuditEvent& e) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("sequence", e.sequence);
  o->set("at", e.at);
  o->set("actor", e.actor);
  o->set("action", e.action);
  o->set("object_type", e.objectType);
  o->set("object_id", e.objectId);
  Poco::JSON::Parser parser;
  o->set("details", parser.parse(e.detailsJson));
  o->set("previous_hash", e.previousHash);
  o->set("hash", e.hash);
  return o;
}

}  // namespace

void addAuditRoutes(Router& router) {
  Services& s = router.services();
  router.add("GET", "/api/v1/audit/events", BodyKind::kNone, [&s](ApiRequest& request) {
    auto actor = request.actor();
    ports::AuditFilter f;
    f.actor = request.query("actor").value_or("");
    f.action = request.query("action").value_or("");
    f.objectType = request.query("object_type").value_or("");
    f.objectId = request.query("object_id").value_or("");
    f.from = request.query("from").value_or("");
    f.to = request.query("to").value_or("");
    Violations problems;
    f.afterSequence = request.wholeNumberQuery("after", 0, problems);
    f.limit = static_cast<int>(std::min<std::int64_t>(request.wholeNumberQuery("limit", 100, problems), 1'000'000));
    problems.throwIfAny("the filter is not valid");
    auto events = s.audit.list(actor, f);
    Poco::JSON::Array items;
    for (const auto& e : events) items.add(eventJson(e));
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("items", items);
    o->set("next_after", events.empty() ? f.afterSequence : events.back().sequence);
    return ApiReply::ok(o);
  });
  router.add("GET", "/api/v1/audit/verify", BodyKind::kNone, [&s](ApiRequest& request) {
    auto result = s.audit.verify(request.actor());
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("valid", !result.firstBreak.has_value());
    o->set("events_checked", result.eventsChecked);
    if (result.firstBreak) {
      o->set("first_broken_sequence", result.firstBreak->sequence);
      o->set("reason", result.firstBreak->reason);
    }
    return ApiReply::ok(o);
  });
}

}  // namespace naskah::http
