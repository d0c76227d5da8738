// The SQLite store through Poco::Data: one writer connection serialised in-process (and by
// BEGIN IMMEDIATE across processes), a pool of reader connections, and the translation of
// Poco::Data exceptions into naskah::Error at this border.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "Poco/Data/Session.h"

namespace naskah::store {

struct DatabaseOptions {
  std::string path;                  // the SQLite file
  std::string synchronous = "NORMAL";  // NORMAL survives a process crash; FULL also a power cut
  int busyTimeoutMs = 10000;
};

class Database {
 public:
  // Opens (creating if needed) and applies the connection settings: WAL, foreign keys,
  // busy timeout. Throws kUnavailable when the file cannot be opened.
  explicit Database(DatabaseOptions options);
  ~Database();

  // Runs fn inside one write transaction; commits when fn returns, rolls back when it throws.
  // Any Poco::Data exception comes out as naskah::Error. Thread-safe.
  void write(const std::function<void(Poco::Data::Session&)>& fn);
  // Runs fn on a reader connection (a consistent snapshot per statement). Thread-safe.
  void read(const std::function<void(Poco::Data::Session&)>& fn);

  const std::string& path() const { return options_.path; }

 private:
  std::unique_ptr<Poco::Data::Session> open() const;
  DatabaseOptions options_;
  std::mutex writeMutex_;
  std::unique_ptr<Poco::Data::Session> writer_;
  std::mutex readersMutex_;
  std::vector<std::unique_ptr<Poco::Data::Session>> idleReaders_;
};

// Rethrows the exception in flight as naskah::Error (call only inside a catch block).
[[noreturn]] void rethrowAsError();

}  // namespace naskah::store
