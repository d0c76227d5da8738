// Offices, units, users and sign-in sessions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/office/office.h"
#include "ports/audit.h"

namespace naskah::ports {

class OfficeRepository {
 public:
  virtual ~OfficeRepository() = default;
  // Throws kAlreadyExists when the code is taken.
  virtual std::int64_t addOffice(const domain::Office& office, const AuditEntry& audit) = 0;
  virtual std::optional<domain::Office> findOffice(std::int64_t id) = 0;
  virtual std::optional<domain::Office> findOfficeByCode(const std::string& code) = 0;
  virtual std::vector<domain::Office> listOffices() = 0;
  // Throws kAlreadyExists when (office, code) is taken, kNotFound for an unknown parent.
  virtual std::int64_t addUnit(const domain::Unit& unit, const AuditEntry& audit) = 0;
  virtual std::optional<domain::Unit> findUnitByCode(std::int64_t officeId, const std::string& code) = 0;
  virtual std::vector<domain::Unit> listUnits(std::int64_t officeId) = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // Throws kAlreadyExists when the username is taken.
  virtual std::int64_t addUser(const domain::User& user, const AuditEntry& audit) = 0;
  virtual std::optional<domain::User> findUserByName(const std::string& username) = 0;
  virtual std::optional<domain::User> findUser(std::int64_t id) = 0;
  virtual std::vector<domain::User> listUsers(std::int64_t officeId) = 0;
};

struct StoredSession {
  std::int64_t userId = 0;
  std::string expiresAt;  // ISO UTC
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual void addSession(const std::string& tokenHash, std::int64_t userId, const std::string& createdAt,
                          const std::string& expiresAt) = 0;
  virtual std::optional<StoredSession> findSession(const std::string& tokenHash) = 0;
  virtual void removeSession(const std::string& tokenHash) = 0;
};

}  // namespace naskah::ports
