// The signature half of AppRuntime: the CLI's PKI and verify commands reach sign/ through here.
#include <filesystem>

#include "app/app_system.h"
#include "sign/pades_signer.h"
#include "sign/pades_verifier.h"
#include "sign/pki.h"

namespace naskah::app {

std::unique_ptr<ports::PdfVerifier> AppRuntime::pdfVerifier(const std::string& trustPemPath) {
  return sign::PadesVerifier::fromPemFile(trustPemPath);
}

std::unique_ptr<ports::PdfSigner> AppRuntime::pdfSigner(const cli::AppConfig& config) {
  return sign::PadesSigner::fromPkcs12(sign::signerPath(config.pkiDir()), config.pkiPassphrase);
}

bool AppRuntime::createDemoPki(const cli::AppConfig& config, const cli::PkiSubject& subject) {
  if (std::filesystem::exists(sign::signerPath(config.pkiDir()))) return false;
  sign::DemoPkiRequest request;
  request.folder = config.pkiDir();
  request.officeName = subject.office;
  request.signer.commonName = subject.signer;
  request.signer.title = subject.title;
  request.signer.serialNumber = subject.nip;
  request.passphrase = config.pkiPassphrase;
  sign::createDemoPki(request);
  return true;
}

std::string AppRuntime::importPkcs12(const cli::AppConfig& config, const std::string& p12Path,
                                     const std::string& passphrase, const std::string& caPemPath) {
  auto summary = sign::importPkcs12(config.pkiDir(), p12Path, passphrase, caPemPath);
  return "imported " + summary.signerSubject + " as the signer; " + std::to_string(summary.anchorsAdded) +
         " CA certificate(s) added to " + sign::trustAnchorsPath(config.pkiDir());
}

int AppRuntime::trustCa(const cli::AppConfig& config, const std::string& caPemPath) {
  return sign::addTrustAnchors(config.pkiDir(), caPemPath);
}

}  // namespace naskah::app
