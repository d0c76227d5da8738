// The archive's full-text index on SQLite FTS5: its schema, the filter tokens, and the query
// plan (docs/search.md explains the choices). Everything FTS5-specific lives here so that a
// PostgreSQL store replaces this file alone.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "Poco/Data/Session.h"
#include "ports/archive.h"

namespace naskah::store::archive_fts {

// The virtual table and the view it reads its content from (migration 3, after the table).
std::vector<const char*> schemaStatements();

// Filter values as index tokens in the `facets` column: office, kind, classification code and
// every code above it, channel, status, and the letter date at year, month and day level.
std::string facetsOf(std::int64_t officeId, const ports::ArchiveMetadata& metadata);

// Indexes row `id` of archive_documents (just inserted, same transaction).
void index(Poco::Data::Session& session, std::int64_t id);

// Removes row `id`'s entry from the index. The index keeps no text of its own (external
// content), so FTS5 must be told the values it indexed: call this before the row changes, and
// index() after.
void unindex(Poco::Data::Session& session, std::int64_t id);

// How a query runs: an FTS5 MATCH expression (user words always quoted, so nothing typed is read
// as FTS5 syntax, over the text columns; selective filters as index tokens) and the dense
// filters as SQL over archive_documents d. Dates must be valid ISO days; minDate/maxDate close
// an open range (the office's first and last letter dates).
struct MatchPlan {
  std::string match;  // "" = nothing can match
  std::string where;  // "" = no row check
  std::vector<std::string> params;
};
// filterOffice = false when the archive holds the query's office alone: the office filter is then
// left out, since it would only cost (a token in every document's doclist, or a row check).
MatchPlan plan(const ports::ArchiveQuery& query, const std::string& minDate, const std::string& maxDate,
               bool filterOffice = true);

// Year/month/day tokens whose union is exactly the days from..to (inclusive, ISO dates).
std::vector<std::string> dateCover(const std::string& from, const std::string& to);

// How many of the newest matches are ranked by bm25; pages reach this far and no further.
inline constexpr int kRankWindow = ports::kArchiveRankWindow;
// Counting stops here (at 3 × the window when matches need a row check); beyond it the total
// is reported as a lower bound.
inline constexpr int kCountCap = 10000;

struct RankedIds {
  std::vector<std::int64_t> ids;  // the requested page, best first
  std::vector<double> scores;
  std::int64_t total = 0;
  bool totalIsLowerBound = false;
};

// Runs the plan: the newest kRankWindow matches streamed in rowid order (FTS5 needs no sort
// for that), scored by naskah_rank (bm25 with estimated document frequencies), ranked in
// memory, one page cut out; a capped count when the window is full.
// words are the query's word phrases (wordPhrases()), in the order plan() put them.
RankedIds rank(Poco::Data::Session& session, const MatchPlan& plan, const std::vector<std::string>& words,
               int page, int perPage);

// Each user word or phrase of the query on its own, over the columns the caller may search.
std::vector<std::string> wordPhrases(const ports::ArchiveQuery& query);

// The passage of body (24 words) with the most of the query's words, HTML-escaped, matches
// between ports::kHighlightOpen and kHighlightClose; the start of body when none is in it.
// Built here rather than with FTS5's snippet(): snippet() needs its row found again by MATCH
// with "rowid = ?", which costs a doclist seek per phrase and row (10-30 ms a page at 100 k
// letters, see docs/search.md); this reads the text the page fetches anyway. It tokenizes the
// way unicode61 does for Indonesian (letters and digits, case folded).
std::string snippet(const std::string& body, const std::string& queryText);

}  // namespace naskah::store::archive_fts
