// A small HTTP client for the end-to-end tests: one keep-alive connection per client,
// requests as (method, path, body, headers) → {status, body, headers}, and JSON helpers.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "Poco/JSON/Array.h"
#include "Poco/JSON/Object.h"
#include "Poco/Net/HTTPClientSession.h"
#include "Poco/Net/NameValueCollection.h"

namespace naskah::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 0;
  std::string body;
  Poco::Net::NameValueCollection headers;  // names compare case-insensitively; repeats kept

  // The first value of the header, "" when absent.
  std::string header(const std::string& name) const;
  // Every value of a repeated header (Set-Cookie).
  std::vector<std::string> headerValues(const std::string& name) const;
  // The body as a JSON object; throws Poco::Exception when it is not one.
  Poco::JSON::Object::Ptr json() const;
  // error.code of an error body, "" when the body has none.
  std::string errorCode() const;
};

class HttpClient {
 public:
  explicit HttpClient(int port, std::string host = "127.0.0.1");

  // Sent as "Authorization: Bearer …" on every later request; "" sends none.
  void setToken(std::string token) { token_ = std::move(token); }
  const std::string& token() const { return token_; }

  // One request on the kept-alive connection (reconnecting when the server closed it).
  // A non-empty body defaults to Content-Type application/json. Network failures throw
  // Poco::Exception.
  HttpResponse request(const std::string& method, const std::string& path, const std::string& body = "",
                       const Headers& headers = {});
  HttpResponse get(const std::string& path, const Headers& headers = {}) { return request("GET", path, "", headers); }
  HttpResponse post(const std::string& path, const std::string& body, const Headers& headers = {}) {
    return request("POST", path, body, headers);
  }
  // The body sent with chunked transfer encoding (no Content-Length).
  HttpResponse requestChunked(const std::string& method, const std::string& path, const std::string& body,
                              const Headers& headers = {});
  // Sends only the head, announcing a Content-Length body that never follows, and reads the
  // answer: for limits a server must enforce from the header alone. The connection is closed after.
  HttpResponse requestAnnouncingBody(const std::string& method, const std::string& path, std::int64_t contentLength,
                                     const std::string& contentType);

  // Signs in and keeps the token for later requests; returns it. Throws std::runtime_error
  // when the server does not answer 200.
  std::string login(const std::string& username, const std::string& password);

 private:
  HttpResponse exchange(Poco::Net::HTTPRequest& request, const std::string* body);
  std::unique_ptr<Poco::Net::HTTPClientSession> session_;  // movable client
  std::string token_;
};

// Parses text as a JSON object; throws Poco::Exception otherwise.
Poco::JSON::Object::Ptr parseJsonObject(const std::string& text);
std::string toJsonText(const Poco::JSON::Object::Ptr& object);

// A multipart/form-data body with one file part; returns {content type with boundary, body}.
std::pair<std::string, std::string> multipartFile(const std::string& fieldName, const std::string& fileName,
                                                  const std::string& contentType, const std::string& content);
// The same with text fields before the file, as an HTML form with inputs and a file sends it.
std::pair<std::string, std::string> multipartForm(const std::vector<std::pair<std::string, std::string>>& fields,
                                                  const std::string& fieldName, const std::string& fileName,
                                                  const std::string& contentType, const std::string& content);

// The demo office's logins (samples/office.json).
struct DemoUser {
  const char* username;
  const char* password;
  const char* role;
};
const std::vector<DemoUser>& demoUsers();
const DemoUser& demoUser(const std::string& username);

}  // namespace naskah::testing
