// naskah audit verify: walk the hash chain; exit 0 when whole, 65 naming the first broken link.
#include "cli/command.h"
#include "cli/commands/commands.h"
#include "domain/common/error.h"

namespace naskah::cli {
namespace {

class AuditCommand : public Command {
 public:
  std::string name() const override { return "audit"; }
  std::string summary() const override { return "verify the audit trail's hash chain"; }
  std::string usage() const override { return "audit verify --data DIR"; }
  void defineOptions(Poco::Util::OptionSet& options) const override { addDataOption(options); }
  int run(CommandContext& context) override {
    if (context.args.empty() || context.args.front() != "verify")
      throw Error(ErrorCode::kInvalidArgument, "say what to do: naskah audit verify", {{"action", "usage"}});
    auto system = context.runtime.open(context.config());
    auto result = system->audit().verifyAsOperator();
    if (result.firstBreak) {
      context.err << "audit chain BROKEN at event " << result.firstBreak->sequence << ": " << result.firstBreak->reason
                  << " (" << result.eventsChecked << " events read)\n";
      return 65;
    }
    context.out << "audit chain valid: " << result.eventsChecked << " events\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeAuditCommand() { return std::make_unique<AuditCommand>(); }

}  // namespace naskah::cli
