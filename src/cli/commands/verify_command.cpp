// naskah verify: check the electronic signature of a PDF; exit 0 only when valid, 65 when not.
#include <fstream>
#include <sstream>

#include "cli/command.h"
#include "cli/commands/commands.h"
#include "domain/common/error.h"

namespace naskah::cli {
namespace {

class VerifyCommand : public Command {
 public:
  std::string name() const override { return "verify"; }
  std::string summary() const override { return "verify the electronic signature of a PDF (PAdES)"; }
  std::string usage() const override { return "verify FILE.pdf [--data DIR] [--trust CA.pem]"; }
  void defineOptions(Poco::Util::OptionSet& options) const override {
    addDataOption(options, false);
    options.addOption(Poco::Util::Option("trust", "", "CA certificates (PEM) to trust; default DIR/pki/trusted.pem")
                          .required(false)
                          .argument("CA.pem"));
  }
  int run(CommandContext& context) override {
    if (context.args.size() != 1)
      throw Error(ErrorCode::kInvalidArgument, "give one PDF file to verify", {{"arguments", "usage"}});
    std::string trust = context.option("trust");
    if (trust.empty() && context.has("data")) trust = context.config().pkiDir() + "/trusted.pem";
    if (trust.empty())
      throw Error(ErrorCode::kInvalidArgument, "say whom to trust: --trust CA.pem or --data DIR",
                  {{"trust", "usage"}});
    std::ifstream in(context.args[0], std::ios::binary);
    if (!in) throw Error(ErrorCode::kNotFound, "cannot read " + context.args[0]);
    std::stringstream pdf;
    pdf << in.rdbuf();

    auto check = context.runtime.pdfVerifier(trust)->verify(pdf.str());
    std::ostream& report = check.valid ? context.out : context.err;
    report << (check.valid ? "VALID: " : "INVALID: ") << check.reason << "\n";
    if (!check.signerName.empty()) {
      context.out << "  signer:       " << check.signerName;
      if (!check.signerSerialNumber.empty()) context.out << " (NIP " << check.signerSerialNumber << ")";
      if (!check.signerOrganization.empty()) context.out << ", " << check.signerOrganization;
      context.out << "\n";
    }
    if (!check.signingTime.empty()) context.out << "  signed at:    " << check.signingTime << "\n";
    context.out << "  signatures:   " << check.signatures << "\n"
                << "  whole file:   " << (check.coversWholeFile ? "yes" : "no") << "\n"
                << "  sha256:       " << check.sha256 << "\n";
    if (context.has("data")) {
      // The signature alone decides the exit code; the archive line says whether the office
      // holds these exact bytes (POST /api/v1/verify requires both).
      auto system = context.runtime.open(context.config());
      auto record = system->verification().lookup(check.sha256);
      context.out << "  archived:     ";
      if (!record) {
        context.out << "no (these exact bytes are not in the archive of " << context.config().dataDir << ")\n";
      } else {
        const auto& m = record->metadata;
        context.out << "yes (" << m.kind << " " << (m.outgoingNumber.empty() ? m.agendaNumber : m.outgoingNumber)
                    << ", " << m.letterDate << ", archive id " << record->id << ")\n";
      }
    }
    return check.valid ? 0 : 65;
  }
};

}  // namespace

std::unique_ptr<Command> makeVerifyCommand() { return std::make_unique<VerifyCommand>(); }

}  // namespace naskah::cli
