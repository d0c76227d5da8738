#include "http/handlers/routes.h"

namespace naskah::http {

void addHealthRoutes(Router& router) {
  router.add("GET", "/healthz", BodyKind::kNone, [](ApiRequest&) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("status", "ok");
    return ApiReply::ok(o);
  });
}

}  // namespace naskah::http
