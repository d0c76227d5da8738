// Owning handles for the OpenSSL objects sign/ uses, and the error text of the OpenSSL queue.
#pragma once

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/ess.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>

namespace naskah::sign {

template <auto Free>
struct OpenSslDeleter {
  template <typename T>
  void operator()(T* p) const {
    Free(p);
  }
};

using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, OpenSslDeleter<CMS_ContentInfo_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using KeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSslDeleter<EVP_PKEY_CTX_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, OpenSslDeleter<EVP_MD_CTX_free>>;
using StorePtr = std::unique_ptr<X509_STORE, OpenSslDeleter<X509_STORE_free>>;
using StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, OpenSslDeleter<X509_STORE_CTX_free>>;
using P12Ptr = std::unique_ptr<PKCS12, OpenSslDeleter<PKCS12_free>>;
using EssV2Ptr = std::unique_ptr<ESS_SIGNING_CERT_V2, OpenSslDeleter<ESS_SIGNING_CERT_V2_free>>;

inline void freeCertStack(STACK_OF(X509) * certs) { sk_X509_pop_free(certs, X509_free); }
using CertStackPtr = std::unique_ptr<STACK_OF(X509), OpenSslDeleter<freeCertStack>>;

// Drains OpenSSL's error queue into one line ("" when empty), so a stale error never leaks
// into the next message.
std::string takeOpenSslErrors();

// A memory BIO reading `data` (not copied: `data` must outlive the BIO).
BioPtr readOnlyBio(const std::string& data);

// The bytes written to a memory BIO.
std::string bioBytes(BIO* bio);

// DER of a certificate.
std::string certificateDer(const X509* cert);

// One attribute of the subject name ("" when absent), as UTF-8.
std::string subjectEntry(const X509* cert, int nid);

}  // namespace naskah::sign
