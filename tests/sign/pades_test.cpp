// Signing a rendered letter: the result is what PAdES B-B and other readers (poppler, qpdf) expect.
#include <openssl/cms.h>

#include <regex>

#include "sign/cades.h"
#include "sign/pdf_text.h"
#include "sign_fixture.h"

namespace naskah {
namespace {

using signtest::kPassphrase;

class PadesSigning : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    sign::createDemoPki(signtest::demoRequest(dir_->path() + "/pki"));
    signer_ = sign::PadesSigner::fromPkcs12(sign::signerPath(dir_->path() + "/pki"), kPassphrase).release();
    verifier_ = sign::PadesVerifier::fromPemFile(sign::trustAnchorsPath(dir_->path() + "/pki")).release();
    signed_ = new std::string(signer_->sign(signtest::unsignedLetter(), signtest::letterRequest()));
    signtest::writeFile(dir_->path() + "/signed.pdf", *signed_);
  }
  static void TearDownTestSuite() {
    delete signed_;
    delete verifier_;
    delete signer_;
    delete dir_;
  }
  static std::string signedPath() { return dir_->path() + "/signed.pdf"; }

  static testing::TempDir* dir_;
  static sign::PadesSigner* signer_;
  static sign::PadesVerifier* verifier_;
  static std::string* signed_;
};

testing::TempDir* PadesSigning::dir_ = nullptr;
sign::PadesSigner* PadesSigning::signer_ = nullptr;
sign::PadesVerifier* PadesSigning::verifier_ = nullptr;
std::string* PadesSigning::signed_ = nullptr;

// The DER of the signature: the hex between the /Contents brackets the /ByteRange names, padding cut.
std::string signatureDer(const std::string& pdf) {
  std::smatch m;
  std::regex range(R"(/ByteRange \[0 (\d+) (\d+) (\d+)\])");
  EXPECT_TRUE(std::regex_search(pdf, m, range));
  size_t start = std::stoul(m[1]) + 1, end = std::stoul(m[2]) - 1;
  std::string der;
  for (size_t i = start; i < end; i += 2) der += static_cast<char>(std::stoi(pdf.substr(i, 2), nullptr, 16));
  size_t length = (static_cast<unsigned char>(der[2]) << 8 | static_cast<unsigned char>(der[3])) + 4;  // 30 82 LL LL
  return der.substr(0, length);
}

TEST_F(PadesSigning, KeepsTheOriginalBytesAndAppendsOneRevision) {
  const std::string& original = signtest::unsignedLetter();
  ASSERT_GT(signed_->size(), original.size());
  EXPECT_EQ(signed_->compare(0, original.size(), original), 0) << "the original revision must be kept byte for byte";
  std::string update = signed_->substr(original.size());
  for (const char* part : {"/Type /Sig", "/Filter /Adobe.PPKLite", "/SubFilter /ETSI.CAdES.detached", "/ByteRange [0 ",
                           "/M (D:20261123091500+07'00')", "/Reason (Surat balasan 400.9/1187/Dinsosdukcapil/2026)",
                           "/Location (Jambi)", "/Name (Drs. H. Ahmad Fauzi, M.Si.)", "/FT /Sig", "/SigFlags 3",
                           "/AcroForm", "/Annots [", "/Prev ", "xref\n", "trailer\n"})
    EXPECT_NE(update.find(part), std::string::npos) << part;
  EXPECT_EQ(signed_->substr(signed_->size() - 6), "%%EOF\n");
}

TEST_F(PadesSigning, PopplerReportsTheSignatureValidAndTheWholeDocumentSigned) {
  auto run = signtest::runTool("pdfsig " + signedPath());
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("Signature is Valid."), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("Total document signed"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("Signer Certificate Common Name: Drs. H. Ahmad Fauzi, M.Si."), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("Signature Type: ETSI.CAdES.detached"), std::string::npos) << run.output;
  for (const char* bad : {"Error", "error", "Invalid", "Not total"})
    EXPECT_EQ(run.output.find(bad), std::string::npos) << bad << " in: " << run.output;
}

TEST_F(PadesSigning, QpdfFindsNoStructuralProblem) {
  auto run = signtest::runTool("qpdf --check " + signedPath());
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("No syntax or stream encoding errors found"), std::string::npos) << run.output;
  EXPECT_EQ(run.output.find("WARNING"), std::string::npos) << run.output;
}

TEST_F(PadesSigning, PopplerStillReadsEveryPage) {
  auto before = signtest::runTool("pdfinfo " + signedPath());
  EXPECT_EQ(before.exitCode, 0) << before.output;
  EXPECT_TRUE(std::regex_search(before.output, std::regex(R"(Pages:\s+[1-9])"))) << before.output;
  auto text = signtest::runTool("pdftotext " + signedPath() + " -");
  EXPECT_NE(text.output.find("Tindak Lanjut Pengaduan Masyarakat"), std::string::npos) << text.output;
}

TEST_F(PadesSigning, CmsHasSigningCertificateV2AndNoSigningTime) {
  std::string der = signatureDer(*signed_);
  const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
  sign::CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &bytes, static_cast<long>(der.size())));
  ASSERT_TRUE(cms);
  EXPECT_EQ(CMS_is_detached(cms.get()), 1);
  auto* infos = CMS_get0_SignerInfos(cms.get());
  ASSERT_EQ(sk_CMS_SignerInfo_num(infos), 1);
  CMS_SignerInfo* info = sk_CMS_SignerInfo_value(infos, 0);
  EXPECT_GE(CMS_signed_get_attr_by_NID(info, NID_id_smime_aa_signingCertificateV2, -1), 0);
  EXPECT_GE(CMS_signed_get_attr_by_NID(info, NID_pkcs9_messageDigest, -1), 0);
  EXPECT_GE(CMS_signed_get_attr_by_NID(info, NID_pkcs9_contentType, -1), 0);
  EXPECT_LT(CMS_signed_get_attr_by_NID(info, NID_pkcs9_signingTime, -1), 0) << "PAdES keeps the time in /M only";
  X509_ALGOR* digest = nullptr;
  CMS_SignerInfo_get0_algs(info, nullptr, nullptr, &digest, nullptr);
  EXPECT_EQ(OBJ_obj2nid(digest->algorithm), NID_sha256);
  sign::CertStackPtr certs(CMS_get1_certs(cms.get()));
  EXPECT_EQ(sk_X509_num(certs.get()), 2) << "the signer's certificate and the office CA";
}

TEST_F(PadesSigning, OurVerifierAcceptsItAndNamesTheSigner) {
  auto check = verifier_->verify(*signed_);
  EXPECT_TRUE(check.valid) << check.reason;
  EXPECT_TRUE(check.coversWholeFile);
  EXPECT_EQ(check.signatures, 1);
  EXPECT_EQ(check.signerName, "Drs. H. Ahmad Fauzi, M.Si.");
  EXPECT_EQ(check.signerOrganization, "Dinas Sosial, Kependudukan dan Pencatatan Sipil Provinsi Jambi");
  EXPECT_EQ(check.signerSerialNumber, "196805121993031004");
  EXPECT_EQ(check.signingTime, "2026-11-23T09:15:00+07:00");
  EXPECT_EQ(check.sha256.size(), 64u);
  EXPECT_EQ(check.sha256, sign::toHex(sign::sha256(*signed_)));
}

TEST_F(PadesSigning, TheUnsignedLetterIsNotValid) {
  auto check = verifier_->verify(signtest::unsignedLetter());
  EXPECT_FALSE(check.valid);
  EXPECT_EQ(check.reason, "the document carries no electronic signature.");
}

TEST_F(PadesSigning, ASecondSignatureOnASignedLetterKeepsBothValid) {
  std::string twice = signer_->sign(*signed_, signtest::letterRequest());
  auto check = verifier_->verify(twice);
  EXPECT_TRUE(check.valid) << check.reason;
  EXPECT_EQ(check.signatures, 2);
  signtest::writeFile(dir_->path() + "/twice.pdf", twice);
  auto run = signtest::runTool("pdfsig " + dir_->path() + "/twice.pdf");
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("Signature #2"), std::string::npos) << run.output;
  EXPECT_EQ(run.output.find("Invalid"), std::string::npos) << run.output;
}

TEST_F(PadesSigning, RsaKeysSignAsWell) {
  testing::TempDir dir;
  sign::createDemoPki(signtest::demoRequest(dir.path(), sign::KeyKind::kRsa3072));
  auto signer = sign::PadesSigner::fromPkcs12(sign::signerPath(dir.path()), kPassphrase);
  std::string pdf = signer->sign(signtest::unsignedLetter(), signtest::letterRequest());
  auto check = sign::PadesVerifier::fromPemFile(sign::trustAnchorsPath(dir.path()))->verify(pdf);
  EXPECT_TRUE(check.valid) << check.reason;
  signtest::writeFile(dir.path() + "/rsa.pdf", pdf);
  auto run = signtest::runTool("pdfsig " + dir.path() + "/rsa.pdf");
  EXPECT_NE(run.output.find("Signature is Valid."), std::string::npos) << run.output;
}

TEST_F(PadesSigning, ABadSigningTimeIsRefusedBeforeAnythingIsSigned) {
  auto request = signtest::letterRequest();
  request.signingTime = "23/11/2026";
  try {
    signer_->sign(signtest::unsignedLetter(), request);
    FAIL() << "a malformed time must be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
}

TEST_F(PadesSigning, NotAPdfIsRefused) {
  try {
    signer_->sign("hello, not a PDF", signtest::letterRequest());
    FAIL() << "not a PDF";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace naskah
