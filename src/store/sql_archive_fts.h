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
// every code above it, kind and code together (one token per code level), channel, status, and
// the letter date at year, month and day level.
std::string facetsOf(std::int64_t officeId, const ports::ArchiveMetadata& metadata);

// Indexes row `id` of archive_documents (just inserted, same transaction): its FTS row and its
// count in the date blocks.
void index(Poco::Data::Session& session, std::int64_t id);

// Removes row `id`'s entry from the index. The index keeps no text of its own (external
// content), so FTS5 must be told the values it indexed: call this before the row changes, and
// index() after.
void unindex(Poco::Data::Session& session, std::int64_t id);
// The date blocks (migration 7): how many letters of each office and letter month lie in each
// block of kBlockRows rowids. The archive is insert-only, so rowids follow archiving order, and
// letters are archived roughly in date order: a month's letters fill a few consecutive blocks,
// and the few scanned late are scattered one by one. The search reads the blocks of a date range
// to find its dense run of rowids and how many of its rows each stretch holds; it still walks
// every rowid (the date tokens decide what matches), in chunks sized from those counts so that
// each stretch is read once. Exactness never depends on the blocks.
inline constexpr std::int64_t kBlockRows = 4096;
// A block holding this many rows of the range is part of its dense run.
inline constexpr std::int64_t kDenseBlockRows = 64;
// Ranges of this many months or more are walked as one region (reading their blocks would cost
// more than it saves).
inline constexpr int kBlockMonths = 24;
std::vector<const char*> dateBlockSchemaStatements();
// Counts row id (office, ISO letter date) in its block.
void addToDateBlocks(Poco::Data::Session& session, std::int64_t officeId, std::int64_t id,
                     const std::string& letterDate);
// Recomputes the blocks from archive_documents (migration 7; the benchmark's generator).
void rebuildDateBlocks(Poco::Data::Session& session);
// Recomputes every row's facets with facetsOf and rebuilds the FTS index (migration 7, which
// added the kind+code tokens).
void rebuildFacets(Poco::Data::Session& session);

// How a query runs: an FTS5 MATCH expression (user words always quoted, so nothing typed is read
// as FTS5 syntax, over the text columns; selective filters as index tokens) and the dense
// filters as SQL over archive_documents d. Dates must be valid ISO days; minDate/maxDate close
// an open range (the office's first and last letter dates).
struct MatchPlan {
  std::string match;  // "" = nothing can match
  std::string where;  // "" = no row check
  std::vector<std::string> params;
  // For the walk's estimates: the filter tokens ANDed into the match whose share of the archive
  // is worth knowing (names, kind+code), each an FTS5 expression of its own; the office and the
  // closed date range ("" when none), whose rows the date blocks locate.
  std::vector<std::string> tokens;
  std::int64_t officeId = 0;
  std::string from, to;
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
// memory, one page cut out; a capped count when the window is full. The rowids are walked
// newest first in regions (a date range's dense run of blocks and the stretches around it) and chunks
// sized from the expected share of matches, each read once when it should not overflow the
// window (docs/search.md).
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
