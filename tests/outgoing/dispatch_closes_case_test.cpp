// The reply's last dispatch closes the case (seed 002, step 11): the profile's branch marked
// "event": "reply_dispatched" is taken in the dispatch's own transaction, and audited.
#include <sstream>

#include "outgoing/outgoing_fixture.h"

namespace naskah::testing {
namespace {

class DispatchClosesCase : public OutgoingTest {
 protected:
  std::string casePath(std::int64_t caseId) { return "/api/v1/cases/" + std::to_string(caseId); }

  Poco::JSON::Object::Ptr caseOf(std::int64_t caseId) {
    auto r = as("kasi").get(casePath(caseId));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }

  void move(std::int64_t caseId, const std::string& user, const std::string& from, const std::string& condition,
            const std::string& at) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("from", from);
    o->set("condition", condition);
    o->set("at", at);
    auto r = as(user).post(casePath(caseId) + "/transitions", toJsonText(o));
    ASSERT_EQ(r.status, 200) << user << " " << from << ": " << r.body;
  }

  // Drafted for `incomingId`, through every paraf, signed by the head.
  std::int64_t signedReplyTo(std::int64_t incomingId) {
    auto body = draftBody();
    body->set("incoming_letter_id", incomingId);
    auto created = as("petugas").post("/api/v1/outgoing-letters", toJsonText(body));
    EXPECT_EQ(created.status, 201) << created.body;
    auto id = created.json()->getValue<std::int64_t>("id");
    EXPECT_EQ(act("petugas", id, "submit").status, 200);
    for (const char* who : {"kasi", "kabid", "sekretaris"}) EXPECT_EQ(act(who, id, "paraf").status, 200) << who;
    auto signedLetter = act("kadis", id, "sign");
    EXPECT_EQ(signedLetter.status, 200) << signedLetter.body;
    return id;
  }

  // One dispatch per addressee; returns the letter's status after each.
  std::vector<std::string> dispatchToEveryone(std::int64_t id) {
    std::vector<std::string> statuses;
    auto addressees = letter(id)->getArray("addressees");
    for (size_t i = 0; i < addressees->size(); ++i) {
      Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
      body->set("recipient", addressees->getElement<std::string>(i));
      body->set("channel", "pos");
      body->set("proof", "Resi " + std::to_string(7000 + i));
      auto r = act("tu", id, "dispatch", toJsonText(body));
      EXPECT_EQ(r.status, 201) << r.body;
      statuses.push_back(r.json()->getValue<std::string>("status"));
    }
    return statuses;
  }
};

TEST_F(DispatchClosesCase, Seed002WalkedToSigningClosesWhenTheReplyReachesEveryAddressee) {
  auto incoming = registerLetter(letterBody("2026-11-23T08:00:00"));  // a Monday
  auto incomingId = incoming->getValue<std::int64_t>("id");
  auto caseId = incoming->getValue<std::int64_t>("case_id");
  EXPECT_EQ(caseOf(caseId)->getValue<std::string>("profile"), "002-penanganan-pengaduan-surat");
  move(caseId, "tu", "agenda_surat_masuk", "ajukan_kepala_opd", "2026-11-23T08:30");
  move(caseId, "kadis", "disposisi_kepala_opd", "disposisikan", "2026-11-23T10:00");
  move(caseId, "kabid", "disposisi_kepala_bidang", "disposisikan", "2026-11-23T10:30");
  move(caseId, "kasi", "penugasan_petugas", "tugaskan", "2026-11-23T11:00");
  move(caseId, "petugas", "pemeriksaan_lapangan", "laporkan", "2026-11-25T14:00");
  move(caseId, "petugas", "draf_surat", "ajukan", "2026-11-25T14:30");
  move(caseId, "kasi", "koreksi_kepala_seksi", "setujui", "2026-11-25T15:00");
  move(caseId, "kabid", "telaah_kepala_bidang", "paraf", "2026-11-25T15:30");
  move(caseId, "kadis", "tanda_tangan_kepala_opd", "tandatangani", "2026-11-26T09:00");
  ASSERT_EQ(caseOf(caseId)->getValue<std::string>("step"), "penyampaian_surat");

  auto id = signedReplyTo(incomingId);
  auto statuses = dispatchToEveryone(id);
  ASSERT_EQ(statuses.size(), 4u);  // recipient, two tembusan, the reporter
  EXPECT_EQ(statuses.back(), "dispatched");

  auto c = caseOf(caseId);
  EXPECT_EQ(c->getValue<std::string>("state"), "selesai");
  EXPECT_FALSE(c->isNull("closed_at"));
  auto history = c->getArray("history");
  ASSERT_EQ(history->size(), 10u);
  auto last = history->getObject(9);
  EXPECT_EQ(last->getValue<std::string>("step"), "penyampaian_surat");
  EXPECT_EQ(last->getValue<std::string>("condition"), "terkirim");
  EXPECT_EQ(last->getValue<std::string>("user"), "tu");
  EXPECT_NE(last->getValue<std::string>("note").find("dispatched to every addressee"), std::string::npos);

  // The audit trail shows the close, caused by the registrar's last dispatch, right after it.
  auto audit = as("auditor").get("/api/v1/audit/events?object_type=case&object_id=" + std::to_string(caseId) +
                                  "&action=workflow.transition&limit=100");
  ASSERT_EQ(audit.status, 200) << audit.body;
  auto items = audit.json()->getArray("items");
  ASSERT_EQ(items->size(), 10u);
  auto close = items->getObject(9);
  EXPECT_EQ(close->getValue<std::string>("actor"), "tu");
  std::ostringstream details;
  close->getObject("details")->stringify(details);
  EXPECT_NE(details.str().find("reply_dispatched"), std::string::npos) << details.str();
  auto dispatches = as("auditor").get("/api/v1/audit/events?object_type=outgoing_letter&object_id=" +
                                      std::to_string(id) + "&action=outgoing.dispatch&limit=100");
  auto lastDispatch = dispatches.json()->getArray("items")->getObject(3);
  EXPECT_EQ(close->getValue<std::int64_t>("sequence"), lastDispatch->getValue<std::int64_t>("sequence") + 1);
  EXPECT_EQ(as("auditor").get("/api/v1/audit/verify").json()->getValue<bool>("valid"), true);
}

TEST_F(DispatchClosesCase, ACaseNotYetAtTheDispatchStepIsLeftWhereItStands) {
  // The fixture's letter: its case still stands at the agenda step (nothing was recorded).
  auto caseId = as("tu").get("/api/v1/incoming-letters/" + std::to_string(incomingId_)).json()->getValue<std::int64_t>(
      "case_id");
  auto id = signedReplyTo(incomingId_);
  EXPECT_EQ(dispatchToEveryone(id).back(), "dispatched");
  auto c = caseOf(caseId);
  EXPECT_EQ(c->getValue<std::string>("state"), "dalam_proses");
  EXPECT_EQ(c->getValue<std::string>("step"), "agenda_surat_masuk");
  EXPECT_EQ(c->getArray("history")->size(), 0u);
}

}  // namespace
}  // namespace naskah::testing
