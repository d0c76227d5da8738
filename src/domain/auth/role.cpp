#include "domain/auth/role.h"

#include <array>
#include <utility>

#include "domain/common/error.h"

namespace naskah::domain {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 8> kRoles{{{Role::kReporter, "reporter"},
                                                                   {Role::kRegistrar, "registrar"},
                                                                   {Role::kHead, "head"},
                                                                   {Role::kManager, "manager"},
                                                                   {Role::kSupervisor, "supervisor"},
                                                                   {Role::kOfficer, "officer"},
                                                                   {Role::kAuditor, "auditor"},
                                                                   {Role::kAdmin, "admin"}}};

}  // namespace

std::string_view toString(Role role) {
  for (const auto& [r, name] : kRoles)
    if (r == role) return name;
  return "";
}

std::optional<Role> parseRole(std::string_view name) {
  for (const auto& [r, n] : kRoles)
    if (n == name) return r;
  return std::nullopt;
}

std::string allRoleNames() {
  std::string out;
  for (const auto& entry : kRoles) {
    if (!out.empty()) out += ", ";
    out += entry.second;
  }
  return out;
}

bool roleSeesReporterIdentity(Role role) {
  switch (role) {
    case Role::kRegistrar:
    case Role::kHead:
    case Role::kManager:
    case Role::kSupervisor:
      return true;
    default:
      return false;
  }
}

void requireRole(const Actor& actor, std::initializer_list<Role> allowed, std::string_view action) {
  std::string names;
  for (Role role : allowed) {
    if (role == actor.role) return;
    if (!names.empty()) names += ", ";
    names += toString(role);
  }
  throw Error(ErrorCode::kPermissionDenied, "role " + std::string(toString(actor.role)) + " may not " +
                                                std::string(action) + " (allowed: " + names + ")");
}

}  // namespace naskah::domain
