// Factories of the subcommands, one file each.
#pragma once

#include <memory>

#include "cli/command.h"

namespace naskah::cli {

std::unique_ptr<Command> makeInitCommand();
std::unique_ptr<Command> makeServeCommand();
std::unique_ptr<Command> makeUserCommand();
std::unique_ptr<Command> makeRegisterCommand();
std::unique_ptr<Command> makeAgendaCommand();
std::unique_ptr<Command> makeAuditCommand();
std::unique_ptr<Command> makeRenderCommand();
std::unique_ptr<Command> makeVerifyCommand();
std::unique_ptr<Command> makeImportCommand();
std::unique_ptr<Command> makePkiCommand();

// The demo PKI's subject from the data folder: its office and its (first active) head user;
// empty names when the folder has none.
PkiSubject pkiSubjectOf(System& system);
std::unique_ptr<Command> makeSearchCommand();
std::unique_ptr<Command> makeFsckCommand();
std::unique_ptr<Command> makeRecapCommand();
std::unique_ptr<Command> makeRetentionCommand();
std::unique_ptr<Command> makeBackupCommand();
std::unique_ptr<Command> makeRestoreCommand();

}  // namespace naskah::cli
