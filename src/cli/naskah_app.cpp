#include "cli/naskah_app.h"

#include <iostream>

#include "Poco/AutoPtr.h"
#include "Poco/ConsoleChannel.h"
#include "Poco/FormattingChannel.h"
#include "Poco/Logger.h"
#include "Poco/PatternFormatter.h"
#include "Poco/Util/HelpFormatter.h"
#include "Poco/Util/OptionException.h"
#include "domain/common/error.h"

namespace naskah::cli {

NaskahApp::NaskahApp(Runtime& runtime) : runtime_(runtime), commands_(allCommands()) {
  setUnixOptions(true);
}

int NaskahApp::parse(int argc, char** argv) {
  // The command must be known before Poco asks for the options, so look at argv[1] first.
  if (argc > 1) {
    for (auto& c : commands_)
      if (c->name() == argv[1]) command_ = c.get();
    if (!command_ && argv[1][0] != '-') {
      std::cerr << "naskah: unknown command \"" << argv[1] << "\"; see naskah --help\n";
      return 64;
    }
  }
  try {
    init(argc, argv);
  } catch (const Poco::Util::OptionException& e) {
    std::cerr << "naskah: " << e.displayText() << "; see naskah " << (command_ ? command_->name() + " " : "")
              << "--help\n";
    return 64;
  }
  return -1;
}

void NaskahApp::initialize(Poco::Util::Application& self) {
  Poco::AutoPtr<Poco::PatternFormatter> pattern(new Poco::PatternFormatter("%Y-%m-%dT%H:%M:%S %p %s: %t"));
  Poco::AutoPtr<Poco::FormattingChannel> channel(
      new Poco::FormattingChannel(pattern, new Poco::ConsoleChannel(std::cerr)));
  Poco::Logger::root().setChannel(channel);
  Poco::Logger::root().setLevel("information");
  Poco::Util::ServerApplication::initialize(self);
}

void NaskahApp::defineOptions(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("help", "h", "show this help").required(false).repeatable(false));
  if (command_) command_->defineOptions(options);
}

void NaskahApp::handleOption(const std::string& name, const std::string& value) {
  if (name == "help") {
    help_ = true;
    stopOptionsProcessing();
    return;
  }
  options_[name] = value;
}

void NaskahApp::printHelp() const {
  if (command_) {
    Poco::Util::HelpFormatter help(options());
    help.setUnixStyle(true);
    help.setCommand("naskah");
    help.setUsage(command_->usage());
    help.setHeader(command_->summary());
    help.format(std::cout);
    return;
  }
  std::cout << "usage: naskah COMMAND [OPTIONS]\n\nNaskah keeps the paper trail of an office's correspondence.\n\n"
               "commands:\n";
  for (const auto& c : commands_) std::cout << "  " << c->name() << std::string(10 - c->name().size(), ' ')
                                            << c->summary() << "\n";
  std::cout << "\nnaskah COMMAND --help shows the options of one command.\n";
}

int NaskahApp::main(const std::vector<std::string>& args) {
  if (help_ || !command_) {
    printHelp();
    return command_ || help_ ? 0 : 64;
  }
  // args[0] is the command name itself.
  CommandContext context{runtime_, options_, std::vector<std::string>(args.begin() + 1, args.end()), std::cout,
                         std::cerr};
  try {
    return command_->run(context);
  } catch (const Error& e) {
    std::cerr << "naskah " << command_->name() << ": " << e.what() << "\n";
    return exitCode(e);
  } catch (const Poco::Exception& e) {
    std::cerr << "naskah " << command_->name() << ": " << e.displayText() << "\n";
    return 70;
  } catch (const std::exception& e) {
    std::cerr << "naskah " << command_->name() << ": " << e.what() << "\n";
    return 70;
  }
}

}  // namespace naskah::cli
