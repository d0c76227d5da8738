#include "cli/command.h"

#include <filesystem>

#include "Poco/AutoPtr.h"
#include "Poco/NumberParser.h"
#include "Poco/Util/PropertyFileConfiguration.h"
#include "domain/common/error.h"

namespace naskah::cli {

std::string CommandContext::option(const std::string& name, const std::string& fallback) const {
  auto it = options.find(name);
  return it == options.end() ? fallback : it->second;
}

std::string CommandContext::required(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end() || it->second.empty())
    throw Error(ErrorCode::kInvalidArgument, "--" + name + " is required", {{name, "usage"}});
  return it->second;
}

namespace {

int intSetting(const std::string& name, const std::string& text) {
  int value = 0;
  if (!Poco::NumberParser::tryParse(text, value))
    throw Error(ErrorCode::kInvalidArgument, name + " must be a whole number, not \"" + text + "\"", {{name, "usage"}});
  return value;
}

}  // namespace

std::ostream& CommandContext::output(std::ofstream& file) const {
  if (!has("output")) return out;
  file.open(option("output"), std::ios::binary | std::ios::trunc);
  if (!file) throw Error(ErrorCode::kUnavailable, "cannot write " + option("output"));
  return file;
}

AppConfig CommandContext::config() const {
  AppConfig c;
  c.dataDir = required("data");
  std::string file = c.dataDir + "/naskah.properties";
  if (std::filesystem::exists(file)) {
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> p;
    try {
      p = new Poco::Util::PropertyFileConfiguration(file);
    } catch (const Poco::Exception& e) {
      throw Error(ErrorCode::kInvalidArgument, file + ": " + e.displayText());
    }
    auto get = [&](const char* key, auto fallback) { return p->getString(key, fallback); };
    c.host = get("server.host", c.host);
    c.port = intSetting("server.port", get("server.port", std::to_string(c.port)));
    c.threads = intSetting("server.threads", get("server.threads", std::to_string(c.threads)));
    c.synchronous = get("store.synchronous", c.synchronous);
    c.agendaNumberFormat = get("agenda.number_format", c.agendaNumberFormat);
    c.maxBodyBytes = intSetting("limits.max_body_bytes", get("limits.max_body_bytes", std::to_string(c.maxBodyBytes)));
    c.maxUploadBytes =
        intSetting("limits.max_upload_bytes", get("limits.max_upload_bytes", std::to_string(c.maxUploadBytes)));
    c.sessionHours = intSetting("auth.session_hours", get("auth.session_hours", std::to_string(c.sessionHours)));
    c.passwordIterations =
        intSetting("auth.pbkdf2_iterations", get("auth.pbkdf2_iterations", std::to_string(c.passwordIterations)));
    c.utcOffsetMinutes =
        intSetting("office.utc_offset_minutes", get("office.utc_offset_minutes", std::to_string(c.utcOffsetMinutes)));
    c.templatesDir = get("render.templates_dir", c.templatesDir);
    c.letterheadsDir = get("render.letterheads_dir", c.letterheadsDir);
    c.pkiPassphrase = get("pki.passphrase", c.pkiPassphrase);
    c.archiveRoot = get("archive.root", c.archiveRoot);
    c.publicUrl = get("server.public_url", c.publicUrl);
    c.outgoingNumberFormat = get("outgoing.number_format", c.outgoingNumberFormat);
    c.workflowProfilesDir = get("workflow.profiles_dir", c.workflowProfilesDir);
    c.workflowCalendarDir = get("workflow.calendar_dir", c.workflowCalendarDir);
    c.retentionFile = get("retention.file", c.retentionFile);
    c.workflowDefaultProfiles = get("workflow.default_profile", c.workflowDefaultProfiles);
    c.dispositionInstructions = get("disposition.instructions", c.dispositionInstructions);
  }
  if (has("host")) c.host = option("host");
  if (has("port")) c.port = intSetting("--port", option("port"));
  if (has("threads")) c.threads = intSetting("--threads", option("threads"));
  if (c.port < 0 || c.port > 65535) throw Error(ErrorCode::kInvalidArgument, "the port must be 0-65535");
  if (c.threads < 4 || c.threads > 1024) throw Error(ErrorCode::kInvalidArgument, "threads must be 4-1024");
  if (c.passwordIterations < 100000)
    throw Error(ErrorCode::kInvalidArgument, "auth.pbkdf2_iterations must be at least 100000");
  return c;
}

void addDataOption(Poco::Util::OptionSet& options, bool) {
  options.addOption(Poco::Util::Option("data", "", "the data folder (store, attachments, naskah.properties)")
                        .required(false)
                        .argument("DIR"));
}

int exitCode(const Error& error) {
  switch (error.code()) {
    case ErrorCode::kInvalidArgument:
      for (const auto& v : error.violations())
        if (v.message == "usage") return 64;
      return 65;
    case ErrorCode::kUnauthenticated:
    case ErrorCode::kPermissionDenied: return 77;
    case ErrorCode::kNotFound: return 66;
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kFailedPrecondition:
    case ErrorCode::kTooLarge:
    case ErrorCode::kInvalidDocument: return 65;
    case ErrorCode::kUnavailable: return 75;
    case ErrorCode::kInternal: return 70;
  }
  return 70;
}

}  // namespace naskah::cli
