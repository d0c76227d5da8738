// Electronic signatures on PDFs (PAdES baseline B-B). Implemented by sign/ over OpenSSL CMS
// and qpdf; the services sign finals and verify uploads through these interfaces only.
#pragma once

#include <string>

namespace naskah::ports {

// What the signature dictionary says besides the signature itself.
struct SignRequest {
  std::string reason;    // /Reason, e.g. "Surat balasan 045/123/DINSOSDUKCAPIL/2026"
  std::string location;  // /Location, e.g. "Jambi"
  // /M, the claimed signing time (PAdES keeps it out of the CMS), as "2026-11-23T09:15:00+07:00"
  // or "2026-11-23T02:15:00Z". Empty means now, in UTC.
  std::string signingTime;
  // /Name; empty means the common name of the signer's certificate.
  std::string signerName;
};

// The answer of a verification. `reason` is one sentence a user can act on: why the document
// is not valid, or what was found valid.
struct SignatureCheck {
  bool valid = false;
  std::string reason;
  std::string signerName;          // CN of the signer's certificate ("" when no signature was read)
  std::string signerOrganization;  // O of the signer's certificate
  std::string signerSerialNumber;  // serialNumber attribute of the subject (the NIP), if any
  std::string signingTime;         // /M as written, converted to "YYYY-MM-DDTHH:MM:SS+HH:MM" when parseable
  std::string sha256;              // hex SHA-256 of the whole file as given
  bool coversWholeFile = false;    // the newest signature's /ByteRange spans every byte but its /Contents
  int signatures = 0;              // signature fields found
};

class PdfSigner {
 public:
  virtual ~PdfSigner() = default;
  // Returns `pdf` with one incremental update appended: a signature field and its PAdES B-B
  // signature over every byte but the signature value. The original bytes are kept as they are.
  // Throws naskah::Error: kInvalidArgument when `pdf` is not a PDF this signer can update
  // (encrypted, cross-reference streams, unreadable), kInternal for a library failure.
  virtual std::string sign(const std::string& pdf, const SignRequest& request) = 0;
};

class PdfVerifier {
 public:
  virtual ~PdfVerifier() = default;
  // Checks every signature of `pdf` against the trust anchors the verifier was built with.
  // Never throws for a bad document: a document that is not valid is an answer, not an error.
  virtual SignatureCheck verify(const std::string& pdf) const = 0;
};

}  // namespace naskah::ports
