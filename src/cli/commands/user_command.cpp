// naskah user add|list: manage the office's users from the machine.
#include "cli/command.h"
#include "cli/commands/commands.h"
#include "domain/common/error.h"

namespace naskah::cli {
namespace {

class UserCommand : public Command {
 public:
  std::string name() const override { return "user"; }
  std::string summary() const override { return "add or list users"; }
  std::string usage() const override {
    return "user add --data DIR --username U --password P --role R [--unit CODE] [--full-name N] [--position J] "
           "[--nip NIP] [--office CODE]\n       naskah user list --data DIR [--office CODE]";
  }
  void defineOptions(Poco::Util::OptionSet& options) const override {
    addDataOption(options);
    for (const char* name : {"username", "password", "role", "unit", "full-name", "position", "nip", "office"})
      options.addOption(Poco::Util::Option(name, "", std::string("the user's ") + name).argument("VALUE"));
  }
  int run(CommandContext& context) override {
    std::string action = context.args.empty() ? "" : context.args.front();
    auto system = context.runtime.open(context.config());
    auto office = system->directory().officeOrOnly(context.option("office"));
    auto actor = system->directory().operatorOf(office);
    if (action == "add") {
      services::NewUser user{office.code,
                             context.required("username"),
                             context.required("password"),
                             context.option("full-name"),
                             context.required("role"),
                             context.option("unit"),
                             context.option("position"),
                             context.option("nip")};
      auto added = system->directory().addUser(actor, user);
      context.out << "added user " << added.username << " (" << domain::toString(added.role) << ") id " << added.id
                  << "\n";
      return 0;
    }
    if (action == "list") {
      for (const auto& u : system->directory().listUsers(actor))
        context.out << u.username << "\t" << domain::toString(u.role) << "\t" << u.fullName << "\n";
      return 0;
    }
    throw Error(ErrorCode::kInvalidArgument, "say what to do: naskah user add|list", {{"action", "usage"}});
  }
};

}  // namespace

std::unique_ptr<Command> makeUserCommand() { return std::make_unique<UserCommand>(); }

}  // namespace naskah::cli
