// Signs a PDF as PAdES baseline B-B: one incremental update appended to the original bytes with
// a signature field (an invisible widget on the last page), the AcroForm (/SigFlags 3), the
// updated catalog and page, a classic cross-reference section and a trailer with /Prev.
// See docs/signing.md.
#pragma once

#include <memory>
#include <string>

#include "ports/signature.h"
#include "sign/pki.h"

namespace naskah::sign {

class PadesSigner : public ports::PdfSigner {
 public:
  explicit PadesSigner(SigningIdentity identity);
  // The signer of a PKCS#12 file; throws as loadPkcs12.
  static std::unique_ptr<PadesSigner> fromPkcs12(const std::string& path, const std::string& passphrase);

  // Throws kInvalidArgument for a PDF this signer cannot update (unreadable, encrypted, a
  // cross-reference stream, no pages) or a bad signing time; kInternal when OpenSSL fails.
  std::string sign(const std::string& pdf, const ports::SignRequest& request) override;

  const SigningIdentity& identity() const { return identity_; }

 private:
  SigningIdentity identity_;
  size_t contentsCapacity_;  // bytes of DER the /Contents placeholder holds
};

}  // namespace naskah::sign
