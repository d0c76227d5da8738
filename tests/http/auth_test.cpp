// Signing in and out: tokens, the session cookie for the web UI, and what a wrong password gets.
#include <set>

#include "Poco/Data/Session.h"
#include "http/api_test_fixture.h"

namespace naskah::testing {
namespace {

using AuthApi = ApiTest;

std::string loginBody(const std::string& username, const std::string& password) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("username", username);
  o->set("password", password);
  return toJsonText(o);
}

// The naskah_session cookie of a login answer, "" when none.
std::string sessionCookie(const HttpResponse& response) {
  for (const auto& value : response.headerValues("Set-Cookie"))
    if (value.rfind("naskah_session=", 0) == 0) return value;
  return "";
}

TEST_F(AuthApi, LoginAnswersATokenTheUserAndAStrictHttpOnlyCookie) {
  auto client = anonymous();
  auto response = client.post("/api/v1/auth/login", loginBody("tu", "tu-naskah-2026"));
  ASSERT_EQ(response.status, 200) << response.body;
  auto json = response.json();
  const std::string token = json->getValue<std::string>("token");
  EXPECT_GE(token.size(), 32u);
  EXPECT_FALSE(json->getValue<std::string>("expires_at").empty());
  EXPECT_EQ(json->getObject("user")->getValue<std::string>("username"), "tu");
  EXPECT_EQ(json->getObject("user")->getValue<std::string>("role"), "registrar");
  EXPECT_EQ(response.body.find("tu-naskah-2026"), std::string::npos);

  const std::string cookie = sessionCookie(response);
  EXPECT_EQ(cookie.rfind("naskah_session=" + token, 0), 0u) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;

  client.setToken(token);
  auto me = client.get("/api/v1/auth/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()->getValue<std::string>("username"), "tu");
}

TEST_F(AuthApi, TheCookieAloneAuthenticates) {
  auto token = anonymous().login("kadis", "kadis-naskah-2026");
  auto browser = anonymous();
  auto me = browser.get("/api/v1/auth/me", {{"Cookie", "naskah_session=" + token}});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()->getValue<std::string>("username"), "kadis");
  auto list = browser.get("/api/v1/incoming-letters?per_page=1", {{"Cookie", "theme=dark; naskah_session=" + token}});
  EXPECT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(browser.get("/api/v1/auth/me", {{"Cookie", "naskah_session=bukan-token"}}).status, 401);
}

TEST_F(AuthApi, WrongPasswordAnswers401WithoutSayingWhichPartWasWrong) {
  auto client = anonymous();
  auto wrongPassword = client.post("/api/v1/auth/login", loginBody("tu", "tu-naskah-2025"));
  EXPECT_EQ(wrongPassword.status, 401) << wrongPassword.body;
  EXPECT_EQ(wrongPassword.errorCode(), "unauthenticated");
  EXPECT_TRUE(sessionCookie(wrongPassword).empty());
  auto unknownUser = client.post("/api/v1/auth/login", loginBody("tidak-ada", "tu-naskah-2026"));
  EXPECT_EQ(unknownUser.status, 401) << unknownUser.body;
  EXPECT_EQ(unknownUser.json()->getObject("error")->getValue<std::string>("message"),
            wrongPassword.json()->getObject("error")->getValue<std::string>("message"));
  EXPECT_EQ(client.post("/api/v1/auth/login", loginBody("TU", "tu-naskah-2026")).status, 401);
  EXPECT_EQ(client.post("/api/v1/auth/login", loginBody("tu", "")).status, 400);
  auto missing = client.post("/api/v1/auth/login", R"({"username":"tu"})");
  EXPECT_EQ(missing.status, 400) << missing.body;
  EXPECT_EQ(errorFields(missing), std::vector<std::string>{"password"});
}

TEST_F(AuthApi, LogoutMakesTheTokenUnusable) {
  auto client = anonymous();
  const std::string token = client.login("tu", "tu-naskah-2026");
  auto other = anonymous();
  other.login("tu", "tu-naskah-2026");
  ASSERT_EQ(client.get("/api/v1/auth/me").status, 200);

  auto logout = client.post("/api/v1/auth/logout", "");
  ASSERT_EQ(logout.status, 200) << logout.body;
  const std::string cleared = sessionCookie(logout);
  EXPECT_NE(cleared.find("Max-Age=0"), std::string::npos) << cleared;

  auto me = client.get("/api/v1/auth/me");
  EXPECT_EQ(me.status, 401) << me.body;
  EXPECT_EQ(me.errorCode(), "unauthenticated");
  EXPECT_EQ(client.post("/api/v1/incoming-letters", toJsonText(letterBody())).status, 401);
  EXPECT_EQ(anonymous().get("/api/v1/auth/me", {{"Cookie", "naskah_session=" + token}}).status, 401);
  EXPECT_EQ(client.post("/api/v1/auth/logout", "").status, 401);
  // Only that session ended: the same user's other session still works.
  EXPECT_EQ(other.get("/api/v1/auth/me").status, 200);
}

TEST_F(AuthApi, PasswordsAndTokensAreStoredOnlyAsSaltedSlowHashes) {
  auto client = anonymous();
  const std::string token = client.login("tu", "tu-naskah-2026");
  client.post("/api/v1/auth/login", loginBody("kadis", "tebakan-kata-sandi"));
  std::vector<std::string> hashes, tokenHashes;
  server().system().database().read([&](Poco::Data::Session& session) {
    session << "SELECT password_hash FROM users ORDER BY id", Poco::Data::Keywords::into(hashes),
        Poco::Data::Keywords::now;
    session << "SELECT token_hash FROM sessions", Poco::Data::Keywords::into(tokenHashes), Poco::Data::Keywords::now;
  });
  ASSERT_EQ(hashes.size(), demoUsers().size());
  std::set<std::string> salts;
  for (const auto& hash : hashes) {
    EXPECT_EQ(hash.rfind("pbkdf2-sha256$100000$", 0), 0u) << hash;
    salts.insert(hash.substr(0, hash.rfind('$')));
    for (const auto& user : demoUsers()) EXPECT_EQ(hash.find(user.password), std::string::npos);
  }
  EXPECT_EQ(salts.size(), hashes.size()) << "two users share a salt";
  ASSERT_FALSE(tokenHashes.empty());
  for (const auto& stored : tokenHashes) EXPECT_EQ(stored.find(token), std::string::npos);
  // Nor does the audit trail keep a password that was tried.
  auto trail = as("auditor").get("/api/v1/audit/events?limit=1000");
  ASSERT_EQ(trail.status, 200) << trail.body;
  EXPECT_EQ(trail.body.find("tebakan-kata-sandi"), std::string::npos);
  EXPECT_EQ(trail.body.find(token), std::string::npos);
}

TEST_F(AuthApi, AUserTheAdminAddsCanSignInWithTheirRole) {
  auto admin = as("admin");
  const std::string body =
      R"({"username":"tu2","password":"kata-sandi-tu2-2026","role":"registrar","full_name":"Rina Marlina","unit":"UMUM"})";
  auto added = admin.post("/api/v1/users", body);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json()->getValue<std::string>("role"), "registrar");
  EXPECT_EQ(added.body.find("kata-sandi-tu2-2026"), std::string::npos);
  EXPECT_EQ(admin.post("/api/v1/users", body).status, 409);
  auto unknownRole = admin.post("/api/v1/users", R"({"username":"x9","password":"kata-sandi-2026","role":"raja"})");
  EXPECT_EQ(unknownRole.status, 400) << unknownRole.body;

  auto tu2 = anonymous();
  tu2.login("tu2", "kata-sandi-tu2-2026");
  auto registered = tu2.post("/api/v1/incoming-letters", toJsonText(letterBody()));
  EXPECT_EQ(registered.status, 201) << registered.body;
  EXPECT_EQ(registered.json()->getValue<std::string>("registered_by"), "tu2");
}

}  // namespace
}  // namespace naskah::testing
