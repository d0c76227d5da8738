// What the CLI needs from the composition root: the configuration it reads, and a running
// system (store opened and migrated, services built, optionally the HTTP server). The CLI
// never sees store/, render/ or http/ directly; app/ implements this.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "ports/signature.h"
#include "services/archive_import_service.h"
#include "services/archive_search_service.h"
#include "services/archive_service.h"
#include "services/audit_service.h"
#include "services/auth_service.h"
#include "services/directory_service.h"
#include "services/document_service.h"
#include "services/outgoing_service.h"
#include "services/registration_service.h"
#include "services/retention_service.h"
#include "services/verification_service.h"
#include "services/workflow_service.h"

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
  std::string publicUrl;       // where the public reaches the server (QR codes); "" = http://host:port

  std::string databasePath() const { return dataDir + "/naskah.db"; }
  std::string attachmentsDir() const { return dataDir + "/attachments"; }
  // pki.passphrase: opens DATA/pki/signer.p12 and the demo CA key (docs/signing.md).
  std::string pkiPassphrase = "naskah-demo-2026";
  std::string pkiDir() const { return dataDir + "/pki"; }
  // archive.root: where archived documents live; "" = DATA/archive.
  std::string archiveRoot;
  std::string archiveDir() const { return archiveRoot.empty() ? dataDir + "/archive" : archiveRoot; }
  // outgoing.number_format: the nomor surat keluar, taken at signing (docs/workflow.md).
  std::string outgoingNumberFormat = "{classification}/{seq}/{unit}/{year}";
  // workflow.profiles_dir / workflow.calendar_dir: SOP profiles and the office calendar;
  // "" = <source>/samples/sop and <source>/samples/calendar (docs/workflow.md).
  std::string workflowProfilesDir;
  std::string workflowCalendarDir;
  // retention.file: the classification codes and their JRA; "" = <source>/samples/retention/
  // klasifikasi.json (docs/retention.md).
  std::string retentionFile;
  // workflow.default_profile: profile ids, comma-separated, tried in order for a case nobody
  // assigned a profile to; the first whose entries take the case's channel starts it.
  std::string workflowDefaultProfiles = "002-penanganan-pengaduan-surat,003-pengaduan-sms-wa,000-layanan-online-offline";
  // disposition.instructions: the office's standard disposition instructions, separated by ';'
  // (the checkboxes of its lembar disposisi); "" = domain::workflow::defaultStandardInstructions().
  std::string dispositionInstructions;
};

// What a backup or restore copied.
struct DataFolderCounts {
  std::int64_t archiveFiles = 0;
  std::int64_t attachmentFiles = 0;
  std::int64_t otherFiles = 0;  // naskah.properties and pki/
};

class System {
 public:
  virtual ~System() = default;
  virtual services::AuthService& auth() = 0;
  virtual services::RegistrationService& registration() = 0;
  virtual services::AuditService& audit() = 0;
  virtual services::DirectoryService& directory() = 0;
  virtual services::ArchiveService& archive() = 0;
  virtual services::ArchiveSearchService& archiveSearch() = 0;
  virtual services::DocumentService& documents() = 0;
  virtual services::WorkflowService& workflow() = 0;
  virtual services::RetentionService& retention() = 0;
  // The reply letter's cycle (the demo's sample replies walk through it).
  virtual services::OutgoingService& outgoing() = 0;
  // Signature + archive checks of documents (POST /api/v1/verify, naskah verify --data).
  virtual services::VerificationService& verification() = 0;
  // Signed PDFs received from outside, checked against DATA/pki/trusted.pem (naskah import).
  virtual services::ArchiveImportService& archiveImport() = 0;
  // A consistent backup of the data folder into outDir (absent or empty), taken while the
  // server may keep writing: the store by SQLite's online backup, then the files it names.
  virtual DataFolderCounts backup(const std::string& outDir) = 0;
  // Starts the HTTP server on config host/port; returns the bound port.
  virtual int startServer() = 0;
  virtual void stopServer() = 0;
};

// Who the demo PKI's signer certificate names.
struct PkiSubject {
  std::string office;  // O, and the CA's name "CA <office>"
  std::string signer;  // CN: the head's name
  std::string title;   // the jabatan
  std::string nip;     // serialNumber
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
  // Copies a backup folder into newDataDir (absent or empty; kFailedPrecondition otherwise).
  // Nothing is checked yet: open the copy and run fsck and the audit verification.
  virtual DataFolderCounts restoreFiles(const std::string& backupDir, const std::string& newDataDir) = 0;
  // Signatures (sign/, docs/signing.md). A verifier trusting the CA certificates of a PEM file;
  // kNotFound when the file is missing.
  virtual std::unique_ptr<ports::PdfVerifier> pdfVerifier(const std::string& trustPemPath) = 0;
  // The signer of config.pkiDir()/signer.p12 opened with config.pkiPassphrase.
  virtual std::unique_ptr<ports::PdfSigner> pdfSigner(const AppConfig& config) = 0;
  // Creates the demo office CA and the head's PKCS#12 in config.pkiDir(); false (and nothing
  // changed) when a signer exists there already.
  virtual bool createDemoPki(const AppConfig& config, const PkiSubject& subject) = 0;
  // Puts a PKCS#12 issued elsewhere in place of the signer, trusting its CA (and caPemPath's
  // certificates when given); returns what was imported, in one line.
  virtual std::string importPkcs12(const AppConfig& config, const std::string& p12Path,
                                   const std::string& passphrase, const std::string& caPemPath) = 0;
  // Adds the CA certificates of caPemPath to the trust anchors (signed documents from other
  // agencies); returns how many were new.
  virtual int trustCa(const AppConfig& config, const std::string& caPemPath) = 0;
};

}  // namespace naskah::cli
