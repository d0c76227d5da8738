#include <algorithm>

#include "Poco/JSON/Array.h"
#include "http/handlers/routes.h"
#include "http/upload.h"
#include "json/letter_json.h"
#include "services/agenda_csv.h"

namespace naskah::http {
namespace {

template <typename E>
std::optional<E> enumQuery(ApiRequest& r, const char* name, std::optional<E> (*parse)(std::string_view),
                           const std::string& allowed, Violations& v) {
  auto value = r.query(name);
  if (!value || value->empty()) return std::nullopt;
  auto parsed = parse(*value);
  if (!parsed) v.add(name, "has unknown value \"" + value->substr(0, 40) + "\"; use one of: " + allowed);
  return parsed;
}

// Page numbers, sizes and years fit an int; larger values fail the range checks after.
int intQuery(ApiRequest& r, const char* name, int fallback, Violations& v) {
  return static_cast<int>(std::min<std::int64_t>(r.wholeNumberQuery(name, fallback, v), 1'000'000'000));
}

ports::LetterFilter filterFrom(ApiRequest& r) {
  Violations v;
  ports::LetterFilter f;
  if (r.query("year")) f.year = intQuery(r, "year", 0, v);
  f.channel = enumQuery(r, "channel", domain::parseChannel, domain::allChannelNames(), v);
  f.complaintKind = enumQuery(r, "complaint_kind", domain::parseComplaintKind, domain::allComplaintKindNames(), v);
  f.scale = enumQuery(r, "scale", domain::parseScale, domain::allScaleNames(), v);
  f.urgency = enumQuery(r, "urgency", domain::parseUrgency, domain::allUrgencyNames(), v);
  if (auto status = r.query("status"); status && !status->empty()) {
    if (*status == "void")
      f.isVoid = true;
    else if (*status == "active")
      f.isVoid = false;
    else
      v.add("status", "must be active or void");
  }
  f.receivedFrom = r.query("received_from").value_or("");
  f.receivedTo = r.query("received_to").value_or("");
  f.text = r.query("q").value_or("");
  f.classificationCode = r.query("classification_code").value_or("");
  f.page = intQuery(r, "page", 1, v);
  f.perPage = intQuery(r, "per_page", 50, v);
  f.oldestFirst = r.query("order").value_or("") == "oldest";
  services::checkLetterFilter(f, v);
  v.throwIfAny("the filter is not valid");
  return f;
}

std::int64_t versionMember(const Poco::JSON::Object& body, Violations& v) {
  if (!body.has("version")) return 0;
  const auto& value = body.get("version");
  if (!value.isInteger()) {
    v.add("version", "must be a whole number");
    return 0;
  }
  return value.convert<Poco::Int64>();
}

}  // namespace

void addIncomingLetterRoutes(Router& router) {
  Services& s = router.services();
  router.add("POST", "/api/v1/incoming-letters", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto values = json::registrationFromJson(*request.jsonObject());
    auto result = s.registration.registerIncoming(actor, values, request.header("Idempotency-Key"));
    ApiReply reply = ApiReply::ok(json::toJson(result.letter), result.created ? 201 : 200);
    reply.headers.push_back({"Location", "/api/v1/incoming-letters/" + std::to_string(result.letter.id)});
    return reply;
  });
  router.add("GET", "/api/v1/incoming-letters", BodyKind::kNone, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto filter = filterFrom(request);
    if (request.query("format").value_or("") == "csv") {
      // The whole filtered register, page by page, so an export is never cut at one page.
      filter.perPage = 500;
      filter.page = 1;
      std::string csv = services::agendaCsvHeader();
      while (true) {
        auto page = s.registration.list(actor, filter);
        csv += services::agendaCsvRows(page.items);
        if (page.items.size() < static_cast<size_t>(filter.perPage)) break;
        ++filter.page;
      }
      ApiReply reply = ApiReply::bytes(csv, "text/csv; charset=utf-8");
      reply.headers.push_back({"Content-Disposition", "attachment; filename=\"agenda-surat-masuk.csv\""});
      return reply;
    }
    auto page = s.registration.list(actor, filter);
    Poco::JSON::Array items;
    for (const auto& letter : page.items) items.add(json::toJson(letter));
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("items", items);
    o->set("total", page.total);
    o->set("page", filter.page);
    o->set("per_page", filter.perPage);
    return ApiReply::ok(o);
  });
  router.add("GET", "/api/v1/incoming-letters/{id}", BodyKind::kNone, [&s](ApiRequest& request) {
    return ApiReply::ok(json::toJson(s.registration.get(request.actor(), request.idParam(0))));
  });
  router.add("PATCH", "/api/v1/incoming-letters/{id}", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto body = request.jsonObject();
    Violations v;
    std::string reason = json::stringMember(*body, "reason", v, true);
    std::int64_t version = versionMember(*body, v);
    domain::FieldValues changes;
    if (!body->has("changes") || body->get("changes").type() != typeid(Poco::JSON::Object::Ptr))
      v.add("changes", "must be an object of the fields to correct");
    else
      changes = json::letterFieldsFromJson(*body->getObject("changes"), v);
    for (const auto& [key, value] : *body)
      if (key != "reason" && key != "version" && key != "changes") v.add(key, "is not part of a correction");
    v.throwIfAny("the correction is not valid");
    return ApiReply::ok(json::toJson(s.registration.correct(actor, request.idParam(0), changes, version, reason)));
  });
  router.add("GET", "/api/v1/incoming-letters/{id}/reporter-history", BodyKind::kNone, [&s](ApiRequest& request) {
    Poco::JSON::Array items;
    for (const auto& change : s.registration.confidentialHistory(request.actor(), request.idParam(0))) {
      Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
      o->set("audit_sequence", change.auditSequence);
      o->set("field", change.field);
      o->set("before", change.before);
      o->set("after", change.after);
      o->set("changed_by", change.changedBy);
      o->set("changed_at", change.changedAt);
      items.add(o);
    }
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("items", items);
    return ApiReply::ok(o);
  });
  router.add("POST", "/api/v1/incoming-letters/{id}/void", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto body = request.jsonObject();
    Violations v;
    std::string reason = json::stringMember(*body, "reason", v, true);
    v.throwIfAny("cannot void the entry");
    return ApiReply::ok(json::toJson(s.registration.voidEntry(actor, request.idParam(0), reason)));
  });
  router.add("POST", "/api/v1/incoming-letters/{id}/attachments", BodyKind::kUpload, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto upload = readUpload(request);
    if (upload.multipart && !upload.hasFile)
      throw Error(ErrorCode::kInvalidArgument, "the upload has no file part", {{"file", "is required"}});
    auto attachment = s.registration.addAttachment(actor, request.idParam(0), upload.fileName, upload.content);
    return ApiReply::ok(json::toJson(attachment), 201);
  });
  router.add("GET", "/api/v1/incoming-letters/{id}/attachments/{attachment}", BodyKind::kNone,
             [&s](ApiRequest& request) {
               auto found = s.registration.attachment(request.actor(), request.idParam(0), request.idParam(1));
               ApiReply reply = ApiReply::bytes(std::move(found.content), found.attachment.contentType);
               reply.headers.push_back({"Content-Disposition", "attachment; filename=\"attachment-" +
                                                                   std::to_string(found.attachment.id) + "\""});
               return reply;
             });
  router.add("GET", "/api/v1/track/{code}", BodyKind::kNone, [&s](ApiRequest& request) {
    auto status = s.registration.track(request.pathParam(0));
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("tracking_code", status.trackingCode);
    o->set("agenda_number", status.agendaNumber);
    o->set("received_at", status.receivedAt);
    o->set("channel", status.channel);
    o->set("status", status.status);
    return ApiReply::ok(o);
  });
}

}  // namespace naskah::http
