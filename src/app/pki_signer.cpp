#include "app/pki_signer.h"

#include <filesystem>

#include "domain/common/error.h"
#include "sign/pades_signer.h"
#include "sign/pki.h"

namespace naskah::app {

PkiSigner::PkiSigner(std::string pkiDir, std::string passphrase)
    : pkiDir_(std::move(pkiDir)), passphrase_(std::move(passphrase)) {}

PkiSigner::~PkiSigner() = default;

std::string PkiSigner::sign(const std::string& pdf, const ports::SignRequest& request) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!signer_) {
    std::string path = sign::signerPath(pkiDir_);
    if (!std::filesystem::exists(path))
      throw Error(ErrorCode::kFailedPrecondition,
                  "no signing key in " + pkiDir_ + ": create it with `naskah pki init` or import one with `naskah pki import`");
    signer_ = sign::PadesSigner::fromPkcs12(path, passphrase_);
  }
  return signer_->sign(pdf, request);
}

}  // namespace naskah::app
