// Public verification of a document: the signature checks and chains to the office's trust
// anchors (PdfVerifier), and the archive holds exactly these bytes (ArchiveRepository). Anyone
// may ask; nothing of the reporter's identity is ever answered.
#pragma once

#include <optional>
#include <string>

#include "ports/archive.h"
#include "ports/signature.h"

namespace naskah::services {

struct VerificationResult {
  // True only when the signature is valid AND the archive holds the same bytes.
  bool valid = false;
  // Why the document is not valid, or what was found valid; one sentence.
  std::string reason;
  ports::SignatureCheck signature;
  // The archived record of these bytes, identity withheld; nullopt when not archived.
  std::optional<ports::ArchiveRecord> record;
};

class VerificationService {
 public:
  VerificationService(const ports::PdfVerifier& verifier, ports::ArchiveRepository& archive)
      : verifier_(verifier), archive_(archive) {}

  // Never throws for a bad document: an invalid document is an answer with its reason.
  VerificationResult verify(const std::string& pdf) const;

  // The archived record of the content with this SHA-256 (hex, either case), identity withheld;
  // nullopt when none. kInvalidArgument when `sha256` is not 64 hex digits.
  std::optional<ports::ArchiveRecord> lookup(const std::string& sha256) const;

 private:
  const ports::PdfVerifier& verifier_;
  ports::ArchiveRepository& archive_;
};

// Lower-case hex SHA-256 when `text` is 64 hex digits; "" otherwise.
std::string normalizedSha256(const std::string& text);

}  // namespace naskah::services
