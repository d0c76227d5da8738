// The office's signing keys: a demo certificate authority with the head's signing identity,
// or a PKCS#12 issued elsewhere (BSrE) imported in its place; and the trust anchors the
// verifier checks chains against.
//
// A PKI folder (DATA/pki) holds:
//   signer.p12        the head's key, certificate and chain (PKCS#12, passphrase)
//   trusted.pem       the trust anchors: one or more CA certificates, PEM
//   office-ca.pem     the demo CA's certificate (demo PKI only)
//   office-ca-key.pem the demo CA's key, PKCS#8 encrypted with the passphrase (demo PKI only)
#pragma once

#include <string>

#include "sign/openssl_handles.h"

namespace naskah::sign {

enum class KeyKind { kEcdsaP256, kRsa3072 };

// A private key with its certificate and the CA certificates that came with it.
struct SigningIdentity {
  KeyPtr key;
  X509Ptr certificate;
  CertStackPtr chain;  // never null; may be empty
};

// Names in a certificate subject; empty parts are left out.
struct SubjectNames {
  std::string commonName;    // CN: the person, or the CA's name
  std::string organization;  // O: the office
  std::string title;         // title: the jabatan, e.g. "Kepala Dinas"
  std::string serialNumber;  // serialNumber: the NIP
  std::string country = "ID";
};

struct CertificateRequest {
  SubjectNames subject;
  bool isCa = false;  // CA: keyCertSign + cRLSign; otherwise digitalSignature + nonRepudiation
  int validDays = 365 * 3;
  std::string serial;  // hex serial number; empty = 128 random bits
};

struct DemoPkiRequest {
  std::string folder;
  std::string officeName;  // O of both certificates; the CA is "CA <officeName>"
  SubjectNames signer;     // the head; organization defaults to officeName
  std::string passphrase;  // protects signer.p12 and the CA key
  KeyKind keyKind = KeyKind::kEcdsaP256;
};

// File names inside a PKI folder.
std::string signerPath(const std::string& folder);
std::string trustAnchorsPath(const std::string& folder);
std::string caCertificatePath(const std::string& folder);
std::string caKeyPath(const std::string& folder);

KeyPtr generateKey(KeyKind kind);

// Issues a certificate for `subjectKey`, signed by `issuerKey`; self-signed when `issuer` is null.
// Throws Error(kInternal) when OpenSSL fails.
X509Ptr issueCertificate(const CertificateRequest& request, EVP_PKEY* subjectKey, EVP_PKEY* issuerKey,
                         const X509* issuer);

// Creates the demo CA and the signer's PKCS#12 in request.folder. Throws kAlreadyExists when the
// folder has a signer.p12 already, kInvalidArgument for an empty passphrase or signer name.
void createDemoPki(const DemoPkiRequest& request);

// Opens a PKCS#12. Throws kNotFound (no such file), kPermissionDenied (wrong passphrase),
// kInvalidArgument (not a PKCS#12, or no key and certificate in it), kFailedPrecondition
// (the key does not match the certificate, or the certificate's key usage does not allow
// signing documents).
SigningIdentity loadPkcs12(const std::string& path, const std::string& passphrase);
SigningIdentity parsePkcs12(const std::string& bytes, const std::string& passphrase, const std::string& name);

// The PKCS#12 bytes of an identity (AES-256, PBKDF2, SHA-256 MAC).
std::string pkcs12Bytes(const SigningIdentity& identity, const std::string& passphrase,
                        const std::string& friendlyName);

// What an import did, for the operator.
struct ImportSummary {
  std::string signerSubject;  // one-line subject of the imported certificate
  int anchorsAdded = 0;       // CA certificates added to trusted.pem
};

// Checks the PKCS#12 (as loadPkcs12) and copies it to folder/signer.p12, replacing the one
// there; adds to trusted.pem the self-signed certificates of its chain and those of
// `caPemPath` (optional). Throws as loadPkcs12, and kFailedPrecondition when no trust anchor
// would be known for the certificate afterwards.
ImportSummary importPkcs12(const std::string& folder, const std::string& p12Path, const std::string& passphrase,
                           const std::string& caPemPath = "");

// Adds the CA certificates of `caPemPath` to folder/trusted.pem (those already there are
// skipped) and returns how many were added: an office trusts another CA once, for the signed
// documents it receives and archives (docs/signing.md). Throws as loadCertificates, and
// kFailedPrecondition (nothing changed) when a certificate is not a CA's (basicConstraints CA).
int addTrustAnchors(const std::string& folder, const std::string& caPemPath);

// Every certificate of a PEM file. Throws kNotFound (no file), kInvalidArgument (no certificate in it).
CertStackPtr loadCertificates(const std::string& pemPath);
CertStackPtr parseCertificates(const std::string& pem, const std::string& name);

// The demo CA's key (to issue more signer certificates). Throws as loadPkcs12.
KeyPtr loadCaKey(const std::string& folder, const std::string& passphrase);

// "CN=…, O=…" of a certificate subject, for messages.
std::string describeSubject(const X509* cert);

}  // namespace naskah::sign
