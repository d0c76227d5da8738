// SQLite prepared statements kept for the life of the writer connection.
//
// Why: Poco::Data prepares every statement again on each execution, and its binding and
// extraction layers allocate per value. On the registration path (four statements per item,
// run serially by the group-commit leader) that was the largest cost we could remove:
// measured 14.9 us per single-row INSERT through Poco::Data against 4.8 us with a statement
// prepared once (docs/performance.md). The SQL stays portable; only its execution here is
// SQLite's C API. Used inside WriteTransaction only, by one thread at a time.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace naskah::store {

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, const std::string& sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Binds by position (1-based). Text is copied, so the argument may be a temporary.
  SqliteStatement& bind(int index, std::int64_t value);
  SqliteStatement& bind(int index, std::string_view text);
  SqliteStatement& bindNull(int index);
  SqliteStatement& bindOptional(int index, const std::string& text);  // NULL when empty

  // Runs to completion; returns the first column of the first row when there is one
  // (RETURNING id, RETURNING last_seq). Resets the statement and clears bindings after.
  // Throws naskah::Error (kAlreadyExists for a UNIQUE violation, kInternal otherwise).
  std::optional<std::int64_t> run();

 private:
  [[noreturn]] void fail(int code, const char* what);

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

class SqliteStatementCache {
 public:
  explicit SqliteStatementCache(sqlite3* db) : db_(db) {}
  // The statement prepared once for this SQL text.
  SqliteStatement& get(const std::string& sql);

 private:
  sqlite3* db_;
  std::map<std::string, std::unique_ptr<SqliteStatement>, std::less<>> statements_;
};

}  // namespace naskah::store
