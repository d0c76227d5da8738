#include "store/sql_archive_fts.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cmath>
#include <map>
#include <tuple>
#include <numeric>

#include "Poco/Data/Statement.h"
#include "domain/common/error.h"
#include "store/sql_archive_rank.h"

using namespace Poco::Data::Keywords;

namespace naskah::store::archive_fts {
namespace {

// bm25 weight per column, in table order: a word in the perihal says more than one in the body;
// the facets column holds filter tokens only and must not move the rank.
constexpr const char* kWeights = "6.0, 1.0, 3.0, 3.0, 2.0, 1.0, 4.0, 2.0, 0.0";
constexpr const char* kTextColumns = "subject body sender recipient signer tembusan numbers";
// The index's columns, as archive_fts and the archive_fts_content view name them.
constexpr const char* kIndexColumns = "subject, body, sender, recipient, signer, tembusan, numbers, identity, facets";

// Puts a row's text into the index or, with FTS5's 'delete' command (which needs the values
// the row was indexed with; the content view still gives them), takes it out.
void writeIndexRow(Poco::Data::Session& session, std::int64_t id, bool remove) {
  Poco::Int64 rowid = id;
  std::string sql = std::string("INSERT INTO archive_fts(") + (remove ? "archive_fts, " : "") + "rowid, " +
                    kIndexColumns + ") SELECT " + (remove ? "'delete', " : "") + "id, " + kIndexColumns +
                    " FROM archive_fts_content WHERE id = ?";
  session << sql, use(rowid), now;
}

// Lower-case letters and digits of value: what unicode61 keeps of it as one token.
std::string tokenPart(const std::string& value) {
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (c == '.') out += 'p';  // "400.9" and "4009" are different codes
  }
  return out;
}

void addToken(std::string& facets, const std::string& prefix, const std::string& value) {
  std::string part = tokenPart(value);
  if (part.empty()) return;
  facets += ' ';
  facets += prefix + part;
}

std::string fnvHex(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

// Kind and one level of the classification code as one token ("kc" + FNV-1a 64 of both):
// the usual pair of dense filters (a kind is a fifth of the archive, a code a tenth) is then one
// doclist of a fiftieth instead of a check on every candidate row. The same equality as the
// row check it replaces: the kind without case (ASCII, as SQLite's lower()), the code exact.
std::string pairToken(const std::string& kind, const std::string& codeLevel) {
  std::string key;
  for (unsigned char c : kind) key += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
  return "kc" + fnvHex(key + '\x1f' + codeLevel);
}

// "400.9.1" -> "400", "400.9", "400.9.1": a filter on any of them takes the code.
std::vector<std::string> codeLevels(const std::string& code) {
  std::vector<std::string> levels;
  if (code.empty()) return levels;
  for (std::size_t dot = code.find('.'); dot != std::string::npos; dot = code.find('.', dot + 1))
    levels.push_back(code.substr(0, dot));
  levels.push_back(code);
  return levels;
}

// A whole field value as one token: case, spacing and punctuation ignored, then hashed
// (FNV-1a 64), so that an exact-name filter is one short doclist instead of a phrase over
// words as common as "dinas" and "kota".
std::string valueToken(const std::string& value) {
  std::string normal;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c >= 0x80) normal += static_cast<char>(std::tolower(c));
    else if (!normal.empty() && normal.back() != ' ') normal += ' ';
  }
  while (!normal.empty() && normal.back() == ' ') normal.pop_back();
  if (normal.empty()) return "";
  return fnvHex(normal);
}

// A value as one FTS5 string: inside double quotes nothing is syntax, a quote is doubled.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  return out + "\"";
}

bool hasWordCharacter(const std::string& text) {
  return std::any_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isalnum(c) || c >= 0x80; });
}

struct Day {
  int y, m, d;
};

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int daysIn(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}
Day parseDay(const std::string& iso) {
  Day day{};
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &day.y, &day.m, &day.d) != 3)
    throw Error(ErrorCode::kInvalidArgument, "not a date (YYYY-MM-DD): " + iso);
  return day;
}
int compare(const Day& a, const Day& b) {
  if (a.y != b.y) return a.y < b.y ? -1 : 1;
  if (a.m != b.m) return a.m < b.m ? -1 : 1;
  if (a.d != b.d) return a.d < b.d ? -1 : 1;
  return 0;
}
std::string digits(int value, int width) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*d", width, value);
  return buffer;
}

// The words: "phrases" stay together, word* is a prefix, everything else is a word; each as an
// FTS5 string, so that nothing the user types is read as FTS5 syntax.
std::vector<std::string> userTerms(const std::string& text) {
  std::vector<std::string> terms;
  for (std::size_t i = 0; i < text.size();) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::string term;
    bool prefix = false;
    if (text[i] == '"') {
      std::size_t end = text.find('"', i + 1);
      if (end == std::string::npos) end = text.size();
      term = text.substr(i + 1, end - i - 1);
      i = end + 1;
    } else {
      std::size_t end = i;
      while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
      term = text.substr(i, end - i);
      i = end;
      if (term.size() > 1 && term.back() == '*') {
        prefix = true;
        term.pop_back();
      }
    }
    if (!hasWordCharacter(term)) continue;  // punctuation alone is no word to look for
    terms.push_back(quoted(term) + (prefix ? " *" : ""));
  }
  return terms;
}

// The reporter's identity is searchable only for the roles that may see it.
std::string textColumns(const ports::ArchiveQuery& q) {
  return std::string(kTextColumns) + (q.searchIdentity ? " identity" : "");
}

// How many rows hold the phrase: exact up to kSample, beyond that estimated from how far back
// the newest kSample matches reach (rowids are dense: one per archived document).
constexpr int kSample = 2000;
double documentFrequency(Poco::Data::Session& session, const std::string& phrase, Poco::Int64 maxRowid) {
  Poco::Int64 count = 0;
  Poco::Nullable<Poco::Int64> oldest;
  std::string m = phrase;
  int sample = kSample;
  session << "SELECT count(*), min(rowid) FROM (SELECT rowid FROM archive_fts WHERE archive_fts MATCH ? "
             "ORDER BY rowid DESC LIMIT ?)",
      use(m), use(sample), into(count), into(oldest), now;
  if (count < kSample || oldest.isNull()) return static_cast<double>(count);
  return static_cast<double>(kSample) * static_cast<double>(maxRowid) /
         static_cast<double>(maxRowid - oldest.value() + 1);
}

}  // namespace

std::vector<std::string> wordPhrases(const ports::ArchiveQuery& q) {
  std::vector<std::string> phrases;
  for (const auto& term : userTerms(q.text)) phrases.push_back("{" + textColumns(q) + "} : " + term);
  return phrases;
}

std::vector<const char*> schemaStatements() {
  return {
      // The index reads the text of a row (for snippet()) through this view, so that derived
      // columns need not be stored twice.
      R"(CREATE VIEW archive_fts_content AS
           SELECT id, subject, body, sender, recipient, signer, tembusan,
                  outgoing_number || ' ' || agenda_number || ' ' || classification_code AS numbers,
                  identity, facets
           FROM archive_documents)",
      // External content (the text is stored once, in archive_documents); detail=full keeps the
      // positions that phrase queries and snippet() need.
      R"(CREATE VIRTUAL TABLE archive_fts USING fts5(
           subject, body, sender, recipient, signer, tembusan, numbers, identity, facets,
           content='archive_fts_content', content_rowid='id',
           tokenize='unicode61 remove_diacritics 2'))",
  };
}

std::string facetsOf(std::int64_t officeId, const ports::ArchiveMetadata& m) {
  std::string facets = "o" + std::to_string(officeId);
  addToken(facets, "k", m.kind);
  // Every level of the code, so that a filter on "400" finds "400.9.1" with one token.
  for (const auto& level : codeLevels(m.classificationCode)) addToken(facets, "c", level);
  if (!m.kind.empty())
    for (const auto& level : codeLevels(m.classificationCode)) facets += ' ' + pairToken(m.kind, level);
  addToken(facets, "ch", m.channel);
  addToken(facets, "st", m.status);
  addToken(facets, "sn", valueToken(m.sender));
  addToken(facets, "rc", valueToken(m.recipient));
  addToken(facets, "sg", valueToken(m.signer));
  if (m.letterDate.size() >= 10) {
    std::string d = m.letterDate.substr(0, 4) + m.letterDate.substr(5, 2) + m.letterDate.substr(8, 2);
    addToken(facets, "y", d.substr(0, 4));
    addToken(facets, "m", d.substr(0, 6));
    addToken(facets, "d", d);
  }
  return facets;
}

void index(Poco::Data::Session& session, std::int64_t id) {
  writeIndexRow(session, id, false);
  Poco::Int64 rowid = id;
  Poco::Int64 office = 0;
  std::string date;
  session << "SELECT office_id, letter_date FROM archive_documents WHERE id = ?", use(rowid), into(office), into(date),
      now;
  addToDateBlocks(session, office, id, date);
}

std::vector<const char*> dateBlockSchemaStatements() {
  return {R"(CREATE TABLE archive_date_blocks(
               office_id INTEGER NOT NULL,
               month INTEGER NOT NULL,
               block INTEGER NOT NULL,
               rows INTEGER NOT NULL,
               PRIMARY KEY(office_id, month, block)))"};
}

namespace {

// 2019-04-15 -> 201904; 0 when the text is no ISO date.
int monthOf(const std::string& iso) {
  int y = 0, m = 0;
  if (iso.size() < 7 || std::sscanf(iso.c_str(), "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12) return 0;
  return y * 100 + m;
}

}  // namespace

void addToDateBlocks(Poco::Data::Session& session, std::int64_t officeId, std::int64_t id,
                     const std::string& letterDate) {
  int month = monthOf(letterDate);
  if (month == 0) return;  // a row without a date matches no date range
  Poco::Int64 office = officeId, block = id / kBlockRows;
  session << "INSERT INTO archive_date_blocks(office_id, month, block, rows) VALUES (?, ?, ?, 1) "
             "ON CONFLICT(office_id, month, block) DO UPDATE SET rows = rows + 1",
      use(office), use(month), use(block), now;
}

void rebuildDateBlocks(Poco::Data::Session& session) {
  std::map<std::tuple<Poco::Int64, int, Poco::Int64>, Poco::Int64> blocks;
  Poco::Int64 after = 0;
  for (;;) {  // in slices of rowids, so that a large archive is never held whole
    std::vector<Poco::Int64> ids, offices;
    std::vector<std::string> dates;
    session << "SELECT id, office_id, letter_date FROM archive_documents WHERE id > ? ORDER BY id LIMIT 100000",
        use(after), into(ids), into(offices), into(dates), now;
    if (ids.empty()) break;
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (int month = monthOf(dates[i])) ++blocks[{offices[i], month, ids[i] / kBlockRows}];
    after = ids.back();
  }
  session << "DELETE FROM archive_date_blocks", now;
  for (auto& [key, rows] : blocks) {
    Poco::Int64 office = std::get<0>(key), block = std::get<2>(key);
    int month = std::get<1>(key);
    session << "INSERT INTO archive_date_blocks(office_id, month, block, rows) VALUES (?, ?, ?, ?)", use(office),
        use(month), use(block), use(rows), now;
  }
}

void rebuildFacets(Poco::Data::Session& session) {
  Poco::Int64 after = 0;
  for (;;) {
    std::vector<Poco::Int64> ids, offices;
    std::vector<std::string> kinds, dates, senders, recipients, signers, codes, channels, statuses;
    session << "SELECT id, office_id, kind, letter_date, sender, recipient, signer, classification_code, channel, "
               "status FROM archive_documents WHERE id > ? ORDER BY id LIMIT 10000",
        use(after), into(ids), into(offices), into(kinds), into(dates), into(senders), into(recipients), into(signers),
        into(codes), into(channels), into(statuses), now;
    if (ids.empty()) break;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      ports::ArchiveMetadata m;
      m.kind = kinds[i];
      m.letterDate = dates[i];
      m.sender = senders[i];
      m.recipient = recipients[i];
      m.signer = signers[i];
      m.classificationCode = codes[i];
      m.channel = channels[i];
      m.status = statuses[i];
      std::string facets = facetsOf(offices[i], m);
      session << "UPDATE archive_documents SET facets = ? WHERE id = ?", use(facets), use(ids[i]), now;
    }
    after = ids.back();
  }
  session << "INSERT INTO archive_fts(archive_fts) VALUES('rebuild')", now;
}

void unindex(Poco::Data::Session& session, std::int64_t id) { writeIndexRow(session, id, true); }

std::vector<std::string> dateCover(const std::string& from, const std::string& to) {
  Day cur = parseDay(from);
  Day last = parseDay(to);
  std::vector<std::string> tokens;
  while (compare(cur, last) <= 0) {
    if (cur.m == 1 && cur.d == 1 && compare(Day{cur.y, 12, 31}, last) <= 0) {
      tokens.push_back("y" + digits(cur.y, 4));
      cur = Day{cur.y + 1, 1, 1};
    } else if (cur.d == 1 && compare(Day{cur.y, cur.m, daysIn(cur.y, cur.m)}, last) <= 0) {
      tokens.push_back("m" + digits(cur.y, 4) + digits(cur.m, 2));
      cur = cur.m == 12 ? Day{cur.y + 1, 1, 1} : Day{cur.y, cur.m + 1, 1};
    } else {
      tokens.push_back("d" + digits(cur.y, 4) + digits(cur.m, 2) + digits(cur.d, 2));
      if (cur.d < daysIn(cur.y, cur.m)) ++cur.d;
      else cur = cur.m == 12 ? Day{cur.y + 1, 1, 1} : Day{cur.y, cur.m + 1, 1};
    }
  }
  return tokens;
}

MatchPlan plan(const ports::ArchiveQuery& q, const std::string& minDate, const std::string& maxDate,
               bool filterOffice) {
  MatchPlan result;
  std::vector<std::string> parts;

  std::vector<std::string> terms = userTerms(q.text);
  if (!terms.empty()) {
    std::string joined;
    for (const auto& t : terms) joined += (joined.empty() ? "" : " AND ") + t;
    parts.push_back("{" + textColumns(q) + "} : (" + joined + ")");
  }

  result.officeId = q.officeId;
  // Selective filters: a name is a few hundred letters, a date range a band of rowids.
  std::vector<std::string> selective;
  // A name that normalises to nothing names no document.
  for (auto [prefix, value] : {std::pair{"sn", &q.sender}, {"rc", &q.recipient}, {"sg", &q.signer}})
    if (!value->empty()) {
      selective.push_back(prefix + (valueToken(*value).empty() ? "none" : valueToken(*value)));
      result.tokens.push_back("facets : " + selective.back());
    }
  if (!q.from.empty() || !q.to.empty()) {
    if (minDate.empty()) return result;  // the office has no archived document at all
    std::string from = q.from.empty() || q.from < minDate ? minDate : q.from;
    std::string to = q.to.empty() || q.to > maxDate ? maxDate : q.to;
    if (from > to) return result;
    auto cover = dateCover(from, to);
    std::string any;
    for (const auto& token : cover) any += (any.empty() ? "" : " OR ") + token;
    selective.push_back(cover.size() == 1 ? any : "(" + any + ")");
    result.from = from, result.to = to;
  }
  // Kind and code together are one token (pairToken), sparse enough to go into the MATCH.
  bool pair = !q.kind.empty() && !q.classificationCode.empty();

  // Dense filters (office, kind, status, channel, code: each a large share of the archive).
  // Beside words or a selective filter they are checked on the row instead: seeking a doclist
  // that holds every other document costs more per candidate (measured: the office token alone
  // made a 150-hit query 20 ms at 1 M) than one lookup by primary key. Alone they are tokens,
  // because then they are the only way into the index.
  std::vector<std::string> dense;
  if (filterOffice) dense.push_back("o" + std::to_string(q.officeId));
  auto facet = [&](const std::string& prefix, const std::string& value) {
    if (!value.empty()) dense.push_back(prefix + tokenPart(value));
  };
  if (pair) {
    dense.push_back(pairToken(q.kind, q.classificationCode));
  } else {
    facet("k", q.kind);
    facet("c", q.classificationCode);
  }
  facet("ch", q.channel);
  facet("st", q.status);
  std::vector<std::string> facets = selective;
  if (terms.empty() && selective.empty()) {
    facets.insert(facets.end(), dense.begin(), dense.end());
    if (facets.empty()) facets.push_back("o" + std::to_string(q.officeId));  // every document
  } else {
    if (pair) {
      facets.push_back(pairToken(q.kind, q.classificationCode));
      result.tokens.push_back("facets : " + facets.back());
    }
    std::vector<std::string> checks;
    if (filterOffice) checks.push_back("d.office_id = " + std::to_string(q.officeId));
    auto equal = [&](const char* column, const std::string& value) {
      if (value.empty()) return;
      checks.push_back(std::string("lower(d.") + column + ") = lower(?)");
      result.params.push_back(value);
    };
    if (!pair) equal("kind", q.kind);
    equal("channel", q.channel);
    equal("status", q.status);
    if (!q.classificationCode.empty() && !pair) {
      // The code itself or any code below it; LIKE's wildcards in the code are literal.
      std::string below;
      for (char c : q.classificationCode) {
        if (c == '%' || c == '_' || c == '\\') below += '\\';
        below += c;
      }
      checks.push_back("(d.classification_code = ? OR d.classification_code LIKE ? ESCAPE '\\')");
      result.params.push_back(q.classificationCode);
      result.params.push_back(below + ".%");
    }
    for (const auto& check : checks) result.where += (result.where.empty() ? "" : " AND ") + check;
  }
  if (!facets.empty()) {
    std::string facetExpr;
    for (const auto& f : facets) facetExpr += (facetExpr.empty() ? "" : " AND ") + f;
    parts.push_back("facets : (" + facetExpr + ")");
  }
  for (const auto& p : parts) result.match += (result.match.empty() ? "" : " AND ") + p;
  return result;
}

namespace {

// A stretch of rowids [low, high) the walk reads on its own, with the number of rows of the
// query's date range in it (all its rows without a date filter).
struct Region {
  Poco::Int64 low, high;
  double rows;
  // The range's rows per block in the region (block, rows), oldest first; empty without a
  // date range, where every rowid counts as one row.
  std::vector<std::pair<Poco::Int64, double>> blocks;

  // Rows of the range in [a, b) (a block cut counts in proportion).
  double rowsIn(Poco::Int64 a, Poco::Int64 b) const {
    if (blocks.empty() && rows > 0) return static_cast<double>(b - a);
    double sum = 0;
    for (const auto& [block, count] : blocks) {
      Poco::Int64 start = std::max(a, block * kBlockRows), end = std::min(b, (block + 1) * kBlockRows);
      if (start < end) sum += count * static_cast<double>(end - start) / static_cast<double>(kBlockRows);
    }
    return sum;
  }
  // The lowest rowid from which [low, high) holds `rows` of the range (region.low when the
  // region does not hold that many below high).
  Poco::Int64 lowFor(Poco::Int64 high, double wanted) const {
    if (blocks.empty()) return rows > 0 ? std::max(low, high - static_cast<Poco::Int64>(std::ceil(wanted))) : low;
    double sum = 0;
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
      Poco::Int64 start = std::max(low, it->first * kBlockRows), end = std::min(high, (it->first + 1) * kBlockRows);
      if (start >= end) continue;
      double perRowid = it->second / static_cast<double>(kBlockRows), here = perRowid * static_cast<double>(end - start);
      if (sum + here >= wanted) return end - static_cast<Poco::Int64>(std::ceil((wanted - sum) / perRowid));
      sum += here;
    }
    return low;
  }
};

// Newest first: without a date range (or with one of many months) the whole archive; with one,
// the runs of blocks dense with the range's rows and the stretches between them, where only
// letters scanned late can be. Together they cover every rowid, so the walk is exact whatever
// the blocks say; the blocks only place the chunk boundaries and size the chunks.
std::vector<Region> regionsOf(Poco::Data::Session& session, const MatchPlan& plan, Poco::Int64 maxRowid) {
  int fromMonth = plan.from.empty() ? 0 : monthOf(plan.from), toMonth = plan.to.empty() ? 0 : monthOf(plan.to);
  if (fromMonth == 0 || toMonth == 0 || (toMonth / 100 - fromMonth / 100) * 12 + toMonth % 100 - fromMonth % 100 >= kBlockMonths)
    return {{1, maxRowid + 1, static_cast<double>(maxRowid), {}}};
  Poco::Int64 office = plan.officeId;
  std::vector<Poco::Int64> blocks, counts;
  session << "SELECT block, SUM(rows) FROM archive_date_blocks WHERE office_id = ? AND month BETWEEN ? AND ? "
             "GROUP BY block ORDER BY block",
      use(office), use(fromMonth), use(toMonth), into(blocks), into(counts), now;
  std::vector<Region> dense;  // oldest first, in rowids
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (counts[i] < kDenseBlockRows) continue;
    Poco::Int64 low = std::max<Poco::Int64>(1, blocks[i] * kBlockRows), high = (blocks[i] + 1) * kBlockRows;
    if (!dense.empty() && low <= dense.back().high + kBlockRows) dense.back().high = high;  // one block apart at most
    else dense.push_back({low, high, 0, {}});
  }
  std::vector<Region> regions;
  Poco::Int64 position = maxRowid + 1;
  for (auto run = dense.rbegin(); run != dense.rend(); ++run) {
    Poco::Int64 high = std::min(run->high, position);
    if (high < position) regions.push_back({high, position, 0, {}});
    if (run->low < high) regions.push_back({run->low, high, 0, {}});
    position = std::min(position, run->low);
  }
  if (position > 1) regions.push_back({1, position, 0, {}});
  // The range's rows in each region, from the blocks.
  for (auto& region : regions) {
    for (std::size_t i = 0; i < blocks.size(); ++i)
      if (blocks[i] * kBlockRows < region.high && (blocks[i] + 1) * kBlockRows > region.low)
        region.blocks.emplace_back(blocks[i], static_cast<double>(counts[i]));
    region.rows = region.rowsIn(region.low, region.high);
  }
  return regions;
}

}  // namespace

RankedIds rank(Poco::Data::Session& session, const MatchPlan& plan, const std::vector<std::string>& words,
               int page, int perPage) {
  RankedIds result;
  if (plan.match.empty()) return result;
  std::vector<Poco::Int64> ids;
  std::vector<double> scores;
  std::string m = plan.match;
  const std::size_t window = kRankWindow;
  Poco::Int64 older = 0;  // matches older than the window, counted so far
  Poco::Int64 maxRowid = 0;
  session << "SELECT COALESCE(MAX(id), 0) FROM archive_documents", into(maxRowid), now;
  if (maxRowid == 0) return result;
  std::string rankArgs = kWeights;
  char df[32];
  // The share of the archive the AND of the words and the sparse filter tokens can match at
  // most: that of its rarest member.
  double share = 1.0;
  for (const auto& word : words) {
    double frequency = documentFrequency(session, word, maxRowid);
    share = std::min(share, frequency / static_cast<double>(maxRowid));
    std::snprintf(df, sizeof df, ", %.1f", frequency);
    rankArgs += df;
  }
  for (const auto& token : plan.tokens)
    share = std::min(share, documentFrequency(session, token, maxRowid) / static_cast<double>(maxRowid));
  // FTS first (CROSS JOIN), the row checked by primary key only for the dense filters.
  std::string from = plan.where.empty()
                         ? " FROM archive_fts f WHERE f.archive_fts MATCH ? AND f.rowid >= ? AND f.rowid < ?"
                         : " FROM archive_fts f CROSS JOIN archive_documents d ON d.id = f.rowid WHERE f.archive_fts "
                           "MATCH ? AND f.rowid >= ? AND f.rowid < ? AND " + plan.where;
  std::vector<std::string> params = plan.params;
  auto select = [&](const std::string& columns, Poco::Int64 low, Poco::Int64 high, std::vector<Poco::Int64>& outIds,
                    std::vector<double>* outScores) {
    Poco::Data::Statement statement(session);
    statement << "SELECT " + columns + from, use(m), use(low), use(high);
    for (auto& p : params) statement, use(p);
    statement, into(outIds);
    if (outScores) statement, into(*outScores);
    statement.execute();
  };
  std::string scoredColumns = "f.rowid, naskah_rank(f.archive_fts, " + rankArgs + ")";
  ensureRankFunction(session);
  auto scored = [&](Poco::Int64 low, Poco::Int64 high, std::vector<Poco::Int64>& outIds, std::vector<double>& outScores) {
    try {
      select(scoredColumns, low, high, outIds, &outScores);
    } catch (const Poco::Exception& e) {
      if (e.displayText().find("naskah_rank") == std::string::npos) throw;
      outIds.clear(), outScores.clear();
      ensureRankFunction(session, true);  // a new connection at a remembered address
      select(scoredColumns, low, high, outIds, &outScores);
    }
  };
  // The newest matches first. FTS5 walks a doclist forwards cheaply but backwards (ORDER BY
  // rowid DESC) only by loading it whole, so the rowids are read in chunks going back, each
  // forwards, until the window is full: the cost follows the window, not how common the words
  // are. A chunk is as long as the window's rest is expected to fill (from the share above, then
  // from the density the region has shown) and is read once, scored; only a chunk that may hold
  // far more than the window needs is first walked for rowids alone and then scored for its
  // newest rows (two walks, but no scoring of thousands of rows the window cannot take).
  bool full = false;
  Poco::Int64 high = maxRowid + 1;
  for (const Region& region : regionsOf(session, plan, maxRowid)) {
    if (full) break;
    // The share of the range's rows in this region that match: the estimate, then what the
    // region has shown (never taken for less than a sixteenth of the estimate, so that a chunk
    // grows at most sixteenfold past what the estimate alone would read).
    double ratio = share;
    double rangeRows = 0;
    Poco::Int64 found = 0;
    high = region.high;
    while (high > region.low) {
      std::size_t need = window - ids.size();
      Poco::Int64 low = ratio > 0 ? region.lowFor(high, static_cast<double>(need) / ratio) : region.low;
      low = std::min(low, std::max(region.low, high - static_cast<Poco::Int64>(kRankWindow)));
      double expected = ratio * region.rowsIn(low, high);
      std::vector<Poco::Int64> rangeIds;
      std::vector<double> rangeScores;
      std::size_t matches = 0;
      if (expected <= static_cast<double>(need)) {
        scored(low, high, rangeIds, rangeScores);
        matches = rangeIds.size();
        if (matches > need) {  // more than expected: the newest are kept, the rest counted
          rangeIds.erase(rangeIds.begin(), rangeIds.end() - static_cast<std::ptrdiff_t>(need));
          rangeScores.erase(rangeScores.begin(), rangeScores.end() - static_cast<std::ptrdiff_t>(need));
        }
      } else {
        std::vector<Poco::Int64> inRange;
        select("f.rowid", low, high, inRange, nullptr);
        matches = inRange.size();
        if (!inRange.empty()) scored(matches > need ? inRange[matches - need] : low, high, rangeIds, rangeScores);
      }
      ids.insert(ids.end(), rangeIds.begin(), rangeIds.end());
      scores.insert(scores.end(), rangeScores.begin(), rangeScores.end());
      rangeRows += region.rowsIn(low, high);
      found += static_cast<Poco::Int64>(matches);
      high = low;
      if (matches >= need) {
        older += static_cast<Poco::Int64>(matches - need);  // rows older than the window, counted
        full = true;
        break;
      }
      if (rangeRows >= 1) ratio = std::max(static_cast<double>(found) / rangeRows, share / 16);
    }
  }
  bool scannedAll = !full || high <= 1;
  std::vector<std::size_t> order(ids.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (scores[a] != scores[b]) return scores[a] < scores[b];
    return ids[a] > ids[b];  // equal rank: the newer first
  });
  std::size_t first = static_cast<std::size_t>(page - 1) * static_cast<std::size_t>(perPage);
  for (std::size_t i = first; i < order.size() && i < first + static_cast<std::size_t>(perPage); ++i) {
    result.ids.push_back(ids[order[i]]);
    result.scores.push_back(scores[order[i]]);
  }
  if (scannedAll) {
    result.total = static_cast<std::int64_t>(ids.size()) + older;
    result.totalIsLowerBound = false;
    return result;
  }
  // The window is full and older rows remain: count them, up to the cap.
  // With a row check each counted match costs a lookup: count less far then.
  Poco::Int64 cap = plan.where.empty() ? kCountCap : 3 * kRankWindow;
  Poco::Int64 rest = std::max<Poco::Int64>(0, cap - static_cast<Poco::Int64>(ids.size()) - older);
  Poco::Int64 counted = 0, one = 1;
  {
    Poco::Data::Statement statement(session);
    statement << "SELECT count(*) FROM (SELECT f.rowid" + from + " LIMIT ?)", use(m), use(one), use(high);
    for (auto& p : params) statement, use(p);
    statement, use(rest), into(counted);
    statement.execute();
  }
  result.total = static_cast<std::int64_t>(ids.size()) + older + counted;
  // At the cap the total says "at least the cap", whatever the last chunk happened to hold
  // beyond it: the same answer however the walk was cut.
  result.totalIsLowerBound = result.total >= cap;
  if (result.totalIsLowerBound) result.total = cap;
  return result;
}

std::string snippet(const std::string& body, const std::string& queryText) {
  struct Token {
    std::size_t begin, end;
    std::string folded;
  };
  auto fold = [](std::string_view text) {
    std::string out;
    for (unsigned char c : text) out += static_cast<char>(std::tolower(c));
    return out;
  };
  // Tokens as unicode61 sees Indonesian text: runs of letters and digits (UTF-8 bytes count as
  // letters), compared without case.
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < body.size();) {
    auto isWord = [&](std::size_t k) {
      auto c = static_cast<unsigned char>(body[k]);
      return std::isalnum(c) || c >= 0x80;
    };
    if (!isWord(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < body.size() && isWord(j)) ++j;
    tokens.push_back({i, j, fold(std::string_view(body).substr(i, j - i))});
    i = j;
  }
  struct Term {
    std::string word;
    bool prefix;
  };
  std::vector<Term> terms;
  for (const auto& quotedTerm : userTerms(queryText)) {
    bool prefix = quotedTerm.size() > 2 && quotedTerm.compare(quotedTerm.size() - 2, 2, " *") == 0;
    std::string word;
    for (unsigned char c : quotedTerm) {
      if (std::isalnum(c) || c >= 0x80) {
        word += static_cast<char>(std::tolower(c));
      } else if (!word.empty()) {
        terms.push_back({word, false});
        word.clear();
      }
    }
    if (!word.empty()) terms.push_back({word, prefix});
  }
  auto hitOf = [&](const Token& t) -> int {
    for (std::size_t k = 0; k < terms.size(); ++k)
      if (terms[k].prefix ? t.folded.rfind(terms[k].word, 0) == 0 : t.folded == terms[k].word)
        return static_cast<int>(k);
    return -1;
  };
  // The window of kSnippetTokens tokens with the most different terms, then the most hits.
  constexpr std::size_t kSnippetTokens = 24;
  std::size_t best = 0;
  int bestDistinct = -1, bestHits = -1;
  for (std::size_t start = 0; start == 0 || start + kSnippetTokens <= tokens.size(); ++start) {
    std::vector<bool> seen(terms.size(), false);
    int distinct = 0, hits = 0;
    for (std::size_t k = start; k < std::min(tokens.size(), start + kSnippetTokens); ++k)
      if (int h = hitOf(tokens[k]); h >= 0) {
        ++hits;
        if (!seen[static_cast<std::size_t>(h)]) seen[static_cast<std::size_t>(h)] = true, ++distinct;
      }
    if (distinct > bestDistinct || (distinct == bestDistinct && hits > bestHits))
      best = start, bestDistinct = distinct, bestHits = hits;
    if (tokens.size() <= kSnippetTokens) break;
  }
  auto escape = [](std::string_view text, std::string& out) {
    for (char c : text) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
      }
    }
  };
  std::string out;
  if (tokens.empty()) return out;
  std::size_t last = std::min(tokens.size(), best + kSnippetTokens) - 1;
  if (best > 0) out += "…";
  std::size_t at = tokens[best].begin;
  for (std::size_t k = best; k <= last; ++k) {
    escape(std::string_view(body).substr(at, tokens[k].begin - at), out);
    bool hit = hitOf(tokens[k]) >= 0;
    if (hit) out += ports::kHighlightOpen;
    escape(std::string_view(body).substr(tokens[k].begin, tokens[k].end - tokens[k].begin), out);
    if (hit) out += ports::kHighlightClose;
    at = tokens[k].end;
  }
  if (last + 1 < tokens.size()) out += "…";
  else escape(std::string_view(body).substr(at), out);
  return out;
}

}  // namespace naskah::store::archive_fts
