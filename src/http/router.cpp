#include "http/router.h"

#include "Poco/Net/HTTPServerRequest.h"
#include "Poco/URI.h"
#include "http/route_handler.h"

namespace naskah::http {
namespace {

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool match(const Route& route, const std::vector<std::string>& segments, std::vector<std::string>& params) {
  if (route.segments.size() != segments.size()) return false;
  params.clear();
  for (size_t i = 0; i < segments.size(); ++i) {
    if (route.segments[i] == "{}")
      params.push_back(segments[i]);
    else if (route.segments[i] != segments[i])
      return false;
  }
  return true;
}

}  // namespace

void Router::add(const std::string& method, const std::string& pattern, BodyKind body, RouteFunction function) {
  std::vector<std::string> segments = split(pattern);
  for (auto& s : segments)
    if (!s.empty() && s.front() == '{') s = "{}";
  routes_.push_back(Route{method, std::move(segments), body, std::move(function)});
}

Poco::Net::HTTPRequestHandler* Router::createRequestHandler(const Poco::Net::HTTPServerRequest& request) {
  std::string path;
  try {
    Poco::URI::decode(Poco::URI(request.getURI()).getPath(), path);
  } catch (const Poco::Exception&) {
    return RouteHandler::failing(services_, Error(ErrorCode::kInvalidArgument, "the URI is malformed"));
  }
  std::vector<std::string> segments = split(path);
  std::vector<std::string> params;
  std::string allowed;
  for (const auto& route : routes_) {
    if (!match(route, segments, params)) continue;
    if (route.method == request.getMethod()) return new RouteHandler(&route, params, services_);
    allowed += (allowed.empty() ? "" : ", ") + route.method;
  }
  if (!allowed.empty()) return RouteHandler::methodNotAllowed(services_, allowed, path);
  return RouteHandler::failing(services_, Error(ErrorCode::kNotFound, "no such endpoint: " + path));
}

}  // namespace naskah::http
