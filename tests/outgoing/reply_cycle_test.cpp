#include <filesystem>
#include <thread>

#include "outgoing/outgoing_fixture.h"
#include "render/pdf_tools.h"

namespace naskah::testing {
namespace {

using render::testing::pdfText;
using render::testing::runOnPdf;
using render::testing::squeeze;

std::string statusOf(const HttpResponse& r) { return r.json()->getValue<std::string>("status"); }

// The uncompressed page content: pdftotext leaves out the rotated watermark.
std::string pageContent(const std::string& pdf) {
  return runOnPdf("qpdf --qdf --object-streams=disable {} -", pdf).out;
}

TEST_F(OutgoingTest, DraftCorrectParafAndSignTakesTheNumberOnlyAtSigning) {
  auto created = as("petugas").post("/api/v1/outgoing-letters", toJsonText(draftBody()));
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = created.json()->getValue<std::int64_t>("id");
  EXPECT_EQ(statusOf(created), "draft");
  EXPECT_TRUE(created.json()->isNull("number"));
  EXPECT_EQ(created.json()->getValue<int>("version"), 1);

  auto submitted = act("petugas", id, "submit");
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(statusOf(submitted), "in_correction");
  auto chain = submitted.json()->getArray("paraf");
  ASSERT_EQ(chain->size(), 3u);
  EXPECT_EQ(chain->getObject(0)->getValue<std::string>("username"), "kasi");
  EXPECT_EQ(chain->getObject(1)->getValue<std::string>("username"), "kabid");
  EXPECT_EQ(chain->getObject(2)->getValue<std::string>("username"), "sekretaris");

  // The supervisor corrects: a new version with the notes; the old one stays.
  auto corrected = correct("kasi", id, 1, "Rp750.000,00", "nilai bantuan sesuai DTKS");
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  EXPECT_EQ(corrected.json()->getValue<int>("version"), 2);
  auto versions = as("kasi").get(path(id, "versions"));
  ASSERT_EQ(versions.status, 200);
  auto items = versions.json()->getArray("items");
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("author"), "petugas");
  EXPECT_EQ(items->getObject(1)->getValue<std::string>("author"), "kasi");
  EXPECT_EQ(items->getObject(1)->getValue<std::string>("note"), "nilai bantuan sesuai DTKS");

  auto diff = as("kasi").get(path(id, "diff?from=1&to=2"));
  ASSERT_EQ(diff.status, 200) << diff.body;
  EXPECT_EQ(diff.json()->getValue<int>("words_deleted"), 1);
  EXPECT_EQ(diff.json()->getValue<int>("words_inserted"), 1);
  std::string deleted, inserted;
  auto runs = diff.json()->getArray("runs");
  for (size_t i = 0; i < runs->size(); ++i) {
    auto run = runs->getObject(i);
    if (run->getValue<std::string>("op") == "delete") deleted = run->getValue<std::string>("text");
    if (run->getValue<std::string>("op") == "insert") inserted = run->getValue<std::string>("text");
  }
  EXPECT_EQ(deleted, "Rp500.000,00");
  EXPECT_EQ(inserted, "Rp750.000,00");

  for (const char* who : {"kasi", "kabid", "sekretaris"}) {
    auto r = act(who, id, "paraf");
    ASSERT_EQ(r.status, 200) << who << ": " << r.body;
    EXPECT_TRUE(r.json()->isNull("number"));
  }
  EXPECT_EQ(letter(id)->getValue<std::string>("status"), "awaiting_signature");

  // The draft PDF: KONSEP, no number yet, the corrected amount.
  auto konsep = as("kadis").get(path(id, "pdf"));
  ASSERT_EQ(konsep.status, 200) << konsep.body;
  std::string konsepText = squeeze(pdfText(konsep.body).out);
  EXPECT_NE(pageContent(konsep.body).find("(KONSEP)"), std::string::npos);  // the diagonal watermark
  EXPECT_NE(konsepText.find("(diberikan saat ditandatangani)"), std::string::npos) << konsepText;
  EXPECT_NE(konsepText.find("Rp750.000,00"), std::string::npos);

  auto signedLetter = act("kadis", id, "sign");
  ASSERT_EQ(signedLetter.status, 200) << signedLetter.body;
  EXPECT_EQ(statusOf(signedLetter), "signed");
  std::string year = signedLetter.json()->getValue<std::string>("letter_date").substr(0, 4);
  std::string number = signedLetter.json()->getValue<std::string>("number");
  EXPECT_EQ(number, "400.9/1/DAFDUK/" + year);
  EXPECT_GT(signedLetter.json()->getValue<std::int64_t>("archive_id"), 0);

  auto pdf = as("tu").get(path(id, "pdf"));
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  auto check = runOnPdf("pdfsig {}", pdf.body);
  EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("Signature is Valid."), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("Total document signed"), std::string::npos) << check.out;
  std::string text = squeeze(pdfText(pdf.body).out);
  for (const std::string& expected : std::vector<std::string>{number, "Tembusan:", "Camat Jambi Luar Kota", "Kepala Bidang Perlindungan dan Jaminan Sosial",
        "Drs. H. Ahmad Fauzi, M.Si.", "KEPALA DINAS SOSIAL", "Rp750.000,00", "1 (satu) berkas"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " not in: " << text;
  EXPECT_EQ(pageContent(pdf.body).find("(KONSEP)"), std::string::npos);

  // The archive holds the final and the version chain (koreksi, konsep) it supersedes.
  auto archiveId = signedLetter.json()->getValue<std::int64_t>("archive_id");
  auto final = as("auditor").get("/api/v1/archive/" + std::to_string(archiveId));
  ASSERT_EQ(final.status, 200) << final.body;
  auto record = final.json();
  EXPECT_EQ(record->getValue<std::string>("kind"), "surat_balasan");
  EXPECT_EQ(record->getValue<std::string>("status"), "final");
  EXPECT_EQ(record->getValue<std::string>("outgoing_number"), number);
  EXPECT_EQ(record->getValue<std::string>("signer"), "Drs. H. Ahmad Fauzi, M.Si.");
  EXPECT_EQ(record->getValue<std::string>("recipient"), "Kepala Desa Sungai Duren");
  EXPECT_EQ(record->getValue<std::string>("classification_code"), "400.9");
  EXPECT_EQ(record->getArray("tembusan")->getElement<std::string>(0), "Camat Jambi Luar Kota");
  EXPECT_EQ(record->getValue<std::int64_t>("case_id"), signedLetter.json()->getValue<std::int64_t>("case_id"));
  auto correction = as("auditor").get("/api/v1/archive/" + record->get("supersedes_id").toString()).json();
  EXPECT_EQ(correction->getValue<std::string>("status"), "koreksi");
  EXPECT_EQ(correction->getValue<std::int64_t>("superseded_by"), archiveId);
  auto first = as("auditor").get("/api/v1/archive/" + correction->get("supersedes_id").toString()).json();
  EXPECT_EQ(first->getValue<std::string>("status"), "konsep");
  EXPECT_TRUE(first->isNull("supersedes_id"));
  EXPECT_EQ(as("auditor").get("/api/v1/archive/" + std::to_string(archiveId) + "/file").body, pdf.body);

  // Every step is in the audit trail, in order.
  auto events = as("auditor").get("/api/v1/audit/events?object_type=outgoing_letter&object_id=" + std::to_string(id));
  ASSERT_EQ(events.status, 200) << events.body;
  std::vector<std::string> actions;
  auto list = events.json()->getArray("items");
  for (size_t i = 0; i < list->size(); ++i) actions.push_back(list->getObject(i)->getValue<std::string>("action"));
  std::sort(actions.begin(), actions.end());
  EXPECT_EQ(actions, (std::vector<std::string>{"outgoing.archive", "outgoing.draft", "outgoing.edit", "outgoing.paraf",
                                               "outgoing.paraf", "outgoing.paraf", "outgoing.sign",
                                               "outgoing.submit"}));
}

TEST_F(OutgoingTest, ThePltSignerBlockNamesTheActingHead) {
  auto body = draftBody();
  body->set("signer_capacity", "plt");
  auto created = as("petugas").post("/api/v1/outgoing-letters", toJsonText(body));
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = created.json()->getValue<std::int64_t>("id");
  ASSERT_EQ(act("petugas", id, "submit", R"({"paraf":["kabid"]})").status, 200);
  ASSERT_EQ(act("kabid", id, "paraf").status, 200);
  ASSERT_EQ(act("kadis", id, "sign").status, 200);
  std::string text = squeeze(pdfText(as("kadis").get(path(id, "pdf")).body).out);
  EXPECT_NE(text.find("Plt. KEPALA DINAS SOSIAL, KEPENDUDUKAN DAN PENCATATAN SIPIL,"), std::string::npos) << text;
}

TEST_F(OutgoingTest, OutgoingNumbersAreGapFreeInSigningOrder) {
  auto first = readyToSign();
  auto second = readyToSign();
  EXPECT_TRUE(letter(first)->isNull("number"));
  EXPECT_TRUE(letter(second)->isNull("number"));
  auto b = act("kadis", second, "sign");
  ASSERT_EQ(b.status, 200) << b.body;
  EXPECT_TRUE(letter(first)->isNull("number"));  // still none: numbers are taken at signing only
  auto a = act("kadis", first, "sign");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(b.json()->getValue<std::int64_t>("sequence"), 1);
  EXPECT_EQ(a.json()->getValue<std::int64_t>("sequence"), 2);
  EXPECT_EQ(a.json()->getValue<std::string>("number").rfind("400.9/2/DAFDUK/", 0), 0u);
  // Signing again changes nothing and takes no number.
  EXPECT_EQ(act("kadis", first, "sign").status, 409);
  auto third = readyToSign();
  auto c = act("kadis", third, "sign");
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(c.json()->getValue<std::int64_t>("sequence"), 3);
}

TEST_F(OutgoingTest, ASigningThatCannotCompleteTakesNoNumber) {
  auto id = readyToSign();
  std::string key = server().config().pkiDir() + "/signer.p12";
  std::filesystem::rename(key, key + ".away");
  auto refused = act("kadis", id, "sign");
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("naskah pki init"), std::string::npos) << refused.body;
  auto still = letter(id);
  EXPECT_EQ(still->getValue<std::string>("status"), "awaiting_signature");
  EXPECT_TRUE(still->isNull("number"));
  std::filesystem::rename(key + ".away", key);
  auto signedLetter = act("kadis", id, "sign");
  ASSERT_EQ(signedLetter.status, 200) << signedLetter.body;
  EXPECT_EQ(signedLetter.json()->getValue<std::int64_t>("sequence"), 1);  // no gap left by the failure
}

TEST_F(OutgoingTest, TwoConcurrentCorrectionsOnOneBaseGiveOneConflict) {
  Poco::JSON::Object::Ptr user = new Poco::JSON::Object;
  user->set("username", "kasi2");
  user->set("password", "kasi2-naskah-2026");
  user->set("role", "supervisor");
  user->set("full_name", "Rina Marlina, S.E.");
  user->set("unit", "DAFDUK-IDENTITAS");
  ASSERT_EQ(as("admin").post("/api/v1/users", toJsonText(user)).status, 201);
  HttpClient second(port());
  second.login("kasi2", "kasi2-naskah-2026");

  auto id = draft();
  ASSERT_EQ(act("petugas", id, "submit").status, 200);
  HttpClient first = as("kasi");
  auto bodyFor = [&](const std::string& amount) {
    auto body = draftBody(amount);
    body->remove("incoming_letter_id");
    body->set("base_version", 1);
    return toJsonText(body);
  };
  std::string one = bodyFor("Rp600.000,00"), two = bodyFor("Rp700.000,00");
  HttpResponse r1, r2;
  std::thread t1([&] { r1 = first.request("PUT", path(id), one); });
  std::thread t2([&] { r2 = second.request("PUT", path(id), two); });
  t1.join();
  t2.join();
  std::vector<int> statuses{r1.status, r2.status};
  std::sort(statuses.begin(), statuses.end());
  EXPECT_EQ(statuses, (std::vector<int>{200, 409})) << r1.body << "\n" << r2.body;
  const auto& conflict = r1.status == 409 ? r1 : r2;
  EXPECT_EQ(conflict.errorCode(), "failed_precondition");
  auto versions = as("kasi").get(path(id, "versions")).json()->getArray("items");
  EXPECT_EQ(versions->size(), 2u);  // the winner's edit, nothing lost or doubled
  // The loser reloads and corrects the new version: no edit is lost.
  auto retryBody = draftBody("Rp800.000,00");
  retryBody->remove("incoming_letter_id");
  retryBody->set("base_version", 2);
  auto retried = (r1.status == 409 ? first : second).request("PUT", path(id), toJsonText(retryBody));
  EXPECT_EQ(retried.status, 200) << retried.body;
  EXPECT_EQ(as("kasi").get(path(id, "versions")).json()->getArray("items")->size(), 3u);
}

TEST_F(OutgoingTest, WrongRolesAreRefusedAndStepsGoInOrder) {
  for (const char* who : {"pelapor", "auditor", "tu", "kadis", "admin"})
    EXPECT_EQ(as(who).post("/api/v1/outgoing-letters", toJsonText(draftBody())).status, 403) << who;
  auto id = draft();
  EXPECT_EQ(as("pelapor").get(path(id)).status, 403);
  EXPECT_EQ(as("auditor").get(path(id)).status, 200);
  EXPECT_EQ(act("kasi", id, "submit").status, 403);   // only the drafter submits
  EXPECT_EQ(correct("kasi", id, 1, "Rp1,00").status, 409);  // not submitted yet: the drafter's alone
  EXPECT_EQ(correct("tu", id, 1, "Rp1,00").status, 403);
  EXPECT_EQ(act("kasi", id, "paraf").status, 403);    // a draft has no paraf chain yet
  ASSERT_EQ(act("petugas", id, "submit").status, 200);
  EXPECT_EQ(act("petugas", id, "submit").status, 409);
  EXPECT_EQ(act("kabid", id, "paraf").status, 409);   // out of order: kasi first
  EXPECT_EQ(act("sekretaris", id, "paraf").status, 409);
  EXPECT_EQ(act("kadis", id, "paraf").status, 403);   // the head signs, never initials
  EXPECT_EQ(act("petugas", id, "paraf").status, 403);
  EXPECT_EQ(act("kadis", id, "sign").status, 409);    // not every paraf given
  for (const char* who : {"petugas", "kasi", "kabid", "sekretaris", "tu", "auditor", "admin", "pelapor"})
    EXPECT_EQ(act(who, id, "sign").status, 403) << who;
  ASSERT_EQ(act("kasi", id, "paraf").status, 200);
  EXPECT_EQ(act("kasi", id, "paraf").status, 409);    // given already
  EXPECT_EQ(correct("kasi", id, 1, "Rp1,00").status, 409);  // past correction: return it instead
  ASSERT_EQ(act("kabid", id, "paraf").status, 200);
  ASSERT_EQ(act("sekretaris", id, "paraf").status, 200);
  EXPECT_EQ(act("tu", id, "dispatch", R"({"recipient":"Camat Jambi Luar Kota","channel":"pos","proof":"x"})").status,
            409);  // not signed yet
  ASSERT_EQ(act("kadis", id, "sign").status, 200);
  EXPECT_EQ(act("petugas", id, "dispatch", R"({"recipient":"Camat Jambi Luar Kota","channel":"pos","proof":"x"})")
                .status,
            403);
  EXPECT_EQ(as("petugas").request("PUT", path(id), "{}").status, 400);
  EXPECT_EQ(correct("petugas", id, 2, "Rp1,00").status, 409);  // signed: immutable
}

TEST_F(OutgoingTest, AReturnSendsTheLetterBackAndParafStartsAgain) {
  auto id = draft();
  ASSERT_EQ(act("petugas", id, "submit").status, 200);
  ASSERT_EQ(act("kasi", id, "paraf").status, 200);
  EXPECT_EQ(act("kabid", id, "return", "{}").status, 400);  // a reason is required
  EXPECT_EQ(act("sekretaris", id, "return", R"({"reason":"x"})").status, 409);  // not theirs yet
  auto returned = act("kabid", id, "return", R"({"reason":"Lampirkan berita acara mediasi"})");
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(statusOf(returned), "returned");
  EXPECT_EQ(returned.json()->getValue<std::string>("return_reason"), "Lampirkan berita acara mediasi");

  ASSERT_EQ(correct("petugas", id, 1, "Rp750.000,00", "berita acara dilampirkan").status, 200);
  auto resubmitted = act("petugas", id, "submit");
  ASSERT_EQ(resubmitted.status, 200) << resubmitted.body;
  EXPECT_EQ(resubmitted.json()->getValue<int>("paraf_round"), 2);
  auto steps = resubmitted.json()->getArray("paraf");
  for (size_t i = 0; i < steps->size(); ++i)
    EXPECT_EQ(steps->getObject(i)->getValue<std::string>("state"), "pending");
  EXPECT_EQ(act("kabid", id, "paraf").status, 409);  // kasi initials the new version first
  for (const char* who : {"kasi", "kabid", "sekretaris"}) ASSERT_EQ(act(who, id, "paraf").status, 200) << who;
  // The head may return too, before signing.
  auto byHead = act("kadis", id, "return", R"({"reason":"Perbaiki alamat tujuan"})");
  ASSERT_EQ(byHead.status, 200) << byHead.body;
  EXPECT_EQ(statusOf(byHead), "returned");
  EXPECT_TRUE(byHead.json()->isNull("number"));
}

TEST_F(OutgoingTest, DispatchIsRecordedOncePerAddresseeUntilEveryoneHasIt) {
  auto id = readyToSign();
  ASSERT_EQ(act("kadis", id, "sign").status, 200);
  auto addressees = letter(id)->getArray("addressees");
  ASSERT_EQ(addressees->size(), 4u);  // recipient, two tembusan, the reporter

  auto bad = act("tu", id, "dispatch", R"({"recipient":"Bupati Muaro Jambi","channel":"merpati","proof":""})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(errorFields(bad), (std::vector<std::string>{"recipient", "channel", "proof"}));

  const char* channels[] = {"pos", "kurir", "email", "diantar_langsung"};
  for (size_t i = 0; i < addressees->size(); ++i) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("recipient", addressees->getElement<std::string>(i));
    body->set("channel", channels[i]);
    body->set("proof", "Resi " + std::to_string(1000 + i));
    auto r = act("tu", id, "dispatch", toJsonText(body));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(statusOf(r), i + 1 == addressees->size() ? "dispatched" : "signed");
    if (i == 0) {
      EXPECT_EQ(act("tu", id, "dispatch", toJsonText(body)).status, 409);  // once per addressee
    }
  }
  auto done = letter(id);
  EXPECT_EQ(done->getArray("dispatches")->size(), 4u);
  EXPECT_EQ(done->getArray("awaiting_dispatch")->size(), 0u);
  EXPECT_EQ(done->getArray("dispatches")->getObject(0)->getValue<std::string>("dispatched_by"), "tu");
}

TEST_F(OutgoingTest, DraftValidationNamesEveryBadField) {
  auto body = draftBody();
  body->set("subject", "Tindak Lanjut.");
  body->set("classification_code", "abc");
  body->set("urgency", "kilat");
  body->set("tembusan", jsonList({"Yth. Camat"}));
  body->set("warna", "merah");
  body->remove("recipient");
  auto r = as("petugas").post("/api/v1/outgoing-letters", toJsonText(body));
  ASSERT_EQ(r.status, 400) << r.body;
  auto fields = errorFields(r);
  for (const char* f : {"warna", "recipient", "urgency"})
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f << " in " << r.body;
  body = draftBody();
  body->set("incoming_letter_id", 999999);
  EXPECT_EQ(as("petugas").post("/api/v1/outgoing-letters", toJsonText(body)).status, 404);
  auto id = draft();
  EXPECT_EQ(as("kasi").get(path(id, "diff?from=1&to=9")).status, 404);
  EXPECT_EQ(as("kasi").get(path(id, "diff?from=x&to=1")).status, 400);
  EXPECT_EQ(as("kasi").get(path(999999)).status, 404);
}

TEST_F(OutgoingTest, TheReportersIdentityIsWithheldFromRolesThatMayNotSeeIt) {
  auto body = draftBody();
  body->set("paragraphs", jsonList({"Menindaklanjuti pengaduan Sdr. Syamsul Bahri, kami sampaikan hasil pemeriksaan."}));
  body->set("tembusan", jsonList({"Camat Jambi Luar Kota", "Sdr. Syamsul Bahri"}));
  auto created = as("petugas").post("/api/v1/outgoing-letters", toJsonText(body));
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = created.json()->getValue<std::int64_t>("id");
  EXPECT_NE(created.body.find("Syamsul Bahri"), std::string::npos);  // the drafter wrote it

  for (const char* who : {"kasi", "tu", "kadis"})
    EXPECT_NE(as(who).get(path(id)).body.find("Syamsul Bahri"), std::string::npos) << who;
  for (const std::string& what : {std::string(""), std::string("versions"), std::string("diff?from=1&to=1")}) {
    auto r = as("auditor").get(path(id, what));
    ASSERT_EQ(r.status, 200) << what << ": " << r.body;
    EXPECT_EQ(r.body.find("Syamsul"), std::string::npos) << what << ": " << r.body;
    if (what != "diff?from=1&to=1") {
      EXPECT_NE(r.body.find("(dirahasiakan)"), std::string::npos) << r.body;
    }
  }
  auto konsep = as("auditor").get(path(id, "pdf"));
  ASSERT_EQ(konsep.status, 200);
  EXPECT_EQ(render::testing::pdfText(konsep.body).out.find("Syamsul"), std::string::npos);
}

}  // namespace
}  // namespace naskah::testing
