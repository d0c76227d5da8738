// What the CLI needs from the composition root: the configuration it reads, and a running
// system (store opened and migrated, services built, optionally the HTTP server). The CLI
// never sees store/, render/ or http/ directly; app/ implements this.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "services/audit_service.h"
#include "services/auth_service.h"
#include "services/directory_service.h"
#include "services/registration_service.h"

namespace naskah::cli {

struct AppConfig {
  std::string dataDir;
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 128;
  std::string synchronous = "NORMAL";
  std::string agendaNumberFormat = "{seq:4}/SM/{office}/{year}";
  std::int64_t maxBodyBytes = 1 << 20;
  std::int64_t maxUploadBytes = 10 << 20;
  std::int64_t sessionHours = 12;
  int passwordIterations = 150000;
  int utcOffsetMinutes = 420;
  std::string templatesDir;    // "" = <source>/templates
  std::string letterheadsDir;  // "" = <source>/letterheads

  std::string databasePath() const { return dataDir + "/naskah.db"; }
  std::string attachmentsDir() const { return dataDir + "/attachments"; }
};

class System {
 public:
  virtual ~System() = default;
  virtual services::AuthService& auth() = 0;
  virtual services::RegistrationService& registration() = 0;
  virtual services::AuditService& audit() = 0;
  virtual services::DirectoryService& directory() = 0;
  // Starts the HTTP server on config host/port; returns the bound port.
  virtual int startServer() = 0;
  virtual void stopServer() = 0;
};

class Runtime {
 public:
  virtual ~Runtime() = default;
  // Opens the data folder (creating the store and applying migrations).
  virtual std::unique_ptr<System> open(const AppConfig& config) = 0;
  // Renders a template with JSON data to PDF bytes; kUnavailable when built without rendering.
  virtual std::string renderPdf(const std::string& templateName, const std::string& dataJson,
                                const std::string& letterhead, const std::string& paper,
                                const AppConfig& config) = 0;
};

}  // namespace naskah::cli
