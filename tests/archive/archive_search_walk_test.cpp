// The search's walk over thousands of rows (docs/search.md, "the plan"): date blocks with
// late-scanned letters, the kind+code token, the rank window across chunks, checked against a
// brute-force answer computed from the rows themselves. Rows go in through the repository's
// own indexing path (archive_fts::index) without files, so that a test can hold 6 000 of them.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "Poco/Data/Session.h"
#include "store/sql_archive_fts.h"
#include "store/sql_archive_repository.h"
#include "store/store_fixture.h"

namespace naskah::testing {
namespace {

using namespace Poco::Data::Keywords;

struct Row {
  std::int64_t id = 0;
  std::string date, kind, code;
  std::vector<std::string> words;  // subject and body, one word each
};

class ArchiveSearchWalk : public ::testing::Test {
 protected:
  ArchiveSearchWalk() : repository_(*store_.database) {}

  // Inserts the rows (ids ascending) and indexes each as SqlArchiveRepository::add does.
  void put(const std::vector<Row>& rows) {
    store_.database->write([&](store::WriteTransaction& tx) {
      for (const auto& row : rows) {
        ports::ArchiveMetadata m;
        m.kind = row.kind;
        m.classificationCode = row.code;
        m.letterDate = row.date;
        std::string subject = row.words.empty() ? "" : row.words.front(), body;
        for (std::size_t i = 1; i < row.words.size(); ++i) body += (i > 1 ? " " : "") + row.words[i];
        std::string facets = store::archive_fts::facetsOf(store_.officeId, m), sha = "sha" + std::to_string(row.id);
        Poco::Int64 id = row.id, office = store_.officeId;
        tx.session << "INSERT INTO archive_documents(id, office_id, kind, letter_date, subject, classification_code, "
                      "content_type, sha256, size_bytes, body, facets, archived_by, archived_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, 'application/pdf', ?, 1, ?, ?, 'test', '2026-11-23T00:00:00Z')",
            use(id), use(office), bind(row.kind), bind(row.date), use(subject), bind(row.code), use(sha), use(body),
            use(facets), now;
        store::archive_fts::index(tx.session, row.id);
      }
    });
    rows_.insert(rows_.end(), rows.begin(), rows.end());
  }

  // (month, block) -> rows, as archive_date_blocks holds them.
  std::map<std::pair<int, Poco::Int64>, Poco::Int64> blocks() {
    std::map<std::pair<int, Poco::Int64>, Poco::Int64> out;
    store_.database->read([&](Poco::Data::Session& session) {
      std::vector<int> months;
      std::vector<Poco::Int64> numbers, rows;
      session << "SELECT month, block, rows FROM archive_date_blocks ORDER BY month, block", into(months),
          into(numbers), into(rows), now;
      for (std::size_t i = 0; i < months.size(); ++i) out[{months[i], numbers[i]}] = rows[i];
    });
    return out;
  }

  ports::ArchiveQuery query(const std::string& text, const std::string& from = "", const std::string& to = "") {
    ports::ArchiveQuery q;
    q.officeId = store_.officeId;
    q.text = text;
    q.from = from;
    q.to = to;
    q.perPage = 1000;
    return q;
  }

  // What the query must find, newest first: every word in the row, the date in range, the kind
  // (without case) and the code or a code below it.
  std::vector<std::int64_t> expected(const ports::ArchiveQuery& q) const {
    std::vector<std::string> words;
    for (std::size_t i = 0, j; i < q.text.size(); i = j + 1) {
      j = std::min(q.text.find(' ', i), q.text.size());
      if (j > i) words.push_back(q.text.substr(i, j - i));
    }
    auto lower = [](std::string s) {
      for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    };
    std::vector<std::int64_t> ids;
    for (const auto& row : rows_) {
      bool ok = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
        return std::find(row.words.begin(), row.words.end(), w) != row.words.end();
      });
      ok = ok && (q.from.empty() || row.date >= q.from) && (q.to.empty() || row.date <= q.to);
      ok = ok && (q.kind.empty() || lower(q.kind) == lower(row.kind));
      ok = ok && (q.classificationCode.empty() || row.code == q.classificationCode ||
                  row.code.rfind(q.classificationCode + ".", 0) == 0);
      if (ok) ids.push_back(row.id);
    }
    std::sort(ids.rbegin(), ids.rend());
    return ids;
  }

  // The search's total and the ids of its window (every page of it), compared with expected():
  // the total exact, the window the newest kRankWindow matches, best first.
  void check(const ports::ArchiveQuery& q, const std::string& what) {
    auto want = expected(q);
    auto hits = repository_.search(q);
    if (hits.totalIsLowerBound) {  // counting stopped at its cap (3 000 behind a row check)
      EXPECT_GE(want.size(), 3000u) << what;
      EXPECT_LE(hits.total, static_cast<std::int64_t>(want.size())) << what;
    } else {
      EXPECT_EQ(hits.total, static_cast<std::int64_t>(want.size())) << what;
    }
    std::vector<std::int64_t> window(want.begin(), want.begin() + std::min<std::size_t>(want.size(), 1000));
    std::vector<std::int64_t> got;
    double last = -1e300;
    for (const auto& hit : hits.items) {
      got.push_back(hit.record.id);
      EXPECT_GE(hit.score, last) << what;  // best (lowest) first
      last = hit.score;
    }
    std::sort(got.rbegin(), got.rend());
    EXPECT_EQ(got, window) << what;
  }

  StoreFixture store_;
  store::SqlArchiveRepository repository_;
  std::vector<Row> rows_;
};

std::string dayOf(int month, int day) {  // month 0 = 2020-01
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", 2020 + month / 12, month % 12 + 1, day);
  return buffer;
}

TEST_F(ArchiveSearchWalk, ALateScannedLetterIsFoundByItsDateRange) {
  std::vector<Row> rows;
  std::int64_t id = 0;
  for (int month = 0; month < 24; ++month)  // 2020-01 .. 2021-12, 250 letters a month, in order
    for (int i = 0; i < 250; ++i) rows.push_back({++id, dayOf(month, 1 + i % 28), "surat_dinas", "400.9", {"anggaran", "rapat"}});
  put(rows);
  // Archived 6 000 rowids after January 2020: in another block than its month's other letters.
  put({{++id, "2020-01-20", "surat_balasan", "400.9.1", {"anggaran", "terlambat"}},
       {++id, "2015-06-03", "surat_dinas", "800", {"anggaran", "lama"}}});
  auto b = blocks();
  EXPECT_EQ((b[{202001, 0}]), 250);
  EXPECT_EQ((b[{202001, 1}]), 1);
  EXPECT_EQ((b[{201506, 1}]), 1);

  check(query("anggaran", "2020-01-01", "2020-01-31"), "january 2020");
  check(query("terlambat", "2020-01-20", "2020-01-20"), "the late day alone");
  check(query("anggaran", "2015-01-01", "2015-12-31"), "2015");
  check(query("anggaran", "2019-12-01", "2020-02-29"), "three months");
  auto q = query("anggaran", "2020-01-01", "2020-03-31");
  q.kind = "SURAT_BALASAN";
  q.classificationCode = "400.9";
  check(q, "kind and code together");
  EXPECT_EQ(repository_.search(q).items.at(0).record.id, id - 1);
  check(query("anggaran", "2020-01-01", ""), "open end");
  check(query("rapat", "2021-06-01", "2021-06-30"), "june 2021");
  check(query("", "2020-01-01", "2020-01-31"), "dates alone");
}

TEST_F(ArchiveSearchWalk, BlocksKeptOnInsertEqualTheRebuiltOnes) {
  std::mt19937 rng(5);
  std::vector<Row> rows;
  for (std::int64_t id = 1; id <= 9000; ++id) {
    int month = static_cast<int>(id * 36 / 9001);
    if (rng() % 10 == 0) month = static_cast<int>(rng() % 36);  // late
    rows.push_back({id, dayOf(month, 1 + static_cast<int>(rng() % 28)), "surat_dinas", "400", {"kata"}});
  }
  put(rows);
  auto kept = blocks();
  EXPECT_GT(kept.size(), 36u);
  store_.database->write([](store::WriteTransaction& tx) {
    store::archive_fts::rebuildDateBlocks(tx.session);
    store::archive_fts::rebuildFacets(tx.session);
  });
  EXPECT_EQ(blocks(), kept);
  check(query("kata", "2021-03-01", "2021-05-31"), "after rebuilding");
  check(query("kata", "2020-01-01", "2020-01-31"), "the oldest month, its late letters in every block");
}

// A random archive (dates mostly in archive order, one in ten scanned late, skewed words,
// kinds and codes) and random queries, each checked whole against the brute-force answer.
TEST_F(ArchiveSearchWalk, RandomQueriesFindExactlyTheBruteForceAnswer) {
  std::mt19937 rng(20261123);
  const std::vector<std::string> vocabulary{"surat", "dinas", "bantuan", "sosial", "data", "warga", "rapat",
                                            "laporan", "anggaran", "program", "desa", "lansia", "akta", "mediasi",
                                            "klarifikasi", "rekomendasi", "kerinci", "tebo", "bungo", "sarolangun"};
  const std::vector<std::string> kinds{"surat_balasan", "surat_dinas", "surat_masuk_scan"};
  const std::vector<std::string> codes{"400", "400.9", "400.9.1", "400.90", "460.1", "800.1.2"};
  auto word = [&] {  // Zipf-like: the first words are in most rows, the last in few
    std::size_t rank = 0;
    while (rank + 1 < vocabulary.size() && rng() % 3 != 0) ++rank;
    return vocabulary[rank];
  };
  std::vector<Row> rows;
  const int n = 9000, months = 48;
  for (std::int64_t id = 1; id <= n; ++id) {
    int month = static_cast<int>(id * months / (n + 1));
    if (rng() % 10 == 0) month = static_cast<int>(rng() % months);
    Row row{id, dayOf(month, 1 + static_cast<int>(rng() % 28)), kinds[rng() % 3], codes[rng() % codes.size()], {}};
    for (int w = 0; w < 6; ++w) row.words.push_back(word());
    rows.push_back(row);
  }
  put(rows);
  for (int i = 0; i < 60; ++i) {
    std::string text = word();
    if (i % 3) text += " " + word();
    auto q = query(text);
    if (i % 2) {
      int first = static_cast<int>(rng() % months), length = static_cast<int>(rng() % 7);
      q.from = dayOf(first, 1 + static_cast<int>(rng() % 28));
      q.to = dayOf(std::min(months - 1, first + length), 1 + static_cast<int>(rng() % 28));
      if (q.from > q.to) std::swap(q.from, q.to);
    }
    if (i % 4 == 1 || i % 4 == 2) {
      q.kind = kinds[rng() % 3];
      q.classificationCode = codes[rng() % codes.size()];
    } else if (i % 8 == 3) {
      q.kind = kinds[rng() % 3];  // a kind alone: checked on the row
    }
    check(q, "query " + std::to_string(i) + ": " + q.text + " " + q.from + ".." + q.to + " " + q.kind + " " +
                 q.classificationCode);
  }
}

}  // namespace
}  // namespace naskah::testing
