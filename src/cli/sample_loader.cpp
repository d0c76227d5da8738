#include "cli/sample_loader.h"

#include "Poco/JSON/Array.h"
#include "cli/sample_json.h"
#include "domain/common/error.h"
#include "json/letter_json.h"

namespace naskah::cli {

SampleSummary loadSamples(System& system, const std::string& dir) {
  SampleSummary summary;
  const std::string officeFile = dir + "/office.json";
  auto root = readSampleJson(officeFile);
  if (root.type() != typeid(Poco::JSON::Object::Ptr))
    throw Error(ErrorCode::kInvalidArgument, officeFile + ": must hold a JSON object");
  auto doc = root.extract<Poco::JSON::Object::Ptr>();
  auto officeJson = doc->getObject("office");
  if (!officeJson) throw Error(ErrorCode::kInvalidArgument, officeFile + ": needs an \"office\" object");
  domain::Office office;
  std::string where = officeFile + " office";
  office.code = sampleString(officeJson, "code", where);
  office.name = sampleString(officeJson, "name", where);
  office.government = sampleString(officeJson, "government", where);
  office.address = sampleString(officeJson, "address", where);
  office.city = sampleString(officeJson, "city", where);
  office.phone = sampleString(officeJson, "phone", where);
  office.email = sampleString(officeJson, "email", where);
  office.website = sampleString(officeJson, "website", where);
  office.letterhead = sampleString(officeJson, "letterhead", where);
  domain::Actor bootstrap{0, 0, "operator", domain::Role::kAdmin};
  office.id = system.directory().addOffice(bootstrap, office);
  summary.officeCode = office.code;
  domain::Actor admin = system.directory().operatorOf(office);

  if (auto units = doc->getArray("units")) {
    for (size_t i = 0; i < units->size(); ++i) {
      auto u = units->getObject(static_cast<unsigned>(i));
      std::string at = officeFile + " units[" + std::to_string(i) + "]";
      domain::Unit unit;
      unit.code = sampleString(u, "code", at);
      unit.name = sampleString(u, "name", at);
      unit.kind = sampleString(u, "kind", at);
      system.directory().addUnit(admin, office.code, unit, sampleString(u, "parent", at));
      ++summary.units;
    }
  }
  domain::Actor registrar{0, office.id, "", domain::Role::kRegistrar};
  if (auto users = doc->getArray("users")) {
    for (size_t i = 0; i < users->size(); ++i) {
      auto u = users->getObject(static_cast<unsigned>(i));
      std::string at = officeFile + " users[" + std::to_string(i) + "]";
      services::NewUser user{office.code,          sampleString(u, "username", at), sampleString(u, "password", at),
                             sampleString(u, "full_name", at), sampleString(u, "role", at),     sampleString(u, "unit", at),
                             sampleString(u, "position", at),  sampleString(u, "nip", at)};
      auto added = system.directory().addUser(admin, user);
      if (added.role == domain::Role::kRegistrar && registrar.username.empty())
        registrar = domain::Actor{added.id, office.id, added.username, added.role};
      summary.logins += user.username + "  " + user.password + "  " + user.role + "  (" + added.fullName + ")\n";
      ++summary.users;
    }
  }
  if (registrar.username.empty()) throw Error(ErrorCode::kInvalidArgument, officeFile + ": needs a registrar user");

  const std::string incomingFile = dir + "/incoming.json";
  auto items = readSampleJson(incomingFile);
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
