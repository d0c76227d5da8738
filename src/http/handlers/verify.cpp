// Public verification: POST /api/v1/verify (a PDF, raw or multipart field "file") answers JSON;
// GET /api/v1/verify (what a signed letter's QR opens) and GET /verify/{sha256} answer a small
// page in Indonesian. No login: anyone holding a letter may check it.
#include "http/handlers/routes.h"
#include "http/upload.h"

namespace naskah::http {
namespace {

std::string uploadedPdf(ApiRequest& request) {
  auto upload = readUpload(request);
  if (upload.hasFile && !upload.content.empty()) return std::move(upload.content);
  if (upload.multipart)
    throw Error(ErrorCode::kInvalidArgument, "the upload has no field \"file\"", {{"file", "is required"}});
  throw Error(ErrorCode::kInvalidArgument, "send the PDF as the body or as the multipart field \"file\"",
              {{"file", "is required"}});
}

services::VerificationService& verification(Services& s) {
  return available(s.verification, "verification");
}

// The public summary of an archived record: what the letter is, never who complained.
Poco::JSON::Object::Ptr summaryJson(const ports::ArchiveRecord& r) {
  const auto& m = r.metadata;
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("kind", m.kind);
  o->set("number", m.outgoingNumber.empty() ? m.agendaNumber : m.outgoingNumber);
  o->set("date", m.letterDate);
  o->set("signer", m.signer);
  o->set("status", m.status);
  o->set("archived_at", r.archivedAt);
  return o;
}

std::string html(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

const char* kUploadForm =
    "<form method=\"post\" action=\"/api/v1/verify\" enctype=\"multipart/form-data\">"
    "<p>Unggah berkas PDF surat untuk memeriksa tanda tangan elektroniknya:</p>"
    "<input type=\"file\" name=\"file\" accept=\"application/pdf\"> <button type=\"submit\">Periksa</button></form>";

std::string page(const std::string& body) {
  return "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>Verifikasi Dokumen - Naskah</title></head><body><h1>Verifikasi Dokumen</h1>" +
         body + "</body></html>";
}

std::string recordPage(const std::string& sha256, const std::optional<ports::ArchiveRecord>& record) {
  std::string body = "<p>Kode hash (SHA-256): <code>" + html(sha256) + "</code></p>";
  if (!record) {
    body += "<p><strong>Dokumen dengan kode hash ini TIDAK terdaftar dalam arsip.</strong></p>";
  } else {
    const auto& m = record->metadata;
    auto row = [](const char* label, const std::string& value) {
      return value.empty() ? std::string() : "<tr><th>" + std::string(label) + "</th><td>" + html(value) + "</td></tr>";
    };
    body += "<p><strong>Dokumen dengan kode hash ini TERDAFTAR dalam arsip.</strong></p><table>" +
            row("Jenis", m.kind) + row("Nomor", m.outgoingNumber.empty() ? m.agendaNumber : m.outgoingNumber) +
            row("Tanggal", m.letterDate) + row("Perihal", m.subject) + row("Penandatangan", m.signer) +
            row("Status", m.status) + row("Diarsipkan", record->archivedAt) + "</table>";
  }
  return page(body + kUploadForm);
}

ApiReply htmlReply(std::string text) { return ApiReply::bytes(std::move(text), "text/html; charset=utf-8"); }

}  // namespace

void addVerifyRoutes(Router& router) {
  Services& s = router.services();
  router.add("POST", "/api/v1/verify", BodyKind::kUpload, [&s](ApiRequest& request) {
    auto result = verification(s).verify(uploadedPdf(request));
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("valid", result.valid);
    o->set("reason", result.reason);
    o->set("signature_valid", result.signature.valid);
    o->set("signer", result.signature.signerName);
    o->set("signing_time", result.signature.signingTime);
    o->set("sha256", result.signature.sha256);
    o->set("archived", result.record.has_value());
    o->set("archive", result.record ? Poco::Dynamic::Var(summaryJson(*result.record)) : Poco::Dynamic::Var());
    return ApiReply::ok(o);
  });
  // The QR of a signed letter opens this: the upload form, or one hash's answer with ?sha256=.
  router.add("GET", "/api/v1/verify", BodyKind::kNone, [&s](ApiRequest& request) {
    auto sha256 = request.query("sha256").value_or("");
    if (sha256.empty()) return htmlReply(page(kUploadForm));
    return htmlReply(recordPage(sha256, verification(s).lookup(sha256)));
  });
  router.add("GET", "/verify/{sha256}", BodyKind::kNone, [&s](ApiRequest& request) {
    const auto& sha256 = request.pathParam(0);
    return htmlReply(recordPage(sha256, verification(s).lookup(sha256)));
  });
}

}  // namespace naskah::http
