// Dispositions over HTTP: kadis → kabid → kasi → petugas, several recipients at once, read
// receipts, recall before reading (and 409 after), re-disposition, wrong directions, inboxes.
#include <gtest/gtest.h>

#include <algorithm>

#include "render/pdf_tools.h"
#include "workflow/workflow_test_support.h"

namespace naskah::testing {
namespace {

class DispositionApi : public WorkflowApiTest {
 protected:
  HttpResponse dispose(const std::string& user, std::int64_t caseId, std::vector<std::int64_t> to,
                       std::optional<std::int64_t> parent = std::nullopt, const std::string& deadline = "") {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    Poco::JSON::Array::Ptr recipients = new Poco::JSON::Array;
    for (auto id : to) recipients->add(id);
    o->set("to", recipients);
    Poco::JSON::Array::Ptr instructions = new Poco::JSON::Array;
    instructions->add("untuk ditindaklanjuti ");  // letter case and end spaces do not matter
    instructions->add("Koordinasi/konfirmasikan");
    o->set("instructions", instructions);
    o->set("note", "Mohon segera diperiksa");
    if (parent) o->set("parent", *parent);
    if (!deadline.empty()) o->set("deadline", deadline);
    return as(user).post(casePath(caseId) + "/dispositions", toJsonText(o));
  }
  std::int64_t firstId(const HttpResponse& r) {
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()->getArray("items")->getObject(0)->getValue<std::int64_t>("id");
  }
  Poco::JSON::Object::Ptr counts(const std::string& user) {
    auto r = as(user).get("/api/v1/inbox");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()->getObject("counts");
  }
  void expectCounts(const std::string& user, int toActOn, int unread, int overdue) {
    auto c = counts(user);
    EXPECT_EQ(c->getValue<int>("to_act_on"), toActOn) << user;
    EXPECT_EQ(c->getValue<int>("unread"), unread) << user;
    EXPECT_EQ(c->getValue<int>("overdue"), overdue) << user;
  }
  HttpResponse act(const std::string& user, std::int64_t dispositionId, const std::string& what) {
    return as(user).post("/api/v1/dispositions/" + std::to_string(dispositionId) + "/" + what, "");
  }
};

TEST_F(DispositionApi, ChainFromHeadToOfficerWithReceiptsRecallAndInboxes) {
  auto id = registerCase("2026-06-02T08:00:00");
  auto kabid = userId("kabid"), sekretaris = userId("sekretaris"), kasi = userId("kasi"), petugas = userId("petugas");

  auto sent = dispose("kadis", id, {kabid, sekretaris});
  ASSERT_EQ(sent.status, 201) << sent.body;
  auto items = sent.json()->getArray("items");
  ASSERT_EQ(items->size(), 2u);
  auto toKabid = items->getObject(0)->getValue<std::int64_t>("id");
  auto toSekretaris = items->getObject(1)->getValue<std::int64_t>("id");
  // Defaulted from the time standard of the step the case stands at, counted from now.
  EXPECT_GT(items->getObject(0)->getValue<std::string>("deadline"), items->getObject(0)->getValue<std::string>("created_at"));
  auto given = items->getObject(0)->getArray("instructions");
  ASSERT_EQ(given->size(), 2u);
  EXPECT_EQ(given->getElement<std::string>(0), "Untuk ditindaklanjuti");  // as the office writes it
  expectCounts("kabid", 1, 1, 0);

  // Recalled before it is read; after reading it can no longer be.
  ASSERT_EQ(act("kadis", toSekretaris, "recall").status, 200);
  expectCounts("sekretaris", 0, 0, 0);
  EXPECT_EQ(act("sekretaris", toSekretaris, "read").status, 409);
  EXPECT_EQ(act("sekretaris", toKabid, "read").status, 403);
  auto read = act("kabid", toKabid, "read");
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_FALSE(read.json()->isNull("read_at"));
  auto tooLate = act("kadis", toKabid, "recall");
  EXPECT_EQ(tooLate.status, 409) << tooLate.body;
  EXPECT_EQ(act("kabid", toKabid, "recall").status, 403);  // only the sender recalls
  expectCounts("kabid", 1, 0, 0);

  // Re-disposition down the tree; the parent must be addressed to the sender.
  auto toKasi = firstId(dispose("kabid", id, {kasi}, toKabid));
  expectCounts("kabid", 0, 0, 0);
  EXPECT_EQ(dispose("kasi", id, {petugas}, toKabid).status, 403);
  auto toPetugas = firstId(dispose("kasi", id, {petugas}, toKasi, "2026-06-03T10:00"));
  expectCounts("kasi", 0, 1, 0);
  expectCounts("petugas", 1, 1, 1);  // its deadline is past
  ASSERT_EQ(act("petugas", toPetugas, "read").status, 200);
  expectCounts("petugas", 1, 0, 1);

  auto c = getCase(id, "kadis");
  auto list = c->getArray("dispositions");
  ASSERT_EQ(list->size(), 4u);
  EXPECT_FALSE(list->getObject(1)->isNull("recalled_at"));
  EXPECT_EQ(list->getObject(3)->getValue<std::int64_t>("parent"), toKasi);

  auto audit = as("auditor").get("/api/v1/audit/events?object_type=disposition&limit=100");
  ASSERT_EQ(audit.status, 200) << audit.body;
  auto events = audit.json()->getArray("items");
  std::vector<std::string> actions;
  for (size_t i = 0; i < events->size(); ++i) actions.push_back(events->getObject(i)->getValue<std::string>("action"));
  std::sort(actions.begin(), actions.end());
  EXPECT_EQ(actions, (std::vector<std::string>{"disposition.read", "disposition.read", "disposition.recall",
                                               "disposition.redispose", "disposition.redispose", "disposition.send"}));
}

TEST_F(DispositionApi, DispositionsGoDownTheHierarchyOnly) {
  auto id = registerCase("2026-06-02T08:00:00");
  auto kadis = userId("kadis"), kabid = userId("kabid"), kasi = userId("kasi"), petugas = userId("petugas");
  EXPECT_EQ(dispose("kabid", id, {kadis}).status, 403);
  EXPECT_EQ(dispose("kabid", id, {userId("sekretaris")}).status, 403);  // sideways
  EXPECT_EQ(dispose("kasi", id, {kabid}).status, 403);
  EXPECT_EQ(dispose("petugas", id, {kasi}).status, 403);
  EXPECT_EQ(dispose("tu", id, {petugas}).status, 403);
  EXPECT_EQ(dispose("kadis", id, {kabid, petugas}).status, 201);  // skipping levels is allowed

  auto mistyped = as("kadis").post(casePath(id) + "/dispositions", R"({"to":["x"],"instructions":"nope","parent":-1})");
  EXPECT_EQ(mistyped.status, 400) << mistyped.body;
  EXPECT_EQ(errorFields(mistyped), (std::vector<std::string>{"to[0]", "instructions", "parent"}));
  auto bad = as("kadis").post(casePath(id) + "/dispositions",
                              R"({"to":[999999],"instructions":[""],"deadline":"besok"})");
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(errorFields(bad), (std::vector<std::string>{"to[0]", "instructions[0]", "deadline"}));
  EXPECT_EQ(dispose("kadis", 999999, {kabid}).status, 404);
  EXPECT_EQ(act("kadis", 999999, "read").status, 404);
}

TEST_F(DispositionApi, TheOfficerAChainReachesSeesTheReporterUntilRecalled) {
  auto id = registerCase("2026-06-02T08:00:00");
  auto letterPath = "/api/v1/incoming-letters/" + std::to_string(getCase(id)->getValue<std::int64_t>("letter_id"));
  auto other = registerCase("2026-06-02T09:00:00");
  auto otherPath = "/api/v1/incoming-letters/" + std::to_string(getCase(other)->getValue<std::int64_t>("letter_id"));
  auto reporterName = [&](const std::string& path) {
    auto r = as("petugas").get(path);
    EXPECT_EQ(r.status, 200) << r.body;
    auto o = r.json();
    return o->isNull("reporter") ? std::string("(withheld)") : o->getObject("reporter")->getValue<std::string>("name");
  };
  EXPECT_EQ(reporterName(letterPath), "(withheld)");

  auto toKabid = firstId(dispose("kadis", id, {userId("kabid")}));
  ASSERT_EQ(act("kabid", toKabid, "read").status, 200);
  auto toKasi = firstId(dispose("kabid", id, {userId("kasi")}, toKabid));
  ASSERT_EQ(act("kasi", toKasi, "read").status, 200);
  auto toPetugas = firstId(dispose("kasi", id, {userId("petugas")}, toKasi));
  // Assigned: the officer handles the complaint and needs to reach the reporter.
  EXPECT_EQ(reporterName(letterPath), "Syamsul Bahri");
  // Only on the letter assigned to them, in the list as well.
  EXPECT_EQ(reporterName(otherPath), "(withheld)");
  auto list = as("petugas").get("/api/v1/incoming-letters?per_page=500");
  ASSERT_EQ(list.status, 200) << list.body;
  int named = 0;
  auto items = list.json()->getArray("items");
  for (size_t i = 0; i < items->size(); ++i)
    if (!items->getObject(i)->isNull("reporter")) ++named;
  EXPECT_EQ(named, 1) << list.body;

  // A recalled disposition assigns nobody.
  ASSERT_EQ(act("kasi", toPetugas, "recall").status, 200);
  EXPECT_EQ(reporterName(letterPath), "(withheld)");
}

TEST_F(DispositionApi, InstructionsComeFromTheOfficeListAndTheSheetShowsWhatTheHeadDisposed) {
  auto id = registerCase("2026-06-02T08:00:00");
  auto free = as("kadis").post(casePath(id) + "/dispositions",
                               R"({"to":[)" + std::to_string(userId("kabid")) +
                                   R"(],"instructions":["Untuk diketahui","Segera ke lokasi"]})");
  EXPECT_EQ(free.status, 400) << free.body;
  EXPECT_EQ(errorFields(free), std::vector<std::string>{"instructions[1]"});
  EXPECT_NE(free.body.find("Arsipkan"), std::string::npos) << "the answer lists the office's instructions";

  auto sent = dispose("kadis", id, {userId("kabid"), userId("sekretaris")}, std::nullopt, "2026-06-05");
  ASSERT_EQ(sent.status, 201) << sent.body;
  auto letter = getCase(id)->getValue<std::int64_t>("letter_id");
  auto pdf = as("kabid").get("/api/v1/incoming-letters/" + std::to_string(letter) + "/disposition-sheet.pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  auto text = render::testing::squeeze(render::testing::pdfText(pdf.body).out);
  for (const char* expected : {"Mohon segera diperiksa", "5 Juni 2026", "Untuk ditindaklanjuti", "Arsipkan"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " not in: " << text;
  // Both recipients are named; no blank lines for handwriting are left instead.
  EXPECT_EQ(text.find("1. ......"), std::string::npos) << text;
  EXPECT_EQ(text.find("2. ......"), std::string::npos) << text;
}

TEST_F(DispositionApi, TheInboxDropsDispositionsOfClosedCasesAndVoidEntries) {
  auto answered = registerCase("2026-06-02T09:00:00", "website");  // seed 000: the admin may answer at once
  auto voided = registerCase("2026-06-02T09:30:00");
  ASSERT_EQ(dispose("kadis", answered, {userId("kabid")}).status, 201);
  ASSERT_EQ(dispose("kadis", voided, {userId("kabid")}).status, 201);
  expectCounts("kabid", 2, 2, 0);  // deadlines count from now

  expectMove("tu", answered, "online_admin_menerima", "jawab_langsung", "2026-06-02T09:02", "selesai", "");
  expectCounts("kabid", 1, 1, 0);
  auto letter = getCase(voided)->getValue<std::int64_t>("letter_id");
  ASSERT_EQ(as("tu").post("/api/v1/incoming-letters/" + std::to_string(letter) + "/void", R"({"reason":"ganda"})").status,
            200);
  expectCounts("kabid", 0, 0, 0);
  // The dispositions themselves stay on their cases.
  EXPECT_EQ(getCase(answered)->getArray("dispositions")->size(), 1u);
}

}  // namespace
}  // namespace naskah::testing
