// Sign-in: checks passwords, issues and resolves session tokens.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/auth/role.h"
#include "domain/office/office.h"
#include "ports/audit.h"
#include "ports/directory.h"
#include "ports/platform.h"

namespace naskah::services {

struct LoginResult {
  std::string token;  // opaque; only its hash is stored
  domain::User user;
  std::string expiresAt;
};

class AuthService {
 public:
  AuthService(ports::UserRepository& users, ports::SessionRepository& sessions, ports::Crypto& crypto,
              ports::RandomSource& random, const ports::Clock& clock, ports::AuditLog& audit,
              std::int64_t sessionSeconds);

  // Throws kUnauthenticated with one message for a wrong name or password (no hint which),
  // kInvalidArgument when either is empty.
  LoginResult login(const std::string& username, const std::string& password);
  // Resolves a token to its actor; throws kUnauthenticated when unknown or expired. Thread-safe;
  // answers from memory after the first lookup.
  domain::Actor authenticate(const std::string& token);
  // Ends the session; a second logout of the same token is harmless.
  void logout(const std::string& token);

 private:
  struct CachedSession {
    domain::Actor actor;
    std::string expiresAt;
  };
  ports::UserRepository& users_;
  ports::SessionRepository& sessions_;
  ports::Crypto& crypto_;
  ports::RandomSource& random_;
  const ports::Clock& clock_;
  ports::AuditLog& audit_;
  std::int64_t sessionSeconds_;
  std::mutex mutex_;
  std::unordered_map<std::string, CachedSession> cache_;
};

}  // namespace naskah::services
