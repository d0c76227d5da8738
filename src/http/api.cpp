#include "http/api.h"

#include "Poco/JSON/JSONException.h"
#include "Poco/JSON/Parser.h"
#include "Poco/Net/NameValueCollection.h"
#include "Poco/URI.h"
#include "domain/common/error.h"

namespace naskah::http {

ApiRequest::ApiRequest(Poco::Net::HTTPServerRequest& request, std::vector<std::string> pathParams, std::string body,
                       services::AuthService& auth)
    : request_(request), pathParams_(std::move(pathParams)), body_(std::move(body)), auth_(auth) {
  try {
    for (const auto& [name, value] : Poco::URI(request.getURI()).getQueryParameters()) query_[name] = value;
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kInvalidArgument, "the query string is malformed: " + e.message());
  }
}

const std::string& ApiRequest::method() const { return request_.getMethod(); }

std::int64_t ApiRequest::idParam(std::size_t n) const {
  const std::string& text = pathParam(n);
  std::int64_t id = 0;
  bool ok = !text.empty() && text.size() <= 18;
  for (char c : text) {
    if (c < '0' || c > '9') ok = false;
    if (ok) id = id * 10 + (c - '0');
  }
  if (!ok || id <= 0) throw Error(ErrorCode::kInvalidArgument, "\"" + text.substr(0, 40) + "\" is not an id");
  return id;
}

std::optional<std::string> ApiRequest::query(const std::string& name) const {
  auto it = query_.find(name);
  if (it == query_.end()) return std::nullopt;
  return it->second;
}

std::int64_t ApiRequest::wholeNumberQuery(const std::string& name, std::int64_t fallback, Violations& v) const {
  auto value = query(name);
  if (!value || value->empty()) return fallback;
  if (value->size() > 15 || value->find_first_not_of("0123456789") != std::string::npos) {
    v.add(name, "must be a whole number");
    return fallback;
  }
  return std::stoll(*value);
}

std::string ApiRequest::paper() const {
  std::string paper = query("paper").value_or("F4");
  if (paper != "F4" && paper != "A4")
    throw Error(ErrorCode::kInvalidArgument, "the paper must be F4 or A4", {{"paper", "must be F4 or A4"}});
  return paper;
}

std::string ApiRequest::header(const std::string& name) const { return request_.get(name, ""); }

std::string ApiRequest::token() const {
  std::string authorization = request_.get("Authorization", "");
  const std::string bearer = "Bearer ";
  if (authorization.compare(0, bearer.size(), bearer) == 0) return authorization.substr(bearer.size());
  Poco::Net::NameValueCollection cookies;
  request_.getCookies(cookies);
  return cookies.get("naskah_session", "");
}

domain::Actor ApiRequest::actor() {
  if (!actor_) actor_ = auth_.authenticate(token());
  return *actor_;
}

Poco::JSON::Object::Ptr ApiRequest::jsonObject() const {
  if (body_.empty()) throw Error(ErrorCode::kInvalidArgument, "the request needs a JSON object body");
  Poco::Dynamic::Var parsed;
  try {
    Poco::JSON::Parser parser;
    parsed = parser.parse(body_);
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kInvalidArgument, "the body is not valid JSON: " + e.message());
  }
  if (parsed.type() != typeid(Poco::JSON::Object::Ptr))
    throw Error(ErrorCode::kInvalidArgument, "the body must be a JSON object");
  return parsed.extract<Poco::JSON::Object::Ptr>();
}

ApiReply ApiReply::ok(Poco::Dynamic::Var json, int status) {
  ApiReply reply;
  reply.status = status;
  reply.json = std::move(json);
  return reply;
}

ApiReply ApiReply::bytes(std::string body, std::string contentType) {
  ApiReply reply;
  reply.rawBody = std::move(body);
  reply.contentType = std::move(contentType);
  return reply;
}

ApiReply ApiReply::pdf(std::string body, const std::string& fileName) {
  ApiReply reply = bytes(std::move(body), "application/pdf");
  reply.headers.push_back({"Content-Disposition", "inline; filename=\"" + fileName + "\""});
  return reply;
}

}  // namespace naskah::http
