#include "cli/sample_loader.h"

#include <fstream>
#include <sstream>

#include "Poco/JSON/Array.h"
#include "Poco/JSON/Parser.h"
#include "domain/common/error.h"
#include "json/letter_json.h"

namespace naskah::cli {
namespace {

Poco::Dynamic::Var readJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(ErrorCode::kNotFound, "cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  try {
    Poco::JSON::Parser parser;
    return parser.parse(text.str());
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kInvalidArgument, path + ": not valid JSON: " + e.message());
  }
}

std::string member(const Poco::JSON::Object::Ptr& o, const std::string& name, const std::string& where) {
  Violations v;
  std::string value = json::stringMember(*o, name, v, false);
  v.throwIfAny(where);
  return value;
}

}  // namespace

SampleSummary loadSamples(System& system, const std::string& dir) {
  SampleSummary summary;
  const std::string officeFile = dir + "/office.json";
  auto root = readJson(officeFile);
  if (root.type() != typeid(Poco::JSON::Object::Ptr))
    throw Error(ErrorCode::kInvalidArgument, officeFile + ": must hold a JSON object");
  auto doc = root.extract<Poco::JSON::Object::Ptr>();
  auto officeJson = doc->getObject("office");
  if (!officeJson) throw Error(ErrorCode::kInvalidArgument, officeFile + ": needs an \"office\" object");
  domain::Office office;
  std::string where = officeFile + " office";
  office.code = member(officeJson, "code", where);
  office.name = member(officeJson, "name", where);
  office.government = member(officeJson, "government", where);
  office.address = member(officeJson, "address", where);
  office.city = member(officeJson, "city", where);
  office.phone = member(officeJson, "phone", where);
  office.email = member(officeJson, "email", where);
  office.website = member(officeJson, "website", where);
  office.letterhead = member(officeJson, "letterhead", where);
  domain::Actor bootstrap{0, 0, "operator", domain::Role::kAdmin};
  office.id = system.directory().addOffice(bootstrap, office);
  summary.officeCode = office.code;
  domain::Actor admin = system.directory().operatorOf(office);

  if (auto units = doc->getArray("units")) {
    for (size_t i = 0; i < units->size(); ++i) {
      auto u = units->getObject(static_cast<unsigned>(i));
      std::string at = officeFile + " units[" + std::to_string(i) + "]";
      domain::Unit unit;
      unit.code = member(u, "code", at);
      unit.name = member(u, "name", at);
      unit.kind = member(u, "kind", at);
      system.directory().addUnit(admin, office.code, unit, member(u, "parent", at));
      ++summary.units;
    }
  }
  domain::Actor registrar{0, office.id, "", domain::Role::kRegistrar};
  if (auto users = doc->getArray("users")) {
    for (size_t i = 0; i < users->size(); ++i) {
      auto u = users->getObject(static_cast<unsigned>(i));
      std::string at = officeFile + " users[" + std::to_string(i) + "]";
      services::NewUser user{office.code,          member(u, "username", at), member(u, "password", at),
                             member(u, "full_name", at), member(u, "role", at),     member(u, "unit", at),
                             member(u, "position", at),  member(u, "nip", at)};
      auto added = system.directory().addUser(admin, user);
      if (added.role == domain::Role::kRegistrar && registrar.username.empty())
        registrar = domain::Actor{added.id, office.id, added.username, added.role};
      summary.logins += user.username + "  " + user.password + "  " + user.role + "  (" + added.fullName + ")\n";
      ++summary.users;
    }
  }
  if (registrar.username.empty()) throw Error(ErrorCode::kInvalidArgument, officeFile + ": needs a registrar user");

  const std::string incomingFile = dir + "/incoming.json";
  auto items = readJson(incomingFile);
  if (items.type() != typeid(Poco::JSON::Array::Ptr))
    throw Error(ErrorCode::kInvalidArgument, incomingFile + ": must hold a JSON array");
  auto array = items.extract<Poco::JSON::Array::Ptr>();
  for (size_t i = 0; i < array->size(); ++i) {
    auto item = array->getObject(static_cast<unsigned>(i));
    if (!item) throw Error(ErrorCode::kInvalidArgument, incomingFile + "[" + std::to_string(i) + "]: not an object");
    try {
      auto values = json::registrationFromJson(*item);
      system.registration().registerIncoming(registrar, values, "sample-" + std::to_string(i));
    } catch (const Error& e) {
      throw Error(e.code(), incomingFile + "[" + std::to_string(i) + "]: " + e.what());
    }
    ++summary.incoming;
  }
  return summary;
}

}  // namespace naskah::cli
