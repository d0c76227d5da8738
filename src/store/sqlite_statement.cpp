#include "store/sqlite_statement.h"

#include <sqlite3.h>

#include "domain/common/error.h"

namespace naskah::store {

SqliteStatement::SqliteStatement(sqlite3* db, const std::string& sql) : db_(db), sql_(sql) {
  int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                              nullptr);
  if (rc != SQLITE_OK) fail(rc, "prepare");
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

void SqliteStatement::fail(int code, const char* what) {
  std::string message = std::string("SQLite ") + what + " failed: " + sqlite3_errmsg(db_) + " in: " + sql_;
  if (stmt_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  if ((code & 0xff) == SQLITE_CONSTRAINT) throw Error(ErrorCode::kAlreadyExists, message);
  if ((code & 0xff) == SQLITE_BUSY) throw Error(ErrorCode::kUnavailable, message);
  throw Error(ErrorCode::kInternal, message);
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
  if (int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) fail(rc, "bind");
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
  if (int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      rc != SQLITE_OK)
    fail(rc, "bind");
  return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index) {
  if (int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) fail(rc, "bind");
  return *this;
}

SqliteStatement& SqliteStatement::bindOptional(int index, const std::string& text) {
  return text.empty() ? bindNull(index) : bind(index, std::string_view(text));
}

std::optional<std::int64_t> SqliteStatement::run() {
  std::optional<std::int64_t> first;
  int rc;
  while ((rc = sqlite3_step(stmt_)) == SQLITE_ROW)
    if (!first) first = sqlite3_column_int64(stmt_, 0);
  if (rc != SQLITE_DONE) fail(rc, "step");
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  return first;
}

SqliteStatement& SqliteStatementCache::get(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) it = statements_.emplace(sql, std::make_unique<SqliteStatement>(db_, sql)).first;
  return *it->second;
}

}  // namespace naskah::store
