// naskah init: create a data folder (settings, store, migrations) and optionally the demo office,
// with sample replies walked to signed, archived finals (samples/replies.json).
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/commands/commands.h"
#include "cli/sample_loader.h"
#include "cli/sample_replies.h"
#include "domain/common/error.h"

namespace naskah::cli {
namespace {

const char* kDefaultProperties =
    "# Naskah settings for this data folder; flags of `naskah serve` override them.\n"
    "server.host = 127.0.0.1\n"
    "server.port = 8080\n"
    "# One thread per keep-alive connection (Poco's HTTPServer): size for the clients you expect.\n"
    "server.threads = 128\n"
    "# NORMAL survives a crash of the process; FULL also a power cut, at a cost per write.\n"
    "store.synchronous = NORMAL\n"
    "# Placeholders: {seq} or {seq:N} (zero-padded), {year}, {month} (Roman), {office}.\n"
    "agenda.number_format = {seq:4}/SM/{office}/{year}\n"
    "# The reply letter's number, taken at signing: {classification}, {seq} or {seq:N}, {unit}\n"
    "# (the issuing bidang), {office}, {year}, {month} (Roman).\n"
    "outgoing.number_format = {classification}/{seq}/{unit}/{year}\n"
    "limits.max_body_bytes = 1048576\n"
    "limits.max_upload_bytes = 10485760\n"
    "auth.session_hours = 12\n"
    "auth.pbkdf2_iterations = 150000\n"
    "# WIB = 420, WITA = 480, WIT = 540\n"
    "office.utc_offset_minutes = 420\n"
    "# Opens pki/signer.p12 (the head's signing key) and the demo CA key; see docs/signing.md.\n"
    "pki.passphrase = naskah-demo-2026\n";

// The demo signing keys (DATA/pki), once the folder has an office and a head to name in them.
// True when this call created them.
bool ensureDemoPki(CommandContext& context, System& system, const AppConfig& config) {
  PkiSubject subject = pkiSubjectOf(system);
  if (subject.office.empty() || subject.signer.empty()) {
    context.out << "no office with a head yet: create the signing keys later with `naskah pki init`\n";
    return false;
  }
  if (!context.runtime.createDemoPki(config, subject)) return false;
  context.out << "created the demo signing keys of " << subject.signer << " in " << config.pkiDir() << "\n";
  return true;
}

class InitCommand : public Command {
 public:
  std::string name() const override { return "init"; }
  std::string summary() const override { return "create a data folder, optionally with the demo office"; }
  std::string usage() const override { return "init --data DIR [--samples SAMPLES_DIR]"; }
  void defineOptions(Poco::Util::OptionSet& options) const override {
    addDataOption(options);
    options.addOption(Poco::Util::Option("samples", "", "load the demo office, its items and its sample replies (signed, archived) from SAMPLES_DIR")
                          .required(false)
                          .argument("SAMPLES_DIR"));
  }
  int run(CommandContext& context) override {
    std::string dir = context.required("data");
    bool createdHere = !std::filesystem::exists(dir + "/naskah.db");
    // Opening the store creates the archive folder; whether it was there before decides
    // whether a failed demo load may remove it.
    const std::string archiveDir = dir + "/archive";
    bool archiveExisted = std::filesystem::exists(archiveDir);
    std::filesystem::create_directories(dir);
    std::string properties = dir + "/naskah.properties";
    if (!std::filesystem::exists(properties)) std::ofstream(properties) << kDefaultProperties;
    auto config = context.config();
    auto system = context.runtime.open(config);
    context.out << "data folder " << dir << " is ready (store " << config.databasePath() << ")\n";
    if (!context.has("samples")) {
      ensureDemoPki(context, *system, config);
      return 0;
    }
    bool hasOffice = true;
    try {
      system->directory().officeOrOnly("");
    } catch (const Error&) {
      hasOffice = false;
    }
    if (hasOffice) {
      context.out << "the data folder has an office already; samples not loaded again\n";
      ensureDemoPki(context, *system, config);
      return 0;
    }
    const std::string samples = context.required("samples");
    bool archiveCreatedHere = config.archiveDir() == archiveDir && !archiveExisted;
    bool pkiCreatedHere = false;
    SampleSummary summary;
    ReplySummary replies;
    try {
      summary = loadSamples(*system, samples);
      // The sample replies are signed by the head, so the keys come first.
      pkiCreatedHere = ensureDemoPki(context, *system, config);
      replies = walkSampleReplies(*system, samples);
    } catch (const Error&) {
      // Loading goes through the services one record at a time; a half-loaded demo office
      // is worse than none, so what this run created is removed again (and nothing else).
      system.reset();
      if (createdHere)
        for (const char* name : {"naskah.db", "naskah.db-wal", "naskah.db-shm", "attachments"})
          std::filesystem::remove_all(dir + "/" + name);
      if (createdHere && archiveCreatedHere) std::filesystem::remove_all(archiveDir);
      if (pkiCreatedHere) std::filesystem::remove_all(config.pkiDir());
      throw;
    }
    std::ofstream(dir + "/demo-logins.txt") << summary.logins;
    context.out << "loaded office " << summary.officeCode << ": " << summary.units << " units, " << summary.users
                << " users, " << summary.incoming << " incoming items\n";
    if (!replies.numbers.empty()) {
      context.out << "walked " << replies.numbers.size()
                  << " sample replies from draft to dispatch; signed and archived as";
      for (const auto& number : replies.numbers) context.out << " " << number;
      context.out << "\n";
    }
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeInitCommand() { return std::make_unique<InitCommand>(); }

}  // namespace naskah::cli
