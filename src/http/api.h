// The request and reply shapes every API route works with, independent of Poco's handler
// plumbing: a route reads an ApiRequest, calls one service, and returns an ApiReply.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "Poco/Dynamic/Var.h"
#include "Poco/JSON/Object.h"
#include "Poco/Net/HTTPServerRequest.h"
#include "domain/auth/role.h"
#include "domain/common/error.h"
#include "services/archive_import_service.h"
#include "services/archive_search_service.h"
#include "services/archive_service.h"
#include "services/audit_service.h"
#include "services/auth_service.h"
#include "services/directory_service.h"
#include "services/document_service.h"
#include "services/inspection_service.h"
#include "services/outgoing_service.h"
#include "services/registration_service.h"
#include "services/retention_service.h"
#include "services/verification_service.h"
#include "services/workflow_service.h"

namespace naskah::http {

struct Limits {
  std::size_t maxBodyBytes = 1 << 20;     // JSON bodies
  std::size_t maxUploadBytes = 10 << 20;  // one scanned attachment
};

// What the routes call. Owned by the composition root; outlives the server.
struct Services {
  services::AuthService& auth;
  services::RegistrationService& registration;
  services::AuditService& audit;
  services::DirectoryService& directory;
  services::DocumentService& documents;
  Limits limits;
  // Set by the composition root; the archive routes answer 503 without them.
  services::ArchiveService* archive = nullptr;
  services::ArchiveSearchService* archiveSearch = nullptr;
  // The reply letter cycle; the outgoing-letter routes answer 503 without it.
  services::OutgoingService* outgoing = nullptr;
  // Cases on their SOP profile, dispositions, recap; the workflow routes answer 503 without it.
  services::WorkflowService* workflow = nullptr;
  // JRA status, legal holds and disposals; the retention routes answer 503 without it.
  services::RetentionService* retention = nullptr;
  // Public verification of signed documents; the verify routes answer 503 without it.
  services::VerificationService* verification = nullptr;
  // Field inspections and their reports; the inspection routes answer 503 without it.
  services::InspectionService* inspections = nullptr;
  // Signed PDFs received from outside; POST /archive/import answers 503 without it.
  services::ArchiveImportService* archiveImport = nullptr;
};

// The optional service a route needs, or Error(kUnavailable) when this server was started
// without it (a test server, a build without the archive).
template <typename Service>
Service& available(Service* service, const char* what) {
  if (!service) throw Error(ErrorCode::kUnavailable, std::string(what) + " is not available on this server");
  return *service;
}

class ApiRequest {
 public:
  ApiRequest(Poco::Net::HTTPServerRequest& request, std::vector<std::string> pathParams, std::string body,
             services::AuthService& auth);

  const std::string& method() const;
  const std::string& body() const { return body_; }
  const Poco::Net::HTTPServerRequest& raw() const { return request_; }
  // The n-th "{…}" segment of the route pattern.
  const std::string& pathParam(std::size_t n) const { return pathParams_.at(n); }
  // Path parameter n as a positive id; kInvalidArgument otherwise.
  std::int64_t idParam(std::size_t n) const;
  std::optional<std::string> query(const std::string& name) const;
  // A non-negative whole-number query parameter; fallback when absent or empty. A value that
  // is not one adds a violation for `name` (reported with the request's other problems).
  std::int64_t wholeNumberQuery(const std::string& name, std::int64_t fallback, Violations& v) const;
  // ?paper=F4 (default: what Indonesian offices print on) or A4; kInvalidArgument otherwise.
  std::string paper() const;
  std::string header(const std::string& name) const;
  // The signed-in actor from "Authorization: Bearer …" or the session cookie; kUnauthenticated.
  domain::Actor actor();
  // The session token presented, "" when none.
  std::string token() const;
  // The body parsed as a JSON object; kInvalidArgument for malformed JSON or another type.
  Poco::JSON::Object::Ptr jsonObject() const;

 private:
  Poco::Net::HTTPServerRequest& request_;
  std::vector<std::string> pathParams_;
  std::string body_;
  std::map<std::string, std::string> query_;
  services::AuthService& auth_;
  std::optional<domain::Actor> actor_;
};

struct ApiReply {
  int status = 200;
  Poco::Dynamic::Var json;       // sent as JSON unless rawBody is set
  std::optional<std::string> rawBody;
  std::string contentType = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;

  static ApiReply ok(Poco::Dynamic::Var json, int status = 200);
  static ApiReply bytes(std::string body, std::string contentType);
  // A PDF shown in the browser, saved under fileName.
  static ApiReply pdf(std::string body, const std::string& fileName);
};

using RouteFunction = std::function<ApiReply(ApiRequest&)>;

// Body size policy of a route.
enum class BodyKind { kNone, kJson, kUpload };

}  // namespace naskah::http
