#include "app/pki_verifier.h"

#include <filesystem>

#include "sign/pades_verifier.h"

namespace naskah::app {

ports::SignatureCheck PkiVerifier::verify(const std::string& pdf) const {
  std::unique_ptr<sign::PadesVerifier> verifier;
  std::string problem;
  try {
    if (std::filesystem::exists(trustPemPath_)) verifier = sign::PadesVerifier::fromPemFile(trustPemPath_);
  } catch (const std::exception& e) {
    problem = e.what();
  }
  if (verifier) return verifier->verify(pdf);
  // Still answer the digest, so the caller can say whether the archive holds the bytes.
  ports::SignatureCheck check = sign::PadesVerifier(sign::CertStackPtr(sk_X509_new_null())).verify(pdf);
  check.valid = false;
  check.reason = "the office has no trust anchors to verify against (" + trustPemPath_ +
                 (problem.empty() ? " is missing" : ": " + problem) + ")";
  return check;
}

}  // namespace naskah::app
