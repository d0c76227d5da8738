// The archive over HTTP: search (JSON or CSV), one record's metadata, and its file.
#include <algorithm>

#include "Poco/JSON/Array.h"
#include "http/handlers/routes.h"

namespace naskah::http {
namespace {

// Page numbers, sizes and years fit an int; larger values fail the range checks after.
int intQuery(ApiRequest& r, const char* name, int fallback, Violations& v) {
  return static_cast<int>(std::min<std::int64_t>(r.wholeNumberQuery(name, fallback, v), 1'000'000'000));
}

// Every problem of the query string, parsing and range alike, in one answer.
ports::ArchiveQuery queryFrom(ApiRequest& r) {
  Violations v;
  ports::ArchiveQuery q;
  auto text = [&](const char* name) { return r.query(name).value_or(""); };
  q.text = text("q");
  q.from = text("from");
  q.to = text("to");
  q.kind = text("kind");
  q.classificationCode = text("classification_code");
  q.sender = text("sender");
  q.recipient = text("recipient");
  q.signer = text("signer");
  q.channel = text("channel");
  q.status = text("status");
  q.page = intQuery(r, "page", 1, v);
  q.perPage = intQuery(r, "per_page", 20, v);
  if (auto format = r.query("format"); format && !format->empty() && *format != "csv" && *format != "json")
    v.add("format", "must be json or csv");
  services::checkArchiveQuery(q, v);
  v.throwIfAny("the search is not valid");
  return q;
}

Poco::JSON::Object::Ptr recordJson(const ports::ArchiveRecord& r) {
  const auto& m = r.metadata;
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", r.id);
  o->set("kind", m.kind);
  o->set("outgoing_number", m.outgoingNumber);
  o->set("agenda_number", m.agendaNumber);
  o->set("letter_date", m.letterDate);
  o->set("subject", m.subject);
  o->set("sender", m.sender);
  o->set("recipient", m.recipient);
  o->set("signer", m.signer);
  o->set("classification_code", m.classificationCode);
  o->set("channel", m.channel);
  o->set("status", m.status);
  Poco::JSON::Array tembusan;
  for (const auto& t : m.tembusan) tembusan.add(t);
  o->set("tembusan", tembusan);
  o->set("case_id", m.caseId ? Poco::Dynamic::Var(m.caseId) : Poco::Dynamic::Var());
  o->set("supersedes_id", m.supersedesId ? Poco::Dynamic::Var(m.supersedesId) : Poco::Dynamic::Var());
  o->set("superseded_by", r.supersededBy ? Poco::Dynamic::Var(*r.supersededBy) : Poco::Dynamic::Var());
  o->set("content_type", m.contentType);
  o->set("sha256", r.sha256);
  o->set("size_bytes", r.sizeBytes);
  o->set("archived_by", r.archivedBy);
  o->set("archived_at", r.archivedAt);
  // Present only for the roles that may see who complained; everyone else gets a flag.
  if (m.reporterIdentity.empty()) {
    o->set("reporter_identity", Poco::Dynamic::Var());
  } else {
    Poco::JSON::Array identity;
    for (const auto& item : m.reporterIdentity) identity.add(item);
    o->set("reporter_identity", identity);
  }
  o->set("file", "/api/v1/archive/" + std::to_string(r.id) + "/file");
  return o;
}

services::ArchiveSearchService& searchService(Services& s) {
  return available(s.archiveSearch, "the archive");
}
services::ArchiveService& archiveService(Services& s) {
  return available(s.archive, "the archive");
}

}  // namespace

void addArchiveRoutes(Router& router) {
  Services& s = router.services();
  // Registered before /{id}: the router takes the first pattern that matches.
  router.add("GET", "/api/v1/archive/search", BodyKind::kNone, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto query = queryFrom(request);
    if (request.query("format").value_or("") == "csv") {
      // Every ranked hit, not one page: an export is never cut at the page size.
      auto hits = searchService(s).searchAll(actor, query, ports::kArchiveRankWindow);
      ApiReply reply = ApiReply::bytes(services::archiveCsv(hits), "text/csv; charset=utf-8");
      reply.headers.push_back({"Content-Disposition", "attachment; filename=\"pencarian-arsip.csv\""});
      return reply;
    }
    auto hits = searchService(s).search(actor, query);
    Poco::JSON::Array items;
    for (const auto& hit : hits.items) {
      auto o = recordJson(hit.record);
      o->set("score", hit.score);
      o->set("snippet", hit.snippet);
      items.add(o);
    }
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("items", items);
    o->set("total", hits.total);
    o->set("total_is_lower_bound", hits.totalIsLowerBound);
    o->set("page", query.page);
    o->set("per_page", query.perPage);
    return ApiReply::ok(o);
  });
  router.add("GET", "/api/v1/archive/{id}", BodyKind::kNone, [&s](ApiRequest& request) {
    return ApiReply::ok(recordJson(archiveService(s).get(request.actor(), request.idParam(0))));
  });
  router.add("GET", "/api/v1/archive/{id}/file", BodyKind::kNone, [&s](ApiRequest& request) {
    auto file = archiveService(s).file(request.actor(), request.idParam(0));
    ApiReply reply = ApiReply::bytes(std::move(file.content), file.record.metadata.contentType);
    reply.headers.push_back({"Content-Disposition", "inline; filename=\"arsip-" + std::to_string(file.record.id) +
                                                        (file.record.metadata.contentType == "application/pdf" ? ".pdf" : "") + "\""});
    reply.headers.push_back({"ETag", "\"" + file.record.sha256 + "\""});
    return reply;
  });
}

}  // namespace naskah::http
