#include "app/app_system.h"

#include <filesystem>

#include "domain/common/error.h"
#include "json/calendar_json.h"
#include "json/outgoing_letter_data.h"
#include "json/retention_json.h"
#include "json/sop_profile_json.h"
#include "store/data_folder_backup.h"
#include "store/migrations.h"

namespace naskah::app {
namespace {

store::DatabaseOptions databaseOptions(const cli::AppConfig& config) {
  std::filesystem::create_directories(config.dataDir);
  store::DatabaseOptions options;
  options.path = config.databasePath();
  options.synchronous = config.synchronous;
  return options;
}

// A configured folder, or the one shipped in the source tree.
std::string workflowFolder(const std::string& configured, const char* shipped) {
  return configured.empty() ? std::string(NASKAH_SOURCE_DIR) + "/" + shipped : configured;
}

// The configured retention file, or the one shipped in the source tree.
std::string retentionFile(const cli::AppConfig& config) {
  return config.retentionFile.empty() ? std::string(NASKAH_SOURCE_DIR) + "/samples/retention/klasifikasi.json"
                                      : config.retentionFile;
}

std::string templatesFolder(const cli::AppConfig& config) {
  return config.templatesDir.empty() ? std::string(NASKAH_SOURCE_DIR) + "/templates" : config.templatesDir;
}

// Where the QR codes point. Without server.public_url: the configured host and port, so that a
// letter signed outside the server (the demo's sample replies at `naskah init`) carries a whole
// address; a running server replaces it with the port it bound.
std::string publicUrlOf(const cli::AppConfig& config) {
  return config.publicUrl.empty() ? "http://" + config.host + ":" + std::to_string(config.port) : config.publicUrl;
}

// The items of a setting list, each trimmed of spaces at its ends; empty items are dropped.
std::vector<std::string> splitList(const std::string& text, char separator) {
  std::vector<std::string> items;
  std::string item;
  for (char c : text + separator) {
    if (c != separator) {
      item += c;
      continue;
    }
    size_t start = item.find_first_not_of(' '), end = item.find_last_not_of(' ');
    if (start != std::string::npos) items.push_back(item.substr(start, end - start + 1));
    item.clear();
  }
  return items;
}

std::vector<std::string> profileIds(const std::string& commaSeparated) { return splitList(commaSeparated, ','); }

}  // namespace

AppSystem::AppSystem(const cli::AppConfig& config)
    : config_(config),
      database_(databaseOptions(config)),
      auditLog_(database_),
      directoryStore_(database_),
      letters_(database_),
      blobs_(config.attachmentsDir()),
      crypto_(config.passwordIterations),
      clock_(config.utcOffsetMinutes),
      auth_(directoryStore_, directoryStore_, crypto_, crypto_, clock_, auditLog_, config.sessionHours * 3600),
      directory_(directoryStore_, directoryStore_, crypto_),
      registration_(letters_, directoryStore_, blobs_, crypto_, clock_,
                    domain::AgendaNumberFormat(config.agendaNumberFormat), config.maxUploadBytes),
      audit_(auditLog_),
      archiveRecords_(database_),
      archiveFiles_(config.archiveDir()),
      archive_(archiveRecords_, archiveFiles_, clock_),
      archiveSearch_(archiveRecords_),
      retentionStore_(database_),
      archiveEraser_(config.archiveDir()),
      retention_(retentionStore_, archiveEraser_, clock_, json::loadRetentionSchedule(retentionFile(config))),
      renderer_(config.templatesDir, config.letterheadsDir),
      documents_(registration_, directoryStore_, directoryStore_, renderer_, publicUrlOf(config)),
      workflowStore_(database_),
      workflow_(workflowStore_, directoryStore_, clock_,
                json::loadSopProfiles(workflowFolder(config.workflowProfilesDir, "samples/sop"),
                                      json::documentTemplateNames(templatesFolder(config))),
                json::loadWorkingCalendarFolder(workflowFolder(config.workflowCalendarDir, "samples/calendar")),
                profileIds(config.workflowDefaultProfiles)),
      outgoingStore_(database_),
      signer_(config.pkiDir(), config.pkiPassphrase),
      outgoing_({outgoingStore_, letters_, directoryStore_, directoryStore_, renderer_, signer_, archive_,
                 archiveRecords_, archiveFiles_, clock_, &workflow_},
                json::outgoingLetterData, domain::OutgoingNumberFormat(config.outgoingNumberFormat),
                publicUrlOf(config)),
      verifier_(config.pkiDir() + "/trusted.pem"),
      verification_(verifier_, archiveRecords_),
      inspectionStore_(database_),
      inspections_({inspectionStore_, letters_, directoryStore_, directoryStore_, blobs_, imageProbe_, clock_},
                   config.maxUploadBytes),
      archiveImport_(verifier_, archive_, letters_, directoryStore_) {
  store::migrate(database_);
  if (!config.dispositionInstructions.empty())
    workflow_.setStandardInstructions(splitList(config.dispositionInstructions, ';'));
  documents_.setDispositions(workflowStore_, workflow_.standardInstructions());
}

AppSystem::~AppSystem() { stopServer(); }

int AppSystem::startServer() {
  http::Limits limits{static_cast<std::size_t>(config_.maxBodyBytes), static_cast<std::size_t>(config_.maxUploadBytes)};
  http::Services services{auth_, registration_, audit_, directory_, documents_, limits};
  services.archive = &archive_;
  services.archiveSearch = &archiveSearch_;
  services.workflow = &workflow_;
  services.outgoing = &outgoing_;
  services.retention = &retention_;
  services.verification = &verification_;
  services.inspections = &inspections_;
  services.archiveImport = &archiveImport_;
  http::ServerOptions options;
  options.host = config_.host;
  options.port = config_.port;
  options.threads = config_.threads;
  server_ = std::make_unique<http::Server>(services, options);
  server_->start();
  if (config_.publicUrl.empty()) {
    documents_.setPublicBaseUrl("http://" + config_.host + ":" + std::to_string(server_->port()));
    outgoing_.setPublicBaseUrl("http://" + config_.host + ":" + std::to_string(server_->port()));
  }
  return server_->port();
}

namespace {
cli::DataFolderCounts countsOf(const store::DataFolderCopy& copy) {
  return {copy.archiveFiles, copy.attachmentFiles, copy.otherFiles};
}
}  // namespace

cli::DataFolderCounts AppSystem::backup(const std::string& outDir) {
  return countsOf(store::backupDataFolder(database_, config_.dataDir, config_.archiveDir(), outDir));
}

cli::DataFolderCounts AppRuntime::restoreFiles(const std::string& backupDir, const std::string& newDataDir) {
  return countsOf(store::restoreDataFolder(backupDir, newDataDir));
}

void AppSystem::stopServer() {
  if (server_) server_->stop();
  server_.reset();
}

std::unique_ptr<cli::System> AppRuntime::open(const cli::AppConfig& config) {
  return std::make_unique<AppSystem>(config);
}

std::string AppRuntime::renderPdf(const std::string& templateName, const std::string& dataJson,
                                  const std::string& letterhead, const std::string& paper,
                                  const cli::AppConfig& config) {
  return TemplateRenderer(config.templatesDir, config.letterheadsDir)
      .renderPdf(ports::RenderInput{templateName, dataJson, letterhead, paper});
}

}  // namespace naskah::app
