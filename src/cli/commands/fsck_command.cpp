// naskah fsck: the archive folder against its index; exit 0 when they agree, 65 listing each fault.
#include "cli/command.h"
#include "cli/commands/commands.h"

namespace naskah::cli {
namespace {

class FsckCommand : public Command {
 public:
  std::string name() const override { return "fsck"; }
  std::string summary() const override {
    return "check every archived file against the index: hash, size, missing and orphan files";
  }
  std::string usage() const override { return "fsck --data DIR"; }
  void defineOptions(Poco::Util::OptionSet& options) const override { addDataOption(options); }
  int run(CommandContext& c) override {
    auto system = c.runtime.open(c.config());
    auto report = system->archive().fsck();
    for (const auto& p : report.problems) c.out << p.kind << "  " << p.path << "  " << p.detail << "\n";
    c.out << report.recordsChecked << " records, " << report.filesChecked << " files checked: "
          << (report.clean() ? "archive clean" : std::to_string(report.problems.size()) + " problem(s)") << "\n";
    return report.clean() ? 0 : 65;
  }
};

}  // namespace

std::unique_ptr<Command> makeFsckCommand() { return std::make_unique<FsckCommand>(); }

}  // namespace naskah::cli
