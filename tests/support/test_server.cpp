#include "support/test_server.h"

#include "cli/sample_loader.h"

namespace naskah::testing {

TestServer::TestServer(TestServerOptions options) {
  config_.dataDir = dir_.path();
  config_.port = 0;
  config_.threads = options.threads;
  // The floor the foundation issue sets; the tests log in often enough that more would only cost time.
  config_.passwordIterations = 100000;
  system_ = std::make_unique<app::AppSystem>(config_);
  if (options.samples) cli::loadSamples(*system_, NASKAH_SOURCE_DIR "/samples");
  port_ = system_->startServer();
}

TestServer::~TestServer() { system_.reset(); }

void TestServer::stop() { system_->stopServer(); }

}  // namespace naskah::testing
