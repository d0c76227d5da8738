#include "http/route_handler.h"

#include <atomic>
#include <sstream>

#include "Poco/JSON/Array.h"
#include "Poco/JSON/Object.h"
#include "Poco/Logger.h"
#include "Poco/Net/HTTPServerRequest.h"
#include "Poco/Net/HTTPServerResponse.h"
#include "Poco/Net/NetException.h"

namespace naskah::http {
namespace {

// Multipart framing around one upload.
constexpr std::size_t kUploadOverheadBytes = 64 * 1024;

Poco::JSON::Object::Ptr errorBody(const Error& error) {
  Poco::JSON::Object::Ptr inner = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  inner->set("code", std::string(errorCodeName(error.code())));
  inner->set("message", std::string(error.what()));
  if (!error.violations().empty()) {
    Poco::JSON::Array fields;
    for (const auto& v : error.violations()) {
      Poco::JSON::Object field(Poco::JSON_PRESERVE_KEY_ORDER);
      field.set("field", v.field);
      field.set("message", v.message);
      fields.add(field);
    }
    inner->set("fields", fields);
  }
  Poco::JSON::Object::Ptr outer = new Poco::JSON::Object;
  outer->set("error", inner);
  return outer;
}

void send(Poco::Net::HTTPServerResponse& response, const ApiReply& reply) {
  response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  response.setContentType(reply.contentType);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Cache-Control", "no-store");
  for (const auto& [name, value] : reply.headers) response.add(name, value);
  std::string body;
  if (reply.rawBody) {
    body = *reply.rawBody;
  } else if (!reply.json.isEmpty()) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(reply.json, out);
    body = out.str();
  }
  response.setContentLength(static_cast<std::streamsize>(body.size()));
  response.sendBuffer(body.data(), body.size());
}

ApiReply errorReply(const Error& error) {
  ApiReply reply = ApiReply::ok(errorBody(error), httpStatus(error.code()));
  if (error.code() == ErrorCode::kUnauthenticated) reply.headers.push_back({"WWW-Authenticate", "Bearer"});
  return reply;
}

// Logs the detail with an id and tells the client only the id.
ApiReply internalError(const Poco::Net::HTTPServerRequest& request, const std::string& detail) {
  static std::atomic<unsigned> counter{0};
  std::string id = std::to_string(++counter);
  Poco::Logger::get("naskah.http").error("request " + id + " " + request.getURI() + ": " + detail);
  return errorReply(Error(ErrorCode::kInternal, "internal error (request " + id + ")"));
}

}  // namespace

int httpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kAlreadyExists: return 409;
    case ErrorCode::kFailedPrecondition: return 409;
    case ErrorCode::kTooLarge: return 413;
    case ErrorCode::kInvalidDocument: return 422;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

RouteHandler::RouteHandler(const Route* route, std::vector<std::string> params, Services& services)
    : route_(route), params_(std::move(params)), services_(services) {}

RouteHandler* RouteHandler::failing(Services& services, Error error) {
  auto* handler = new RouteHandler(nullptr, {}, services);
  handler->error_ = std::move(error);
  return handler;
}

RouteHandler* RouteHandler::methodNotAllowed(Services& services, std::string allowed, const std::string& path) {
  auto* handler =
      failing(services, Error(ErrorCode::kFailedPrecondition, "only " + allowed + " is allowed on " + path));
  handler->allowedMethods_ = std::move(allowed);
  return handler;
}

std::string RouteHandler::readBody(Poco::Net::HTTPServerRequest& request) const {
  std::size_t limit = 0;
  if (route_->body == BodyKind::kJson) limit = services_.limits.maxBodyBytes;
  if (route_->body == BodyKind::kUpload) limit = services_.limits.maxUploadBytes + kUploadOverheadBytes;
  auto tooLarge = [&] {
    return Error(ErrorCode::kTooLarge, "the request body is larger than the limit of " + std::to_string(limit) +
                                           " bytes");
  };
  if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(limit)) throw tooLarge();
  std::string body;
  if (limit == 0) return body;
  char buffer[16384];
  std::istream& in = request.stream();
  while (in) {
    in.read(buffer, sizeof buffer);
    body.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (body.size() > limit) throw tooLarge();
  }
  return body;
}

void RouteHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  ApiReply reply;
  try {
    if (error_) throw *error_;
    ApiRequest apiRequest(request, params_, readBody(request), services_.auth);
    reply = route_->function(apiRequest);
  } catch (const Error& e) {
    reply = errorReply(e);
    if (!allowedMethods_.empty()) {
      reply.status = 405;
      reply.json.extract<Poco::JSON::Object::Ptr>()->getObject("error")->set("code", "method_not_allowed");
      reply.headers.push_back({"Allow", allowedMethods_});
    }
    // Oversize bodies are refused before they are read; the connection cannot be reused.
    if (e.code() == ErrorCode::kTooLarge) response.setKeepAlive(false);
  } catch (const Poco::Exception& e) {
    reply = internalError(request, e.displayText());
  } catch (const std::exception& e) {
    reply = internalError(request, e.what());
  }
  // A body nobody read would be taken for the next request on this connection.
  bool unreadBody = (request.hasContentLength() && request.getContentLength64() > 0) || request.getChunkedTransferEncoding();
  if (unreadBody && (route_ == nullptr || route_->body == BodyKind::kNone)) response.setKeepAlive(false);
  try {
    send(response, reply);
  } catch (const Poco::Exception&) {
    // The client went away; nothing left to tell it.
  }
}

}  // namespace naskah::http
