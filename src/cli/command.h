// One subcommand of the `naskah` binary: its options, its help and its run.
#pragma once

#include <iosfwd>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "Poco/Util/OptionSet.h"
#include "cli/runtime.h"

namespace naskah::cli {

struct CommandContext {
  Runtime& runtime;
  std::map<std::string, std::string> options;  // long name → value ("" for flags)
  std::vector<std::string> args;               // positional arguments after the command name
  std::ostream& out;
  std::ostream& err;

  bool has(const std::string& name) const { return options.count(name) > 0; }
  std::string option(const std::string& name, const std::string& fallback = "") const;
  // kInvalidArgument (exit 64) naming the missing option.
  std::string required(const std::string& name) const;
  // The configuration of --data DIR: DIR/naskah.properties, then flags (--host, --port, --threads).
  AppConfig config() const;
  // Where a command writes its result: the file named by --output (opened in `file`, truncated),
  // else standard output. kUnavailable when the file cannot be written.
  std::ostream& output(std::ofstream& file) const;
};

class Command {
 public:
  virtual ~Command() = default;
  virtual std::string name() const = 0;
  virtual std::string summary() const = 0;
  // Usage line after "naskah ", e.g. "user add --data DIR --username U ...".
  virtual std::string usage() const = 0;
  virtual void defineOptions(Poco::Util::OptionSet& options) const = 0;
  // Returns the process exit code; throws naskah::Error for failures.
  virtual int run(CommandContext& context) = 0;
};

// Every subcommand, in the order `naskah --help` lists them.
std::vector<std::unique_ptr<Command>> allCommands();

// Adds the --data option every command that opens a data folder takes.
void addDataOption(Poco::Util::OptionSet& options, bool required = true);

// Exit code of an error (sysexits: 65 data, 66 no input, 70 software, 75 temporary, 77 permission).
int exitCode(const class Error& error);

}  // namespace naskah::cli
