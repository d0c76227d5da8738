// naskah search: the archive's full-text search from the machine, as a list or CSV.
#include <fstream>

#include "cli/command.h"
#include "cli/commands/commands.h"
#include "domain/common/error.h"

namespace naskah::cli {
namespace {

class SearchCommand : public Command {
 public:
  std::string name() const override { return "search"; }
  std::string summary() const override { return "search the archive (full text and filters), as a list or CSV"; }
  std::string usage() const override {
    return "search --data DIR [--q WORDS] [--from DATE] [--to DATE] [--kind K] [--classification CODE] "
           "[--sender S] [--recipient R] [--signer S] [--channel C] [--status S] [--page N] [--per-page N] "
           "[--csv] [--output FILE]";
  }
  void defineOptions(Poco::Util::OptionSet& options) const override {
    addDataOption(options);
    for (const char* name : {"q", "from", "to", "kind", "classification", "sender", "recipient", "signer", "channel",
                             "status", "page", "per-page", "office"})
      options.addOption(Poco::Util::Option(name, "", std::string("filter: ") + name).argument("VALUE"));
    options.addOption(Poco::Util::Option("csv", "", "every ranked hit as CSV instead of one page as a list"));
    options.addOption(Poco::Util::Option("output", "", "write to FILE instead of stdout").argument("FILE"));
  }
  int run(CommandContext& c) override {
    Violations v;
    ports::ArchiveQuery q;
    q.text = c.option("q");
    q.from = c.option("from");
    q.to = c.option("to");
    q.kind = c.option("kind");
    q.classificationCode = c.option("classification");
    q.sender = c.option("sender");
    q.recipient = c.option("recipient");
    q.signer = c.option("signer");
    q.channel = c.option("channel");
    q.status = c.option("status");
    auto number = [&](const char* flag, int fallback) {
      std::string value = c.option(flag);
      if (value.empty()) return fallback;
      if (value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos) {
        v.add(flag, "must be a whole number");
        return fallback;
      }
      return std::stoi(value);
    };
    q.page = number("page", 1);
    q.perPage = number("per-page", 20);
    services::checkArchiveQuery(q, v);
    v.throwIfAny("the search is not valid");

    auto system = c.runtime.open(c.config());
    // The operator reads as an admin: the reporter's identity stays withheld here too.
    auto actor = system->directory().operatorOf(system->directory().officeOrOnly(c.option("office")));
    std::ofstream file;
    std::ostream* out = &c.output(file);
    if (c.has("csv")) {
      *out << services::archiveCsv(system->archiveSearch().searchAll(actor, q, ports::kArchiveRankWindow));
      return 0;
    }
    auto hits = system->archiveSearch().search(actor, q);
    for (const auto& hit : hits.items) {
      const auto& m = hit.record.metadata;
      *out << "#" << hit.record.id << "  " << m.letterDate << "  " << m.kind << "  "
           << (m.outgoingNumber.empty() ? m.agendaNumber : m.outgoingNumber) << "\n    " << m.subject << "\n";
      if (!hit.snippet.empty()) *out << "    " << services::plainSnippet(hit.snippet) << "\n";
    }
    *out << hits.total << (hits.totalIsLowerBound ? "+" : "") << " documents found; page " << q.page << " shows "
         << hits.items.size() << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeSearchCommand() { return std::make_unique<SearchCommand>(); }

}  // namespace naskah::cli
