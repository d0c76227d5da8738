// What the HTTP suites share: a real server with the demo office per test, signed-in clients
// for the demo users, and a valid registration body to vary.
#pragma once

#include <map>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "support/http_client.h"
#include "support/test_server.h"

namespace naskah::testing {

// A registration every field of which is valid; tests change the one they are about.
inline Poco::JSON::Object::Ptr letterBody(const std::string& receivedAt = "2031-03-02T09:15:00") {
  Poco::JSON::Object::Ptr reporter = new Poco::JSON::Object;
  reporter->set("name", "Syamsul Bahri");
  reporter->set("address", "Jl. Kapten Pattimura RT 07, Kota Jambi");
  reporter->set("sex", "laki-laki");
  reporter->set("phone", "081274451203");
  reporter->set("email", "syamsul@example.id");
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("received_at", receivedAt);
  o->set("channel", "surat");
  o->set("sender_letter_number", "045/RT.07/VIII/2026");
  o->set("sender_letter_date", "2026-08-28");
  o->set("sender", "Ketua RT 07 Kelurahan Simpang IV Sipin");
  o->set("subject", "Pengaduan Bantuan PKH yang Tidak Diterima");
  o->set("urgency", "segera");
  o->set("enclosures", "1 (satu) berkas");
  o->set("classification_code", "400.9");
  o->set("complaint_kind", "pengaduan");
  o->set("scale", "menengah");
  o->set("summary", "Enam keluarga penerima PKH tidak menerima pencairan tahap III.");
  o->set("reporter", reporter);
  return o;
}

// The field names of error.fields, in order.
inline std::vector<std::string> errorFields(const HttpResponse& response) {
  std::vector<std::string> names;
  auto error = response.json()->getObject("error");
  auto fields = error ? error->getArray("fields") : nullptr;
  if (!fields) return names;
  for (size_t i = 0; i < fields->size(); ++i) names.push_back(fields->getObject(i)->getValue<std::string>("field"));
  return names;
}

// The "total" of a list answer; fails the test unless the answer is 200.
inline std::int64_t totalOf(const HttpResponse& response) {
  EXPECT_EQ(response.status, 200) << response.body;
  return response.json()->getValue<std::int64_t>("total");
}

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override { server_ = std::make_unique<TestServer>(); }
  void TearDown() override { server_.reset(); }

  int port() const { return server_->port(); }
  TestServer& server() { return *server_; }
  // A client with no session.
  HttpClient anonymous() { return HttpClient(port()); }
  // A client signed in as the demo user (one login per user and test).
  HttpClient as(const std::string& username) {
    HttpClient client(port());
    auto it = tokens_.find(username);
    if (it != tokens_.end()) {
      client.setToken(it->second);
    } else {
      tokens_[username] = client.login(username, demoUser(username).password);
    }
    return client;
  }
  // Registers the body as the registrar; fails the test unless the answer is 201.
  Poco::JSON::Object::Ptr registerLetter(const Poco::JSON::Object::Ptr& body) {
    auto response = as("tu").post("/api/v1/incoming-letters", toJsonText(body));
    EXPECT_EQ(response.status, 201) << response.body;
    return response.json();
  }

 private:
  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::string> tokens_;
};

}  // namespace naskah::testing
