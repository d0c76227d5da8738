// The SQLite store through Poco::Data: one writer connection serialised in-process (and by
// BEGIN IMMEDIATE across processes), a pool of reader connections, and the translation of
// Poco::Data exceptions into naskah::Error at this border.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "Poco/Data/Session.h"
#include "store/sqlite_statement.h"

namespace naskah::store {

struct DatabaseOptions {
  std::string path;                  // the SQLite file
  std::string synchronous = "NORMAL";  // NORMAL survives a process crash; FULL also a power cut
  int busyTimeoutMs = 10000;
};

// The open write transaction as one job sees it. Several jobs may share one transaction
// (group commit); state that spans them, like the audit chain's head, lives here.
struct WriteTransaction {
  Poco::Data::Session& session;
  SqliteStatementCache& statements;  // the hot paths' statements, prepared once
  struct AuditHead {
    std::int64_t sequence = 0;
    std::string hash;
    bool dirty = false;
  };
  std::optional<AuditHead> auditHead;  // loaded on first use, written back before COMMIT
};

class Database {
 public:
  // Opens (creating if needed) and applies the connection settings: WAL, foreign keys,
  // busy timeout. Throws kUnavailable when the file cannot be opened.
  explicit Database(DatabaseOptions options);
  ~Database();

  using WriteJob = std::function<void(WriteTransaction&)>;

  // Runs fn inside a write transaction and returns once that transaction has committed; rolls
  // back fn's changes and rethrows (as naskah::Error) when fn throws. Thread-safe.
  //
  // Group commit: jobs that arrive while a transaction is running are run together in the next
  // one by whichever caller leads it, so one COMMIT (and one WAL write) serves many requests.
  // When one job of a group fails, the group is rolled back and each job rerun alone, so a
  // failing job never takes another's change with it. fn must therefore be safe to rerun
  // (assign its results, don't append) and must not call write() itself.
  void write(const WriteJob& fn);
  // Runs fn on a reader connection (a consistent snapshot per statement). Thread-safe.
  void read(const std::function<void(Poco::Data::Session&)>& fn);

  const std::string& path() const { return options_.path; }

 private:
  struct PendingJob {
    const WriteJob* job;
    std::exception_ptr error;
    bool done = false;
    std::condition_variable wake;  // each waiter is woken alone, never the whole herd
  };
  std::unique_ptr<Poco::Data::Session> open() const;
  // Runs jobs in one transaction; returns false (rolled back) when one of them threw.
  bool runTogether(const std::vector<PendingJob*>& jobs);
  void runAlone(PendingJob& job);
  void runGroup(const std::vector<PendingJob*>& jobs);
  void checkpointLoop();

  DatabaseOptions options_;
  std::mutex queueMutex_;
  std::vector<PendingJob*> queue_;
  bool leaderActive_ = false;
  std::unique_ptr<Poco::Data::Session> writer_;  // used by the leader only
  std::unique_ptr<SqliteStatementCache> writerStatements_;  // finalized before writer_ closes
  // WAL checkpoints run here, on their own connection, instead of inside the COMMIT of
  // whichever request crosses SQLite's auto-checkpoint threshold: that request (and the whole
  // group waiting on it) paid for copying the WAL, which showed as the p99 of registration.
  std::thread checkpointer_;
  std::mutex checkpointMutex_;
  std::condition_variable checkpointWake_;
  bool stopping_ = false;
  std::mutex readersMutex_;
  std::vector<std::unique_ptr<Poco::Data::Session>> idleReaders_;
};

// Rethrows the exception in flight as naskah::Error (call only inside a catch block).
[[noreturn]] void rethrowAsError();

}  // namespace naskah::store
