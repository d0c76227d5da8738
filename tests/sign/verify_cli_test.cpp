// `naskah verify` and `naskah pki` as a user runs them: exit codes, messages, files.
#include <filesystem>

#include "sign_fixture.h"

namespace naskah {
namespace {

signtest::ToolRun naskahRun(const std::string& args) { return signtest::runTool(std::string(NASKAH_BINARY) + " " + args); }

class VerifyCli : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() + "/data";
    auto init = naskahRun("init --data " + data_ + " --samples " + std::string(NASKAH_SOURCE_DIR) + "/samples");
    ASSERT_EQ(init.exitCode, 0) << init.output;
    ASSERT_NE(init.output.find("created the demo signing keys"), std::string::npos) << init.output;
    auto signer = sign::PadesSigner::fromPkcs12(sign::signerPath(data_ + "/pki"), signtest::kPassphrase);
    signed_ = dir_.path() + "/surat.pdf";
    signtest::writeFile(signed_, signer->sign(signtest::unsignedLetter(), signtest::letterRequest()));
  }
  testing::TempDir dir_;
  std::string data_;
  std::string signed_;
};

TEST_F(VerifyCli, InitNamesTheOfficeHeadInTheDemoCertificate) {
  sign::SigningIdentity head = sign::loadPkcs12(sign::signerPath(data_ + "/pki"), signtest::kPassphrase);
  EXPECT_EQ(sign::subjectEntry(head.certificate.get(), NID_commonName), "Drs. H. Ahmad Fauzi, M.Si.");
  EXPECT_EQ(sign::subjectEntry(head.certificate.get(), NID_serialNumber), "196805121993031004");
  EXPECT_EQ(sign::subjectEntry(head.certificate.get(), NID_organizationName),
            "Dinas Sosial, Kependudukan dan Pencatatan Sipil Provinsi Jambi");
  auto again = naskahRun("init --data " + data_);
  EXPECT_EQ(again.exitCode, 0) << again.output;
  EXPECT_EQ(again.output.find("created the demo signing keys"), std::string::npos) << "keys are made once";
}

TEST_F(VerifyCli, AValidLetterExitsZero) {
  auto run = naskahRun("verify " + signed_ + " --data " + data_);
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("VALID: the signature is valid"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("Drs. H. Ahmad Fauzi, M.Si. (NIP 196805121993031004)"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("2026-11-23T09:15:00+07:00"), std::string::npos) << run.output;
  auto withTrust = naskahRun("verify " + signed_ + " --trust " + data_ + "/pki/office-ca.pem");
  EXPECT_EQ(withTrust.exitCode, 0) << withTrust.output;
}

TEST_F(VerifyCli, AChangedLetterExits65WithTheReason) {
  std::string bytes = signtest::readFile(signed_);
  bytes[bytes.size() / 3] ^= 0x01;
  signtest::writeFile(signed_, bytes);
  auto run = naskahRun("verify " + signed_ + " --data " + data_);
  EXPECT_EQ(run.exitCode, 65) << run.output;
  EXPECT_NE(run.output.find("INVALID: "), std::string::npos) << run.output;
}

TEST_F(VerifyCli, AnAppendedUpdateExits65) {
  signtest::writeFile(signed_, signtest::readFile(signed_) + "1 0 obj\n(x)\nendobj\n");
  auto run = naskahRun("verify " + signed_ + " --data " + data_);
  EXPECT_EQ(run.exitCode, 65) << run.output;
  EXPECT_NE(run.output.find("appended after the signed revision"), std::string::npos) << run.output;
}

TEST_F(VerifyCli, AnotherOfficesTrustExits65) {
  testing::TempDir other;
  sign::createDemoPki(signtest::demoRequest(other.path()));
  auto run = naskahRun("verify " + signed_ + " --trust " + sign::trustAnchorsPath(other.path()));
  EXPECT_EQ(run.exitCode, 65) << run.output;
  EXPECT_NE(run.output.find("does not chain to a trusted office CA"), std::string::npos) << run.output;
}

TEST_F(VerifyCli, AMissingFileExits66AndNoTrustIsAUsageError) {
  auto missing = naskahRun("verify " + dir_.path() + "/tidak-ada.pdf --data " + data_);
  EXPECT_EQ(missing.exitCode, 66) << missing.output;
  auto missingTrust = naskahRun("verify " + signed_ + " --trust " + dir_.path() + "/tidak-ada.pem");
  EXPECT_EQ(missingTrust.exitCode, 66) << missingTrust.output;
  auto noTrust = naskahRun("verify " + signed_);
  EXPECT_EQ(noTrust.exitCode, 64) << noTrust.output;
}

TEST_F(VerifyCli, PkiImportWithAWrongPassphraseIsRefusedAndChangesNothing) {
  testing::TempDir issued;
  sign::createDemoPki(signtest::demoRequest(issued.path()));
  std::string before = signtest::readFile(sign::signerPath(data_ + "/pki"));
  auto run = naskahRun("pki import --data " + data_ + " --p12 " + sign::signerPath(issued.path()) +
                       " --passphrase salah");
  EXPECT_EQ(run.exitCode, 77) << run.output;
  EXPECT_NE(run.output.find("the passphrase does not open"), std::string::npos) << run.output;
  EXPECT_EQ(signtest::readFile(sign::signerPath(data_ + "/pki")), before);
}

TEST_F(VerifyCli, PkiImportPutsTheNewSignerInPlace) {
  testing::TempDir issued;
  auto request = signtest::demoRequest(issued.path());
  request.officeName = "Balai Besar Sertifikasi Elektronik";
  sign::createDemoPki(request);
  auto run = naskahRun("pki import --data " + data_ + " --p12 " + sign::signerPath(issued.path()) + " --passphrase " +
                       signtest::kPassphrase);
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("1 CA certificate(s) added"), std::string::npos) << run.output;
  EXPECT_EQ(signtest::readFile(sign::signerPath(data_ + "/pki")), signtest::readFile(sign::signerPath(issued.path())));
  // Letters signed with the demo key before the import still verify.
  auto old = naskahRun("verify " + signed_ + " --data " + data_);
  EXPECT_EQ(old.exitCode, 0) << old.output;
}

TEST_F(VerifyCli, PkiInitDoesNotReplaceAnExistingSigner) {
  auto run = naskahRun("pki init --data " + data_);
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("has a signer already"), std::string::npos) << run.output;
}

TEST(PkiCli, InitWithoutAnOfficeAsksForNamesThenCreatesTheKeys) {
  testing::TempDir dir;
  std::string data = dir.path() + "/kosong";
  auto init = naskahRun("init --data " + data);
  ASSERT_EQ(init.exitCode, 0) << init.output;
  EXPECT_NE(init.output.find("create the signing keys later"), std::string::npos) << init.output;
  EXPECT_FALSE(std::filesystem::exists(sign::signerPath(data + "/pki")));
  auto unnamed = naskahRun("pki init --data " + data);
  EXPECT_EQ(unnamed.exitCode, 65) << unnamed.output;
  EXPECT_NE(unnamed.output.find("give --office NAME and --signer NAME"), std::string::npos) << unnamed.output;
  auto named = naskahRun("pki init --data " + data + " --office 'Dinas Uji' --signer 'Budi Santoso' --nip 1");
  EXPECT_EQ(named.exitCode, 0) << named.output;
  sign::SigningIdentity head = sign::loadPkcs12(sign::signerPath(data + "/pki"), signtest::kPassphrase);
  EXPECT_EQ(sign::subjectEntry(head.certificate.get(), NID_commonName), "Budi Santoso");
}

}  // namespace
}  // namespace naskah
