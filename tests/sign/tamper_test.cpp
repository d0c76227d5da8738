// Every change to a signed letter is reported: single-byte flips anywhere, an appended
// revision, a swapped certificate, a signer from a CA the office does not trust.
#include <random>
#include <regex>

#include "sign/pdf_text.h"
#include "sign_fixture.h"

namespace naskah {
namespace {

using signtest::kPassphrase;

class SignatureTampering : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    pki_ = dir_->path() + "/pki";
    sign::createDemoPki(signtest::demoRequest(pki_));
    signer_ = sign::PadesSigner::fromPkcs12(sign::signerPath(pki_), kPassphrase).release();
    verifier_ = sign::PadesVerifier::fromPemFile(sign::trustAnchorsPath(pki_)).release();
    signed_ = new std::string(signer_->sign(signtest::unsignedLetter(), signtest::letterRequest()));
  }
  static void TearDownTestSuite() {
    delete signed_;
    delete verifier_;
    delete signer_;
    delete dir_;
  }

  // Where the /Contents hex string lies: [start, end) with the brackets, and the DER's hex length.
  struct Gap {
    size_t start, end, derHex;
  };
  static Gap gap() {
    std::smatch m;
    EXPECT_TRUE(std::regex_search(*signed_, m, std::regex(R"(/ByteRange \[0 (\d+) (\d+) (\d+)\])")));
    Gap g{std::stoul(m[1]), std::stoul(m[2]), 0};
    // 30 82 LL LL: the DER's length is in its header.
    size_t length = std::stoul(signed_->substr(g.start + 5, 4), nullptr, 16) + 4;
    g.derHex = 2 * length;
    return g;
  }

  // Flips `mask` into the byte at each position; returns the positions where the verifier still says valid.
  static std::vector<size_t> undetected(const std::vector<std::pair<size_t, unsigned char>>& flips) {
    std::vector<size_t> missed;
    std::string copy = *signed_;
    for (auto [position, mask] : flips) {
      copy[position] = static_cast<char>(copy[position] ^ mask);
      if (verifier_->verify(copy).valid) missed.push_back(position);
      copy[position] = (*signed_)[position];
    }
    return missed;
  }

  static testing::TempDir* dir_;
  static std::string pki_;
  static sign::PadesSigner* signer_;
  static sign::PadesVerifier* verifier_;
  static std::string* signed_;
};

testing::TempDir* SignatureTampering::dir_ = nullptr;
std::string SignatureTampering::pki_;
sign::PadesSigner* SignatureTampering::signer_ = nullptr;
sign::PadesVerifier* SignatureTampering::verifier_ = nullptr;
std::string* SignatureTampering::signed_ = nullptr;

TEST_F(SignatureTampering, TheUntouchedLetterIsValid) {
  auto check = verifier_->verify(*signed_);
  EXPECT_TRUE(check.valid) << check.reason;
}

TEST_F(SignatureTampering, AThousandRandomSingleByteFlipsAreAllDetected) {
  std::mt19937 random(20261123);  // fixed: a failure is reproducible
  std::uniform_int_distribution<size_t> position(0, signed_->size() - 1);
  std::uniform_int_distribution<int> mask(1, 255);
  std::vector<std::pair<size_t, unsigned char>> flips;
  for (int i = 0; i < 1000; ++i) flips.emplace_back(position(random), static_cast<unsigned char>(mask(random)));
  auto missed = undetected(flips);
  EXPECT_TRUE(missed.empty()) << missed.size() << " flips not detected, the first at offset " << missed.front();
}

TEST_F(SignatureTampering, EveryByteOfTheSignatureValueIsCovered) {
  // The /Contents string is the one part outside the signed byte range, so its protection comes
  // from the strict parsing of the SignedData alone: flip every hex digit of the DER, the
  // brackets and the first kilobyte of padding, with a digit change (0x01), a case change (0x20)
  // and a high bit (0x80).
  Gap g = gap();
  std::vector<std::pair<size_t, unsigned char>> flips;
  for (size_t p = g.start; p < g.start + 1 + g.derHex + 1024; ++p)
    for (unsigned char mask : {0x01, 0x20, 0x80}) flips.emplace_back(p, mask);
  for (unsigned char mask : {0x01, 0x20, 0x80}) flips.emplace_back(g.end - 1, mask);
  auto missed = undetected(flips);
  ASSERT_TRUE(missed.empty()) << missed.size() << " flips not detected, the first at offset " << missed.front()
                              << " (DER hex from " << g.start + 1 << ")";
}

TEST_F(SignatureTampering, EveryByteOfTheSignedRevisionIsCovered) {
  // The appended revision (objects, cross-references, trailer) apart from the /Contents string.
  Gap g = gap();
  std::vector<std::pair<size_t, unsigned char>> flips;
  for (size_t p = signtest::unsignedLetter().size(); p < signed_->size(); ++p)
    if (p < g.start || p >= g.end) flips.emplace_back(p, 0x01);
  auto missed = undetected(flips);
  ASSERT_TRUE(missed.empty()) << missed.size() << " flips not detected, the first at offset " << missed.front();
}

TEST_F(SignatureTampering, AnAppendedIncrementalUpdateIsDetected) {
  // A well-formed second revision that redefines the document information, as an editor would add.
  std::smatch m;
  std::string tail = signed_->substr(signed_->rfind("trailer"));
  ASSERT_TRUE(std::regex_search(tail, m, std::regex(R"(/Size (\d+) /Root (\d+ \d+ R))")));
  size_t lastXref = std::stoul(signed_->substr(signed_->rfind("startxref") + 10));
  std::string changed = *signed_;
  size_t objectOffset = changed.size();
  changed += m[1].str() + " 0 obj\n<< /Title (Diubah) >>\nendobj\n";
  size_t xrefOffset = changed.size();
  char entry[32];
  std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", objectOffset);
  changed += "xref\n" + m[1].str() + " 1\n" + entry + "trailer\n<< /Size " + std::to_string(std::stoi(m[1]) + 1) +
             " /Root " + m[2].str() + " /Info " + m[1].str() + " 0 R /Prev " + std::to_string(lastXref) +
             " >>\nstartxref\n" + std::to_string(xrefOffset) + "\n%%EOF\n";

  auto check = verifier_->verify(changed);
  EXPECT_FALSE(check.valid);
  EXPECT_FALSE(check.coversWholeFile);
  EXPECT_NE(check.reason.find("changed after signing"), std::string::npos) << check.reason;
  EXPECT_NE(check.reason.find("appended after the signed revision"), std::string::npos) << check.reason;
  EXPECT_EQ(check.signerName, "Drs. H. Ahmad Fauzi, M.Si.") << "the signature itself still names its signer";

  // poppler agrees that the signature no longer covers the document.
  signtest::writeFile(dir_->path() + "/appended.pdf", changed);
  auto run = signtest::runTool("pdfsig " + dir_->path() + "/appended.pdf");
  EXPECT_NE(run.output.find("Not total document signed"), std::string::npos) << run.output;
}

TEST_F(SignatureTampering, EvenAFewAppendedBytesAreDetected) {
  auto check = verifier_->verify(*signed_ + "\n");
  EXPECT_FALSE(check.valid);
  EXPECT_NE(check.reason.find("1 bytes were appended"), std::string::npos) << check.reason;
}

TEST_F(SignatureTampering, ASwappedCertificateIsDetected) {
  // The CA issues a second certificate for the same key with the same serial but another name;
  // put in place of the signer's, the signature value still verifies with the key and the chain
  // is trusted, so only signing-certificate-v2 (the hash of the certificate, signed) tells.
  sign::SigningIdentity identity = sign::loadPkcs12(sign::signerPath(pki_), kPassphrase);
  sign::KeyPtr caKey = sign::loadCaKey(pki_, kPassphrase);
  sign::CertStackPtr ca = sign::loadCertificates(sign::caCertificatePath(pki_));
  BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(identity.certificate.get()), nullptr);
  char* serialHex = BN_bn2hex(serial);
  sign::CertificateRequest request;
  request.serial = serialHex;
  OPENSSL_free(serialHex);
  BN_free(serial);
  request.subject = signtest::demoRequest(pki_).signer;
  request.subject.commonName = "Drs. H. Ahmad Fauzi, M.Sc.";  // same length, so the file keeps its layout
  request.subject.organization = signtest::demoRequest(pki_).officeName;
  std::string original = sign::toHex(sign::certificateDer(identity.certificate.get()));
  std::string swapped;
  for (int attempt = 0; attempt < 100 && swapped.size() != original.size(); ++attempt)  // ECDSA lengths vary
    swapped = sign::toHex(sign::certificateDer(
        sign::issueCertificate(request, identity.key.get(), caKey.get(), sk_X509_value(ca.get(), 0)).get()));
  ASSERT_EQ(swapped.size(), original.size());

  std::string changed = *signed_;
  size_t at = changed.find(original);
  ASSERT_NE(at, std::string::npos) << "the signer's certificate is in /Contents";
  changed.replace(at, swapped.size(), swapped);
  auto check = verifier_->verify(changed);
  EXPECT_FALSE(check.valid);
  EXPECT_NE(check.reason.find("certificate was replaced"), std::string::npos) << check.reason;
}

TEST_F(SignatureTampering, ASignerFromAnotherCaIsNotTrusted) {
  testing::TempDir other;
  sign::createDemoPki(signtest::demoRequest(other.path()));
  auto stranger = sign::PadesSigner::fromPkcs12(sign::signerPath(other.path()), kPassphrase);
  auto check = verifier_->verify(stranger->sign(signtest::unsignedLetter(), signtest::letterRequest()));
  EXPECT_FALSE(check.valid);
  EXPECT_NE(check.reason.find("does not chain to a trusted office CA"), std::string::npos) << check.reason;
  EXPECT_EQ(check.signerName, "Drs. H. Ahmad Fauzi, M.Si.");
}

TEST_F(SignatureTampering, TheOfficeCaCopyInsideTheSignatureMustBeTheTrustedOne) {
  // Another CA's certificate in place of the office CA's copy carried in the CMS: the chain is
  // built from the trust anchor, so the foreign copy would go unnoticed without the check that
  // every carried certificate is part of the chain.
  std::string ours =
      sign::toHex(sign::certificateDer(sk_X509_value(sign::loadCertificates(sign::caCertificatePath(pki_)).get(), 0)));
  sign::CertificateRequest request;
  request.subject.commonName = sign::subjectEntry(
      sk_X509_value(sign::loadCertificates(sign::caCertificatePath(pki_)).get(), 0), NID_commonName);
  request.subject.organization = signtest::demoRequest(pki_).officeName;
  request.isCa = true;
  request.validDays = 365 * 20;
  std::string theirs;
  for (int attempt = 0; attempt < 100 && theirs.size() != ours.size(); ++attempt) {  // ECDSA lengths vary
    sign::KeyPtr key = sign::generateKey(sign::KeyKind::kEcdsaP256);
    theirs = sign::toHex(sign::certificateDer(sign::issueCertificate(request, key.get(), key.get(), nullptr).get()));
  }
  ASSERT_EQ(theirs.size(), ours.size());
  std::string changed = *signed_;
  size_t at = changed.find(ours);
  ASSERT_NE(at, std::string::npos);
  changed.replace(at, theirs.size(), theirs);
  auto check = verifier_->verify(changed);
  EXPECT_FALSE(check.valid);
  EXPECT_NE(check.reason.find("not part of the signer's chain"), std::string::npos) << check.reason;
}

}  // namespace
}  // namespace naskah
