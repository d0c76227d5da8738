#include "services/verification_service.h"

#include <cctype>

#include "domain/common/error.h"
#include "services/archive_service.h"

namespace naskah::services {
namespace {

// The public sees what an auditor without the identity right sees, and less: no file path,
// no archivist.
ports::ArchiveRecord publicView(ports::ArchiveRecord record) {
  withholdIdentity(record);
  record.metadata.text.clear();
  record.archivedBy.clear();
  return record;
}

}  // namespace

std::string normalizedSha256(const std::string& text) {
  if (text.size() != 64) return "";
  std::string out;
  for (char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return "";
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

VerificationResult VerificationService::verify(const std::string& pdf) const {
  VerificationResult result;
  result.signature = verifier_.verify(pdf);
  if (auto digest = normalizedSha256(result.signature.sha256); !digest.empty())
    if (auto record = archive_.findByHash(digest)) result.record = publicView(*record);
  if (!result.signature.valid) {
    result.reason = result.signature.reason;
  } else if (!result.record) {
    result.reason = "the signature is valid, but the document is not in the archive: these exact bytes were never "
                    "archived by the office";
  } else {
    result.valid = true;
    result.reason = result.signature.reason + "; the document is in the archive";
  }
  return result;
}

std::optional<ports::ArchiveRecord> VerificationService::lookup(const std::string& sha256) const {
  auto digest = normalizedSha256(sha256);
  if (digest.empty())
    throw Error(ErrorCode::kInvalidArgument, "a document hash is 64 hexadecimal digits (SHA-256)",
                {{"sha256", "must be 64 hexadecimal digits"}});
  auto record = archive_.findByHash(digest);
  if (!record) return std::nullopt;
  return publicView(*record);
}

}  // namespace naskah::services
