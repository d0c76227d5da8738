#include "support/http_client.h"

#include <sstream>
#include <stdexcept>

#include "Poco/JSON/Parser.h"
#include "Poco/Net/HTTPRequest.h"
#include "Poco/Net/HTTPResponse.h"
#include "Poco/StreamCopier.h"

namespace naskah::testing {

std::string HttpResponse::header(const std::string& name) const { return headers.get(name, ""); }

std::vector<std::string> HttpResponse::headerValues(const std::string& name) const {
  std::vector<std::string> values;
  for (auto it = headers.find(name); it != headers.end() && Poco::icompare(it->first, name) == 0; ++it)
    values.push_back(it->second);
  return values;
}

Poco::JSON::Object::Ptr HttpResponse::json() const { return parseJsonObject(body); }

std::string HttpResponse::errorCode() const {
  try {
    auto error = json()->getObject("error");
    return error ? error->getValue<std::string>("code") : "";
  } catch (const Poco::Exception&) {
    return "";
  }
}

HttpClient::HttpClient(int port, std::string host)
    : session_(std::make_unique<Poco::Net::HTTPClientSession>(host, static_cast<Poco::UInt16>(port))) {
  session_->setKeepAlive(true);
  session_->setTimeout(Poco::Timespan(60, 0));
}

HttpResponse HttpClient::exchange(Poco::Net::HTTPRequest& request, const std::string* body) {
  if (!token_.empty() && !request.has("Authorization")) request.set("Authorization", "Bearer " + token_);
  std::ostream& out = session_->sendRequest(request);
  if (body) out.write(body->data(), static_cast<std::streamsize>(body->size()));
  Poco::Net::HTTPResponse response;
  std::istream& in = session_->receiveResponse(response);
  HttpResponse result;
  result.status = static_cast<int>(response.getStatus());
  for (const auto& [name, value] : response) result.headers.add(name, value);
  std::ostringstream text;
  Poco::StreamCopier::copyStream(in, text);
  result.body = text.str();
  return result;
}

namespace {

Poco::Net::HTTPRequest makeRequest(const std::string& method, const std::string& path, const std::string& body,
                                   const Headers& headers) {
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setKeepAlive(true);
  for (const auto& [name, value] : headers) request.add(name, value);
  if (!body.empty() && !request.has("Content-Type")) request.setContentType("application/json");
  return request;
}

}  // namespace

HttpResponse HttpClient::request(const std::string& method, const std::string& path, const std::string& body,
                                 const Headers& headers) {
  auto request = makeRequest(method, path, body, headers);
  if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT")
    request.setContentLength(static_cast<std::streamsize>(body.size()));
  return exchange(request, &body);
}

HttpResponse HttpClient::requestChunked(const std::string& method, const std::string& path, const std::string& body,
                                        const Headers& headers) {
  auto request = makeRequest(method, path, body, headers);
  request.setChunkedTransferEncoding(true);
  return exchange(request, &body);
}

HttpResponse HttpClient::requestAnnouncingBody(const std::string& method, const std::string& path,
                                               std::int64_t contentLength, const std::string& contentType) {
  auto request = makeRequest(method, path, "", {{"Content-Type", contentType}});
  request.setContentLength64(contentLength);
  auto result = exchange(request, nullptr);
  session_->reset();
  return result;
}

std::string HttpClient::login(const std::string& username, const std::string& password) {
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("username", username);
  body->set("password", password);
  auto response = request("POST", "/api/v1/auth/login", toJsonText(body));
  if (response.status != 200)
    throw std::runtime_error("login as " + username + " answered " + std::to_string(response.status) + ": " +
                             response.body);
  token_ = response.json()->getValue<std::string>("token");
  return token_;
}

Poco::JSON::Object::Ptr parseJsonObject(const std::string& text) {
  Poco::JSON::Parser parser;
  return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

std::string toJsonText(const Poco::JSON::Object::Ptr& object) {
  std::ostringstream out;
  object->stringify(out);
  return out.str();
}

std::pair<std::string, std::string> multipartFile(const std::string& fieldName, const std::string& fileName,
                                                  const std::string& contentType, const std::string& content) {
  return multipartForm({}, fieldName, fileName, contentType, content);
}

std::pair<std::string, std::string> multipartForm(const std::vector<std::pair<std::string, std::string>>& fields,
                                                  const std::string& fieldName, const std::string& fileName,
                                                  const std::string& contentType, const std::string& content) {
  const std::string boundary = "naskah-test-boundary-7c1f2e9a";
  std::string body;
  for (const auto& [name, value] : fields)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  body += "--" + boundary + "\r\n";
  body += "Content-Disposition: form-data; name=\"" + fieldName + "\"; filename=\"" + fileName + "\"\r\n";
  body += "Content-Type: " + contentType + "\r\n\r\n";
  body += content;
  body += "\r\n--" + boundary + "--\r\n";
  return {"multipart/form-data; boundary=" + boundary, body};
}

const std::vector<DemoUser>& demoUsers() {
  static const std::vector<DemoUser> kUsers{
      {"admin", "admin-naskah-2026", "admin"},        {"tu", "tu-naskah-2026", "registrar"},
      {"kadis", "kadis-naskah-2026", "head"},         {"sekretaris", "sekretaris-naskah-2026", "manager"},
      {"kabid", "kabid-naskah-2026", "manager"},      {"kasi", "kasi-naskah-2026", "supervisor"},
      {"petugas", "petugas-naskah-2026", "officer"},  {"auditor", "auditor-naskah-2026", "auditor"},
      {"pelapor", "pelapor-naskah-2026", "reporter"},
  };
  return kUsers;
}

const DemoUser& demoUser(const std::string& username) {
  for (const auto& user : demoUsers())
    if (username == user.username) return user;
  throw std::invalid_argument("no demo user " + username);
}

}  // namespace naskah::testing
