// Maps (method, path pattern) to a route and gives Poco a handler for every request:
// never nullptr, so unknown paths get a JSON 404 and wrong methods a JSON 405.
#pragma once

#include <string>
#include <vector>

#include "Poco/Net/HTTPRequestHandlerFactory.h"
#include "http/api.h"

namespace naskah::http {

struct Route {
  std::string method;
  std::vector<std::string> segments;  // "{}" matches one path segment
  BodyKind body;
  RouteFunction function;
};

class Router : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Router(Services services) : services_(services) {}

  // pattern like "/api/v1/incoming-letters/{id}". Not thread-safe: add all routes before serving.
  void add(const std::string& method, const std::string& pattern, BodyKind body, RouteFunction function);

  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

  Services& services() { return services_; }

 private:
  Services services_;
  std::vector<Route> routes_;
};

}  // namespace naskah::http
