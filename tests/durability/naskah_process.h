// The real naskah binary as a child process: one-shot commands (init, audit verify) and a
// serving process that can be killed with SIGKILL or stopped with SIGTERM.
#pragma once

#include <memory>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "Poco/Pipe.h"
#include "Poco/PipeStream.h"
#include "Poco/Process.h"
#include "Poco/StreamCopier.h"

namespace naskah::testing {

struct CommandResult {
  int exitCode = -1;
  std::string output;  // stdout and stderr together
};

// Runs `naskah args…` to completion.
inline CommandResult runNaskah(const std::vector<std::string>& args) {
  Poco::Pipe out;
  Poco::ProcessHandle handle = Poco::Process::launch(NASKAH_BINARY, args, nullptr, &out, &out);
  Poco::PipeInputStream in(out);
  CommandResult result;
  Poco::StreamCopier::copyToString(in, result.output);
  result.exitCode = handle.wait();
  return result;
}

class ServingNaskah {
 public:
  // Starts `naskah serve --data DIR --port 0` and waits for the line that names the port.
  explicit ServingNaskah(const std::string& dataDir) {
    handle_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(
        NASKAH_BINARY, {"serve", "--data", dataDir, "--port", "0"}, nullptr, &out_, &out_));
    in_ = std::make_unique<Poco::PipeInputStream>(out_);
    static const std::regex kServing("Naskah is serving on http://127\\.0\\.0\\.1:([0-9]+)/");
    std::string line;
    while (std::getline(*in_, line)) {
      startupOutput_ += line + "\n";
      std::smatch match;
      if (std::regex_search(line, match, kServing)) {
        port_ = std::stoi(match[1]);
        break;
      }
    }
    if (port_ == 0) {
      handle_->wait();
      throw std::runtime_error("naskah serve did not start:\n" + startupOutput_);
    }
    // Keep reading so a chatty server never blocks on a full pipe.
    drain_ = std::thread([this] { Poco::StreamCopier::copyToString(*in_, laterOutput_); });
  }
  ~ServingNaskah() {
    if (running_) kill();
    if (drain_.joinable()) drain_.join();
  }
  ServingNaskah(const ServingNaskah&) = delete;
  ServingNaskah& operator=(const ServingNaskah&) = delete;

  int port() const { return port_; }
  Poco::ProcessHandle::PID pid() const { return handle_->id(); }

  // SIGKILL: no chance to flush or finish anything.
  void kill() {
    Poco::Process::kill(*handle_);
    handle_->wait();
    running_ = false;
  }
  // SIGTERM: the graceful stop; returns the exit code and everything it printed.
  int terminate() {
    Poco::Process::requestTermination(handle_->id());
    int code = handle_->wait();
    running_ = false;
    if (drain_.joinable()) drain_.join();
    return code;
  }
  // Valid after kill() or terminate().
  std::string output() {
    if (drain_.joinable()) drain_.join();
    return startupOutput_ + laterOutput_;
  }

 private:
  Poco::Pipe out_;
  std::unique_ptr<Poco::ProcessHandle> handle_;
  std::unique_ptr<Poco::PipeInputStream> in_;
  std::thread drain_;
  std::string startupOutput_;
  std::string laterOutput_;
  int port_ = 0;
  bool running_ = true;
};

}  // namespace naskah::testing
