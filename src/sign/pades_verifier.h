// Verifies the PAdES signatures of a PDF against a set of trust anchors. See docs/signing.md
// for every check and the reason each failure reports.
#pragma once

#include <memory>
#include <string>

#include "ports/signature.h"
#include "sign/openssl_handles.h"

namespace naskah::sign {

class PadesVerifier : public ports::PdfVerifier {
 public:
  // `anchors`: the CA certificates a signer's chain must reach (an intermediate CA counts).
  explicit PadesVerifier(const CertStackPtr& anchors);
  // The verifier of a PEM file of CA certificates; throws as loadCertificates.
  static std::unique_ptr<PadesVerifier> fromPemFile(const std::string& path);

  // Valid only when the PDF has at least one signature, every signature verifies and chains to
  // an anchor, and the newest one covers the whole file except its own /Contents.
  ports::SignatureCheck verify(const std::string& pdf) const override;

 private:
  StorePtr anchors_;
};

}  // namespace naskah::sign
