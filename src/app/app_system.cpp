#include "app/app_system.h"

#include <filesystem>

#include "domain/common/error.h"
#include "store/migrations.h"
#ifdef NASKAH_HAS_RENDER
#include "render/render_job.h"
#endif

namespace naskah::app {
namespace {

store::DatabaseOptions databaseOptions(const cli::AppConfig& config) {
  std::filesystem::create_directories(config.dataDir);
  store::DatabaseOptions options;
  options.path = config.databasePath();
  options.synchronous = config.synchronous;
  return options;
}

// Admin-editable folders default to the ones shipped in the source tree.
std::string folderOr(const std::string& configured, const char* shipped) {
  if (!configured.empty()) return configured;
  return std::string(NASKAH_SOURCE_DIR) + "/" + shipped;
}

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
      audit_(auditLog_) {
  store::migrate(database_);
}

AppSystem::~AppSystem() { stopServer(); }

int AppSystem::startServer() {
  http::Limits limits{static_cast<std::size_t>(config_.maxBodyBytes), static_cast<std::size_t>(config_.maxUploadBytes)};
  http::Services services{auth_, registration_, audit_, directory_, limits};
  http::ServerOptions options;
  options.host = config_.host;
  options.port = config_.port;
  options.threads = config_.threads;
  server_ = std::make_unique<http::Server>(services, options);
  server_->start();
  return server_->port();
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
#ifdef NASKAH_HAS_RENDER
  render::RenderRequest request;
  request.templateName = templateName;
  request.dataJson = dataJson;
  request.letterhead = letterhead;
  request.paper = paper;
  request.templatesDir = folderOr(config.templatesDir, "templates");
  request.letterheadsDir = folderOr(config.letterheadsDir, "letterheads");
  return render::renderPdf(request);
#else
  (void)templateName, (void)dataJson, (void)letterhead, (void)paper;
  (void)folderOr(config.templatesDir, "templates");
  throw Error(ErrorCode::kUnavailable, "this naskah was built without the rendering library");
#endif
}

}  // namespace naskah::app
