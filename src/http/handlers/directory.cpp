#include "Poco/JSON/Array.h"
#include "http/handlers/routes.h"
#include "json/letter_json.h"

namespace naskah::http {
namespace {

Poco::JSON::Object::Ptr userJson(const domain::User& u) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", u.id);
  o->set("username", u.username);
  o->set("full_name", u.fullName);
  o->set("role", std::string(domain::toString(u.role)));
  o->set("position", u.position);
  o->set("nip", u.nip);
  o->set("unit_id", u.unitId ? Poco::Dynamic::Var(*u.unitId) : Poco::Dynamic::Var());
  o->set("active", u.isActive);
  return o;
}

}  // namespace

void addDirectoryRoutes(Router& router) {
  Services& s = router.services();
  router.add("GET", "/api/v1/users", BodyKind::kNone, [&s](ApiRequest& request) {
    Poco::JSON::Array items;
    for (const auto& u : s.directory.listUsers(request.actor())) items.add(userJson(u));
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("items", items);
    return ApiReply::ok(o);
  });
  router.add("POST", "/api/v1/users", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto body = request.jsonObject();
    Violations v;
    services::NewUser user;
    user.username = json::stringMember(*body, "username", v, true);
    user.password = json::stringMember(*body, "password", v, true);
    user.role = json::stringMember(*body, "role", v, true);
    user.fullName = json::stringMember(*body, "full_name", v, false);
    user.unitCode = json::stringMember(*body, "unit", v, false);
    user.position = json::stringMember(*body, "position", v, false);
    user.nip = json::stringMember(*body, "nip", v, false);
    v.throwIfAny("the user is not valid");
    return ApiReply::ok(userJson(s.directory.addUser(actor, user)), 201);
  });
  router.add("GET", "/api/v1/units", BodyKind::kNone, [&s](ApiRequest& request) {
    Poco::JSON::Array items;
    for (const auto& u : s.directory.listUnits(request.actor())) {
      Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      o->set("id", u.id);
      o->set("code", u.code);
      o->set("name", u.name);
      o->set("kind", u.kind);
      o->set("parent_id", u.parentId ? Poco::Dynamic::Var(*u.parentId) : Poco::Dynamic::Var());
      items.add(o);
    }
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("items", items);
    return ApiReply::ok(o);
  });
}

}  // namespace naskah::http
