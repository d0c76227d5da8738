// naskah backup: a consistent copy of the data folder, safe while the server runs.
#include "cli/command.h"
#include "cli/commands/commands.h"

namespace naskah::cli {
namespace {

class BackupCommand : public Command {
 public:
  std::string name() const override { return "backup"; }
  std::string summary() const override {
    return "back up the data folder (store by SQLite online backup, archive, attachments, settings, pki) while it runs";
  }
  std::string usage() const override { return "backup --data DIR --out FOLDER"; }
  void defineOptions(Poco::Util::OptionSet& options) const override {
    addDataOption(options);
    options.addOption(Poco::Util::Option("out", "", "the backup folder to create (absent or empty)")
                          .required(false)
                          .argument("FOLDER"));
  }
  int run(CommandContext& c) override {
    std::string out = c.required("out");
    auto system = c.runtime.open(c.config());
    auto counts = system->backup(out);
    c.out << "backed up " << c.config().dataDir << " to " << out << ": the store, " << counts.archiveFiles
          << " archived file(s), " << counts.attachmentFiles << " attachment(s), " << counts.otherFiles
          << " settings and key file(s)\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeBackupCommand() { return std::make_unique<BackupCommand>(); }

}  // namespace naskah::cli
