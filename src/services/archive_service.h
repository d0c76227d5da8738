// Archiving documents (signed finals, superseded versions, reports, scans), reading them back,
// and reconciling the archive folder with its index (fsck).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/auth/role.h"
#include "ports/archive.h"
#include "ports/platform.h"

namespace naskah::services {

// The kinds of archived document (snake_case, as stored and filtered).
const std::vector<std::string>& archiveKinds();
std::string allArchiveKindNames();

// What replaces the reporter's identity wherever a role without the right would see it.
inline constexpr const char* kWithheld = "(dirahasiakan)";

struct ArchivedFile {
  ports::ArchiveRecord record;
  std::string content;
};

// One problem fsck found.
struct FsckProblem {
  std::string kind;  // missing, corrupted, size_mismatch, orphan, temporary
  std::string path;  // relative to the archive root
  std::string detail;
};

struct FsckReport {
  std::int64_t recordsChecked = 0;
  std::int64_t filesChecked = 0;
  std::vector<FsckProblem> problems;
  bool clean() const { return problems.empty(); }
};

// Roles that read the archive: auditor, head, manager, supervisor, admin.
void requireArchiveReader(const domain::Actor& actor);

class ArchiveService {
 public:
  ArchiveService(ports::ArchiveRepository& repository, ports::ArchiveFiles& files, const ports::Clock& clock);

  // Stores content immutably and records it with its metadata (any role that produces
  // documents: registrar, head, manager, supervisor, officer, admin). The file is durable before
  // the row commits, so a row never names a missing file; a failure in between leaves at most
  // an orphan file, which fsck reports. The same content again returns the first record.
  // The reporter's identity (metadata.reporterIdentity) is masked as kWithheld in the stored
  // subject, text, sender, recipient and tembusan, and kept apart for the roles that may see it.
  // kInvalidArgument naming every bad field. auditNote says in the audit event how the document
  // came to be archived when the event's fields do not (an import's verified signature).
  ports::ArchiveRepository::AddResult archive(const domain::Actor& actor, ports::ArchiveMetadata metadata,
                                              const std::string& content, const std::string& auditNote = "");

  // The record's metadata (archive readers); kNotFound when absent or another office's.
  ports::ArchiveRecord get(const domain::Actor& actor, std::int64_t id);
  // The stored bytes with the record; kFailedPrecondition when the file no longer matches its hash.
  ArchivedFile file(const domain::Actor& actor, std::int64_t id);

  // Every indexed file against the folder: missing, wrong size, wrong hash; then every file
  // without a row (orphans, leftovers of interrupted writes). For the operator (CLI) only.
  FsckReport fsck();

 private:
  ports::ArchiveRepository& repository_;
  ports::ArchiveFiles& files_;
  const ports::Clock& clock_;
};

// The metadata with the reporter's identity withheld, for a role that may not see it.
void withholdIdentity(ports::ArchiveRecord& record);

}  // namespace naskah::services
