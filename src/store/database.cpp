#include "store/database.h"

#include "Poco/Data/SQLite/Connector.h"
#include "Poco/Data/SQLite/SQLiteException.h"
#include "domain/common/error.h"

using namespace Poco::Data::Keywords;

namespace naskah::store {

void rethrowAsError() {
  try {
    throw;
  } catch (const Error&) {
    throw;
  } catch (const Poco::Data::SQLite::ConstraintViolationException& e) {
    throw Error(ErrorCode::kAlreadyExists, "the record conflicts with one already stored: " + e.message());
  } catch (const Poco::Data::SQLite::DBLockedException&) {
    throw Error(ErrorCode::kUnavailable, "the store is busy; try again");
  } catch (const Poco::Data::SQLite::TableLockedException&) {
    throw Error(ErrorCode::kUnavailable, "the store is busy; try again");
  } catch (const Poco::Data::SQLite::DatabaseFullException&) {
    throw Error(ErrorCode::kUnavailable, "the disk is full; nothing was stored");
  } catch (const Poco::Data::SQLite::IOErrorException& e) {
    throw Error(ErrorCode::kUnavailable, "the store cannot read or write its file: " + e.message());
  } catch (const Poco::Data::SQLite::CantOpenDBFileException& e) {
    throw Error(ErrorCode::kUnavailable, "the store file cannot be opened: " + e.message());
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kInternal, "store failure: " + e.displayText());
  } catch (const std::exception& e) {
    throw Error(ErrorCode::kInternal, std::string("store failure: ") + e.what());
  }
}

Database::Database(DatabaseOptions options) : options_(std::move(options)) {
  static std::once_flag registered;
  std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
  if (options_.synchronous != "NORMAL" && options_.synchronous != "FULL")
    throw Error(ErrorCode::kInvalidArgument, "store.synchronous must be NORMAL or FULL");
  try {
    writer_ = open();
    *writer_ << "PRAGMA journal_mode=WAL", now;
  } catch (...) {
    rethrowAsError();
  }
}

Database::~Database() = default;

std::unique_ptr<Poco::Data::Session> Database::open() const {
  auto session = std::make_unique<Poco::Data::Session>("SQLite", options_.path);
  *session << "PRAGMA busy_timeout=" + std::to_string(options_.busyTimeoutMs), now;
  *session << "PRAGMA foreign_keys=ON", now;
  *session << "PRAGMA synchronous=" + options_.synchronous, now;
  return session;
}

void Database::write(const std::function<void(Poco::Data::Session&)>& fn) {
  std::lock_guard lock(writeMutex_);
  Poco::Data::Session& session = *writer_;
  try {
    // IMMEDIATE takes the write lock now, so a counter read inside the transaction cannot
    // be raced by another process (e.g. the CLI while the server runs).
    session << "BEGIN IMMEDIATE", now;
  } catch (...) {
    rethrowAsError();
  }
  try {
    fn(session);
    session << "COMMIT", now;
  } catch (...) {
    try {
      session << "ROLLBACK", now;
    } catch (...) {
      // The transaction is already gone (SQLite rolls back on some errors itself).
    }
    rethrowAsError();
  }
}

void Database::read(const std::function<void(Poco::Data::Session&)>& fn) {
  std::unique_ptr<Poco::Data::Session> session;
  {
    std::lock_guard lock(readersMutex_);
    if (!idleReaders_.empty()) {
      session = std::move(idleReaders_.back());
      idleReaders_.pop_back();
    }
  }
  try {
    if (!session) session = open();
    fn(*session);
  } catch (...) {
    if (session) {
      std::lock_guard lock(readersMutex_);
      idleReaders_.push_back(std::move(session));
    }
    rethrowAsError();
  }
  std::lock_guard lock(readersMutex_);
  idleReaders_.push_back(std::move(session));
}

}  // namespace naskah::store
