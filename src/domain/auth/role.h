// Naskah's roles (DESIGN.md, "People and what they do") and what each may see.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace naskah::domain {

enum class Role { kReporter, kRegistrar, kHead, kManager, kSupervisor, kOfficer, kAuditor, kAdmin };

std::string_view toString(Role role);
std::optional<Role> parseRole(std::string_view name);
std::string allRoleNames();

// The reporter's identity is confidential: only the roles that handle the complaint see it.
// Officers see it only on the items assigned to them (decided by the caller).
bool roleSeesReporterIdentity(Role role);

// A signed-in person as the services see them.
struct Actor {
  std::int64_t userId = 0;
  std::int64_t officeId = 0;
  std::string username;
  Role role = Role::kReporter;
};

// Throws Error(kPermissionDenied) naming the action unless the actor has one of the roles.
void requireRole(const Actor& actor, std::initializer_list<Role> allowed, std::string_view action);

}  // namespace naskah::domain
