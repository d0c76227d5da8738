// Administration of offices, their units and users (the admin role, or the operator's CLI).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/auth/role.h"
#include "domain/office/office.h"
#include "ports/directory.h"
#include "ports/platform.h"

namespace naskah::services {

struct NewUser {
  std::string officeCode;  // empty: the actor's office
  std::string username;
  std::string password;
  std::string fullName;
  std::string role;
  std::string unitCode;  // optional
  std::string position;
  std::string nip;
};

class DirectoryService {
 public:
  DirectoryService(ports::OfficeRepository& offices, ports::UserRepository& users, ports::Crypto& crypto);

  // All throw kPermissionDenied unless the actor is an admin; kInvalidArgument naming bad fields;
  // kAlreadyExists for a taken code or username.
  std::int64_t addOffice(const domain::Actor& actor, const domain::Office& office);
  std::int64_t addUnit(const domain::Actor& actor, const std::string& officeCode, const domain::Unit& unit,
                       const std::string& parentCode);
  domain::User addUser(const domain::Actor& actor, const NewUser& user);
  std::vector<domain::User> listUsers(const domain::Actor& actor);
  std::vector<domain::Unit> listUnits(const domain::Actor& actor);
  // The office by code; kNotFound when absent.
  domain::Office office(const std::string& code);
  domain::Office officeOf(const domain::Actor& actor);
  // The office named by code, or the only office when code is empty; kFailedPrecondition
  // when there is none or several and no code was given.
  domain::Office officeOrOnly(const std::string& code);
  // The operator on the machine (CLI): an admin of the office, named "operator" in the trail.
  domain::Actor operatorOf(const domain::Office& office) const;

 private:
  ports::OfficeRepository& offices_;
  ports::UserRepository& users_;
  ports::Crypto& crypto_;
};

}  // namespace naskah::services
