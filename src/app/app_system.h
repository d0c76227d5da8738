// The composition root: the only code that sees every layer. Builds the store, the
// platform adapters and the services for one data folder, and the HTTP server over them.
#pragma once

#include <memory>

#include "app/pki_signer.h"
#include "app/pki_verifier.h"
#include "app/render_image_probe.h"
#include "app/template_renderer.h"
#include "cli/runtime.h"
#include "http/server.h"
#include "platform/openssl_crypto.h"
#include "platform/system_clock.h"
#include "store/archive_file_store.h"
#include "store/database.h"
#include "store/file_blob_store.h"
#include "store/sql_audit_log.h"
#include "store/sql_archive_repository.h"
#include "store/sql_directory.h"
#include "store/sql_incoming_letter_repository.h"
#include "store/sql_inspection_repository.h"
#include "store/sql_outgoing_repository.h"
#include "store/sql_retention_repository.h"
#include "store/archive_file_eraser.h"
#include "store/sql_workflow_repository.h"

namespace naskah::app {

class AppSystem : public cli::System {
 public:
  // Opens the data folder and migrates the store. Throws naskah::Error.
  explicit AppSystem(const cli::AppConfig& config);
  ~AppSystem() override;

  services::AuthService& auth() override { return auth_; }
  services::RegistrationService& registration() override { return registration_; }
  services::AuditService& audit() override { return audit_; }
  services::DirectoryService& directory() override { return directory_; }
  services::ArchiveService& archive() override { return archive_; }
  services::ArchiveSearchService& archiveSearch() override { return archiveSearch_; }
  services::DocumentService& documents() override { return documents_; }
  services::WorkflowService& workflow() override { return workflow_; }
  services::RetentionService& retention() override { return retention_; }
  services::OutgoingService& outgoing() override { return outgoing_; }
  services::VerificationService& verification() override { return verification_; }
  services::InspectionService& inspections() { return inspections_; }
  services::ArchiveImportService& archiveImport() override { return archiveImport_; }
  cli::DataFolderCounts backup(const std::string& outDir) override;
  int startServer() override;
  void stopServer() override;

  store::Database& database() { return database_; }

 private:
  cli::AppConfig config_;
  store::Database database_;
  store::SqlAuditLog auditLog_;
  store::SqlDirectory directoryStore_;
  store::SqlIncomingLetterRepository letters_;
  store::FileBlobStore blobs_;
  platform::OpenSslCrypto crypto_;
  platform::SystemClock clock_;
  services::AuthService auth_;
  services::DirectoryService directory_;
  services::RegistrationService registration_;
  services::AuditService audit_;
  store::SqlArchiveRepository archiveRecords_;
  store::ArchiveFileStore archiveFiles_;
  services::ArchiveService archive_;
  services::ArchiveSearchService archiveSearch_;
  store::SqlRetentionRepository retentionStore_;
  store::ArchiveFileEraser archiveEraser_;
  services::RetentionService retention_;
  TemplateRenderer renderer_;
  services::DocumentService documents_;
  store::SqlWorkflowRepository workflowStore_;
  services::WorkflowService workflow_;
  store::SqlOutgoingRepository outgoingStore_;
  PkiSigner signer_;
  services::OutgoingService outgoing_;
  PkiVerifier verifier_;
  services::VerificationService verification_;
  store::SqlInspectionRepository inspectionStore_;
  RenderImageProbe imageProbe_;
  services::InspectionService inspections_;
  services::ArchiveImportService archiveImport_;
  std::unique_ptr<http::Server> server_;
};

class AppRuntime : public cli::Runtime {
 public:
  std::unique_ptr<cli::System> open(const cli::AppConfig& config) override;
  cli::DataFolderCounts restoreFiles(const std::string& backupDir, const std::string& newDataDir) override;
  std::string renderPdf(const std::string& templateName, const std::string& dataJson, const std::string& letterhead,
                        const std::string& paper, const cli::AppConfig& config) override;
  // Signatures over sign/ (app_signatures.cpp).
  std::unique_ptr<ports::PdfVerifier> pdfVerifier(const std::string& trustPemPath) override;
  std::unique_ptr<ports::PdfSigner> pdfSigner(const cli::AppConfig& config) override;
  bool createDemoPki(const cli::AppConfig& config, const cli::PkiSubject& subject) override;
  std::string importPkcs12(const cli::AppConfig& config, const std::string& p12Path, const std::string& passphrase,
                           const std::string& caPemPath) override;
  int trustCa(const cli::AppConfig& config, const std::string& caPemPath) override;
};

}  // namespace naskah::app
