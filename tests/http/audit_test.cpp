// The audit trail as an auditor reads it over HTTP: every change has its event, in sequence,
// each linked to the one before by hash.
#include "http/api_test_fixture.h"
#include "json/letter_json.h"
#include "support/csv.h"

namespace naskah::testing {
namespace {

using AuditApi = ApiTest;

TEST_F(AuditApi, EventsPageInSequenceOrderEachLinkedToTheOneBefore) {
  auto auditor = as("auditor");
  std::string previousHash(64, '0');
  std::int64_t expected = 1, after = 0;
  for (int page = 0; page < 3; ++page) {
    auto response = auditor.get("/api/v1/audit/events?limit=10&after=" + std::to_string(after));
    ASSERT_EQ(response.status, 200) << response.body;
    auto items = response.json()->getArray("items");
    ASSERT_EQ(items->size(), 10u);
    for (size_t i = 0; i < items->size(); ++i) {
      auto event = items->getObject(i);
      EXPECT_EQ(event->getValue<std::int64_t>("sequence"), expected++);
      EXPECT_EQ(event->getValue<std::string>("previous_hash"), previousHash);
      previousHash = event->getValue<std::string>("hash");
      EXPECT_EQ(previousHash.size(), 64u);
    }
    after = response.json()->getValue<std::int64_t>("next_after");
    EXPECT_EQ(after, expected - 1);
  }
  EXPECT_EQ(auditor.get("/api/v1/audit/events?limit=1001").status, 400);
  EXPECT_EQ(auditor.get("/api/v1/audit/events?after=-1").status, 400);
}

TEST_F(AuditApi, EveryChangeOfAnEntryHasItsEventNamingWhoDidIt) {
  auto letter = registerLetter(letterBody("2031-03-03T09:00:00"));
  const std::string id = letter->getValue<std::string>("id");
  auto tu = as("tu");
  ASSERT_EQ(tu.request("PATCH", "/api/v1/incoming-letters/" + id, R"({"changes":{"scale":"besar"},"reason":"dinilai ulang"})")
                .status,
            200);
  ASSERT_EQ(tu.post("/api/v1/incoming-letters/" + id + "/attachments?file_name=scan.pdf", "%PDF-1.4\n%%EOF\n",
                    {{"Content-Type", "application/pdf"}})
                .status,
            201);
  ASSERT_EQ(as("kadis").post("/api/v1/incoming-letters/" + id + "/void", R"({"reason":"ganda"})").status, 200);

  auto response = as("admin").get("/api/v1/audit/events?object_type=incoming_letter&object_id=" + id);
  ASSERT_EQ(response.status, 200) << response.body;
  auto items = response.json()->getArray("items");
  std::vector<std::string> actions, actors;
  for (size_t i = 0; i < items->size(); ++i) {
    actions.push_back(items->getObject(i)->getValue<std::string>("action"));
    actors.push_back(items->getObject(i)->getValue<std::string>("actor"));
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"incoming_letter.register", "incoming_letter.correct",
                                               "incoming_letter.attach", "incoming_letter.void"}));
  EXPECT_EQ(actors, (std::vector<std::string>{"tu", "tu", "tu", "kadis"}));
  auto voidEvent = items->getObject(3)->getObject("details");
  EXPECT_EQ(voidEvent->getValue<std::string>("note"), "ganda");
  auto byActor = as("auditor").get("/api/v1/audit/events?actor=kadis&action=incoming_letter.void");
  EXPECT_EQ(byActor.json()->getArray("items")->size(), 1u) << byActor.body;
}

// The CSV export answers what the JSON pages would, every page of it, and each filter narrows it.
TEST_F(AuditApi, CsvExportHoldsEveryEventItsFiltersMatch) {
  // Past one internal page (1000 events) of the export.
  auto& system = server().system();
  auto office = system.directory().officeOrOnly("");
  domain::Actor tu{0, office.id, "tu", domain::Role::kRegistrar};
  for (int i = 0; i < 1000; ++i) {
    auto body = letterBody("2031-04-01T09:00:00");
    body->set("subject", "Pengaduan ke-" + std::to_string(i) + ", \"jalan\" rusak");
    system.registration().registerIncoming(tu, json::registrationFromJson(*body), "");
  }
  auto id = registerLetter(letterBody("2031-04-02T09:00:00"))->getValue<std::string>("id");
  ASSERT_EQ(as("kadis").post("/api/v1/incoming-letters/" + id + "/void", R"({"reason":"ganda, \"salah\" catat"})").status,
            200);

  auto auditor = as("auditor");
  auto csv = [&](const std::string& query) {
    auto r = auditor.get("/api/v1/audit/events?format=csv" + query);
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 300);
    EXPECT_EQ(r.header("Content-Type").rfind("text/csv", 0), 0u);
    return csvRecords(r.body);
  };
  auto all = csv("");
  auto verify = auditor.get("/api/v1/audit/verify").json();
  ASSERT_EQ(static_cast<std::int64_t>(all.size()), verify->getValue<std::int64_t>("events_checked"));
  ASSERT_GT(all.size(), 1000u);
  std::string previous(64, '0');
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].at("sequence"), std::to_string(i + 1));
    EXPECT_EQ(all[i].at("previous_hash"), previous);
    previous = all[i].at("hash");
  }

  // The same events, cell for cell, as the JSON page of the same filter.
  auto page = auditor.get("/api/v1/audit/events?object_type=incoming_letter&object_id=" + id).json()->getArray("items");
  auto byObject = csv("&object_type=incoming_letter&object_id=" + id);
  ASSERT_EQ(byObject.size(), page->size());
  ASSERT_EQ(byObject.size(), 2u);
  for (std::size_t i = 0; i < byObject.size(); ++i) {
    auto event = page->getObject(static_cast<unsigned>(i));
    EXPECT_EQ(byObject[i].at("sequence"), event->get("sequence").toString());
    EXPECT_EQ(byObject[i].at("action"), event->getValue<std::string>("action"));
    EXPECT_EQ(byObject[i].at("hash"), event->getValue<std::string>("hash"));
  }
  EXPECT_NE(byObject[1].at("details").find("ganda, \\\"salah\\\" catat"), std::string::npos) << byObject[1].at("details");

  auto voided = csv("&actor=kadis&action=incoming_letter.void");
  ASSERT_EQ(voided.size(), 1u);
  EXPECT_EQ(voided[0].at("object_id"), id);
  EXPECT_EQ(csv("&actor=kadis&action=incoming_letter.register").size(), 0u);
  auto after = csv("&after=1000&limit=5");
  ASSERT_EQ(after.size(), 5u);
  EXPECT_EQ(after[0].at("sequence"), "1001");
  const auto& voidAt = voided[0].at("at");
  EXPECT_EQ(csv("&action=incoming_letter.void&from=" + voidAt).size(), 1u);
  EXPECT_EQ(csv("&action=incoming_letter.void&to=" + voidAt).size(), 0u);  // `to` is exclusive

  EXPECT_EQ(auditor.get("/api/v1/audit/events?format=xml").status, 400);
  EXPECT_EQ(errorFields(auditor.get("/api/v1/audit/events?format=csv&limit=0")), std::vector<std::string>{"limit"});
  EXPECT_EQ(as("tu").get("/api/v1/audit/events?format=csv").status, 403);
}

}  // namespace
}  // namespace naskah::testing
