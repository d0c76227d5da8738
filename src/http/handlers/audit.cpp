// The audit trail for auditors over HTTP: events as JSON pages or a CSV export, and the check
// of the hash chain.
#include <algorithm>
#include <limits>

#include "Poco/JSON/Array.h"
#include "Poco/JSON/Parser.h"
#include "http/handlers/routes.h"
#include "services/audit_csv.h"

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
    std::int64_t limit = request.wholeNumberQuery("limit", 100, problems);
    f.limit = static_cast<int>(std::min<std::int64_t>(limit, 1'000'000));
    std::string format = request.query("format").value_or("json");
    if (format != "json" && format != "csv") problems.add("format", "must be json or csv");
    if (format == "csv" && request.query("limit") && limit < 1) problems.add("limit", "must be at least 1");
    problems.throwIfAny("the filter is not valid");
    if (format == "csv") {
      // The whole filtered trail, not one page (limit, when given, caps it).
      auto all = s.audit.listAll(actor, f, request.query("limit") ? limit : std::numeric_limits<std::int64_t>::max());
      ApiReply reply = ApiReply::bytes(services::auditCsv(all), "text/csv; charset=utf-8");
      reply.headers.push_back({"Content-Disposition", "attachment; filename=\"jejak-audit.csv\""});
      return reply;
    }
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
