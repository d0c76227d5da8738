// naskah import: archive a signed PDF received from outside, byte for byte, once its signature
// verifies against the office's trust anchors (DATA/pki/trusted.pem).
#include <fstream>
#include <sstream>

#include "cli/command.h"
#include "cli/commands/commands.h"
#include "domain/common/error.h"

namespace naskah::cli {
namespace {

class ImportCommand : public Command {
 public:
  std::string name() const override { return "import"; }
  std::string summary() const override { return "archive a signed PDF received from outside, once it verifies"; }
  std::string usage() const override {
    return "import FILE.pdf --data DIR --number N --date YYYY-MM-DD --sender S --subject S --classification CODE "
           "[--kind surat_dinas] [--incoming-letter ID] [--text WORDS] [--office CODE]";
  }
  void defineOptions(Poco::Util::OptionSet& options) const override {
    addDataOption(options);
    auto text = [&](const char* name, const char* help, const char* arg) {
      options.addOption(Poco::Util::Option(name, "", help).required(false).argument(arg));
    };
    text("number", "the letter's number as the sender gave it", "N");
    text("date", "the letter's date", "YYYY-MM-DD");
    text("sender", "who sent it", "S");
    text("subject", "its perihal", "S");
    text("classification", "its classification code, e.g. 400.9", "CODE");
    text("kind", "the archive kind (default surat_dinas)", "K");
    text("incoming-letter", "the agenda entry (id) it arrived as", "ID");
    text("text", "more words to find it by", "WORDS");
    text("office", "the office, when the data folder holds several", "CODE");
  }
  int run(CommandContext& c) override {
    if (c.args.size() != 1)
      throw Error(ErrorCode::kInvalidArgument, "give one signed PDF to import", {{"arguments", "usage"}});
    services::SignedImport request;
    request.kind = c.option("kind", request.kind);
    request.number = c.option("number");
    request.date = c.option("date");
    request.sender = c.option("sender");
    request.subject = c.option("subject");
    request.classificationCode = c.option("classification");
    request.text = c.option("text");
    std::string incoming = c.option("incoming-letter");
    if (!incoming.empty()) {
      if (incoming.size() > 18 || incoming.find_first_not_of("0123456789") != std::string::npos)
        throw Error(ErrorCode::kInvalidArgument, "--incoming-letter must be an id", {{"incoming-letter", "usage"}});
      request.incomingLetterId = std::stoll(incoming);
    }
    std::ifstream in(c.args[0], std::ios::binary);
    if (!in) throw Error(ErrorCode::kNotFound, "cannot read " + c.args[0]);
    std::stringstream pdf;
    pdf << in.rdbuf();

    auto system = c.runtime.open(c.config());
    // The operator acts as the office's admin, one of the roles that may import.
    auto actor = system->directory().operatorOf(system->directory().officeOrOnly(c.option("office")));
    auto imported = system->archiveImport().importSigned(actor, request, pdf.str());
    const auto& r = imported.record;
    c.out << (imported.created ? "archived" : "already archived") << " as record " << r.id << " ("
          << r.metadata.kind << " " << r.metadata.outgoingNumber << ", " << r.metadata.letterDate << ")\n"
          << "  signature:  " << imported.signature.reason << "\n"
          << "  sha256:     " << r.sha256 << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeImportCommand() { return std::make_unique<ImportCommand>(); }

}  // namespace naskah::cli
