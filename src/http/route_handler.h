// The one place an HTTP answer is written: reads the body within its limit, runs the route,
// and turns every failure into {"error":{"code","message"}} with the status of error_mapping.
#pragma once

#include <optional>

#include "Poco/Net/HTTPRequestHandler.h"
#include "domain/common/error.h"
#include "http/router.h"

namespace naskah::http {

class RouteHandler : public Poco::Net::HTTPRequestHandler {
 public:
  RouteHandler(const Route* route, std::vector<std::string> params, Services& services);
  // Answers 405 method_not_allowed, naming the allowed methods in the Allow header.
  static RouteHandler* methodNotAllowed(Services& services, std::string allowed, const std::string& path);
  // Answers with the given error (unknown path, malformed URI).
  static RouteHandler* failing(Services& services, Error error);
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

 private:
  std::string readBody(Poco::Net::HTTPServerRequest& request) const;
  const Route* route_;
  std::vector<std::string> params_;
  Services& services_;
  std::optional<Error> error_;
  std::string allowedMethods_;  // set for a 405
};

// HTTP status of an error code (the table of docs/api.md).
int httpStatus(ErrorCode code);

}  // namespace naskah::http
