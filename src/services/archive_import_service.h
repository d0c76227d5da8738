// Signed PDFs received from outside (a letter another agency signed electronically) go into the
// archive only when their signature verifies, and then byte for byte: the stored file hashes to
// the upload's SHA-256, so the office can later prove it holds exactly what it received.
#pragma once

#include <cstdint>
#include <string>

#include "domain/auth/role.h"
#include "ports/archive.h"
#include "ports/directory.h"
#include "ports/incoming_letter_repository.h"
#include "ports/signature.h"
#include "services/archive_service.h"

namespace naskah::services {

// What the registrar says about the received document (docs/api.md, POST /archive/import).
struct SignedImport {
  std::string kind = "surat_dinas";  // an archive kind
  std::string number;                // the sender's number of the letter
  std::string date;                  // the letter's date, YYYY-MM-DD
  std::string sender;
  std::string subject;
  std::string classificationCode;
  std::int64_t incomingLetterId = 0;  // the agenda entry it arrived as; 0 = none
  std::string text;                   // optional: words to find it by besides the metadata
};

struct ImportedDocument {
  ports::ArchiveRecord record;
  bool created = true;  // false: these exact bytes were archived before (the first record)
  ports::SignatureCheck signature;
};

class ArchiveImportService {
 public:
  ArchiveImportService(const ports::PdfVerifier& verifier, ArchiveService& archive,
                       ports::IncomingLetterRepository& incoming, ports::OfficeRepository& offices)
      : verifier_(verifier), archive_(archive), incoming_(incoming), offices_(offices) {}

  // Registrar or admin (kPermissionDenied otherwise). kInvalidArgument naming every bad field
  // (kNotFound for an unknown incoming letter); kInvalidDocument with the verifier's reason when
  // the signature is not valid or does not chain to the office's trust anchors — then nothing
  // is stored. Otherwise the exact bytes are archived (status "diterima", signer from the
  // certificate) and the audit event names the signer and the verification.
  ImportedDocument importSigned(const domain::Actor& actor, const SignedImport& request, const std::string& pdf);

 private:
  const ports::PdfVerifier& verifier_;
  ArchiveService& archive_;
  ports::IncomingLetterRepository& incoming_;
  ports::OfficeRepository& offices_;
};

}  // namespace naskah::services
