// The CMS half of PAdES baseline B-B: a detached CAdES SignedData over the SHA-256 of the
// /ByteRange bytes, with content-type, message-digest and signing-certificate-v2 as signed
// attributes and no signing time (PAdES puts the claimed time in the signature dictionary's /M).
#pragma once

#include <string>

#include "sign/openssl_handles.h"
#include "sign/pki.h"

namespace naskah::sign {

// SHA-256 of `data` (32 raw bytes).
std::string sha256(std::string_view data);

// The DER SignedData for the 32-byte SHA-256 `digest`, carrying the signer's certificate and chain.
// Throws Error(kInternal) when OpenSSL fails.
std::string makeCadesSignature(const SigningIdentity& identity, const std::string& digest);

struct CadesCheck {
  bool valid = false;
  std::string reason;  // why not, as a sentence for the user; "" when valid
  X509Ptr signer;      // the signer's certificate once found in the signature, even when not valid
};

// Checks a SignedData (exactly `der`, no padding) against the 32-byte SHA-256 `digest` of the
// signed bytes: its structure is the strict DER this module writes (so that no byte of it can
// change unnoticed), the message digest matches, the signature over the signed attributes
// verifies with the signer's key, signing-certificate-v2 names the signer's certificate
// (required when `requireSigningCertificateV2`), the certificate chains to `anchors` and may sign
// documents, and every other certificate carried is one of that chain.
CadesCheck checkCadesSignature(const std::string& der, const std::string& digest, X509_STORE* anchors,
                               bool requireSigningCertificateV2);

}  // namespace naskah::sign
