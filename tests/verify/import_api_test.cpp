// Signed PDFs received from outside: POST /api/v1/archive/import and `naskah import` archive the
// exact bytes once the signature verifies against the office's trust anchors; a changed byte,
// a foreign CA the office does not trust, or the wrong role store nothing.
#include <filesystem>

#include "outgoing/outgoing_fixture.h"
#include "platform/openssl_crypto.h"
#include "sign/sign_fixture.h"

namespace naskah::testing {
namespace {

namespace fs = std::filesystem;

signtest::ToolRun naskahRun(const std::string& args) { return signtest::runTool(std::string(NASKAH_BINARY) + " " + args); }

std::string sha256(const std::string& bytes) { return platform::OpenSslCrypto(100000).sha256Hex(bytes); }

class ImportApi : public OutgoingTest {
 protected:
  // A letter another agency sent, signed here with the office's own demo key (trusted).
  std::string signedHere() {
    return app::AppRuntime().pdfSigner(server().config())->sign(signtest::unsignedLetter(), signtest::letterRequest());
  }

  std::vector<std::pair<std::string, std::string>> fields() {
    return {{"kind", "surat_dinas"},
            {"number", "470/512/DUKCAPIL-KT/2026"},
            {"date", "2026-11-20"},
            {"sender", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tanjung Jabung Barat"},
            {"subject", "Laporan Penyaluran Blangko KTP-el Tahap II"},
            {"classification_code", "400.12.2.1"},
            {"incoming_letter_id", std::to_string(incomingId_)}};
  }

  HttpResponse upload(const std::string& user, const std::string& pdf) {
    auto [type, body] = multipartForm(fields(), "file", "surat-masuk.pdf", "application/pdf", pdf);
    return as(user).post("/api/v1/archive/import", body, {{"Content-Type", type}});
  }

  std::size_t archivedFiles() {
    std::size_t n = 0;
    auto root = server().config().archiveDir();
    if (fs::exists(root))
      for (const auto& entry : fs::recursive_directory_iterator(root)) n += entry.is_regular_file();
    return n;
  }
};

TEST_F(ImportApi, AValidSignedPdfIsArchivedByteForByte) {
  auto pdf = signedHere();
  auto r = upload("tu", pdf);
  ASSERT_EQ(r.status, 201) << r.body;
  auto answer = r.json();
  EXPECT_EQ(answer->getValue<std::string>("sha256"), sha256(pdf));
  EXPECT_EQ(answer->getValue<std::string>("status"), "diterima");
  EXPECT_EQ(answer->getValue<std::string>("number"), "470/512/DUKCAPIL-KT/2026");
  EXPECT_TRUE(answer->getObject("signature")->getValue<bool>("valid"));
  EXPECT_EQ(answer->getObject("signature")->getValue<std::string>("signer"), "Drs. H. Ahmad Fauzi, M.Si.");

  // Served back, and on disk, as the very bytes uploaded.
  auto id = answer->getValue<std::int64_t>("id");
  auto file = as("auditor").get("/api/v1/archive/" + std::to_string(id) + "/file");
  ASSERT_EQ(file.status, 200) << file.body.substr(0, 200);
  EXPECT_TRUE(file.body == pdf) << "served " << file.body.size() << " bytes, uploaded " << pdf.size();
  EXPECT_EQ(sha256(file.body), sha256(pdf));
  auto sha = sha256(pdf);
  EXPECT_TRUE(signtest::readFile(server().config().archiveDir() + "/" + sha.substr(0, 2) + "/" + sha + ".pdf") == pdf);

  // The record carries the incoming letter's agenda number, channel and case, and is found.
  auto record = as("auditor").get("/api/v1/archive/" + std::to_string(id)).json();
  EXPECT_EQ(record->getValue<std::string>("channel"), "surat");
  EXPECT_FALSE(record->getValue<std::string>("agenda_number").empty());
  EXPECT_EQ(record->getValue<std::string>("signer"), "Drs. H. Ahmad Fauzi, M.Si.");
  EXPECT_EQ(totalOf(as("auditor").get("/api/v1/archive/search?q=blangko+tahap&status=diterima")), 1);
  // The public verification now finds it archived.
  auto verify = anonymous().post("/api/v1/verify", pdf, {{"Content-Type", "application/pdf"}}).json();
  EXPECT_TRUE(verify->getValue<bool>("valid")) << toJsonText(verify);

  // The same bytes again: the first record, 200.
  auto again = upload("admin", pdf);
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()->getValue<std::int64_t>("id"), id);
  EXPECT_FALSE(again.json()->getValue<bool>("created"));
}

TEST_F(ImportApi, AOneByteFlippedPdfIsRefusedAndNothingIsStored) {
  auto pdf = signedHere();
  pdf[pdf.size() / 3] ^= 0x01;
  auto r = upload("tu", pdf);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.errorCode(), "invalid_document");
  EXPECT_NE(r.body.find("the signed document is refused: the document was changed after signing"), std::string::npos)
      << r.body;
  EXPECT_EQ(archivedFiles(), 0u);
  EXPECT_EQ(totalOf(as("auditor").get("/api/v1/archive/search?status=diterima")), 0);
  auto audit = as("auditor").get("/api/v1/audit/events?action=archive.add").json();
  EXPECT_EQ(audit->getArray("items")->size(), 0u);
}

TEST_F(ImportApi, AnUnsignedPdfOrAForeignCaIsRefused) {
  auto unsignedPdf = upload("tu", signtest::unsignedLetter());
  EXPECT_EQ(unsignedPdf.status, 422) << unsignedPdf.body;
  EXPECT_NE(unsignedPdf.body.find("carries no electronic signature"), std::string::npos) << unsignedPdf.body;

  // Signed by another agency's CA: refused until the office trusts that CA (naskah pki trust).
  TempDir other;
  sign::createDemoPki(signtest::demoRequest(other.path()));
  auto foreign = sign::PadesSigner::fromPkcs12(sign::signerPath(other.path()), signtest::kPassphrase)
                     ->sign(signtest::unsignedLetter(), signtest::letterRequest());
  auto refused = upload("tu", foreign);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_NE(refused.body.find("does not chain to a trusted office CA"), std::string::npos) << refused.body;
  EXPECT_EQ(archivedFiles(), 0u);

  auto trust = naskahRun("pki trust --data " + server().dataDir() + " --ca " + sign::caCertificatePath(other.path()));
  ASSERT_EQ(trust.exitCode, 0) << trust.output;
  EXPECT_NE(trust.output.find("1 CA certificate(s)"), std::string::npos) << trust.output;
  auto accepted = upload("tu", foreign);
  EXPECT_EQ(accepted.status, 201) << accepted.body;
  // A signer's own certificate is no trust anchor.
  auto pem = signtest::runTool("openssl pkcs12 -in " + sign::signerPath(other.path()) + " -clcerts -nokeys -passin pass:" +
                                signtest::kPassphrase + " -out " + other.path() + "/signer.pem");
  ASSERT_EQ(pem.exitCode, 0) << pem.output;
  auto notCa = naskahRun("pki trust --data " + server().dataDir() + " --ca " + other.path() + "/signer.pem");
  EXPECT_EQ(notCa.exitCode, 65) << notCa.output;
  EXPECT_NE(notCa.output.find("is not a CA certificate"), std::string::npos) << notCa.output;
}

TEST_F(ImportApi, OnlyTheRegistrarAndTheAdminImport) {
  auto pdf = signedHere();
  for (const char* user : {"kadis", "kabid", "kasi", "petugas", "auditor", "pelapor"}) {
    auto r = upload(user, pdf);
    EXPECT_EQ(r.status, 403) << user << ": " << r.body;
    EXPECT_EQ(r.errorCode(), "permission_denied") << user;
  }
  auto [type, body] = multipartForm(fields(), "file", "surat.pdf", "application/pdf", pdf);
  EXPECT_EQ(anonymous().post("/api/v1/archive/import", body, {{"Content-Type", type}}).status, 401);
  EXPECT_EQ(archivedFiles(), 0u);
}

TEST_F(ImportApi, MissingMetadataIsNamedFieldByField) {
  auto [type, body] = multipartForm({{"date", "20-11-2026"}, {"kind", "surat_cinta"}}, "file", "surat.pdf",
                                    "application/pdf", signedHere());
  auto r = as("tu").post("/api/v1/archive/import", body, {{"Content-Type", type}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(errorFields(r),
            (std::vector<std::string>{"kind", "number", "date", "sender", "subject", "classification_code"}));
  // A raw body takes the metadata from the query string.
  std::string query = "?number=1%2FX%2F2026&date=2026-11-20&sender=Bupati%20Tebo&subject=Undangan&classification_code=000.1";
  auto raw = as("tu").post("/api/v1/archive/import" + query, signedHere(), {{"Content-Type", "application/pdf"}});
  EXPECT_EQ(raw.status, 201) << raw.body;
  auto empty = as("tu").post("/api/v1/archive/import" + query, "", {{"Content-Type", "application/pdf"}});
  EXPECT_EQ(empty.status, 400) << empty.body;
  EXPECT_EQ(errorFields(empty), (std::vector<std::string>{"file"}));
}

TEST_F(ImportApi, TheCommandLineImportsAValidPdfAndRefusesAChangedOne) {
  TempDir work;
  auto pdf = signedHere();
  signtest::writeFile(work.path() + "/surat.pdf", pdf);
  std::string args = " --data " + server().dataDir() +
                     " --number 470/512/DUKCAPIL-KT/2026 --date 2026-11-20 --sender 'Bupati Tebo'"
                     " --subject 'Laporan penyaluran' --classification 400.12.2.1";
  auto ok = naskahRun("import " + work.path() + "/surat.pdf" + args);
  EXPECT_EQ(ok.exitCode, 0) << ok.output;
  EXPECT_NE(ok.output.find("archived as record"), std::string::npos) << ok.output;
  EXPECT_NE(ok.output.find(sha256(pdf)), std::string::npos) << ok.output;

  pdf[pdf.size() / 2] ^= 0x20;
  signtest::writeFile(work.path() + "/diubah.pdf", pdf);
  auto refused = naskahRun("import " + work.path() + "/diubah.pdf" + args);
  EXPECT_EQ(refused.exitCode, 65) << refused.output;
  EXPECT_NE(refused.output.find("the signed document is refused"), std::string::npos) << refused.output;
  EXPECT_EQ(archivedFiles(), 1u);
}

}  // namespace
}  // namespace naskah::testing
