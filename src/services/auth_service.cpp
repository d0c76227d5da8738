#include "services/auth_service.h"

#include "domain/common/error.h"

namespace naskah::services {
namespace {

std::string hex(const std::string& bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

domain::Actor actorOf(const domain::User& user) {
  return domain::Actor{user.id, user.officeId, user.username, user.role};
}

}  // namespace

AuthService::AuthService(ports::UserRepository& users, ports::SessionRepository& sessions, ports::Crypto& crypto,
                         ports::RandomSource& random, const ports::Clock& clock, ports::AuditLog& audit,
                         std::int64_t sessionSeconds)
    : users_(users), sessions_(sessions), crypto_(crypto), random_(random), clock_(clock), audit_(audit),
      sessionSeconds_(sessionSeconds) {}

LoginResult AuthService::login(const std::string& username, const std::string& password) {
  Violations v;
  if (username.empty()) v.add("username", "is required");
  if (password.empty()) v.add("password", "is required");
  v.throwIfAny("cannot sign in");
  auto user = users_.findUserByName(username);
  // Hash even for an unknown user so the answer time does not reveal which names exist.
  bool ok = crypto_.verifyPassword(password, user ? user->passwordHash : std::string());
  if (!user || !ok || !user->isActive) {
    audit_.append({username, "auth.login_failed", "user", username, {}, ""});
    throw Error(ErrorCode::kUnauthenticated, "wrong username or password");
  }
  std::string token = hex(random_.bytes(32));
  std::string expiresAt = clock_.utcAfterSeconds(sessionSeconds_);
  sessions_.addSession(crypto_.sha256Hex(token), user->id, clock_.nowUtc(), expiresAt);
  audit_.append({user->username, "auth.login", "user", std::to_string(user->id), {}, ""});
  return LoginResult{token, *user, expiresAt};
}

domain::Actor AuthService::authenticate(const std::string& token) {
  if (token.empty()) throw Error(ErrorCode::kUnauthenticated, "sign in first (no session token)");
  std::string key = crypto_.sha256Hex(token);
  std::string now = clock_.nowUtc();
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end()) {
      if (it->second.expiresAt > now) return it->second.actor;
      cache_.erase(it);
      throw Error(ErrorCode::kUnauthenticated, "the session has expired; sign in again");
    }
  }
  auto session = sessions_.findSession(key);
  if (!session) throw Error(ErrorCode::kUnauthenticated, "the session token is not valid; sign in again");
  if (session->expiresAt <= now) throw Error(ErrorCode::kUnauthenticated, "the session has expired; sign in again");
  auto user = users_.findUser(session->userId);
  if (!user || !user->isActive) throw Error(ErrorCode::kUnauthenticated, "the account is no longer active");
  domain::Actor actor = actorOf(*user);
  std::lock_guard lock(mutex_);
  cache_[key] = CachedSession{actor, session->expiresAt};
  return actor;
}

void AuthService::logout(const std::string& token) {
  std::string key = crypto_.sha256Hex(token);
  auto session = sessions_.findSession(key);
  sessions_.removeSession(key);
  {
    std::lock_guard lock(mutex_);
    cache_.erase(key);
  }
  if (!session) return;
  auto user = users_.findUser(session->userId);
  audit_.append({user ? user->username : "user:" + std::to_string(session->userId), "auth.logout", "user",
                 std::to_string(session->userId), {}, ""});
}

}  // namespace naskah::services
