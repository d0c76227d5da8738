// POST /api/v1/archive/import: a signed PDF received from outside, with what the registrar says
// about it, archived byte for byte once its signature verifies (services/archive_import_service.h).
#include "http/handlers/routes.h"
#include "http/upload.h"

namespace naskah::http {
namespace {

services::ArchiveImportService& importService(Services& s) {
  return available(s.archiveImport, "importing signed documents");
}

// The metadata from the form's fields (multipart) or the query string (a raw PDF body).
services::SignedImport importFrom(ApiRequest& request, const Upload& upload) {
  Violations v;
  services::SignedImport r;
  auto text = [&](const char* name) { return upload.value(request, name).value_or(""); };
  if (auto kind = upload.value(request, "kind"); kind && !kind->empty()) r.kind = *kind;
  r.number = text("number");
  r.date = text("date");
  r.sender = text("sender");
  r.subject = text("subject");
  r.classificationCode = text("classification_code");
  r.text = text("text");
  std::string incoming = text("incoming_letter_id");
  if (!incoming.empty()) {
    if (incoming.size() > 18 || incoming.find_first_not_of("0123456789") != std::string::npos || incoming == "0")
      v.add("incoming_letter_id", "must be a positive id");
    else
      r.incomingLetterId = std::stoll(incoming);
  }
  if (!upload.hasFile) v.add("file", "is required: the signed PDF as the body or as the multipart field \"file\"");
  v.throwIfAny("the document cannot be imported");
  return r;
}

Poco::JSON::Object::Ptr answer(const services::ImportedDocument& imported) {
  const auto& r = imported.record;
  Poco::JSON::Object::Ptr signature = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  signature->set("valid", imported.signature.valid);
  signature->set("reason", imported.signature.reason);
  signature->set("signer", imported.signature.signerName);
  signature->set("organization", imported.signature.signerOrganization);
  signature->set("signing_time", imported.signature.signingTime);
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", r.id);
  o->set("created", imported.created);
  o->set("kind", r.metadata.kind);
  o->set("number", r.metadata.outgoingNumber);
  o->set("agenda_number", r.metadata.agendaNumber);
  o->set("letter_date", r.metadata.letterDate);
  o->set("status", r.metadata.status);
  o->set("sha256", r.sha256);
  o->set("size_bytes", r.sizeBytes);
  o->set("signature", signature);
  o->set("file", "/api/v1/archive/" + std::to_string(r.id) + "/file");
  return o;
}

}  // namespace

void addArchiveImportRoutes(Router& router) {
  Services& s = router.services();
  router.add("POST", "/api/v1/archive/import", BodyKind::kUpload, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto upload = readUpload(request);
    auto imported = importService(s).importSigned(actor, importFrom(request, upload), upload.content);
    return ApiReply::ok(answer(imported), imported.created ? 201 : 200);
  });
}

}  // namespace naskah::http
