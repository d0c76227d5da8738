// The head's signer for the running system: the PKCS#12 in DATA/pki opened on first use, so a
// server started before `naskah pki init` signs once the keys exist, and a data folder without
// keys fails only the signing, with a message that says what to do.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "ports/signature.h"

namespace naskah::app {

class PkiSigner : public ports::PdfSigner {
 public:
  PkiSigner(std::string pkiDir, std::string passphrase);
  ~PkiSigner() override;

  // Throws kFailedPrecondition when DATA/pki holds no signer; otherwise as PadesSigner::sign.
  std::string sign(const std::string& pdf, const ports::SignRequest& request) override;

 private:
  std::string pkiDir_;
  std::string passphrase_;
  std::mutex mutex_;
  std::unique_ptr<ports::PdfSigner> signer_;
};

}  // namespace naskah::app
