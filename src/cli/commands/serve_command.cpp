// naskah serve: the HTTP API on the data folder until SIGTERM or SIGINT, then a graceful stop.
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "Poco/Logger.h"
#include "cli/command.h"
#include "cli/commands/commands.h"

namespace naskah::cli {
namespace {

class ServeCommand : public Command {
 public:
  std::string name() const override { return "serve"; }
  std::string summary() const override { return "serve the HTTP API (and print the URL and demo logins)"; }
  std::string usage() const override { return "serve --data DIR [--host H] [--port N] [--threads N]"; }
  void defineOptions(Poco::Util::OptionSet& options) const override {
    addDataOption(options);
    options.addOption(Poco::Util::Option("host", "", "address to listen on (default 127.0.0.1)").argument("H"));
    options.addOption(Poco::Util::Option("port", "", "port to listen on; 0 picks a free one").argument("N"));
    options.addOption(Poco::Util::Option("threads", "", "connection threads (default 128)").argument("N"));
  }
  int run(CommandContext& context) override {
    // Block the stop signals before any thread starts so every thread inherits the mask and
    // the signal reaches only the sigwait below (otherwise a worker thread could take it and
    // the default action would kill the process mid-request).
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    auto config = context.config();
    auto system = context.runtime.open(config);
    int port = system->startServer();
    context.out << "Naskah is serving on http://" << config.host << ":" << port << "/" << std::endl;
    std::string logins = config.dataDir + "/demo-logins.txt";
    if (std::filesystem::exists(logins)) {
      std::ifstream in(logins);
      std::stringstream text;
      text << in.rdbuf();
      context.out << "Demo logins (username  password  role):\n" << text.str();
    }
    context.out << "Stop with Ctrl-C or SIGTERM." << std::endl;
    int signal = 0;
    sigwait(&stopSignals, &signal);
    Poco::Logger::get("naskah").information("signal " + std::to_string(signal) + ": stopping");
    system->stopServer();
    context.out << "stopped" << std::endl;
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeServeCommand() { return std::make_unique<ServeCommand>(); }

}  // namespace naskah::cli
