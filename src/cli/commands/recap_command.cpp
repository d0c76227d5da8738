// naskah recap: the month's rekapitulasi (counts, SLA compliance, mean time per step) from the
// machine, as text or as the JSON GET /api/v1/recap answers.
#include "Poco/JSON/Stringifier.h"
#include "cli/command.h"
#include "cli/commands/commands.h"
#include "domain/common/error.h"
#include "json/workflow_json.h"

namespace naskah::cli {
namespace {

class RecapCommand : public Command {
 public:
  std::string name() const override { return "recap"; }
  std::string summary() const override { return "the monthly recap: counts by channel, kind, scale, status, and SLA"; }
  std::string usage() const override { return "recap --data DIR --month YYYY-MM [--json] [--office CODE]"; }
  void defineOptions(Poco::Util::OptionSet& options) const override {
    addDataOption(options);
    options.addOption(Poco::Util::Option("month", "", "the month, like 2026-11").argument("YYYY-MM"));
    options.addOption(Poco::Util::Option("office", "", "the office code when the folder holds several").argument("CODE"));
    options.addOption(Poco::Util::Option("json", "", "print JSON instead of text"));
  }
  int run(CommandContext& c) override {
    std::string month = c.required("month");
    auto system = c.runtime.open(c.config());
    auto actor = system->directory().operatorOf(system->directory().officeOrOnly(c.option("office")));
    auto recap = system->workflow().recap(actor, month);
    if (c.has("json")) {
      Poco::JSON::Stringifier::stringify(json::toJson(recap), c.out);
      c.out << "\n";
    } else {
      c.out << json::recapText(recap);
    }
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeRecapCommand() { return std::make_unique<RecapCommand>(); }

}  // namespace naskah::cli
