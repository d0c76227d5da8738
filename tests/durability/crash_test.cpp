// Kill -9 the real server while clients register, restart it on the same data folder, and
// nothing answered 201 is lost, numbers stay gap-free, and the audit chain still verifies.
// And `naskah audit verify` notices a changed or removed audit event.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "Poco/Data/SQLite/Connector.h"
#include "Poco/Data/Session.h"
#include "Poco/SHA2Engine.h"
#include "domain/audit/audit_chain.h"
#include "durability/naskah_process.h"
#include "support/http_client.h"
#include "support/temp_dir.h"

namespace naskah::testing {
namespace {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

struct Answered {
  std::string agendaNumber;
  std::string subject;
  std::int64_t sequence = 0;
};

void initWithSamples(const std::string& dir) {
  auto init = runNaskah({"init", "--data", dir, "--samples", NASKAH_SOURCE_DIR "/samples"});
  ASSERT_EQ(init.exitCode, 0) << init.output;
}

Poco::JSON::Object::Ptr registration(const std::string& subject) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("received_at", "2031-03-02T09:15:00");
  o->set("channel", "whatsapp");
  o->set("sender", "Warga Kelurahan Talang Banjar");
  o->set("subject", subject);
  o->set("complaint_kind", "pengaduan");
  o->set("summary", "Pengaduan yang didaftarkan ketika server dimatikan paksa.");
  return o;
}

// Every agenda sequence of the year, oldest first, read page by page.
std::vector<std::int64_t> sequencesOfYear(HttpClient& client, int year) {
  std::vector<std::int64_t> sequences;
  for (int page = 1;; ++page) {
    auto response = client.get("/api/v1/incoming-letters?order=oldest&per_page=500&year=" + std::to_string(year) +
                               "&page=" + std::to_string(page));
    EXPECT_EQ(response.status, 200) << response.body;
    auto items = response.json()->getArray("items");
    if (!items || items->size() == 0) break;
    for (size_t i = 0; i < items->size(); ++i)
      sequences.push_back(items->getObject(i)->getValue<std::int64_t>("agenda_sequence"));
  }
  return sequences;
}

// Registers with 16 clients until at least `more` further registrations were answered 201,
// then kills the server with SIGKILL mid-stream. Answers are added to `answered` by id.
void registerUntilKilled(const std::string& dataDir, size_t more, std::map<std::int64_t, Answered>& answered) {
  constexpr int kClients = 16;
  const size_t target = answered.size() + more;
  std::vector<std::string> unexpected;
  std::mutex mutex;
  std::condition_variable enough;
  ServingNaskah server(dataDir);
  const std::string token = HttpClient(server.port()).login("tu", "tu-naskah-2026");
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      HttpClient client(server.port());
      client.setToken(token);
      for (int i = 0; !stop; ++i) {
        std::string subject = "Uji mati paksa " + std::to_string(target) + " klien " + std::to_string(c) + " ke-" +
                              std::to_string(i);
        HttpResponse response;
        try {
          response = client.post("/api/v1/incoming-letters", toJsonText(registration(subject)));
        } catch (const Poco::Exception&) {
          return;  // the server is gone; this request may or may not have been stored
        }
        std::lock_guard lock(mutex);
        if (response.status != 201) {
          unexpected.push_back(std::to_string(response.status) + " " + response.body);
          enough.notify_one();
          return;
        }
        auto json = response.json();
        answered[json->getValue<std::int64_t>("id")] =
            Answered{json->getValue<std::string>("agenda_number"), subject,
                     json->getValue<std::int64_t>("agenda_sequence")};
        if (answered.size() >= target) enough.notify_one();
      }
    });
  }
  {
    std::unique_lock lock(mutex);
    enough.wait(lock, [&] { return answered.size() >= target || !unexpected.empty(); });
  }
  server.kill();
  stop = true;
  for (auto& t : clients) t.join();
  ASSERT_TRUE(unexpected.empty()) << unexpected.size() << " unexpected answers, first: " << unexpected.front();
  ASSERT_GE(answered.size(), target);
}

TEST(Durability, KillNineWhileRegisteringLosesNoAnsweredRegistration) {
  TempDir dir;
  ASSERT_NO_FATAL_FAILURE(initWithSamples(dir.path()));
  std::map<std::int64_t, Answered> answered;  // by id
  // Twice: the second crash hits a store that recovered from the first.
  ASSERT_NO_FATAL_FAILURE(registerUntilKilled(dir.path(), 600, answered));
  ASSERT_NO_FATAL_FAILURE(registerUntilKilled(dir.path(), 600, answered));

  ServingNaskah restarted(dir.path());
  HttpClient tu(restarted.port());
  tu.login("tu", "tu-naskah-2026");
  size_t missing = 0;
  for (const auto& [id, entry] : answered) {
    auto response = tu.get("/api/v1/incoming-letters/" + std::to_string(id));
    if (response.status != 200) {
      if (++missing <= 5) ADD_FAILURE() << "answered 201 as " << entry.agendaNumber << " but now " << response.body;
      continue;
    }
    auto letter = response.json();
    EXPECT_EQ(letter->getValue<std::string>("agenda_number"), entry.agendaNumber);
    EXPECT_EQ(letter->getValue<std::string>("subject"), entry.subject);
  }
  EXPECT_EQ(missing, 0u) << "of " << answered.size() << " answered registrations";

  // Gap-free 1..N, N at least what was answered (a request cut off by the kill may have been stored).
  auto sequences = sequencesOfYear(tu, 2031);
  ASSERT_GE(sequences.size(), answered.size());
  for (size_t i = 0; i < sequences.size(); ++i) ASSERT_EQ(sequences[i], static_cast<std::int64_t>(i + 1));
  // The demo office's 2026 register is untouched.
  EXPECT_EQ(tu.get("/api/v1/incoming-letters?year=2026").json()->getValue<int>("total"), 65);

  // Numbering goes on from where the store was, not from where the answers were.
  auto next = tu.post("/api/v1/incoming-letters", toJsonText(registration("Setelah dinyalakan ulang")));
  ASSERT_EQ(next.status, 201) << next.body;
  EXPECT_EQ(next.json()->getValue<std::int64_t>("agenda_sequence"), static_cast<std::int64_t>(sequences.size() + 1));

  EXPECT_EQ(restarted.terminate(), 0) << restarted.output();
  auto verify = runNaskah({"audit", "verify", "--data", dir.path()});
  EXPECT_EQ(verify.exitCode, 0) << verify.output;
  EXPECT_NE(verify.output.find("audit chain valid"), std::string::npos) << verify.output;
}

TEST(Durability, KillNineWhileUploadingKeepsEveryAnsweredScanByteForByte) {
  TempDir dir;
  ASSERT_NO_FATAL_FAILURE(initWithSamples(dir.path()));
  struct Upload {
    std::string letterId;
    std::string content;
  };
  std::map<std::string, Upload> answered;  // by attachment id
  std::vector<std::string> unexpected;
  std::mutex mutex;
  std::condition_variable enough;
  constexpr size_t kKillAfter = 120;
  {
    ServingNaskah server(dir.path());
    HttpClient tu(server.port());
    tu.login("tu", "tu-naskah-2026");
    auto letter = tu.post("/api/v1/incoming-letters", toJsonText(registration("Dengan pindaian")));
    ASSERT_EQ(letter.status, 201) << letter.body;
    const std::string letterId = letter.json()->getValue<std::string>("id");
    std::atomic<bool> stop{false};
    std::vector<std::thread> clients;
    for (int c = 0; c < 8; ++c) {
      clients.emplace_back([&, c] {
        HttpClient client(server.port());
        client.setToken(tu.token());
        for (int i = 0; !stop; ++i) {
          // Distinct content per upload, a few hundred KiB, so a torn or mixed-up file shows.
          std::string content = "%PDF-1.4\n% klien " + std::to_string(c) + " ke-" + std::to_string(i) + "\n";
          content.resize(200 * 1024 + c * 997 + i, static_cast<char>('A' + (c + i) % 26));
          HttpResponse response;
          try {
            response = client.post("/api/v1/incoming-letters/" + letterId + "/attachments?file_name=pindaian.pdf",
                                   content, {{"Content-Type", "application/pdf"}});
          } catch (const Poco::Exception&) {
            return;
          }
          std::lock_guard lock(mutex);
          if (response.status != 201) {
            unexpected.push_back(std::to_string(response.status) + " " + response.body);
            enough.notify_one();
            return;
          }
          answered[response.json()->getValue<std::string>("id")] = Upload{letterId, content};
          if (answered.size() >= kKillAfter) enough.notify_one();
        }
      });
    }
    {
      std::unique_lock lock(mutex);
      enough.wait(lock, [&] { return answered.size() >= kKillAfter || !unexpected.empty(); });
    }
    server.kill();
    stop = true;
    for (auto& t : clients) t.join();
  }
  ASSERT_TRUE(unexpected.empty()) << unexpected.front();

  ServingNaskah restarted(dir.path());
  HttpClient auditor(restarted.port());
  auditor.login("auditor", "auditor-naskah-2026");
  size_t wrong = 0;
  for (const auto& [id, upload] : answered) {
    auto download = auditor.get("/api/v1/incoming-letters/" + upload.letterId + "/attachments/" + id);
    if (download.status != 200 || download.body != upload.content)
      if (++wrong <= 5)
        ADD_FAILURE() << "attachment " << id << ": " << download.status << ", " << download.body.size() << " bytes of "
                      << upload.content.size();
  }
  EXPECT_EQ(wrong, 0u) << "of " << answered.size() << " answered uploads";
  EXPECT_EQ(restarted.terminate(), 0);
  auto verify = runNaskah({"audit", "verify", "--data", dir.path()});
  EXPECT_EQ(verify.exitCode, 0) << verify.output;
}

TEST(Durability, SigtermWhileRegisteringStopsCleanlyKeepingEveryAnsweredRegistration) {
  TempDir dir;
  ASSERT_NO_FATAL_FAILURE(initWithSamples(dir.path()));
  std::map<std::int64_t, Answered> answered;
  std::vector<std::string> unexpected;
  std::mutex mutex;
  std::condition_variable enough;
  int exitCode = -1;
  std::string output;
  {
    ServingNaskah server(dir.path());
    const std::string token = HttpClient(server.port()).login("tu", "tu-naskah-2026");
    std::vector<std::thread> clients;
    for (int c = 0; c < 8; ++c) {
      clients.emplace_back([&, c] {
        HttpClient client(server.port());
        client.setToken(token);
        for (int i = 0;; ++i) {
          std::string subject = "Uji berhenti klien " + std::to_string(c) + " ke-" + std::to_string(i);
          HttpResponse response;
          try {
            response = client.post("/api/v1/incoming-letters", toJsonText(registration(subject)));
          } catch (const Poco::Exception&) {
            return;  // refused or cut off by the stop
          }
          std::lock_guard lock(mutex);
          if (response.status != 201) {
            // A request that reached a handler while stopping is answered, not dropped or half-done.
            unexpected.push_back(std::to_string(response.status) + " " + response.body);
            return;
          }
          auto json = response.json();
          answered[json->getValue<std::int64_t>("id")] =
              Answered{json->getValue<std::string>("agenda_number"), subject, 0};
          if (answered.size() >= 200) enough.notify_one();
        }
      });
    }
    {
      std::unique_lock lock(mutex);
      enough.wait(lock, [&] { return answered.size() >= 200 || !unexpected.empty(); });
    }
    exitCode = server.terminate();
    for (auto& t : clients) t.join();
    output = server.output();
  }
  EXPECT_EQ(exitCode, 0) << output;
  EXPECT_NE(output.find("stopped"), std::string::npos) << output;
  EXPECT_TRUE(unexpected.empty()) << unexpected.size() << " unexpected answers, first: " << unexpected.front();

  auto verify = runNaskah({"audit", "verify", "--data", dir.path()});
  EXPECT_EQ(verify.exitCode, 0) << verify.output;
  ServingNaskah restarted(dir.path());
  HttpClient tu(restarted.port());
  tu.login("tu", "tu-naskah-2026");
  for (const auto& [id, entry] : answered)
    ASSERT_EQ(tu.get("/api/v1/incoming-letters/" + std::to_string(id)).status, 200) << entry.agendaNumber;
  auto sequences = sequencesOfYear(tu, 2031);
  ASSERT_GE(sequences.size(), answered.size());
  for (size_t i = 0; i < sequences.size(); ++i) ASSERT_EQ(sequences[i], static_cast<std::int64_t>(i + 1));
}

TEST(Durability, CliRegistrationsWhileTheServerRunsShareOneGapFreeSequence) {
  TempDir dir;
  ASSERT_NO_FATAL_FAILURE(initWithSamples(dir.path()));
  ServingNaskah server(dir.path());
  const std::string token = HttpClient(server.port()).login("tu", "tu-naskah-2026");
  std::atomic<bool> stop{false};
  std::atomic<int> httpCreated{0};
  std::mutex mutex;
  std::set<std::string> numbers;
  std::vector<std::string> unexpected;
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&] {
      HttpClient client(server.port());
      client.setToken(token);
      while (!stop) {
        auto response = client.post("/api/v1/incoming-letters", toJsonText(registration("Lewat HTTP")));
        std::lock_guard lock(mutex);
        if (response.status != 201) {
          unexpected.push_back(std::to_string(response.status) + " " + response.body);
          return;
        }
        ++httpCreated;
        numbers.insert(response.json()->getValue<std::string>("agenda_number"));
      }
    });
  }
  // Another process takes numbers from the same counter while the server is busy.
  constexpr int kCli = 6;
  static const std::regex kRegistered("registered ([0-9]{4}/SM/DINSOSDUKCAPIL/2031)");
  for (int i = 0; i < kCli; ++i) {
    auto result = runNaskah({"register", "--data", dir.path(), "--received-at", "2031-03-02T10:00:00", "--channel",
                             "datang_langsung", "--sender", "Warga", "--subject", "Lewat CLI " + std::to_string(i),
                             "--summary", "Didaftarkan dari baris perintah.", "--complaint-kind", "saran"});
    ASSERT_EQ(result.exitCode, 0) << result.output;
    std::smatch match;
    ASSERT_TRUE(std::regex_search(result.output, match, kRegistered)) << result.output;
    std::lock_guard lock(mutex);
    EXPECT_TRUE(numbers.insert(match[1]).second) << match[1] << " was given twice";
  }
  stop = true;
  for (auto& t : clients) t.join();
  ASSERT_TRUE(unexpected.empty()) << unexpected.front();
  EXPECT_GT(httpCreated.load(), 0);

  HttpClient tu(server.port());
  tu.login("tu", "tu-naskah-2026");
  auto sequences = sequencesOfYear(tu, 2031);
  EXPECT_EQ(sequences.size(), static_cast<size_t>(httpCreated.load() + kCli));
  EXPECT_EQ(numbers.size(), sequences.size());
  for (size_t i = 0; i < sequences.size(); ++i) ASSERT_EQ(sequences[i], static_cast<std::int64_t>(i + 1));
  auto verify = tu.get("/api/v1/audit/verify");  // a registrar may not: 403
  EXPECT_EQ(verify.status, 403);
  HttpClient auditor(server.port());
  auditor.login("auditor", "auditor-naskah-2026");
  auto chain = auditor.get("/api/v1/audit/verify");
  EXPECT_TRUE(chain.json()->getValue<bool>("valid")) << chain.body;
  EXPECT_EQ(server.terminate(), 0);
  auto offline = runNaskah({"audit", "verify", "--data", dir.path()});
  EXPECT_EQ(offline.exitCode, 0) << offline.output;
}

class AuditTrailDurability : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(initWithSamples(dir_.path()));
    auto clean = runNaskah({"audit", "verify", "--data", dir_.path()});
    ASSERT_EQ(clean.exitCode, 0) << clean.output;
    Poco::Data::SQLite::Connector::registerConnector();
  }
  // Changes the store behind Naskah's back, as someone with the file could.
  void execute(const std::string& sql) {
    Poco::Data::Session session("SQLite", dir_.path() + "/naskah.db");
    session << sql, now;
  }
  Poco::Int64 lastSequence() {
    Poco::Data::Session session("SQLite", dir_.path() + "/naskah.db");
    Poco::Int64 last = 0;
    session << "SELECT MAX(seq) FROM audit_events", into(last), now;
    return last;
  }
  CommandResult verify() { return runNaskah({"audit", "verify", "--data", dir_.path()}); }
  TempDir dir_;
};

TEST_F(AuditTrailDurability, VerifyExitsSixtyFiveNamingAChangedEvent) {
  execute("UPDATE audit_events SET actor = 'x' WHERE seq = 5");
  auto result = verify();
  EXPECT_EQ(result.exitCode, 65) << result.output;
  EXPECT_NE(result.output.find("event 5"), std::string::npos) << result.output;
}

TEST_F(AuditTrailDurability, VerifyExitsSixtyFiveNamingADeletedLastEvent) {
  Poco::Int64 last = lastSequence();
  ASSERT_GT(last, 5);
  execute("DELETE FROM audit_events WHERE seq = " + std::to_string(last));
  auto result = verify();
  EXPECT_EQ(result.exitCode, 65) << result.output;
  EXPECT_NE(result.output.find("event " + std::to_string(last)), std::string::npos) << result.output;
}

TEST_F(AuditTrailDurability, VerifyExitsSixtyFiveNamingADeletedMiddleEvent) {
  execute("DELETE FROM audit_events WHERE seq = 10");
  auto result = verify();
  EXPECT_EQ(result.exitCode, 65) << result.output;
  EXPECT_NE(result.output.find("event 10"), std::string::npos) << result.output;
}

TEST_F(AuditTrailDurability, VerifyExitsSixtyFiveNamingTheNextEventWhenAChangedEventWasRehashed) {
  // Whoever rewrites event 7 and recomputes its own hash still breaks the link from event 8.
  domain::AuditEvent e;
  {
    Poco::Data::Session session("SQLite", dir_.path() + "/naskah.db");
    Poco::Int64 seq = 0;
    session << "SELECT seq, at, actor, action, object_type, object_id, details, prev_hash FROM audit_events "
               "WHERE seq = 7",
        into(seq), into(e.at), into(e.actor), into(e.action), into(e.objectType), into(e.objectId),
        into(e.detailsJson), into(e.previousHash), now;
    e.sequence = seq;
  }
  ASSERT_EQ(e.sequence, 7);
  e.detailsJson = R"({"changes":[]})";
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  const std::string input = domain::chainInput(e);
  sha.update(input.data(), static_cast<unsigned>(input.size()));
  execute("UPDATE audit_events SET details = '" + e.detailsJson + "', hash = '" +
          Poco::DigestEngine::digestToHex(sha.digest()) + "' WHERE seq = 7");
  auto result = verify();
  EXPECT_EQ(result.exitCode, 65) << result.output;
  EXPECT_NE(result.output.find("event 8"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace naskah::testing
