#include "store/sql_directory.h"

#include "Poco/Data/RecordSet.h"
#include "Poco/Data/Statement.h"
#include "domain/common/error.h"
#include "store/sql_audit_log.h"

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace naskah::store {
namespace {

template <typename T>
Poco::Data::AbstractBinding::Ptr nullableId(const std::optional<T>& id) {
  if (id) return bind(Poco::Int64(*id));
  return bind(Poco::Nullable<Poco::Int64>());
}

std::optional<Poco::Int64> optionalId(RecordSet& rs, size_t col, size_t row) {
  if (rs.value(col, row).isEmpty()) return std::nullopt;
  return rs.value(col, row).convert<Poco::Int64>();
}

}  // namespace

std::int64_t SqlDirectory::addOffice(const domain::Office& o, const ports::AuditEntry& audit) {
  Poco::Int64 id = 0;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    session << "INSERT INTO offices(code, name, government, address, city, phone, email, website, letterhead) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        bind(o.code), bind(o.name), bind(o.government), bind(o.address), bind(o.city), bind(o.phone), bind(o.email),
        bind(o.website), bind(o.letterhead), into(id), now;
    ports::AuditEntry entry = audit;
    entry.objectId = std::to_string(id);
    appendAuditEvent(tx, entry);
  });
  return id;
}

std::vector<domain::Office> SqlDirectory::selectOffices(const std::string& where,
                                                       Poco::Data::AbstractBinding::Ptr value) {
  std::vector<domain::Office> found;
  database_.read([&](Session& session) {
    Statement select(session);
    select << "SELECT id, code, name, government, address, city, phone, email, website, letterhead FROM offices "
              "WHERE " + where + " ORDER BY id";
    select.addBind(value);
    select.execute();
    RecordSet rs(select);
    for (size_t row = 0; row < rs.rowCount(); ++row) {
      auto text = [&](size_t col) { return rs.value(col, row).convert<std::string>(); };
      found.push_back(domain::Office{rs.value(0, row).convert<Poco::Int64>(), text(1), text(2), text(3), text(4),
                                     text(5), text(6), text(7), text(8), text(9)});
    }
  });
  return found;
}

namespace {

std::optional<domain::Office> first(std::vector<domain::Office> offices) {
  if (offices.empty()) return std::nullopt;
  return offices.front();
}

}  // namespace

std::optional<domain::Office> SqlDirectory::findOffice(std::int64_t id) {
  return first(selectOffices("id = ?", bind(Poco::Int64(id))));
}

std::optional<domain::Office> SqlDirectory::findOfficeByCode(const std::string& code) {
  return first(selectOffices("code = ?", bind(code)));
}

std::vector<domain::Office> SqlDirectory::listOffices() { return selectOffices("1 = ?", bind(1)); }

std::int64_t SqlDirectory::addUnit(const domain::Unit& u, const ports::AuditEntry& audit) {
  Poco::Int64 id = 0;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    Statement insert(session);
    insert << "INSERT INTO units(office_id, parent_id, code, name, kind) VALUES (?, ?, ?, ?, ?) RETURNING id";
    insert.addBind(bind(Poco::Int64(u.officeId)));
    insert.addBind(nullableId(u.parentId));
    insert.addBind(bind(u.code));
    insert.addBind(bind(u.name));
    insert.addBind(bind(u.kind));
    insert, into(id);
    insert.execute();
    ports::AuditEntry entry = audit;
    entry.objectId = std::to_string(id);
    appendAuditEvent(tx, entry);
  });
  return id;
}

std::vector<domain::Unit> SqlDirectory::listUnits(std::int64_t officeId) {
  std::vector<domain::Unit> units;
  database_.read([&](Session& session) {
    Statement select(session);
    select << "SELECT id, office_id, parent_id, code, name, kind FROM units WHERE office_id = ? ORDER BY id",
        bind(Poco::Int64(officeId));
    select.execute();
    RecordSet rs(select);
    for (size_t row = 0; row < rs.rowCount(); ++row) {
      domain::Unit u;
      u.id = rs.value(0, row).convert<Poco::Int64>();
      u.officeId = rs.value(1, row).convert<Poco::Int64>();
      u.parentId = optionalId(rs, 2, row);
      u.code = rs.value(3, row).convert<std::string>();
      u.name = rs.value(4, row).convert<std::string>();
      u.kind = rs.value(5, row).convert<std::string>();
      units.push_back(u);
    }
  });
  return units;
}

std::optional<domain::Unit> SqlDirectory::findUnitByCode(std::int64_t officeId, const std::string& code) {
  for (auto& u : listUnits(officeId))
    if (u.code == code) return u;
  return std::nullopt;
}

std::int64_t SqlDirectory::addUser(const domain::User& u, const ports::AuditEntry& audit) {
  Poco::Int64 id = 0;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    std::vector<std::string> taken;
    session << "SELECT username FROM users WHERE username = ?", bind(u.username), into(taken), now;
    if (!taken.empty()) throw Error(ErrorCode::kAlreadyExists, "username " + u.username + " is taken");
    Statement insert(session);
    insert << "INSERT INTO users(office_id, unit_id, username, full_name, role, position, nip, password_hash, active) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    insert.addBind(bind(Poco::Int64(u.officeId)));
    insert.addBind(nullableId(u.unitId));
    insert.addBind(bind(u.username));
    insert.addBind(bind(u.fullName));
    insert.addBind(bind(std::string(domain::toString(u.role))));
    insert.addBind(bind(u.position));
    insert.addBind(bind(u.nip));
    insert.addBind(bind(u.passwordHash));
    insert.addBind(bind(u.isActive ? 1 : 0));
    insert, into(id);
    insert.execute();
    ports::AuditEntry entry = audit;
    entry.objectId = std::to_string(id);
    appendAuditEvent(tx, entry);
  });
  return id;
}

std::vector<domain::User> SqlDirectory::selectUsers(const std::string& where, Poco::Data::AbstractBinding::Ptr value) {
  std::vector<domain::User> users;
  database_.read([&](Session& session) {
    Statement select(session);
    select << "SELECT id, office_id, unit_id, username, full_name, role, position, nip, password_hash, active "
              "FROM users WHERE " + where + " ORDER BY id";
    select.addBind(value);
    select.execute();
    RecordSet rs(select);
    for (size_t row = 0; row < rs.rowCount(); ++row) {
      domain::User u;
      u.id = rs.value(0, row).convert<Poco::Int64>();
      u.officeId = rs.value(1, row).convert<Poco::Int64>();
      u.unitId = optionalId(rs, 2, row);
      u.username = rs.value(3, row).convert<std::string>();
      u.fullName = rs.value(4, row).convert<std::string>();
      u.role = domain::parseRole(rs.value(5, row).convert<std::string>()).value_or(domain::Role::kReporter);
      u.position = rs.value(6, row).convert<std::string>();
      u.nip = rs.value(7, row).convert<std::string>();
      u.passwordHash = rs.value(8, row).convert<std::string>();
      u.isActive = rs.value(9, row).convert<int>() != 0;
      users.push_back(u);
    }
  });
  return users;
}

std::optional<domain::User> SqlDirectory::findUserByName(const std::string& username) {
  auto users = selectUsers("username = ?", bind(username));
  if (users.empty()) return std::nullopt;
  return users.front();
}

std::optional<domain::User> SqlDirectory::findUser(std::int64_t id) {
  auto users = selectUsers("id = ?", bind(Poco::Int64(id)));
  if (users.empty()) return std::nullopt;
  return users.front();
}

std::vector<domain::User> SqlDirectory::listUsers(std::int64_t officeId) {
  return selectUsers("office_id = ?", bind(Poco::Int64(officeId)));
}

void SqlDirectory::addSession(const std::string& tokenHash, std::int64_t userId, const std::string& createdAt,
                              const std::string& expiresAt) {
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    session << "INSERT INTO sessions(token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        bind(tokenHash), bind(Poco::Int64(userId)), bind(createdAt), bind(expiresAt), now;
    // Expired sessions are swept as new ones arrive, so the table stays small without a timer.
    session << "DELETE FROM sessions WHERE expires_at < ?", bind(createdAt), now;
  });
}

std::optional<ports::StoredSession> SqlDirectory::findSession(const std::string& tokenHash) {
  std::optional<ports::StoredSession> found;
  database_.read([&](Session& session) {
    std::vector<Poco::Int64> users;
    std::vector<std::string> expires;
    session << "SELECT user_id, expires_at FROM sessions WHERE token_hash = ?", bind(tokenHash), into(users),
        into(expires), now;
    if (!users.empty()) found = ports::StoredSession{users.front(), expires.front()};
  });
  return found;
}

void SqlDirectory::removeSession(const std::string& tokenHash) {
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    session << "DELETE FROM sessions WHERE token_hash = ?", bind(tokenHash), now;
  });
}

}  // namespace naskah::store
