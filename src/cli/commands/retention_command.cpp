// naskah retention due: the records whose final disposition (musnah) is due, not held, not yet
// disposed of: the list a berita acara pemusnahan is drawn up from (docs/retention.md).
#include "cli/command.h"
#include "cli/commands/commands.h"
#include "domain/common/error.h"
#include "domain/workflow/local_date_time.h"

namespace naskah::cli {
namespace {

class RetentionCommand : public Command {
 public:
  std::string name() const override { return "retention"; }
  std::string summary() const override { return "list archived records due for disposal under the JRA"; }
  std::string usage() const override { return "retention due --data DIR [--office CODE]"; }
  void defineOptions(Poco::Util::OptionSet& options) const override {
    addDataOption(options);
    options.addOption(Poco::Util::Option("office", "", "the office's code (default: the only one)").argument("CODE"));
  }
  int run(CommandContext& c) override {
    if (c.args.empty() || c.args.front() != "due")
      throw Error(ErrorCode::kInvalidArgument, "say what to do: naskah retention due", {{"action", "usage"}});
    auto system = c.runtime.open(c.config());
    auto actor = system->directory().operatorOf(system->directory().officeOrOnly(c.option("office")));
    auto due = system->retention().due(actor);
    for (const auto& s : due) {
      const auto& r = s.record;
      c.out << "#" << r.id << "  " << r.classificationCode << "  " << r.letterDate << "  due "
            << domain::workflow::toIsoString(s.dates->finalDue) << "  (JRA " << s.rule->ruleCode << ": "
            << s.rule->rule.activeYears << "+" << s.rule->rule.inactiveYears << " years, musnah)\n    "
            << (r.outgoingNumber.empty() ? r.kind : r.outgoingNumber) << "  " << r.subject << "\n";
    }
    c.out << due.size() << " record(s) due for disposal\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeRetentionCommand() { return std::make_unique<RetentionCommand>(); }

}  // namespace naskah::cli
