#include "store/sql_archive_rank.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <set>
#include <vector>

#include "Poco/Data/SQLite/Utility.h"
#include "domain/common/error.h"

namespace naskah::store::archive_fts {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// Per query: the corpus averages FTS5 keeps in its index, read once.
struct Averages {
  double rows = 0;
  double averageTokens = 0;
};

void deleteAverages(void* p) { delete static_cast<Averages*>(p); }

void rankFunction(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int nVal,
                  sqlite3_value** values) {
  int columns = api->xColumnCount(fts);
  auto* averages = static_cast<Averages*>(api->xGetAuxdata(fts, 0));
  if (!averages) {
    sqlite3_int64 rows = 0, tokens = 0;
    averages = new Averages;
    if (api->xRowCount(fts, &rows) == SQLITE_OK && api->xColumnTotalSize(fts, -1, &tokens) == SQLITE_OK && rows > 0) {
      averages->rows = static_cast<double>(rows);
      averages->averageTokens = static_cast<double>(tokens) / static_cast<double>(rows);
    }
    if (api->xSetAuxdata(fts, averages, deleteAverages) != SQLITE_OK) {
      delete averages;
      sqlite3_result_error(result, "naskah_rank: out of memory", -1);
      return;
    }
  }
  // Only the word phrases are read (xPhraseFirst/Next), never the filter tokens: xInstCount
  // would decode the position list of every phrase of the query for every row.
  int phrases = std::min(api->xPhraseCount(fts), nVal - columns);
  std::vector<double> frequency(static_cast<std::size_t>(std::max(phrases, 0)), 0.0);
  for (int p = 0; p < phrases; ++p) {
    if (sqlite3_value_double(values[columns + p]) < 0) continue;
    Fts5PhraseIter iter;
    int column = 0, offset = 0;
    for (api->xPhraseFirst(fts, p, &iter, &column, &offset); column >= 0; api->xPhraseNext(fts, &iter, &column, &offset))
      frequency[static_cast<std::size_t>(p)] += column < nVal ? sqlite3_value_double(values[column]) : 1.0;
  }
  int tokens = 0;
  api->xColumnSize(fts, -1, &tokens);
  double lengthNorm = averages->averageTokens > 0 ? static_cast<double>(tokens) / averages->averageTokens : 1.0;
  double score = 0;
  for (int p = 0; p < phrases; ++p) {
    double df = sqlite3_value_double(values[columns + p]);
    if (df < 0 || frequency[static_cast<std::size_t>(p)] == 0) continue;
    df = std::min(df, averages->rows);
    // FTS5's bm25(): the same IDF, floored the same way when a phrase is in most rows.
    double idf = std::log((averages->rows - df + 0.5) / (df + 0.5));
    if (idf <= 0.0) idf = 1e-6;
    double f = frequency[static_cast<std::size_t>(p)];
    score += idf * (f * (kK1 + 1.0)) / (f + kK1 * (1.0 - kB + kB * lengthNorm));
  }
  sqlite3_result_double(result, -score);  // lower is better, as with bm25()
}

fts5_api* fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
  }
  sqlite3_finalize(statement);
  return api;
}

std::mutex registeredMutex;
std::set<sqlite3*> registered;

}  // namespace

void ensureRankFunction(Poco::Data::Session& session, bool again) {
  sqlite3* db = Poco::Data::SQLite::Utility::dbHandle(session);
  std::lock_guard lock(registeredMutex);
  if (registered.count(db) && !again) return;
  fts5_api* api = fts5Api(db);
  if (!api || api->xCreateFunction(api, "naskah_rank", nullptr, rankFunction, nullptr) != SQLITE_OK)
    throw Error(ErrorCode::kInternal, "SQLite has no FTS5 here; archive search needs it");
  registered.insert(db);
}

}  // namespace naskah::store::archive_fts
