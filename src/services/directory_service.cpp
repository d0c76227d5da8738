#include "services/directory_service.h"

#include "domain/common/error.h"

namespace naskah::services {
namespace {

bool isCode(const std::string& s, size_t max) {
  if (s.empty() || s.size() > max) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
          c == '.'))
      return false;
  return true;
}

ports::AuditEntry entry(const domain::Actor& actor, const char* action, const char* type, std::string id,
                        std::vector<ports::FieldChange> changes) {
  return ports::AuditEntry{actor.username, action, type, std::move(id), std::move(changes), ""};
}

}  // namespace

DirectoryService::DirectoryService(ports::OfficeRepository& offices, ports::UserRepository& users,
                                   ports::Crypto& crypto)
    : offices_(offices), users_(users), crypto_(crypto) {}

std::int64_t DirectoryService::addOffice(const domain::Actor& actor, const domain::Office& office) {
  domain::requireRole(actor, {domain::Role::kAdmin}, "add offices");
  Violations v;
  if (!isCode(office.code, 40)) v.add("code", "must be 1-40 letters, digits, '-', '_' or '.'");
  if (office.name.empty()) v.add("name", "is required");
  if (office.government.empty()) v.add("government", "is required");
  v.throwIfAny("the office is not valid");
  return offices_.addOffice(office, entry(actor, "office.add", "office", "",
                                          {{"code", "", office.code}, {"name", "", office.name}}));
}

std::int64_t DirectoryService::addUnit(const domain::Actor& actor, const std::string& officeCode,
                                       const domain::Unit& unit, const std::string& parentCode) {
  domain::requireRole(actor, {domain::Role::kAdmin}, "add units");
  domain::Unit u = unit;
  u.officeId = office(officeCode).id;
  Violations v;
  if (!isCode(u.code, 40)) v.add("code", "must be 1-40 letters, digits, '-', '_' or '.'");
  if (u.name.empty()) v.add("name", "is required");
  if (!parentCode.empty()) {
    auto parent = offices_.findUnitByCode(u.officeId, parentCode);
    if (!parent)
      v.add("parent", "unit " + parentCode + " does not exist");
    else
      u.parentId = parent->id;
  }
  v.throwIfAny("the unit is not valid");
  return offices_.addUnit(u, entry(actor, "unit.add", "unit", "", {{"code", "", u.code}, {"name", "", u.name}}));
}

domain::User DirectoryService::addUser(const domain::Actor& actor, const NewUser& input) {
  domain::requireRole(actor, {domain::Role::kAdmin}, "add users");
  domain::User user;
  user.officeId = input.officeCode.empty() ? actor.officeId : office(input.officeCode).id;
  user.username = input.username;
  user.fullName = input.fullName.empty() ? input.username : input.fullName;
  user.position = input.position;
  user.nip = input.nip;
  Violations v;
  if (!isCode(input.username, 32) || input.username.size() < 2)
    v.add("username", "must be 2-32 letters, digits, '-', '_' or '.'");
  if (input.password.size() < 8) v.add("password", "must be at least 8 characters");
  if (input.password.size() > 1024) v.add("password", "is longer than 1024 bytes");
  if (auto role = domain::parseRole(input.role))
    user.role = *role;
  else
    v.add("role", "must be one of: " + domain::allRoleNames());
  if (!input.unitCode.empty()) {
    auto unit = offices_.findUnitByCode(user.officeId, input.unitCode);
    if (!unit)
      v.add("unit", "unit " + input.unitCode + " does not exist");
    else
      user.unitId = unit->id;
  }
  if (user.officeId == 0) v.add("office", "is required");
  v.throwIfAny("the user is not valid");
  user.passwordHash = crypto_.hashPassword(input.password);
  user.id = users_.addUser(user, entry(actor, "user.add", "user", "",
                                       {{"username", "", user.username},
                                        {"role", "", std::string(domain::toString(user.role))}}));
  user.passwordHash.clear();
  return user;
}

std::vector<domain::User> DirectoryService::listUsers(const domain::Actor& actor) {
  domain::requireRole(actor, {domain::Role::kAdmin}, "list users");
  auto users = users_.listUsers(actor.officeId);
  for (auto& u : users) u.passwordHash.clear();
  return users;
}

std::vector<domain::Unit> DirectoryService::listUnits(const domain::Actor& actor) {
  return offices_.listUnits(actor.officeId);
}

domain::Office DirectoryService::office(const std::string& code) {
  auto found = offices_.findOfficeByCode(code);
  if (!found) throw Error(ErrorCode::kNotFound, "office " + code + " does not exist");
  return *found;
}

domain::Office DirectoryService::officeOf(const domain::Actor& actor) {
  auto found = offices_.findOffice(actor.officeId);
  if (!found) throw Error(ErrorCode::kNotFound, "the actor's office does not exist");
  return *found;
}

domain::Office DirectoryService::officeOrOnly(const std::string& code) {
  if (!code.empty()) return office(code);
  auto all = offices_.listOffices();
  if (all.empty()) throw Error(ErrorCode::kFailedPrecondition, "the data folder has no office yet; run naskah init");
  if (all.size() > 1)
    throw Error(ErrorCode::kFailedPrecondition, "the data folder has several offices; name one with --office");
  return all.front();
}

domain::Actor DirectoryService::operatorOf(const domain::Office& office) const {
  return domain::Actor{0, office.id, "operator", domain::Role::kAdmin};
}

}  // namespace naskah::services
