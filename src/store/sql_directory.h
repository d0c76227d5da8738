// Offices, units, users and sessions in SQL.
#pragma once

#include "ports/directory.h"
#include "store/database.h"

namespace naskah::store {

class SqlDirectory : public ports::OfficeRepository, public ports::UserRepository, public ports::SessionRepository {
 public:
  explicit SqlDirectory(Database& database) : database_(database) {}

  std::int64_t addOffice(const domain::Office& office, const ports::AuditEntry& audit) override;
  std::optional<domain::Office> findOffice(std::int64_t id) override;
  std::optional<domain::Office> findOfficeByCode(const std::string& code) override;
  std::vector<domain::Office> listOffices() override;
  std::int64_t addUnit(const domain::Unit& unit, const ports::AuditEntry& audit) override;
  std::optional<domain::Unit> findUnitByCode(std::int64_t officeId, const std::string& code) override;
  std::vector<domain::Unit> listUnits(std::int64_t officeId) override;

  std::int64_t addUser(const domain::User& user, const ports::AuditEntry& audit) override;
  std::optional<domain::User> findUserByName(const std::string& username) override;
  std::optional<domain::User> findUser(std::int64_t id) override;
  std::vector<domain::User> listUsers(std::int64_t officeId) override;

  void addSession(const std::string& tokenHash, std::int64_t userId, const std::string& createdAt,
                  const std::string& expiresAt) override;
  std::optional<ports::StoredSession> findSession(const std::string& tokenHash) override;
  void removeSession(const std::string& tokenHash) override;

 private:
  std::vector<domain::Office> selectOffices(const std::string& where, Poco::Data::AbstractBinding::Ptr value);
  std::vector<domain::User> selectUsers(const std::string& where, Poco::Data::AbstractBinding::Ptr value);
  Database& database_;
};

}  // namespace naskah::store
