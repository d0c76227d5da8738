// naskah register: register one incoming item from flags or a JSON file.
#include <fstream>
#include <sstream>

#include "Poco/JSON/Parser.h"
#include "cli/command.h"
#include "cli/commands/commands.h"
#include "domain/common/error.h"
#include "domain/letters/letter_fields.h"
#include "json/letter_json.h"

namespace naskah::cli {
namespace {

// "reporter.name" ↔ --reporter-name. Poco matches option prefixes, so no flag may be the
// start of another: "sender_letter_number" becomes --letter-number beside --sender.
std::string flagOf(std::string_view field) {
  if (field == "sender_letter_number") return "letter-number";
  if (field == "sender_letter_date") return "letter-date";
  std::string flag(field);
  for (char& c : flag)
    if (c == '_' || c == '.') c = '-';
  return flag;
}

domain::FieldValues fromJsonFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(ErrorCode::kNotFound, "cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  Poco::Dynamic::Var parsed;
  try {
    Poco::JSON::Parser parser;
    parsed = parser.parse(text.str());
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kInvalidArgument, path + ": not valid JSON: " + e.message());
  }
  if (parsed.type() != typeid(Poco::JSON::Object::Ptr))
    throw Error(ErrorCode::kInvalidArgument, path + ": must hold one JSON object");
  try {
    return json::registrationFromJson(*parsed.extract<Poco::JSON::Object::Ptr>());
  } catch (const Error& e) {
    throw Error(e.code(), path + ": " + e.what(), e.violations());
  }
}

class RegisterCommand : public Command {
 public:
  std::string name() const override { return "register"; }
  std::string summary() const override { return "register one incoming item in the agenda surat masuk"; }
  std::string usage() const override {
    return "register --data DIR (--json FILE | --channel C --sender S --subject S --summary S --complaint-kind K "
           "[field flags]) [--idempotency-key K] [--office CODE]";
  }
  void defineOptions(Poco::Util::OptionSet& options) const override {
    addDataOption(options);
    options.addOption(Poco::Util::Option("json", "", "read the fields from a JSON object in FILE").argument("FILE"));
    options.addOption(Poco::Util::Option("idempotency-key", "", "a retry with the same key registers nothing new")
                          .argument("K"));
    options.addOption(Poco::Util::Option("office", "", "the office code when the folder has several").argument("CODE"));
    for (auto field : domain::letterFieldNames())
      options.addOption(
          Poco::Util::Option(flagOf(field), "", "the " + std::string(field) + " of the item").argument("VALUE"));
  }
  int run(CommandContext& context) override {
    domain::FieldValues values;
    if (context.has("json")) {
      values = fromJsonFile(context.option("json"));
    } else {
      for (auto field : domain::letterFieldNames())
        if (context.has(flagOf(field))) values.emplace_back(std::string(field), context.option(flagOf(field)));
    }
    auto system = context.runtime.open(context.config());
    auto office = system->directory().officeOrOnly(context.option("office"));
    auto result = system->registration().registerIncoming(system->directory().operatorOf(office), values,
                                                          context.option("idempotency-key"));
    context.out << (result.created ? "registered " : "already registered ") << result.letter.agendaNumber
                << "\ttracking code " << result.letter.trackingCode << "\tid " << result.letter.id << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeRegisterCommand() { return std::make_unique<RegisterCommand>(); }

}  // namespace naskah::cli
