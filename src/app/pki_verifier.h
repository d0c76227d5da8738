// The running system's verifier: trusts the CA certificates of DATA/pki/trusted.pem as they are
// at each call, so a server started before `naskah pki init` (or an import that adds an
// anchor) verifies against the current anchors without a restart.
#pragma once

#include <string>

#include "ports/signature.h"

namespace naskah::app {

class PkiVerifier : public ports::PdfVerifier {
 public:
  explicit PkiVerifier(std::string trustPemPath) : trustPemPath_(std::move(trustPemPath)) {}

  // As PadesVerifier::verify; not valid, with the reason, when no trust anchors can be read.
  ports::SignatureCheck verify(const std::string& pdf) const override;

 private:
  std::string trustPemPath_;
};

}  // namespace naskah::app
