// The agenda surat masuk over HTTP: registration, reading back, filters, pages, CSV export,
// corrections, voiding and public tracking.
#include <algorithm>
#include <functional>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "Poco/JSON/Parser.h"
#include "http/api_test_fixture.h"

namespace naskah::testing {
namespace {

using IncomingLettersApi = ApiTest;

// The demo items as samples/incoming.json lists them, so expected counts follow the file.
Poco::JSON::Array::Ptr sampleItems() {
  std::ifstream in(NASKAH_SOURCE_DIR "/samples/incoming.json");
  std::stringstream text;
  text << in.rdbuf();
  Poco::JSON::Parser parser;
  return parser.parse(text.str()).extract<Poco::JSON::Array::Ptr>();
}

int countSamples(const std::function<bool(const Poco::JSON::Object&)>& pred) {
  auto items = sampleItems();
  int n = 0;
  for (size_t i = 0; i < items->size(); ++i)
    if (pred(*items->getObject(i))) ++n;
  return n;
}

int countSamplesWith(const std::string& field, const std::string& value) {
  return countSamples([&](const Poco::JSON::Object& o) { return o.optValue<std::string>(field, "") == value; });
}

// The agenda numbers at the start of each CSV record.
std::set<std::string> csvAgendaNumbers(const std::string& csv) {
  std::set<std::string> numbers;
  static const std::regex kRow("(^|\r\n)([0-9]{4}/SM/[A-Z]+/[0-9]{4}),");
  for (std::sregex_iterator it(csv.begin(), csv.end(), kRow), end; it != end; ++it) numbers.insert((*it)[2]);
  return numbers;
}

TEST_F(IncomingLettersApi, RegistrationAnswers201WithTheNextNumberOfTheYearAndALocation) {
  auto tu = as("tu");
  auto response = tu.post("/api/v1/incoming-letters", toJsonText(letterBody("2026-11-23T09:15:00")));
  ASSERT_EQ(response.status, 201) << response.body;
  auto letter = response.json();
  // The demo office registered 65 items in 2026 already.
  EXPECT_EQ(letter->getValue<std::string>("agenda_number"), "0066/SM/DINSOSDUKCAPIL/2026");
  EXPECT_EQ(letter->getValue<int>("agenda_year"), 2026);
  EXPECT_EQ(letter->getValue<std::int64_t>("agenda_sequence"), 66);
  EXPECT_TRUE(std::regex_match(letter->getValue<std::string>("tracking_code"),
                               std::regex("ADU-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]")))
      << letter->getValue<std::string>("tracking_code");
  EXPECT_EQ(letter->getValue<std::string>("status"), "active");
  EXPECT_EQ(letter->getValue<std::string>("registered_by"), "tu");
  EXPECT_EQ(response.header("Location"), "/api/v1/incoming-letters/" + letter->getValue<std::string>("id"));

  auto again = tu.get(response.header("Location"));
  ASSERT_EQ(again.status, 200) << again.body;
  auto read = again.json();
  for (const char* field : {"id", "agenda_number", "tracking_code", "received_at", "channel", "sender",
                            "subject", "urgency", "complaint_kind", "scale", "summary", "classification_code"})
    EXPECT_EQ(read->getValue<std::string>(field), letter->getValue<std::string>(field)) << field;
  EXPECT_EQ(read->getObject("reporter")->getValue<std::string>("name"), "Syamsul Bahri");
  EXPECT_EQ(read->getValue<std::string>("subject"), "Pengaduan Bantuan PKH yang Tidak Diterima");
}

TEST_F(IncomingLettersApi, AnotherYearStartsAtNumberOne) {
  auto first = registerLetter(letterBody("2030-01-02T08:00:00"));
  auto second = registerLetter(letterBody("2030-12-31T23:59:00"));
  EXPECT_EQ(first->getValue<std::string>("agenda_number"), "0001/SM/DINSOSDUKCAPIL/2030");
  EXPECT_EQ(second->getValue<std::string>("agenda_number"), "0002/SM/DINSOSDUKCAPIL/2030");
  auto in2026 = registerLetter(letterBody("2026-12-01T10:00:00"));
  EXPECT_EQ(in2026->getValue<std::string>("agenda_number"), "0066/SM/DINSOSDUKCAPIL/2026");
}

TEST_F(IncomingLettersApi, RepeatWithTheSameIdempotencyKeyAnswers200WithTheFirstRegistration) {
  auto tu = as("tu");
  std::string body = toJsonText(letterBody("2031-05-05T10:00:00"));
  auto first = tu.post("/api/v1/incoming-letters", body, {{"Idempotency-Key", "kiriman-7f3a"}});
  ASSERT_EQ(first.status, 201) << first.body;
  auto repeat = tu.post("/api/v1/incoming-letters", body, {{"Idempotency-Key", "kiriman-7f3a"}});
  ASSERT_EQ(repeat.status, 200) << repeat.body;
  EXPECT_EQ(repeat.json()->getValue<std::string>("agenda_number"), first.json()->getValue<std::string>("agenda_number"));
  EXPECT_EQ(repeat.json()->getValue<std::int64_t>("id"), first.json()->getValue<std::int64_t>("id"));
  EXPECT_EQ(repeat.header("Location"), first.header("Location"));

  // The repeat took no number: the next registration follows on without a gap.
  auto next = tu.post("/api/v1/incoming-letters", body, {{"Idempotency-Key", "kiriman-8b1c"}});
  ASSERT_EQ(next.status, 201) << next.body;
  EXPECT_EQ(next.json()->getValue<std::string>("agenda_number"), "0002/SM/DINSOSDUKCAPIL/2031");
  EXPECT_EQ(totalOf(tu.get("/api/v1/incoming-letters?year=2031")), 2);
}

TEST_F(IncomingLettersApi, FiltersNarrowTheRegisterToWhatTheyName) {
  auto kadis = as("kadis");
  const std::string y = "/api/v1/incoming-letters?year=2026";
  EXPECT_EQ(totalOf(kadis.get(y)), sampleItems()->size());
  EXPECT_EQ(totalOf(kadis.get(y + "&channel=surat")), countSamplesWith("channel", "surat"));
  EXPECT_EQ(totalOf(kadis.get(y + "&channel=whatsapp")), countSamplesWith("channel", "whatsapp"));
  EXPECT_EQ(totalOf(kadis.get(y + "&complaint_kind=saran")), countSamplesWith("complaint_kind", "saran"));
  EXPECT_EQ(totalOf(kadis.get(y + "&scale=besar")), countSamplesWith("scale", "besar"));
  EXPECT_EQ(totalOf(kadis.get(y + "&urgency=rahasia")), countSamplesWith("urgency", "rahasia"));
  EXPECT_EQ(totalOf(kadis.get(y + "&channel=surat&urgency=segera")), countSamples([](const Poco::JSON::Object& o) {
              return o.getValue<std::string>("channel") == "surat" && o.optValue<std::string>("urgency", "") == "segera";
            }));
  // received_to names a whole day.
  EXPECT_EQ(totalOf(kadis.get(y + "&received_from=2026-09-01&received_to=2026-09-30")),
            countSamples([](const Poco::JSON::Object& o) {
              std::string day = o.getValue<std::string>("received_at").substr(0, 10);
              return day >= "2026-09-01" && day <= "2026-09-30";
            }));
  EXPECT_EQ(totalOf(kadis.get(y + "&status=void")), 0);
  EXPECT_EQ(totalOf(kadis.get(y + "&status=active")), sampleItems()->size());
  EXPECT_EQ(totalOf(kadis.get("/api/v1/incoming-letters?year=2031")), 0);

  // Every item of a filtered page has the value filtered on.
  auto page = kadis.get(y + "&channel=kotak_saran&per_page=500").json()->getArray("items");
  ASSERT_GT(page->size(), 0u);
  for (size_t i = 0; i < page->size(); ++i)
    EXPECT_EQ(page->getObject(i)->getValue<std::string>("channel"), "kotak_saran");
}

TEST_F(IncomingLettersApi, TextSearchFindsSenderSubjectSummaryAndNumber) {
  auto bySubject = letterBody("2031-02-01T09:00:00");
  bySubject->set("subject", "Jembatan gantung Desa Qwertyuiop rusak");
  auto bySender = letterBody("2031-02-02T09:00:00");
  bySender->set("sender", "Paguyuban Qwertyuiop Sejahtera");
  auto other = letterBody("2031-02-03T09:00:00");
  registerLetter(bySubject);
  registerLetter(bySender);
  auto third = registerLetter(other);
  auto tu = as("tu");
  EXPECT_EQ(totalOf(tu.get("/api/v1/incoming-letters?q=Qwertyuiop")), 2);
  EXPECT_EQ(totalOf(tu.get("/api/v1/incoming-letters?q=0003/SM/DINSOSDUKCAPIL/2031")), 1);
  // LIKE wildcards in the search text are literal.
  EXPECT_EQ(totalOf(tu.get("/api/v1/incoming-letters?year=2031&q=%25")), 0);
  EXPECT_EQ(totalOf(tu.get("/api/v1/incoming-letters?year=2031&q=_")), 0);
  EXPECT_EQ(totalOf(tu.get("/api/v1/incoming-letters?year=2031&q=Qwerty_iop")), 0);
  EXPECT_EQ(third->getValue<std::string>("agenda_number"), "0003/SM/DINSOSDUKCAPIL/2031");
}

TEST_F(IncomingLettersApi, PagesSplitTheRegisterNewestFirstAndCountTheTotal) {
  auto kasi = as("kasi");
  const int all = static_cast<int>(sampleItems()->size());
  std::set<std::int64_t> ids;
  std::int64_t previous = all + 1;
  int pages = 0;
  for (int page = 1;; ++page) {
    auto response = kasi.get("/api/v1/incoming-letters?year=2026&per_page=20&page=" + std::to_string(page));
    ASSERT_EQ(response.status, 200) << response.body;
    auto json = response.json();
    EXPECT_EQ(json->getValue<int>("total"), all);
    EXPECT_EQ(json->getValue<int>("page"), page);
    EXPECT_EQ(json->getValue<int>("per_page"), 20);
    auto items = json->getArray("items");
    if (items->size() == 0) break;
    ++pages;
    EXPECT_LE(items->size(), 20u);
    for (size_t i = 0; i < items->size(); ++i) {
      std::int64_t seq = items->getObject(i)->getValue<std::int64_t>("agenda_sequence");
      EXPECT_EQ(seq, previous - 1);
      previous = seq;
      ids.insert(items->getObject(i)->getValue<std::int64_t>("id"));
    }
  }
  EXPECT_EQ(pages, (all + 19) / 20);
  EXPECT_EQ(static_cast<int>(ids.size()), all);
  auto oldest = kasi.get("/api/v1/incoming-letters?year=2026&per_page=1&order=oldest").json();
  EXPECT_EQ(oldest->getArray("items")->getObject(0)->getValue<int>("agenda_sequence"), 1);
}

TEST_F(IncomingLettersApi, FilterWithUnknownValuesAnswers400NamingEachParameter) {
  auto tu = as("tu");
  auto response = tu.get(
      "/api/v1/incoming-letters?channel=telepati&scale=raksasa&status=hilang&page=abc&per_page=0&received_from=kemarin");
  ASSERT_EQ(response.status, 400) << response.body;
  EXPECT_EQ(response.errorCode(), "invalid_argument");
  auto fields = errorFields(response);
  for (const char* name : {"channel", "scale", "status", "page"})
    EXPECT_NE(std::find(fields.begin(), fields.end(), name), fields.end()) << name << " in " << response.body;
  auto perPage = tu.get("/api/v1/incoming-letters?per_page=501");
  EXPECT_EQ(perPage.status, 400);
  EXPECT_EQ(errorFields(perPage), std::vector<std::string>{"per_page"});
  EXPECT_EQ(errorFields(tu.get("/api/v1/incoming-letters?year=duaribu")), std::vector<std::string>{"year"});
  auto from = tu.get("/api/v1/incoming-letters?received_from=kemarin");
  EXPECT_EQ(from.status, 400);
  EXPECT_EQ(errorFields(from), std::vector<std::string>{"received_from"});
}

TEST_F(IncomingLettersApi, FilterProblemsAreAllNamedInOneAnswer) {
  auto response = as("tu").get("/api/v1/incoming-letters?channel=telepati&per_page=0&received_from=kemarin");
  ASSERT_EQ(response.status, 400) << response.body;
  EXPECT_EQ(errorFields(response), (std::vector<std::string>{"channel", "per_page", "received_from"}));
}

TEST_F(IncomingLettersApi, CsvExportHoldsEveryFilteredEntryBeyondOnePage) {
  auto tu = as("tu");
  auto csv = tu.get("/api/v1/incoming-letters?year=2026&format=csv&per_page=5");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("Content-Type").rfind("text/csv", 0), 0u) << csv.header("Content-Type");
  EXPECT_EQ(csv.body.rfind("agenda_number,tracking_code,status,", 0), 0u);
  auto numbers = csvAgendaNumbers(csv.body);
  EXPECT_EQ(numbers.size(), sampleItems()->size());
  EXPECT_EQ(numbers.count("0001/SM/DINSOSDUKCAPIL/2026"), 1u);

  auto surat = tu.get("/api/v1/incoming-letters?year=2026&channel=surat&format=csv");
  auto listed = tu.get("/api/v1/incoming-letters?year=2026&channel=surat&per_page=500").json()->getArray("items");
  std::set<std::string> expected;
  for (size_t i = 0; i < listed->size(); ++i) expected.insert(listed->getObject(i)->getValue<std::string>("agenda_number"));
  EXPECT_EQ(csvAgendaNumbers(surat.body), expected);
}

TEST_F(IncomingLettersApi, CorrectionKeepsTheOldValueInTheAuditTrail) {
  auto letter = registerLetter(letterBody("2031-04-01T09:00:00"));
  const std::string id = letter->getValue<std::string>("id");
  Poco::JSON::Object::Ptr changes = new Poco::JSON::Object;
  changes->set("subject", "Pengaduan Bantuan PKH Tahap III yang Tidak Diterima");
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("changes", changes);
  body->set("reason", "perihal salah ketik");
  body->set("version", 1);
  auto tu = as("tu");
  auto corrected = tu.request("PATCH", "/api/v1/incoming-letters/" + id, toJsonText(body));
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  EXPECT_EQ(corrected.json()->getValue<std::string>("subject"), "Pengaduan Bantuan PKH Tahap III yang Tidak Diterima");
  EXPECT_EQ(corrected.json()->getValue<int>("version"), 2);
  EXPECT_EQ(corrected.json()->getValue<std::string>("agenda_number"), letter->getValue<std::string>("agenda_number"));

  auto events = as("auditor").get("/api/v1/audit/events?object_id=" + id);
  ASSERT_EQ(events.status, 200) << events.body;
  bool found = false;
  auto items = events.json()->getArray("items");
  for (size_t i = 0; i < items->size(); ++i) {
    auto event = items->getObject(i);
    if (event->getValue<std::string>("action") != "incoming_letter.correct") continue;
    auto details = event->getObject("details");
    EXPECT_EQ(details->getValue<std::string>("note"), "perihal salah ketik");
    auto change = details->getArray("changes")->getObject(0);
    EXPECT_EQ(change->getValue<std::string>("field"), "subject");
    EXPECT_EQ(change->getValue<std::string>("before"), "Pengaduan Bantuan PKH yang Tidak Diterima");
    EXPECT_EQ(change->getValue<std::string>("after"), "Pengaduan Bantuan PKH Tahap III yang Tidak Diterima");
    EXPECT_EQ(event->getValue<std::string>("actor"), "tu");
    found = true;
  }
  EXPECT_TRUE(found) << events.body;

  // A second correction made against version 1 lost the race: 409, nothing changed.
  changes->set("subject", "Perihal dari tab yang basi");
  auto stale = tu.request("PATCH", "/api/v1/incoming-letters/" + id, toJsonText(body));
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(tu.get("/api/v1/incoming-letters/" + id).json()->getValue<std::string>("subject"),
            "Pengaduan Bantuan PKH Tahap III yang Tidak Diterima");
}

TEST_F(IncomingLettersApi, CorrectionNeedsAReasonAndKnownFields) {
  auto id = registerLetter(letterBody("2031-04-02T09:00:00"))->getValue<std::string>("id");
  auto tu = as("tu");
  auto noReason = tu.request("PATCH", "/api/v1/incoming-letters/" + id, R"({"changes":{"subject":"Baru"}})");
  EXPECT_EQ(noReason.status, 400) << noReason.body;
  EXPECT_EQ(errorFields(noReason), std::vector<std::string>{"reason"});
  auto unknown = tu.request("PATCH", "/api/v1/incoming-letters/" + id,
                            R"({"changes":{"perihal":"Baru","subject":5},"reason":"x","alasan":"y"})");
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_EQ(errorFields(unknown), (std::vector<std::string>{"perihal", "subject", "alasan"}));
  auto badEnum = tu.request("PATCH", "/api/v1/incoming-letters/" + id,
                            R"({"changes":{"channel":"merpati","scale":"raksasa"},"reason":"x"})");
  EXPECT_EQ(badEnum.status, 400) << badEnum.body;
  EXPECT_EQ(errorFields(badEnum), (std::vector<std::string>{"channel", "scale"}));
  auto noChanges = tu.request("PATCH", "/api/v1/incoming-letters/" + id, R"({"changes":{},"reason":"x"})");
  EXPECT_EQ(noChanges.status, 400) << noChanges.body;
  EXPECT_EQ(tu.get("/api/v1/incoming-letters/" + id).json()->getValue<int>("version"), 1);
  auto otherYear = tu.request("PATCH", "/api/v1/incoming-letters/" + id,
                              R"({"changes":{"received_at":"2032-01-01T08:00:00"},"reason":"x"})");
  EXPECT_EQ(otherYear.status, 400) << otherYear.body;
}

TEST_F(IncomingLettersApi, VoidKeepsTheNumberMarkedVoidAndNeverReusesIt) {
  auto letter = registerLetter(letterBody("2031-06-01T09:00:00"));
  const std::string id = letter->getValue<std::string>("id");
  auto tu = as("tu");
  auto noReason = tu.post("/api/v1/incoming-letters/" + id + "/void", "{}");
  EXPECT_EQ(noReason.status, 400) << noReason.body;
  auto voided = tu.post("/api/v1/incoming-letters/" + id + "/void", R"({"reason":"terdaftar dua kali"})");
  ASSERT_EQ(voided.status, 200) << voided.body;
  EXPECT_EQ(voided.json()->getValue<std::string>("status"), "void");
  EXPECT_EQ(voided.json()->getValue<std::string>("void_reason"), "terdaftar dua kali");
  EXPECT_EQ(voided.json()->getValue<std::string>("agenda_number"), "0001/SM/DINSOSDUKCAPIL/2031");

  auto read = tu.get("/api/v1/incoming-letters/" + id).json();
  EXPECT_EQ(read->getValue<std::string>("status"), "void");
  EXPECT_EQ(read->getValue<std::string>("agenda_number"), "0001/SM/DINSOSDUKCAPIL/2031");
  auto again = tu.post("/api/v1/incoming-letters/" + id + "/void", R"({"reason":"lagi"})");
  EXPECT_EQ(again.status, 409) << again.body;
  auto correct = tu.request("PATCH", "/api/v1/incoming-letters/" + id, R"({"changes":{"subject":"x"},"reason":"y"})");
  EXPECT_EQ(correct.status, 409) << correct.body;

  EXPECT_EQ(registerLetter(letterBody("2031-06-02T09:00:00"))->getValue<std::string>("agenda_number"),
            "0002/SM/DINSOSDUKCAPIL/2031");
  EXPECT_EQ(totalOf(tu.get("/api/v1/incoming-letters?year=2031&status=void")), 1);
  EXPECT_EQ(totalOf(tu.get("/api/v1/incoming-letters?year=2031&status=active")), 1);
  // The head may void as well.
  auto second = registerLetter(letterBody("2031-06-03T09:00:00"))->getValue<std::string>("id");
  EXPECT_EQ(as("kadis").post("/api/v1/incoming-letters/" + second + "/void", R"({"reason":"salah kirim"})").status, 200);
}

TEST_F(IncomingLettersApi, TrackingCodeShowsThePublicStatusWithoutSigningIn) {
  auto letter = registerLetter(letterBody("2031-07-01T09:00:00"));
  const std::string code = letter->getValue<std::string>("tracking_code");
  auto visitor = anonymous();
  auto tracked = visitor.get("/api/v1/track/" + code);
  ASSERT_EQ(tracked.status, 200) << tracked.body;
  auto status = tracked.json();
  EXPECT_EQ(status->getValue<std::string>("agenda_number"), letter->getValue<std::string>("agenda_number"));
  EXPECT_EQ(status->getValue<std::string>("status"), "diterima");
  // Nothing of the complaint or its reporter is public.
  EXPECT_EQ(tracked.body.find("Syamsul"), std::string::npos) << tracked.body;
  EXPECT_FALSE(status->has("summary"));
  EXPECT_FALSE(status->has("reporter"));

  std::string lower = code;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  EXPECT_EQ(visitor.get("/api/v1/track/" + lower).status, 200);
  std::string typo = code;
  typo[4] = typo[4] == 'A' ? 'B' : 'A';
  EXPECT_EQ(visitor.get("/api/v1/track/" + typo).status, 404);
  EXPECT_EQ(visitor.get("/api/v1/track/ADU-0000-0000-0").errorCode(), "not_found");

  as("tu").post("/api/v1/incoming-letters/" + letter->getValue<std::string>("id") + "/void", R"({"reason":"ganda"})");
  EXPECT_EQ(visitor.get("/api/v1/track/" + code).json()->getValue<std::string>("status"), "dibatalkan");
}

TEST_F(IncomingLettersApi, CorrectingTheReporterKeepsTheIdentityOutOfTheAuditTrail) {
  auto letter = registerLetter(letterBody("2031-12-02T09:00:00"));
  const std::string id = letter->getValue<std::string>("id");
  auto corrected = as("tu").request(
      "PATCH", "/api/v1/incoming-letters/" + id,
      R"({"changes":{"reporter":{"phone":"085299990000"},"subject":"Perihal baru"},"reason":"nomor telepon salah"})");
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  EXPECT_EQ(corrected.json()->getObject("reporter")->getValue<std::string>("phone"), "085299990000");
  auto events = as("auditor").get("/api/v1/audit/events?object_id=" + id);
  ASSERT_EQ(events.status, 200) << events.body;
  EXPECT_NE(events.body.find("Perihal baru"), std::string::npos) << events.body;
  for (const char* secret : {"085299990000", "081274451203", "Syamsul"})
    EXPECT_EQ(events.body.find(secret), std::string::npos) << secret << " in " << events.body;

  // The old number is not lost: the letter's confidential history keeps it, tied to the event.
  auto history = as("kasi").get("/api/v1/incoming-letters/" + id + "/reporter-history");
  ASSERT_EQ(history.status, 200) << history.body;
  auto items = history.json()->getArray("items");
  ASSERT_EQ(items->size(), 1u) << history.body;
  auto change = items->getObject(0);
  EXPECT_EQ(change->getValue<std::string>("field"), "reporter.phone");
  EXPECT_EQ(change->getValue<std::string>("before"), "081274451203");
  EXPECT_EQ(change->getValue<std::string>("after"), "085299990000");
  EXPECT_EQ(change->getValue<std::string>("changed_by"), "tu");
  auto correctEvent = events.json()->getArray("items");
  bool tied = false;
  for (size_t i = 0; i < correctEvent->size(); ++i)
    if (correctEvent->getObject(i)->getValue<std::string>("action") == "incoming_letter.correct")
      tied = correctEvent->getObject(i)->getValue<std::int64_t>("sequence") == change->getValue<std::int64_t>("audit_sequence");
  EXPECT_TRUE(tied) << events.body << history.body;
  // Roles that may not see the identity may not see its history either.
  for (const std::string user : {"auditor", "admin", "petugas"}) {
    auto refused = as(user).get("/api/v1/incoming-letters/" + id + "/reporter-history");
    EXPECT_EQ(refused.status, 403) << user << ": " << refused.body;
    EXPECT_EQ(refused.body.find("081274451203"), std::string::npos);
  }
  EXPECT_EQ(as("pelapor").get("/api/v1/incoming-letters/" + id + "/reporter-history").status, 403);
  EXPECT_EQ(as("kasi").get("/api/v1/incoming-letters/999999/reporter-history").status, 404);
}

TEST_F(IncomingLettersApi, ReceivedAtDefaultsToNowInOfficeTime) {
  auto body = letterBody();
  body->remove("received_at");
  auto letter = registerLetter(body);
  const std::string receivedAt = letter->getValue<std::string>("received_at");
  EXPECT_TRUE(std::regex_match(receivedAt, std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?.*")))
      << receivedAt;
  EXPECT_EQ(letter->getValue<std::string>("agenda_year"), receivedAt.substr(0, 4));
}

}  // namespace
}  // namespace naskah::testing