// Archive search over a small known corpus: ranking, every filter, snippets, pages, CSV, the
// reporter's identity, roles and bad filters.
#include <gtest/gtest.h>

#include <algorithm>

#include "archive/archive_fixture.h"
#include "domain/common/error.h"
#include "store/sql_archive_fts.h"

namespace naskah::testing {
namespace {

using domain::Role;

class ArchiveSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = letter("Penyaluran bantuan PKH tahap tiga",
                    "Bantuan PKH tahap tiga telah disalurkan. Bantuan PKH diterima enam keluarga di RT 07.");
    pkh_ = f_.add(a).id;

    auto b = letter("Undangan rapat koordinasi", "Rapat membahas bantuan sosial dan pemutakhiran data PKH.",
                    "2025-11-02");
    b.kind = "surat_dinas";
    b.classificationCode = "005";
    b.recipient = "Camat Telanaipura";
    b.signer = "Dra. Siti Lestari";
    meeting_ = f_.add(b).id;

    auto c = letter("Pengaduan jalan rusak",
                    "Saya Syamsul Bahri, telepon 081274451203, melaporkan jalan rusak di depan sekolah.",
                    "2026-01-15");
    c.kind = "surat_masuk_scan";
    c.channel = "whatsapp";
    c.status = "diterima";
    c.classificationCode = "600";
    c.sender = "Sdr. Syamsul Bahri";
    c.recipient = "Dinas Sosial Provinsi Jambi";
    c.signer = "";
    c.outgoingNumber = "";
    c.reporterIdentity = {"Syamsul Bahri", "081274451203"};
    complaint_ = f_.add(c).id;

    auto d = letter("Laporan hasil pemeriksaan lapangan", "Pemeriksaan lapangan atas pengaduan jalan rusak.",
                    "2026-02-20");
    d.kind = "laporan_pemeriksaan";
    d.classificationCode = "400.9.2";
    d.signer = "Budi Hartono";
    report_ = f_.add(d).id;

    const char* fillers[][2] = {{"Rekapitulasi bulanan", "Rekap surat masuk bulan Januari."},
                                {"Cuti pegawai", "Permohonan cuti tahunan pegawai."},
                                {"Pengadaan alat tulis", "Daftar kebutuhan alat tulis kantor."},
                                {"Perjalanan dinas", "Surat perintah perjalanan dinas ke Kerinci."}};
    for (auto& filler : fillers) {
      auto m = letter(filler[0], filler[1], "2024-06-01");
      m.kind = "surat_dinas";
      m.classificationCode = "800.1";
      f_.add(m);
    }
  }

  ports::ArchiveHits run(ports::ArchiveQuery q, Role role = Role::kAuditor) {
    return f_.search.search(f_.as(role), std::move(q));
  }
  std::vector<std::int64_t> ids(ports::ArchiveQuery q, Role role = Role::kAuditor) {
    std::vector<std::int64_t> out;
    for (const auto& hit : run(std::move(q), role).items) out.push_back(hit.record.id);
    return out;
  }
  static ports::ArchiveQuery words(const std::string& text) {
    ports::ArchiveQuery q;
    q.text = text;
    return q;
  }
  static std::vector<std::int64_t> sorted(std::vector<std::int64_t> v) {
    std::sort(v.begin(), v.end());
    return v;
  }

  ArchiveFixture f_;
  std::int64_t pkh_ = 0, meeting_ = 0, complaint_ = 0, report_ = 0;
};

TEST_F(ArchiveSearch, MoreMatchesInTheSubjectAndTextRankFirst) {
  auto hits = run(words("bantuan pkh"));
  EXPECT_EQ(hits.total, 2);
  EXPECT_FALSE(hits.totalIsLowerBound);
  ASSERT_EQ(hits.items.size(), 2u);
  EXPECT_EQ(hits.items[0].record.id, pkh_);
  EXPECT_EQ(hits.items[1].record.id, meeting_);
  EXPECT_LT(hits.items[0].score, hits.items[1].score);  // bm25: lower is better
}

TEST_F(ArchiveSearch, EveryWordMustMatch) {
  EXPECT_EQ(ids(words("bantuan kerinci")), std::vector<std::int64_t>{});
  EXPECT_EQ(ids(words("jalan rusak")), sorted({complaint_, report_}));
}

TEST_F(ArchiveSearch, PhrasesAndPrefixes) {
  EXPECT_EQ(ids(words("\"jalan rusak di depan\"")), std::vector<std::int64_t>{complaint_});
  EXPECT_EQ(ids(words("penyalur*")), std::vector<std::int64_t>{pkh_});
}

TEST_F(ArchiveSearch, MetadataIsSearchedLikeText) {
  EXPECT_EQ(ids(words("Telanaipura")), std::vector<std::int64_t>{meeting_});  // recipient
  EXPECT_EQ(ids(words("Lestari")), std::vector<std::int64_t>{meeting_});      // signer
  EXPECT_EQ(ids(words("Inspektur")).size(), 8u);                              // tembusan
}

TEST_F(ArchiveSearch, FtsSyntaxInTheQueryIsReadAsWords) {
  for (const char* text : {"NEAR(bantuan pkh)", "bantuan\" OR x", "pkh AND", "-bantuan", "{subject}: x", "\"", "*"})
    EXPECT_NO_THROW(run(words(text))) << text;
  EXPECT_EQ(ids(words("bantuan\" OR \"pkh")).size(), 0u);  // one phrase "bantuan OR pkh", nowhere
}

TEST_F(ArchiveSearch, FilterByKind) {
  auto q = words("bantuan");
  q.kind = "surat_dinas";
  EXPECT_EQ(ids(q), std::vector<std::int64_t>{meeting_});
}

TEST_F(ArchiveSearch, FilterByDateRangeIsExactToTheDay) {
  ports::ArchiveQuery q;
  q.from = "2026-01-15";
  q.to = "2026-02-20";
  EXPECT_EQ(sorted(ids(q)), sorted({complaint_, report_}));
  q.from = "2026-01-16";
  q.to = "2026-02-19";
  EXPECT_TRUE(ids(q).empty());
  q.from = "2025-11-02";
  q.to = "";
  EXPECT_EQ(ids(q).size(), 4u);
  q.from = "";
  q.to = "2025-11-01";
  EXPECT_EQ(ids(q).size(), 4u);  // the fillers of 2024
}

TEST_F(ArchiveSearch, FilterByClassificationTakesEveryCodeBelow) {
  ports::ArchiveQuery q;
  q.classificationCode = "400.9";
  EXPECT_EQ(sorted(ids(q)), sorted({pkh_, report_}));
  q.classificationCode = "400.9.1";
  EXPECT_EQ(ids(q), std::vector<std::int64_t>{pkh_});
  q.classificationCode = "400.1";
  EXPECT_TRUE(ids(q).empty());
  // Beside words the code is checked on the row, not through the index: the same answers.
  q.text = "lapangan";
  q.classificationCode = "400.9";
  EXPECT_EQ(ids(q), std::vector<std::int64_t>{report_});
  q.classificationCode = "400.9.1";
  EXPECT_TRUE(ids(q).empty());
  q.classificationCode = "400_9";  // LIKE's wildcard is a literal here
  EXPECT_TRUE(ids(q).empty());
}

TEST_F(ArchiveSearch, FilterBySenderRecipientSignerChannelStatus) {
  ports::ArchiveQuery q;
  q.recipient = "Camat Telanaipura";
  EXPECT_EQ(ids(q), std::vector<std::int64_t>{meeting_});
  q = {};
  q.signer = "Budi Hartono";
  EXPECT_EQ(ids(q), std::vector<std::int64_t>{report_});
  q = {};
  q.sender = "Dinas Sosial Provinsi Jambi";
  EXPECT_EQ(ids(q).size(), 7u);
  q = {};
  q.channel = "whatsapp";
  EXPECT_EQ(ids(q), std::vector<std::int64_t>{complaint_});
  q = {};
  q.status = "diterima";
  EXPECT_EQ(ids(q), std::vector<std::int64_t>{complaint_});
  // The same filters beside words (checked on the row) and beside a name (a token).
  q = words("jalan rusak");
  q.channel = "whatsapp";
  EXPECT_EQ(ids(q), std::vector<std::int64_t>{complaint_});
  q.channel = "";
  q.status = "final";
  EXPECT_EQ(ids(q), std::vector<std::int64_t>{report_});
  q = {};
  q.signer = "Budi Hartono";
  q.kind = "surat_balasan";
  EXPECT_TRUE(ids(q).empty());
  q.kind = "laporan_pemeriksaan";
  EXPECT_EQ(ids(q), std::vector<std::int64_t>{report_});
}

TEST_F(ArchiveSearch, SnippetsMarkTheMatchedWordsAndEscapeTheRest) {
  auto hits = run(words("pkh"));
  ASSERT_FALSE(hits.items.empty());
  const auto& snippet = hits.items[0].snippet;
  EXPECT_NE(snippet.find("<mark>PKH</mark>"), std::string::npos) << snippet;
  auto m = letter("Tanda kurung", "Nilai <b>bantuan</b> & biaya \"lain\".");
  f_.add(m);
  auto escaped = run(words("biaya")).items.at(0).snippet;
  EXPECT_NE(escaped.find("&lt;b&gt;bantuan&lt;/b&gt; &amp; <mark>biaya</mark> &quot;lain&quot;"), std::string::npos)
      << escaped;
}

TEST_F(ArchiveSearch, PagesSplitTheHitsAndCarryTheTotal) {
  ports::ArchiveQuery q;
  q.perPage = 3;
  std::vector<std::int64_t> seen;
  for (q.page = 1; q.page <= 3; ++q.page) {
    auto hits = run(q);
    EXPECT_EQ(hits.total, 8);
    EXPECT_EQ(hits.items.size(), q.page < 3 ? 3u : 2u);
    for (const auto& hit : hits.items) seen.push_back(hit.record.id);
  }
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end());
  EXPECT_EQ(seen.size(), 8u);
  q.page = 4;
  EXPECT_TRUE(run(q).items.empty());
}

TEST_F(ArchiveSearch, CsvHasAHeaderAndOneLinePerHit) {
  auto csv = services::archiveCsv(f_.search.searchAll(f_.as(Role::kAuditor), words("bantuan pkh"), 1000));
  EXPECT_EQ(csv.rfind("id,kind,outgoing_number,agenda_number,letter_date,subject", 0), 0u);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3);
  EXPECT_NE(csv.find(std::to_string(pkh_) + ",surat_balasan,400.9/17/DINSOS/III/2026"), std::string::npos) << csv;
  EXPECT_NE(csv.find("[PKH]"), std::string::npos) << csv;
  EXPECT_NE(csv.find("Gubernur Jambi; Inspektur Provinsi Jambi"), std::string::npos);
}

TEST_F(ArchiveSearch, AuditorNeitherFindsNorSeesTheReporter) {
  EXPECT_EQ(run(words("Syamsul")).total, 0);
  EXPECT_EQ(run(words("081274451203")).total, 0);
  ports::ArchiveQuery bySender;
  bySender.sender = "Syamsul Bahri";
  EXPECT_EQ(run(bySender).total, 0);

  auto hits = run(words("jalan rusak sekolah"));
  ASSERT_EQ(hits.items.size(), 1u);
  const auto& hit = hits.items[0];
  EXPECT_EQ(hit.record.metadata.sender, "Sdr. (dirahasiakan)");
  EXPECT_TRUE(hit.record.metadata.reporterIdentity.empty());
  EXPECT_EQ(hit.snippet.find("Syamsul"), std::string::npos) << hit.snippet;
  EXPECT_EQ(hit.snippet.find("0812"), std::string::npos) << hit.snippet;
  auto record = f_.archive.get(f_.as(Role::kAuditor), complaint_);
  EXPECT_EQ(record.metadata.text.find("Syamsul"), std::string::npos);
  auto csv = services::archiveCsv(f_.search.searchAll(f_.as(Role::kAuditor), words("jalan"), 1000));
  EXPECT_EQ(csv.find("Syamsul"), std::string::npos);
}

TEST_F(ArchiveSearch, HeadFindsTheReporterByName) {
  auto hits = run(words("Syamsul"), Role::kHead);
  ASSERT_EQ(hits.items.size(), 1u);
  EXPECT_EQ(hits.items[0].record.id, complaint_);
  EXPECT_EQ(hits.items[0].record.metadata.reporterIdentity,
            (std::vector<std::string>{"Syamsul Bahri", "081274451203"}));
}

TEST_F(ArchiveSearch, OnlyArchiveReadersMaySearch) {
  for (Role role : {Role::kRegistrar, Role::kOfficer, Role::kReporter}) {
    try {
      run(words("bantuan"), role);
      FAIL() << domain::toString(role) << " searched the archive";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kPermissionDenied);
    }
  }
  for (Role role : {Role::kAuditor, Role::kHead, Role::kManager, Role::kSupervisor, Role::kAdmin})
    EXPECT_EQ(run(words("bantuan pkh"), role).total, 2) << domain::toString(role);
}

TEST_F(ArchiveSearch, EveryBadFilterIsNamedInOneError) {
  ports::ArchiveQuery q;
  q.from = "2026-13-01";
  q.to = "kemarin";
  q.kind = "surat_cinta";
  q.channel = "merpati";
  q.perPage = 0;
  q.page = 0;
  try {
    run(q);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    std::vector<std::string> fields;
    for (const auto& v : e.violations()) fields.push_back(v.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"from", "to", "kind", "channel", "per_page", "page"}));
  }
}

TEST_F(ArchiveSearch, AnotherOfficeSeesNothing) {
  auto other = actorAs(Role::kAuditor, f_.officeId() + 100);
  EXPECT_EQ(f_.search.search(other, words("bantuan")).total, 0);
  EXPECT_THROW(f_.archive.get(other, pkh_), Error);
}

TEST(ArchiveDateCover, FewestYearMonthAndDayTokens) {
  using store::archive_fts::dateCover;
  EXPECT_EQ(dateCover("2024-01-01", "2025-12-31"), (std::vector<std::string>{"y2024", "y2025"}));
  EXPECT_EQ(dateCover("2024-02-27", "2024-04-02"),
            (std::vector<std::string>{"d20240227", "d20240228", "d20240229", "m202403", "d20240401", "d20240402"}));
  auto cover = dateCover("2023-12-31", "2025-02-01");
  EXPECT_EQ(cover, (std::vector<std::string>{"d20231231", "y2024", "m202501", "d20250201"}));
}

}  // namespace
}  // namespace naskah::testing
