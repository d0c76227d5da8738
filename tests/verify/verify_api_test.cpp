// Public verification over HTTP: a letter signed and archived through the reply cycle verifies;
// changed bytes, or validly signed bytes the office never archived, do not.
#include "app/app_system.h"
#include "outgoing/outgoing_fixture.h"

namespace naskah::testing {
namespace {

class VerifyApi : public OutgoingTest {
 protected:
  // Walks a reply to the head's signature; returns the signed, archived final's bytes.
  std::string signedFinal() {
    auto id = readyToSign();
    auto signedLetter = act("kadis", id, "sign");
    EXPECT_EQ(signedLetter.status, 200) << signedLetter.body;
    number_ = signedLetter.json()->getValue<std::string>("number");
    letterDate_ = signedLetter.json()->getValue<std::string>("letter_date");
    auto pdf = as("tu").get(path(id, "pdf"));
    EXPECT_EQ(pdf.status, 200) << pdf.body;
    return pdf.body;
  }

  Poco::JSON::Object::Ptr verify(const std::string& pdf) {
    auto r = anonymous().post("/api/v1/verify", pdf, {{"Content-Type", "application/pdf"}});
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }

  std::string number_;
  std::string letterDate_;
};

TEST_F(VerifyApi, ASignedArchivedFinalIsValidForAnyone) {
  auto pdf = signedFinal();
  auto answer = verify(pdf);
  EXPECT_TRUE(answer->getValue<bool>("valid")) << toJsonText(answer);
  EXPECT_TRUE(answer->getValue<bool>("archived"));
  EXPECT_EQ(answer->getValue<std::string>("signer"), "Drs. H. Ahmad Fauzi, M.Si.");
  EXPECT_FALSE(answer->getValue<std::string>("signing_time").empty());
  EXPECT_EQ(answer->getValue<std::string>("sha256").size(), 64u);
  auto record = answer->getObject("archive");
  ASSERT_TRUE(record);
  EXPECT_EQ(record->getValue<std::string>("kind"), "surat_balasan");
  EXPECT_EQ(record->getValue<std::string>("number"), number_);
  EXPECT_EQ(record->getValue<std::string>("date"), letterDate_);
  EXPECT_EQ(record->getValue<std::string>("signer"), "Drs. H. Ahmad Fauzi, M.Si.");

  // The same file as the multipart field "file", as the public page's form sends it.
  auto [type, body] = multipartFile("file", "surat.pdf", "application/pdf", pdf);
  auto multipart = anonymous().post("/api/v1/verify", body, {{"Content-Type", type}});
  ASSERT_EQ(multipart.status, 200) << multipart.body;
  EXPECT_TRUE(multipart.json()->getValue<bool>("valid")) << multipart.body;
}

TEST_F(VerifyApi, OneFlippedByteIsInvalidWithTheReason) {
  auto pdf = signedFinal();
  pdf[pdf.size() / 2] ^= 0x01;
  auto answer = verify(pdf);
  EXPECT_FALSE(answer->getValue<bool>("valid"));
  EXPECT_FALSE(answer->getValue<bool>("signature_valid"));
  EXPECT_FALSE(answer->getValue<bool>("archived"));
  EXPECT_FALSE(answer->getValue<std::string>("reason").empty());
  EXPECT_TRUE(answer->isNull("archive"));
}

TEST_F(VerifyApi, AValidlySignedDocumentNotInTheArchiveIsNotValid) {
  // Signed again with the office's own key: a good signature over bytes nobody archived.
  auto pdf = app::AppRuntime().pdfSigner(server().config())->sign(signedFinal(), {"uji", "Jambi", "", ""});
  auto answer = verify(pdf);
  EXPECT_TRUE(answer->getValue<bool>("signature_valid")) << toJsonText(answer);
  EXPECT_FALSE(answer->getValue<bool>("valid"));
  EXPECT_FALSE(answer->getValue<bool>("archived"));
  EXPECT_NE(answer->getValue<std::string>("reason").find("not in the archive"), std::string::npos)
      << toJsonText(answer);
}

TEST_F(VerifyApi, AnEmptyOrOversizedUploadIsRefused) {
  auto empty = anonymous().post("/api/v1/verify", "", {{"Content-Type", "application/pdf"}});
  EXPECT_EQ(empty.status, 400) << empty.body;
  auto huge = anonymous().requestAnnouncingBody("POST", "/api/v1/verify", server().config().maxUploadBytes + (1 << 20),
                                                "application/pdf");
  EXPECT_EQ(huge.status, 413) << huge.body.substr(0, 200);
}

TEST_F(VerifyApi, ThePublicPageShowsTheArchivedMetadataWithoutTheReporter) {
  auto sha256 = verify(signedFinal())->getValue<std::string>("sha256");
  auto page = anonymous().get("/verify/" + sha256);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.header("Content-Type").rfind("text/html", 0), 0u);
  EXPECT_NE(page.body.find("TERDAFTAR dalam arsip"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find(number_), std::string::npos) << page.body;
  EXPECT_NE(page.body.find(letterDate_), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("Drs. H. Ahmad Fauzi, M.Si."), std::string::npos) << page.body;
  EXPECT_EQ(page.body.find("Syamsul"), std::string::npos) << "the reporter stays withheld: " << page.body;

  // The QR's address answers the same page for a hash, and the upload form without one.
  auto viaQr = anonymous().get("/api/v1/verify?sha256=" + sha256);
  ASSERT_EQ(viaQr.status, 200);
  EXPECT_NE(viaQr.body.find(number_), std::string::npos);
  auto form = anonymous().get("/api/v1/verify");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("name=\"file\""), std::string::npos) << form.body;

  auto unknown = anonymous().get("/verify/" + std::string(64, '0'));
  ASSERT_EQ(unknown.status, 200);
  EXPECT_NE(unknown.body.find("TIDAK terdaftar"), std::string::npos) << unknown.body;
  EXPECT_EQ(anonymous().get("/verify/bukan-hash").status, 400);
}

}  // namespace
}  // namespace naskah::testing
