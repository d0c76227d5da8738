// The audit trail as an auditor reads it over HTTP: every change has its event, in sequence,
// each linked to the one before by hash.
#include "http/api_test_fixture.h"

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

}  // namespace
}  // namespace naskah::testing
