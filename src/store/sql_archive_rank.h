// naskah_rank(): bm25 as FTS5's own bm25() computes it, except that the document frequency of
// each phrase comes in as an argument instead of being counted. FTS5's bm25() counts every
// match of every phrase once per query (xQueryPhrase) before it scores the first row, which
// costs a full doclist scan for a common word or a filter token such as the office; this
// function costs only the rows it scores. docs/search.md has the measurements.
#pragma once

#include "Poco/Data/Session.h"

namespace naskah::store::archive_fts {

// Registers naskah_rank on the session's connection once (FTS5 functions are per connection).
//   naskah_rank(archive_fts, w_col0 … w_colN-1, df_phrase0, df_phrase1, …)
// Column weights as bm25(); a phrase without a df (or df < 0) is not scored (filter tokens).
// The fast path remembers connections by address, which a later connection may reuse: when a
// query then finds no naskah_rank, call again with again = true (registering twice is harmless).
void ensureRankFunction(Poco::Data::Session& session, bool again = false);

}  // namespace naskah::store::archive_fts
