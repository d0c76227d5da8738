// The reply letter's cycle over HTTP: draft, correct (versions and their word diff), submit,
// paraf, return, sign, the PDF, dispatch. Rules live in services::OutgoingService.
#include "http/handlers/routes.h"
#include "json/letter_json.h"
#include "json/outgoing_letter_json.h"

namespace naskah::http {
namespace {

services::OutgoingService& outgoing(Services& s) {
  return available(s.outgoing, "outgoing letters");
}

// The body as an object; an empty body counts as {} for the actions that need nothing.
Poco::JSON::Object::Ptr bodyOrEmpty(ApiRequest& request) {
  if (request.body().find_first_not_of(" \t\r\n") == std::string::npos) return new Poco::JSON::Object;
  return request.jsonObject();
}

void rejectUnknown(const Poco::JSON::Object& body, const std::vector<std::string>& known, Violations& v) {
  for (const auto& [key, value] : body)
    if (std::find(known.begin(), known.end(), key) == known.end()) v.add(key, "is not expected here");
}

ApiReply letterReply(const domain::OutgoingLetter& letter, int status = 200) {
  return ApiReply::ok(json::toJson(letter), status);
}

int versionQuery(ApiRequest& request, const std::string& name, Violations& v) {
  auto text = request.query(name);
  if (!text || text->empty() || text->size() > 6 || text->find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(*text) == 0) {
    v.add(name, "must be a version number (1, 2, …)");
    return 0;
  }
  return std::stoi(*text);
}

}  // namespace

void addOutgoingLetterRoutes(Router& router) {
  Services& s = router.services();
  router.add("POST", "/api/v1/outgoing-letters", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto body = request.jsonObject();
    Violations v;
    services::NewOutgoingDraft draft;
    draft.incomingLetterId = json::integerMember(*body, "incoming_letter_id", v, true);
    draft.content = json::outgoingContentFromJson(*body, v, {"incoming_letter_id"});
    v.throwIfAny("the draft is not valid");
    auto letter = outgoing(s).draft(actor, draft);
    ApiReply reply = letterReply(letter, 201);
    reply.headers.push_back({"Location", "/api/v1/outgoing-letters/" + std::to_string(letter.id)});
    return reply;
  });
  router.add("GET", "/api/v1/outgoing-letters", BodyKind::kNone, [&s](ApiRequest& request) {
    auto actor = request.actor();
    ports::OutgoingFilter filter;
    Violations v;
    if (auto status = request.query("status"); status && !status->empty()) {
      filter.status = domain::parseOutgoingStatus(*status);
      if (!filter.status)
        v.add("status", "must be draft, in_correction, awaiting_paraf, awaiting_signature, returned, signed or dispatched");
    }
    if (auto caseId = request.query("case_id"); caseId && !caseId->empty()) {
      if (caseId->size() > 15 || caseId->find_first_not_of("0123456789") != std::string::npos)
        v.add("case_id", "must be a case id");
      else
        filter.caseId = std::stoll(*caseId);
    }
    v.throwIfAny("the filter is not valid");
    Poco::JSON::Array items;
    for (const auto& letter : outgoing(s).list(actor, filter)) items.add(json::toJson(letter));
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("items", items);
    return ApiReply::ok(o);
  });
  router.add("GET", "/api/v1/outgoing-letters/{id}", BodyKind::kNone, [&s](ApiRequest& request) {
    return letterReply(outgoing(s).get(request.actor(), request.idParam(0)));
  });
  router.add("PUT", "/api/v1/outgoing-letters/{id}", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto body = request.jsonObject();
    Violations v;
    services::OutgoingEdit edit;
    edit.baseVersion = static_cast<int>(json::integerMember(*body, "base_version", v, true));
    edit.note = json::stringMember(*body, "note", v, false);
    edit.content = json::outgoingContentFromJson(*body, v, {"base_version", "note"});
    v.throwIfAny("the correction is not valid");
    return letterReply(outgoing(s).edit(actor, request.idParam(0), edit));
  });
  router.add("GET", "/api/v1/outgoing-letters/{id}/versions", BodyKind::kNone, [&s](ApiRequest& request) {
    Poco::JSON::Array items;
    for (const auto& version : outgoing(s).versions(request.actor(), request.idParam(0)))
      items.add(json::toJson(version));
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("items", items);
    return ApiReply::ok(o);
  });
  router.add("GET", "/api/v1/outgoing-letters/{id}/diff", BodyKind::kNone, [&s](ApiRequest& request) {
    auto actor = request.actor();
    Violations v;
    int from = versionQuery(request, "from", v);
    int to = versionQuery(request, "to", v);
    v.throwIfAny("name the two versions to compare");
    return ApiReply::ok(json::toJson(outgoing(s).diff(actor, request.idParam(0), from, to)));
  });
  router.add("POST", "/api/v1/outgoing-letters/{id}/submit", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto body = bodyOrEmpty(request);
    Violations v;
    rejectUnknown(*body, {"paraf"}, v);
    auto chain = json::stringListMember(*body, "paraf", v);
    v.throwIfAny("cannot submit the letter");
    return letterReply(outgoing(s).submit(actor, request.idParam(0), chain));
  });
  router.add("POST", "/api/v1/outgoing-letters/{id}/paraf", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    Violations v;
    rejectUnknown(*bodyOrEmpty(request), {}, v);
    v.throwIfAny("paraf takes no fields");
    return letterReply(outgoing(s).paraf(actor, request.idParam(0)));
  });
  router.add("POST", "/api/v1/outgoing-letters/{id}/return", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto body = request.jsonObject();
    Violations v;
    rejectUnknown(*body, {"reason"}, v);
    std::string reason = json::stringMember(*body, "reason", v, true);
    v.throwIfAny("a return needs its reason");
    return letterReply(outgoing(s).returnToDrafter(actor, request.idParam(0), reason));
  });
  router.add("POST", "/api/v1/outgoing-letters/{id}/sign", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    Violations v;
    rejectUnknown(*bodyOrEmpty(request), {}, v);
    v.throwIfAny("signing takes no fields");
    return letterReply(outgoing(s).sign(actor, request.idParam(0)));
  });
  router.add("GET", "/api/v1/outgoing-letters/{id}/pdf", BodyKind::kNone, [&s](ApiRequest& request) {
    std::string paper = request.paper();
    auto pdf = outgoing(s).pdf(request.actor(), request.idParam(0), paper);
    return ApiReply::pdf(std::move(pdf.bytes), pdf.fileName);
  });
  router.add("POST", "/api/v1/outgoing-letters/{id}/dispatch", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto body = request.jsonObject();
    Violations v;
    rejectUnknown(*body, {"recipient", "channel", "proof"}, v);
    domain::DispatchRecord record;
    record.recipient = json::stringMember(*body, "recipient", v, true);
    record.channel = json::stringMember(*body, "channel", v, true);
    record.proof = json::stringMember(*body, "proof", v, true);
    v.throwIfAny("the dispatch record is not valid");
    return letterReply(outgoing(s).dispatch(actor, request.idParam(0), record), 201);
  });
}

}  // namespace naskah::http
