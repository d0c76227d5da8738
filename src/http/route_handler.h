// The one place an HTTP answer is written: reads the body within its limit, runs the route,
// and turns every failure into {"error":{"code","message"}} with the status of error_mapping.
#pragma once

#include "Poco/Net/HTTPRequestHandler.h"
#include "domain/common/error.h"
#include "http/router.h"

namespace naskah::http {

class RouteHandler : public Poco::Net::HTTPRequestHandler {
 public:
  // route == nullptr answers with the given error instead.
  RouteHandler(const Route* route, std::vector<std::string> params, Services& services,
               std::optional<Error> error = std::nullopt);
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

 private:
  std::string readBody(Poco::Net::HTTPServerRequest& request) const;
  const Route* route_;
  std::vector<std::string> params_;
  Services& services_;
  std::optional<Error> error_;
};

// HTTP status of an error code (the table of docs/api.md).
int httpStatus(ErrorCode code);

}  // namespace naskah::http
