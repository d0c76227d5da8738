// Searching the archive (auditor, head, manager, supervisor, admin): full text over metadata and
// document text, filters, bm25 ranking, highlighted snippets, pages, CSV export.
#pragma once

#include <string>

#include "domain/auth/role.h"
#include "domain/common/error.h"
#include "ports/archive.h"

namespace naskah::services {

inline constexpr int kMaxArchivePerPage = 100;
inline constexpr int kMaxArchiveWords = 16;

// Adds a violation for every query value out of range or malformed (dates, kind, channel,
// page, per_page, the number of words), so an entry point reports them with its own problems.
void checkArchiveQuery(const ports::ArchiveQuery& query, Violations& v);

class ArchiveSearchService {
 public:
  explicit ArchiveSearchService(ports::ArchiveRepository& repository) : repository_(repository) {}

  // One page of hits in the actor's office, best first. The reporter's identity is neither
  // searchable nor shown for roles that may not see it (auditor, admin). kPermissionDenied for
  // other roles; kInvalidArgument naming every bad filter.
  ports::ArchiveHits search(const domain::Actor& actor, ports::ArchiveQuery query);

  // Every hit of the query up to `limit` rows (pages of kMaxArchivePerPage), for export.
  ports::ArchiveHits searchAll(const domain::Actor& actor, ports::ArchiveQuery query, int limit);

 private:
  ports::ArchiveRepository& repository_;
};

// A snippet as plain text: marks become [brackets], HTML entities their characters.
std::string plainSnippet(const std::string& html);

// The hits as CSV (RFC 4180, UTF-8, header row); snippets as plain text, matches in [brackets].
std::string archiveCsv(const ports::ArchiveHits& hits);

}  // namespace naskah::services
