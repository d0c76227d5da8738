// The demo PKI and PKCS#12 import: what is created, and the errors an operator reads.
#include <filesystem>

#include "sign_fixture.h"

namespace naskah {
namespace {

using signtest::kPassphrase;

ErrorCode codeOf(const std::function<void()>& action, std::string* message = nullptr) {
  try {
    action();
  } catch (const Error& e) {
    if (message) *message = e.what();
    return e.code();
  }
  ADD_FAILURE() << "no error thrown";
  return ErrorCode::kInternal;
}

TEST(DemoPki, CreatesTheCaTheSignerAndTheTrustAnchors) {
  testing::TempDir dir;
  sign::createDemoPki(signtest::demoRequest(dir.path()));
  for (const auto& path : {sign::signerPath(dir.path()), sign::trustAnchorsPath(dir.path()),
                           sign::caCertificatePath(dir.path()), sign::caKeyPath(dir.path())})
    EXPECT_TRUE(std::filesystem::exists(path)) << path;
  auto keyPerms = std::filesystem::status(sign::caKeyPath(dir.path())).permissions();
  EXPECT_EQ(keyPerms & std::filesystem::perms::others_read, std::filesystem::perms::none) << "the CA key is private";

  sign::CertStackPtr ca = sign::loadCertificates(sign::caCertificatePath(dir.path()));
  X509* caCert = sk_X509_value(ca.get(), 0);
  EXPECT_EQ(X509_check_ca(caCert), 1);
  EXPECT_TRUE(X509_get_key_usage(caCert) & KU_KEY_CERT_SIGN);
  EXPECT_EQ(sign::subjectEntry(caCert, NID_commonName),
            "CA Dinas Sosial, Kependudukan dan Pencatatan Sipil Provinsi") << "cut to the 64 characters of a CN";

  sign::SigningIdentity head = sign::loadPkcs12(sign::signerPath(dir.path()), kPassphrase);
  X509* cert = head.certificate.get();
  EXPECT_EQ(sign::subjectEntry(cert, NID_commonName), "Drs. H. Ahmad Fauzi, M.Si.");
  EXPECT_EQ(sign::subjectEntry(cert, NID_organizationName),
            "Dinas Sosial, Kependudukan dan Pencatatan Sipil Provinsi Jambi");
  EXPECT_EQ(sign::subjectEntry(cert, NID_serialNumber), "196805121993031004");
  EXPECT_EQ(sign::subjectEntry(cert, NID_title), "Kepala Dinas");
  uint32_t usage = X509_get_key_usage(cert);
  EXPECT_TRUE(usage & KU_DIGITAL_SIGNATURE);
  EXPECT_TRUE(usage & KU_NON_REPUDIATION);
  EXPECT_FALSE(usage & KU_KEY_CERT_SIGN);
  EXPECT_EQ(X509_check_issued(caCert, cert), X509_V_OK);
  EXPECT_EQ(sk_X509_num(head.chain.get()), 1) << "the PKCS#12 carries the CA certificate";
}

TEST(DemoPki, IsNeverCreatedTwiceOverTheSameSigner) {
  testing::TempDir dir;
  sign::createDemoPki(signtest::demoRequest(dir.path()));
  std::string before = signtest::readFile(sign::signerPath(dir.path()));
  EXPECT_EQ(codeOf([&] { sign::createDemoPki(signtest::demoRequest(dir.path())); }), ErrorCode::kAlreadyExists);
  EXPECT_EQ(signtest::readFile(sign::signerPath(dir.path())), before);
}

TEST(DemoPki, AnEmptyPassphraseIsRefused) {
  testing::TempDir dir;
  auto request = signtest::demoRequest(dir.path());
  request.passphrase = "";
  EXPECT_EQ(codeOf([&] { sign::createDemoPki(request); }), ErrorCode::kInvalidArgument);
}

TEST(PkiPkcs12, AWrongPassphraseSaysSo) {
  testing::TempDir dir;
  sign::createDemoPki(signtest::demoRequest(dir.path()));
  std::string message;
  EXPECT_EQ(codeOf([&] { sign::loadPkcs12(sign::signerPath(dir.path()), "salah"); }, &message),
            ErrorCode::kPermissionDenied);
  EXPECT_NE(message.find("the passphrase does not open"), std::string::npos) << message;
  EXPECT_EQ(codeOf([&] { sign::loadCaKey(dir.path(), "salah"); }), ErrorCode::kPermissionDenied);
}

TEST(PkiPkcs12, AMissingFileIsNotFound) {
  std::string message;
  EXPECT_EQ(codeOf([&] { sign::loadPkcs12("/nonexistent/signer.p12", kPassphrase); }, &message), ErrorCode::kNotFound);
  EXPECT_NE(message.find("/nonexistent/signer.p12"), std::string::npos) << message;
}

TEST(PkiPkcs12, AFileThatIsNoPkcs12IsInvalid) {
  testing::TempDir dir;
  signtest::writeFile(dir.path() + "/x.p12", "-----BEGIN CERTIFICATE-----\n");
  EXPECT_EQ(codeOf([&] { sign::loadPkcs12(dir.path() + "/x.p12", kPassphrase); }), ErrorCode::kInvalidArgument);
}

TEST(PkiPkcs12, ACertificateThatMayNotSignDocumentsIsRefused) {
  // A PKCS#12 of the CA itself: keyCertSign only.
  testing::TempDir dir;
  sign::createDemoPki(signtest::demoRequest(dir.path()));
  sign::SigningIdentity ca;
  ca.key = sign::loadCaKey(dir.path(), kPassphrase);
  sign::CertStackPtr caCerts = sign::loadCertificates(sign::caCertificatePath(dir.path()));
  X509_up_ref(sk_X509_value(caCerts.get(), 0));
  ca.certificate.reset(sk_X509_value(caCerts.get(), 0));
  ca.chain.reset(sk_X509_new_null());
  signtest::writeFile(dir.path() + "/ca.p12", sign::pkcs12Bytes(ca, kPassphrase, "CA"));
  std::string message;
  EXPECT_EQ(codeOf([&] { sign::loadPkcs12(dir.path() + "/ca.p12", kPassphrase); }, &message),
            ErrorCode::kFailedPrecondition);
  EXPECT_NE(message.find("may not sign documents"), std::string::npos) << message;
}

TEST(PkiPkcs12, AnImportReplacesTheSignerAndTrustsItsCa) {
  // "BSrE": another CA and signer, issued elsewhere, imported into an office that has a demo PKI.
  testing::TempDir office, issued;
  sign::createDemoPki(signtest::demoRequest(office.path()));
  auto bsre = signtest::demoRequest(issued.path());
  bsre.officeName = "Balai Besar Sertifikasi Elektronik";
  bsre.signer.commonName = "Ahmad Fauzi";
  sign::createDemoPki(bsre);

  auto summary = sign::importPkcs12(office.path(), sign::signerPath(issued.path()), kPassphrase);
  EXPECT_EQ(summary.anchorsAdded, 1);
  EXPECT_NE(summary.signerSubject.find("CN=Ahmad Fauzi"), std::string::npos) << summary.signerSubject;
  EXPECT_EQ(signtest::readFile(sign::signerPath(office.path())), signtest::readFile(sign::signerPath(issued.path())));
  EXPECT_EQ(sk_X509_num(sign::loadCertificates(sign::trustAnchorsPath(office.path())).get()), 2)
      << "the demo CA stays trusted for letters signed before the import";

  auto signer = sign::PadesSigner::fromPkcs12(sign::signerPath(office.path()), kPassphrase);
  auto verifier = sign::PadesVerifier::fromPemFile(sign::trustAnchorsPath(office.path()));
  auto check = verifier->verify(signer->sign(signtest::unsignedLetter(), signtest::letterRequest()));
  EXPECT_TRUE(check.valid) << check.reason;
  EXPECT_EQ(check.signerName, "Ahmad Fauzi");
}

TEST(PkiPkcs12, AnImportWithoutAnyKnownCaIsRefused) {
  // A PKCS#12 without its CA certificate, into a folder that trusts nothing yet.
  testing::TempDir office, issued;
  sign::createDemoPki(signtest::demoRequest(issued.path()));
  sign::SigningIdentity bare = sign::loadPkcs12(sign::signerPath(issued.path()), kPassphrase);
  bare.chain.reset(sk_X509_new_null());
  signtest::writeFile(issued.path() + "/bare.p12", sign::pkcs12Bytes(bare, kPassphrase, "bare"));
  std::string message;
  EXPECT_EQ(codeOf([&] { sign::importPkcs12(office.path(), issued.path() + "/bare.p12", kPassphrase); }, &message),
            ErrorCode::kFailedPrecondition);
  EXPECT_NE(message.find("--ca"), std::string::npos) << message;
  EXPECT_FALSE(std::filesystem::exists(sign::signerPath(office.path())));
  // With the CA given it goes through.
  auto summary = sign::importPkcs12(office.path(), issued.path() + "/bare.p12", kPassphrase,
                                    sign::caCertificatePath(issued.path()));
  EXPECT_EQ(summary.anchorsAdded, 1);
}

}  // namespace
}  // namespace naskah
