// naskah pki init|import|trust: the office's signing keys (demo CA, or a PKCS#12 issued elsewhere)
// and the CAs whose signatures it accepts.
#include <cctype>

#include "cli/command.h"
#include "cli/commands/commands.h"
#include "domain/common/error.h"

namespace naskah::cli {
namespace {

// "PEMERINTAH PROVINSI JAMBI" → "Provinsi Jambi", for the office's name in certificates.
std::string regionOf(const std::string& government) {
  std::string rest = government.rfind("PEMERINTAH ", 0) == 0 ? government.substr(11) : government;
  bool wordStart = true;
  for (char& c : rest) {
    c = wordStart ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                  : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    wordStart = c == ' ';
  }
  return rest;
}

class PkiCommand : public Command {
 public:
  std::string name() const override { return "pki"; }
  std::string summary() const override {
    return "create the demo signing keys, import a PKCS#12, or trust another agency's CA";
  }
  std::string usage() const override {
    return "pki init|import|trust --data DIR [--office NAME --signer NAME --title T --nip NIP] "
           "[--p12 FILE --passphrase P] [--ca CA.pem]";
  }
  void defineOptions(Poco::Util::OptionSet& options) const override {
    addDataOption(options);
    auto text = [&](const char* name, const char* help, const char* arg) {
      options.addOption(Poco::Util::Option(name, "", help).required(false).argument(arg));
    };
    text("office", "init: the office named in the certificates (default: the data folder's office)", "NAME");
    text("signer", "init: the head's name (default: the data folder's head user)", "NAME");
    text("title", "init: the head's jabatan", "T");
    text("nip", "init: the head's NIP", "NIP");
    text("p12", "import: the PKCS#12 file (.p12 / .pfx)", "FILE");
    text("passphrase", "import: the PKCS#12 passphrase", "P");
    text("ca", "import: CA certificates (PEM) to trust besides those in the PKCS#12; trust: the CA certificates to add",
         "CA.pem");
  }
  int run(CommandContext& context) override {
    std::string action = context.args.empty() ? "" : context.args.front();
    AppConfig config = context.config();
    if (action == "init") {
      PkiSubject subject;
      if (!context.has("office") || !context.has("signer")) subject = pkiSubjectOf(*context.runtime.open(config));
      subject.office = context.option("office", subject.office);
      subject.signer = context.option("signer", subject.signer);
      subject.title = context.option("title", subject.title);
      subject.nip = context.option("nip", subject.nip);
      if (subject.office.empty() || subject.signer.empty())
        throw Error(ErrorCode::kInvalidArgument,
                    "the data folder has no office with a head yet: give --office NAME and --signer NAME");
      if (!context.runtime.createDemoPki(config, subject)) {
        context.out << config.pkiDir() << " has a signer already; nothing changed\n";
        return 0;
      }
      context.out << "created the demo office CA and the signer " << subject.signer << " in " << config.pkiDir()
                  << "\n";
      return 0;
    }
    if (action == "import") {
      std::string passphrase = context.required("passphrase");
      context.out << context.runtime.importPkcs12(config, context.required("p12"), passphrase, context.option("ca"))
                  << "\n";
      if (passphrase != config.pkiPassphrase)
        context.out << "note: set pki.passphrase in " << config.dataDir
                    << "/naskah.properties to this PKCS#12's passphrase so that letters can be signed\n";
      return 0;
    }
    if (action == "trust") {
      // Trust is the office's setting, not a flag of each import: a document is archived as
      // verified only against CAs the office chose once (docs/signing.md, "Received documents").
      std::string ca = context.required("ca");
      int added = context.runtime.trustCa(config, ca);
      context.out << added << " CA certificate(s) of " << ca << " added to the trust anchors in " << config.pkiDir()
                  << "\n";
      return 0;
    }
    throw Error(ErrorCode::kInvalidArgument, "say what to do: naskah pki init|import|trust", {{"action", "usage"}});
  }
};

}  // namespace

PkiSubject pkiSubjectOf(System& system) {
  PkiSubject subject;
  domain::Office office;
  try {
    office = system.directory().officeOrOnly("");
  } catch (const Error&) {
    return subject;  // no office yet: the caller names it
  }
  subject.office = office.name;
  if (!office.government.empty()) subject.office.append(" ").append(regionOf(office.government));
  for (const auto& user : system.directory().listUsers(system.directory().operatorOf(office)))
    if (user.role == domain::Role::kHead && user.isActive) {
      subject.signer = user.fullName;
      subject.title = user.position;
      subject.nip = user.nip;
      break;
    }
  return subject;
}

std::unique_ptr<Command> makePkiCommand() { return std::make_unique<PkiCommand>(); }

}  // namespace naskah::cli
