#include "http/handlers/routes.h"
#include "json/letter_json.h"

namespace naskah::http {
namespace {

Poco::JSON::Object::Ptr userJson(const domain::User& user) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", user.id);
  o->set("username", user.username);
  o->set("full_name", user.fullName);
  o->set("role", std::string(domain::toString(user.role)));
  o->set("position", user.position);
  return o;
}

}  // namespace

void addAuthRoutes(Router& router) {
  Services& s = router.services();
  router.add("POST", "/api/v1/auth/login", BodyKind::kJson, [&s](ApiRequest& request) {
    auto body = request.jsonObject();
    Violations v;
    std::string username = json::stringMember(*body, "username", v, true);
    std::string password = json::stringMember(*body, "password", v, true);
    v.throwIfAny("cannot sign in");
    auto login = s.auth.login(username, password);
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("token", login.token);
    o->set("expires_at", login.expiresAt);
    o->set("user", userJson(login.user));
    ApiReply reply = ApiReply::ok(o);
    reply.headers.push_back({"Set-Cookie", "naskah_session=" + login.token + "; Path=/; HttpOnly; SameSite=Strict"});
    return reply;
  });
  router.add("POST", "/api/v1/auth/logout", BodyKind::kNone, [&s](ApiRequest& request) {
    request.actor();
    s.auth.logout(request.token());
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("signed_out", true);
    ApiReply reply = ApiReply::ok(o);
    reply.headers.push_back({"Set-Cookie", "naskah_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"});
    return reply;
  });
  router.add("GET", "/api/v1/auth/me", BodyKind::kNone, [](ApiRequest& request) {
    auto actor = request.actor();
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", actor.userId);
    o->set("username", actor.username);
    o->set("role", std::string(domain::toString(actor.role)));
    return ApiReply::ok(o);
  });
}

}  // namespace naskah::http
