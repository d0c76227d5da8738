// naskah restore: a backup folder into a new data folder, then every archived file's hash and
// the audit chain checked; exit 0 only when both are whole, 65 naming each fault.
#include "cli/command.h"
#include "cli/commands/commands.h"

namespace naskah::cli {
namespace {

class RestoreCommand : public Command {
 public:
  std::string name() const override { return "restore"; }
  std::string summary() const override {
    return "restore a backup into a new, empty data folder and check every archived file and the audit chain";
  }
  std::string usage() const override { return "restore --from FOLDER --data NEWDIR"; }
  void defineOptions(Poco::Util::OptionSet& options) const override {
    addDataOption(options);
    options.addOption(Poco::Util::Option("from", "", "the backup folder (made by naskah backup)")
                          .required(false)
                          .argument("FOLDER"));
  }
  int run(CommandContext& c) override {
    std::string target = c.required("data");
    auto counts = c.runtime.restoreFiles(c.required("from"), target);
    c.out << "restored " << counts.archiveFiles << " archived file(s), " << counts.attachmentFiles
          << " attachment(s), " << counts.otherFiles << " settings and key file(s) into " << target << "\n";
    auto system = c.runtime.open(c.config());
    auto fsck = system->archive().fsck();
    for (const auto& p : fsck.problems) c.err << p.kind << "  " << p.path << "  " << p.detail << "\n";
    c.out << fsck.recordsChecked << " records, " << fsck.filesChecked << " files checked: "
          << (fsck.clean() ? "archive clean" : std::to_string(fsck.problems.size()) + " problem(s)") << "\n";
    auto audit = system->audit().verifyAsOperator();
    if (audit.firstBreak)
      c.err << "audit chain BROKEN at event " << audit.firstBreak->sequence << ": " << audit.firstBreak->reason << "\n";
    else
      c.out << "audit chain valid: " << audit.eventsChecked << " events\n";
    return fsck.clean() && !audit.firstBreak ? 0 : 65;
  }
};

}  // namespace

std::unique_ptr<Command> makeRestoreCommand() { return std::make_unique<RestoreCommand>(); }

}  // namespace naskah::cli
