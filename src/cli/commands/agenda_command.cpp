// naskah agenda list|export: read the register, as a table or as CSV.
#include <fstream>
#include <iomanip>

#include "cli/command.h"
#include "cli/commands/commands.h"
#include "domain/common/error.h"
#include "services/agenda_csv.h"

namespace naskah::cli {
namespace {

template <typename E>
std::optional<E> parsed(const CommandContext& c, const char* flag, std::optional<E> (*parse)(std::string_view),
                        const std::string& allowed) {
  if (!c.has(flag)) return std::nullopt;
  auto value = parse(c.option(flag));
  if (!value)
    throw Error(ErrorCode::kInvalidArgument, std::string("--") + flag + " must be one of: " + allowed, {{flag, "usage"}});
  return value;
}

class AgendaCommand : public Command {
 public:
  std::string name() const override { return "agenda"; }
  std::string summary() const override { return "list the agenda surat masuk or export it as CSV"; }
  std::string usage() const override {
    return "agenda list|export --data DIR [--year Y] [--channel C] [--kind K] [--scale S] [--urgency U] "
           "[--status active|void] [--from DATE] [--to DATE] [--q TEXT] [--output FILE]";
  }
  void defineOptions(Poco::Util::OptionSet& options) const override {
    addDataOption(options);
    for (const char* name : {"year", "channel", "kind", "scale", "urgency", "status", "from", "to", "q", "office"})
      options.addOption(Poco::Util::Option(name, "", std::string("filter: ") + name).argument("VALUE"));
    options.addOption(Poco::Util::Option("output", "", "write CSV to FILE instead of stdout").argument("FILE"));
  }
  int run(CommandContext& c) override {
    std::string action = c.args.empty() ? "" : c.args.front();
    if (action != "list" && action != "export")
      throw Error(ErrorCode::kInvalidArgument, "say what to do: naskah agenda list|export", {{"action", "usage"}});
    ports::LetterFilter filter;
    if (c.has("year")) filter.year = std::atoi(c.option("year").c_str());
    filter.channel = parsed(c, "channel", domain::parseChannel, domain::allChannelNames());
    filter.complaintKind = parsed(c, "kind", domain::parseComplaintKind, domain::allComplaintKindNames());
    filter.scale = parsed(c, "scale", domain::parseScale, domain::allScaleNames());
    filter.urgency = parsed(c, "urgency", domain::parseUrgency, domain::allUrgencyNames());
    if (c.has("status")) filter.isVoid = c.option("status") == "void";
    filter.receivedFrom = c.option("from");
    filter.receivedTo = c.option("to");
    filter.text = c.option("q");
    filter.oldestFirst = true;
    filter.perPage = 500;
    auto system = c.runtime.open(c.config());
    auto actor = system->directory().operatorOf(system->directory().officeOrOnly(c.option("office")));

    std::ofstream file;
    std::ostream* out = &c.output(file);
    if (action == "export") *out << services::agendaCsvHeader();
    std::int64_t count = 0;
    for (filter.page = 1;; ++filter.page) {
      auto page = system->registration().list(actor, filter);
      if (action == "export") {
        *out << services::agendaCsvRows(page.items);
      } else {
        for (const auto& l : page.items)
          *out << std::left << std::setw(28) << l.agendaNumber << std::setw(21) << l.fields.receivedAt
               << std::setw(17) << domain::toString(l.fields.channel) << (l.isVoid ? "[BATAL] " : "")
               << l.fields.subject << "\n";
      }
      count += static_cast<std::int64_t>(page.items.size());
      if (page.items.size() < static_cast<size_t>(filter.perPage)) break;
    }
    if (action == "list") *out << count << " entries\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeAgendaCommand() { return std::make_unique<AgendaCommand>(); }

}  // namespace naskah::cli
