#include "domain/auth/role.h"

#include <gtest/gtest.h>

#include "domain/common/error.h"

using namespace naskah;
using namespace naskah::domain;

TEST(Role, OnlyHandlingRolesSeeTheReporterIdentity) {
  for (Role r : {Role::kRegistrar, Role::kHead, Role::kManager, Role::kSupervisor})
    EXPECT_TRUE(roleSeesReporterIdentity(r)) << toString(r);
  for (Role r : {Role::kAuditor, Role::kAdmin, Role::kOfficer, Role::kReporter})
    EXPECT_FALSE(roleSeesReporterIdentity(r)) << toString(r);
}

TEST(Role, WrongRoleIsPermissionDeniedNamingTheAllowedRoles) {
  Actor auditor{1, 1, "auditor", Role::kAuditor};
  try {
    requireRole(auditor, {Role::kRegistrar, Role::kAdmin}, "register incoming letters");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kPermissionDenied);
    EXPECT_NE(std::string(e.what()).find("registrar, admin"), std::string::npos);
  }
}

TEST(Role, NamesRoundTrip) {
  for (auto name : {"reporter", "registrar", "head", "manager", "supervisor", "officer", "auditor", "admin"})
    EXPECT_EQ(toString(*parseRole(name)), name);
  EXPECT_FALSE(parseRole("kepala"));
}
