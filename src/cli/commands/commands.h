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

}  // namespace naskah::cli
