#include "cli/commands/commands.h"

namespace naskah::cli {

std::vector<std::unique_ptr<Command>> allCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(makeInitCommand());
  commands.push_back(makeServeCommand());
  commands.push_back(makeUserCommand());
  commands.push_back(makeRegisterCommand());
  commands.push_back(makeAgendaCommand());
  commands.push_back(makeAuditCommand());
  commands.push_back(makeRenderCommand());
  commands.push_back(makeVerifyCommand());
  commands.push_back(makeImportCommand());
  commands.push_back(makePkiCommand());
  commands.push_back(makeSearchCommand());
  commands.push_back(makeFsckCommand());
  commands.push_back(makeRecapCommand());
  commands.push_back(makeRetentionCommand());
  commands.push_back(makeBackupCommand());
  commands.push_back(makeRestoreCommand());
  return commands;
}

}  // namespace naskah::cli
