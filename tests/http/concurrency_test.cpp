// The agenda under concurrency: 64 keep-alive clients at once, failing writes among good ones,
// and racing edits of one entry. Numbers stay gap-free and the audit chain whole.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "http/api_test_fixture.h"

namespace naskah::testing {
namespace {

using IncomingLettersUnderLoad = ApiTest;

TEST_F(IncomingLettersUnderLoad, SixtyFourClientsGetGapFreeNumbers) {
  constexpr int kClients = 64;
  constexpr int kEach = 50;
  const std::string token = as("tu").token();
  std::atomic<int> created{0};
  std::mutex mutex;
  std::vector<std::int64_t> sequences;
  std::vector<std::string> failures;
  std::vector<std::thread> threads;
  // Every client holds its connection open from its first answer on; until all 64 have had one,
  // none goes on, so a server that serves fewer connections at once than that shows here.
  std::condition_variable allServed;
  int served = 0;
  bool starved = false;
  for (int c = 0; c < kClients; ++c) {
    threads.emplace_back([&, c] {
      HttpClient client(port());
      client.setToken(token);
      std::vector<std::int64_t> mine;
      for (int i = 0; i < kEach; ++i) {
        if (i == 1) {
          std::unique_lock lock(mutex);
          if (++served == kClients) allServed.notify_all();
          if (!allServed.wait_for(lock, std::chrono::seconds(30), [&] { return served == kClients; }) && !starved) {
            starved = true;
            failures.push_back("only " + std::to_string(served) + " of 64 keep-alive clients were served at once");
          }
        }
        auto body = letterBody("2031-08-01T09:00:00");
        body->set("subject", "Serentak klien " + std::to_string(c) + " ke-" + std::to_string(i));
        try {
          auto response = client.post("/api/v1/incoming-letters", toJsonText(body));
          if (response.status == 201) {
            ++created;
            mine.push_back(response.json()->getValue<std::int64_t>("agenda_sequence"));
          } else {
            std::lock_guard lock(mutex);
            failures.push_back(std::to_string(response.status) + " " + response.body);
          }
        } catch (const Poco::Exception& e) {
          std::lock_guard lock(mutex);
          failures.push_back(e.displayText());
        }
      }
      std::lock_guard lock(mutex);
      sequences.insert(sequences.end(), mine.begin(), mine.end());
    });
  }
  for (auto& t : threads) t.join();

  EXPECT_EQ(created.load(), kClients * kEach);
  EXPECT_TRUE(failures.empty()) << failures.size() << " failed, first: " << failures.front();
  std::sort(sequences.begin(), sequences.end());
  ASSERT_EQ(sequences.size(), static_cast<size_t>(kClients * kEach));
  for (size_t i = 0; i < sequences.size(); ++i) ASSERT_EQ(sequences[i], static_cast<std::int64_t>(i + 1));
  EXPECT_EQ(totalOf(as("tu").get("/api/v1/incoming-letters?year=2031")), kClients * kEach);

  auto verify = as("auditor").get("/api/v1/audit/verify");
  ASSERT_EQ(verify.status, 200) << verify.body;
  EXPECT_TRUE(verify.json()->getValue<bool>("valid")) << verify.body;
}

TEST_F(IncomingLettersUnderLoad, FailingWritesAmongConcurrentRegistrationsTakeNoNumberAndNoAuditEvent) {
  // Writes that fail inside the store (void twice, a stale correction) arrive in the same
  // moments as registrations; none of them may cost a number, drop a registration or leave
  // an audit event behind.
  auto target = registerLetter(letterBody("2032-01-01T09:00:00"));
  const std::string targetPath = "/api/v1/incoming-letters/" + target->getValue<std::string>("id");
  auto tu = as("tu");
  auto voided = tu.post(targetPath + "/void", R"({"reason":"sasaran uji"})");
  ASSERT_EQ(voided.status, 200) << voided.body;
  const int versionAfterVoid = voided.json()->getValue<int>("version");
  auto auditor = as("auditor");
  const int eventsBefore = auditor.get("/api/v1/audit/verify").json()->getValue<int>("events_checked");

  constexpr int kRegistrars = 24, kSpoilers = 8, kEach = 40;
  std::atomic<int> created{0}, refused{0}, idempotentCreated{0};
  std::mutex mutex;
  std::vector<std::int64_t> sequences;
  std::vector<std::string> unexpected;
  std::vector<std::thread> threads;
  for (int c = 0; c < kRegistrars + kSpoilers; ++c) {
    threads.emplace_back([&, c] {
      HttpClient client(port());
      client.setToken(tu.token());
      for (int i = 0; i < kEach; ++i) {
        HttpResponse response;
        int expected = 201;
        if (c < kRegistrars) {
          response = client.post("/api/v1/incoming-letters", toJsonText(letterBody("2031-08-01T09:00:00")));
        } else if (i % 3 == 0) {
          expected = 409;
          response = client.post(targetPath + "/void", R"({"reason":"lagi"})");
        } else if (i % 3 == 1) {
          expected = 409;
          response = client.request("PATCH", targetPath, R"({"changes":{"subject":"x"},"reason":"y","version":1})");
        } else {
          // The same key from every spoiler: one registration in all, in another year.
          response = client.post("/api/v1/incoming-letters", toJsonText(letterBody("2033-01-01T09:00:00")),
                                 {{"Idempotency-Key", "sekali-saja"}});
          if (response.status == 201) ++idempotentCreated;
          if (response.status == 200 || response.status == 201) continue;
        }
        std::lock_guard lock(mutex);
        if (response.status != expected) {
          unexpected.push_back(std::to_string(response.status) + " " + response.body);
        } else if (expected == 201) {
          ++created;
          sequences.push_back(response.json()->getValue<std::int64_t>("agenda_sequence"));
        } else {
          ++refused;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_TRUE(unexpected.empty()) << unexpected.size() << " unexpected, first: " << unexpected.front();
  EXPECT_EQ(created.load(), kRegistrars * kEach);
  EXPECT_EQ(idempotentCreated.load(), 1);
  std::sort(sequences.begin(), sequences.end());
  for (size_t i = 0; i < sequences.size(); ++i) ASSERT_EQ(sequences[i], static_cast<std::int64_t>(i + 1));
  EXPECT_EQ(totalOf(tu.get("/api/v1/incoming-letters?year=2031")), kRegistrars * kEach);
  EXPECT_EQ(totalOf(tu.get("/api/v1/incoming-letters?year=2033")), 1);
  EXPECT_EQ(tu.get(targetPath).json()->getValue<int>("version"), versionAfterVoid);

  auto verify = auditor.get("/api/v1/audit/verify").json();
  EXPECT_TRUE(verify->getValue<bool>("valid"));
  EXPECT_EQ(verify->getValue<int>("events_checked"), eventsBefore + kRegistrars * kEach + 1);
}

TEST_F(IncomingLettersUnderLoad, ConcurrentEditsOfOneVersionLetExactlyOneWin) {
  auto letter = registerLetter(letterBody("2031-12-01T09:00:00"));
  const std::string path = "/api/v1/incoming-letters/" + letter->getValue<std::string>("id");
  const std::string token = as("tu").token();
  auto race = [&](const std::function<HttpResponse(HttpClient&, int)>& call) {
    constexpr int kClients = 12;
    std::vector<int> statuses(kClients);
    std::vector<std::thread> threads;
    for (int c = 0; c < kClients; ++c)
      threads.emplace_back([&, c] {
        HttpClient client(port());
        client.setToken(token);
        statuses[c] = call(client, c).status;
      });
    for (auto& t : threads) t.join();
    std::sort(statuses.begin(), statuses.end());
    return statuses;
  };
  std::vector<int> oneWinner(12, 409);
  oneWinner.front() = 200;

  auto corrections = race([&](HttpClient& client, int c) {
    return client.request("PATCH", path, R"({"changes":{"subject":"Perihal versi )" + std::to_string(c) +
                                             R"("},"reason":"serentak","version":1})");
  });
  EXPECT_EQ(corrections, oneWinner);
  auto read = as("tu").get(path).json();
  EXPECT_EQ(read->getValue<int>("version"), 2);
  EXPECT_EQ(read->getValue<std::string>("subject").rfind("Perihal versi ", 0), 0u);

  auto voids = race([&](HttpClient& client, int) { return client.post(path + "/void", R"({"reason":"serentak"})"); });
  EXPECT_EQ(voids, oneWinner);
  auto verify = as("auditor").get("/api/v1/audit/verify").json();
  EXPECT_TRUE(verify->getValue<bool>("valid"));
  auto events = as("auditor").get("/api/v1/audit/events?object_id=" + letter->getValue<std::string>("id")).json();
  int corrects = 0, voidEvents = 0;
  for (size_t i = 0; i < events->getArray("items")->size(); ++i) {
    std::string action = events->getArray("items")->getObject(i)->getValue<std::string>("action");
    corrects += action == "incoming_letter.correct";
    voidEvents += action == "incoming_letter.void";
  }
  EXPECT_EQ(corrects, 1);
  EXPECT_EQ(voidEvents, 1);
}

}  // namespace
}  // namespace naskah::testing
