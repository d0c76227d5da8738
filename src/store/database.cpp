#include "store/database.h"

#include <chrono>

#include "Poco/Data/SQLite/Connector.h"
#include "Poco/Data/SQLite/SQLiteException.h"
#include "Poco/Data/SQLite/Utility.h"
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
    writerStatements_ = std::make_unique<SqliteStatementCache>(Poco::Data::SQLite::Utility::dbHandle(*writer_));
    *writer_ << "PRAGMA wal_autocheckpoint=0", now;
  } catch (...) {
    rethrowAsError();
  }
  checkpointer_ = std::thread([this] { checkpointLoop(); });
}

Database::~Database() {
  {
    std::lock_guard<std::mutex> lock(checkpointMutex_);
    stopping_ = true;
  }
  checkpointWake_.notify_all();
  if (checkpointer_.joinable()) checkpointer_.join();
}

void Database::checkpointLoop() {
  std::unique_ptr<Poco::Data::Session> session;
  std::unique_lock<std::mutex> lock(checkpointMutex_);
  while (true) {
    bool stop = checkpointWake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return stopping_; });
    lock.unlock();
    try {
      if (!session) session = open();
      // PASSIVE never waits for readers or the writer; what it cannot copy now, it copies later.
      *session << "PRAGMA wal_checkpoint(PASSIVE)", now;
    } catch (const std::exception&) {
      session.reset();  // a busy or vanished file: try again on the next round
    }
    lock.lock();
    if (stop) return;
  }
}

std::unique_ptr<Poco::Data::Session> Database::open() const {
  auto session = std::make_unique<Poco::Data::Session>("SQLite", options_.path);
  *session << "PRAGMA busy_timeout=" + std::to_string(options_.busyTimeoutMs), now;
  *session << "PRAGMA foreign_keys=ON", now;
  *session << "PRAGMA synchronous=" + options_.synchronous, now;
  return session;
}

namespace {

constexpr std::size_t kMaxGroup = 256;

void begin(Poco::Data::Session& session) {
  // IMMEDIATE takes the write lock now, so a counter read inside the transaction cannot
  // be raced by another process (e.g. the CLI while the server runs).
  session << "BEGIN IMMEDIATE", now;
}

void commit(WriteTransaction& tx) {
  if (tx.auditHead && tx.auditHead->dirty) {
    Poco::Int64 sequence = tx.auditHead->sequence;
    tx.session << "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", use(sequence),
        use(tx.auditHead->hash), now;
  }
  tx.session << "COMMIT", now;
}

void rollback(Poco::Data::Session& session) {
  try {
    session << "ROLLBACK", now;
  } catch (...) {
    // The transaction is already gone (SQLite rolls back on some errors itself).
  }
}

}  // namespace

bool Database::runTogether(const std::vector<PendingJob*>& jobs) {
  WriteTransaction tx{*writer_, *writerStatements_, std::nullopt};
  begin(*writer_);
  try {
    for (PendingJob* job : jobs) (*job->job)(tx);
    commit(tx);
  } catch (...) {
    rollback(*writer_);
    if (jobs.size() == 1) throw;
    return false;
  }
  return true;
}

void Database::runAlone(PendingJob& job) {
  try {
    runTogether({&job});
  } catch (...) {
    try {
      rethrowAsError();
    } catch (...) {
      job.error = std::current_exception();
    }
  }
}

void Database::runGroup(const std::vector<PendingJob*>& jobs) {
  bool committed = false;
  if (jobs.size() > 1) {
    try {
      committed = runTogether(jobs);
    } catch (...) {
      committed = false;
    }
  }
  if (!committed)
    for (PendingJob* job : jobs) runAlone(*job);
}

void Database::write(const WriteJob& fn) {
  PendingJob mine{&fn, nullptr, false, {}};
  std::unique_lock lock(queueMutex_);
  queue_.push_back(&mine);
  // Wait while another caller leads; it may run this job in its next group.
  mine.wake.wait(lock, [&] { return mine.done || !leaderActive_; });
  if (!mine.done) {
    leaderActive_ = true;
    while (!queue_.empty()) {
      std::vector<PendingJob*> group;
      std::size_t count = std::min(queue_.size(), kMaxGroup);
      group.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(count));
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(count));
      lock.unlock();
      runGroup(group);
      lock.lock();
      for (PendingJob* job : group) {
        job->done = true;
        if (job != &mine) job->wake.notify_one();
      }
      if (mine.done) break;
    }
    leaderActive_ = false;
    // Hand the lead to the oldest waiting job, if any.
    if (!queue_.empty()) queue_.front()->wake.notify_one();
  }
  lock.unlock();
  if (mine.error) std::rethrow_exception(mine.error);
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
