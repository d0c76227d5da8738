// The `naskah` application: picks the subcommand named by the first argument, defines its
// options, runs it, and maps naskah::Error to a message on stderr and a sysexits code.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "Poco/Util/ServerApplication.h"
#include "cli/command.h"

namespace naskah::cli {

class NaskahApp : public Poco::Util::ServerApplication {
 public:
  explicit NaskahApp(Runtime& runtime);

  // Parses argv; on bad options prints the problem and returns the exit code (64), else -1.
  int parse(int argc, char** argv);

 protected:
  void initialize(Poco::Util::Application& self) override;
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const std::vector<std::string>& args) override;

 private:
  void printHelp() const;
  Runtime& runtime_;
  std::vector<std::unique_ptr<Command>> commands_;
  Command* command_ = nullptr;
  std::map<std::string, std::string> options_;
  bool help_ = false;
};

}  // namespace naskah::cli
