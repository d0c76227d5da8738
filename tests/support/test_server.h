// A real Naskah server for one test or suite: a fresh data folder, the whole system built
// over it (store, services, HTTP), optionally the demo office from samples/, listening on a
// free loopback port.
#pragma once

#include <memory>
#include <string>

#include "app/app_system.h"
#include "cli/runtime.h"
#include "support/temp_dir.h"

namespace naskah::testing {

struct TestServerOptions {
  bool samples = true;  // load samples/ (the demo office, its users and 65 items of 2026)
  int threads = 128;
};

class TestServer {
 public:
  // Builds the system and starts listening; throws naskah::Error when either fails.
  explicit TestServer(TestServerOptions options = {});
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return port_; }
  const std::string& dataDir() const { return dir_.path(); }
  const cli::AppConfig& config() const { return config_; }
  app::AppSystem& system() { return *system_; }
  // Stops answering (waits for running requests); the store stays open. Idempotent.
  void stop();

 private:
  TempDir dir_;
  cli::AppConfig config_;
  std::unique_ptr<app::AppSystem> system_;
  int port_ = 0;
};

}  // namespace naskah::testing
