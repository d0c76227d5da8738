// Retention over HTTP: a record's JRA status, the disposal list, legal holds, and disposal by
// berita acara (docs/api.md, "Retention"; docs/retention.md).
#include "Poco/JSON/Array.h"
#include "domain/workflow/local_date_time.h"
#include "http/handlers/routes.h"
#include "json/letter_json.h"

namespace naskah::http {
namespace {

services::RetentionService& retentionOf(Services& s) {
  return available(s.retention, "retention");
}

Poco::JSON::Object::Ptr holdJson(const ports::LegalHold& h) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", h.id);
  o->set("record_id", h.recordId);
  o->set("reason", h.reason);
  o->set("placed_by", h.placedBy);
  o->set("placed_at", h.placedAt);
  o->set("released_by", h.active() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(h.releasedBy));
  o->set("released_at", h.active() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(h.releasedAt));
  o->set("active", h.active());
  return o;
}

Poco::JSON::Object::Ptr statusJson(const services::RetentionStatus& s) {
  using domain::workflow::toIsoString;
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  const auto& r = s.record;
  o->set("record_id", r.id);
  o->set("kind", r.kind);
  o->set("outgoing_number", r.outgoingNumber);
  o->set("subject", r.subject);
  o->set("letter_date", r.letterDate);
  o->set("classification_code", r.classificationCode);
  o->set("code_name", s.codeName);
  o->set("phase", s.phase);
  if (s.rule) {
    o->set("rule_code", s.rule->ruleCode);
    o->set("active_years", s.rule->rule.activeYears);
    o->set("inactive_years", s.rule->rule.inactiveYears);
    o->set("final_disposition", std::string(domain::archive::finalDispositionName(s.rule->rule.disposition)));
  } else {
    for (const char* key : {"rule_code", "active_years", "inactive_years", "final_disposition"})
      o->set(key, Poco::Dynamic::Var());
  }
  o->set("inactive_from", s.dates ? Poco::Dynamic::Var(toIsoString(s.dates->inactiveFrom)) : Poco::Dynamic::Var());
  o->set("final_due", s.dates ? Poco::Dynamic::Var(toIsoString(s.dates->finalDue)) : Poco::Dynamic::Var());
  o->set("held", s.held());
  Poco::JSON::Array holds;
  for (const auto& h : s.holds) holds.add(holdJson(h));
  o->set("holds", holds);
  if (r.disposalId) {
    Poco::JSON::Object::Ptr d = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    d->set("id", r.disposalId);
    d->set("number", r.disposalNumber);
    o->set("disposal", d);
  } else {
    o->set("disposal", Poco::Dynamic::Var());
  }
  return o;
}

services::DisposalRequest disposalFrom(const Poco::JSON::Object& body) {
  Violations v;
  services::DisposalRequest request;
  request.number = json::stringMember(body, "number", v, true);
  request.date = json::stringMember(body, "date", v, true);
  request.approvedBy = json::stringMember(body, "approved_by", v, true);
  request.reason = json::stringMember(body, "reason", v, false);
  auto ids = body.getArray("record_ids");
  if (!ids) {
    v.add("record_ids", "is required: a list of archived document ids");
  } else {
    for (unsigned i = 0; i < ids->size(); ++i) {
      const auto& item = ids->get(i);
      if (!item.isInteger() || item.convert<Poco::Int64>() <= 0)
        v.add("record_ids[" + std::to_string(i) + "]", "is not an id");
      else
        request.recordIds.push_back(item.convert<Poco::Int64>());
    }
  }
  v.throwIfAny("the disposal is not valid");
  return request;
}

}  // namespace

void addRetentionRoutes(Router& router) {
  Services& s = router.services();
  router.add("GET", "/api/v1/archive/{id}/retention", BodyKind::kNone, [&s](ApiRequest& request) {
    auto actor = request.actor();
    return ApiReply::ok(statusJson(retentionOf(s).status(actor, request.idParam(0))));
  });
  router.add("GET", "/api/v1/retention/due", BodyKind::kNone, [&s](ApiRequest& request) {
    auto actor = request.actor();
    Poco::JSON::Array items;
    auto due = retentionOf(s).due(actor);
    for (const auto& status : due) items.add(statusJson(status));
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("items", items);
    o->set("total", static_cast<Poco::Int64>(due.size()));
    return ApiReply::ok(o);
  });
  router.add("POST", "/api/v1/archive/{id}/holds", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto id = request.idParam(0);
    Violations v;
    std::string reason = json::stringMember(*request.jsonObject(), "reason", v, true);
    v.throwIfAny("the legal hold is not valid");
    return ApiReply::ok(holdJson(retentionOf(s).placeHold(actor, id, reason)), 201);
  });
  router.add("DELETE", "/api/v1/archive/{id}/holds/{hold}", BodyKind::kNone, [&s](ApiRequest& request) {
    auto actor = request.actor();
    return ApiReply::ok(holdJson(retentionOf(s).releaseHold(actor, request.idParam(0), request.idParam(1))));
  });
  router.add("POST", "/api/v1/retention/disposals", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto result = retentionOf(s).dispose(actor, disposalFrom(*request.jsonObject()));
    const auto& d = result.disposal;
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", d.id);
    o->set("number", d.number);
    o->set("date", d.date);
    o->set("approved_by", d.approvedBy);
    o->set("reason", d.reason);
    Poco::JSON::Array ids;
    for (auto id : d.recordIds) ids.add(id);
    o->set("record_ids", ids);
    o->set("recorded_by", d.recordedBy);
    o->set("recorded_at", d.recordedAt);
    o->set("files_removed", result.filesRemoved);
    Poco::JSON::Array left;
    for (const auto& f : result.filesLeft) left.add(f);
    o->set("files_left", left);
    return ApiReply::ok(o, 201);
  });
}

}  // namespace naskah::http
