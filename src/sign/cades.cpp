#include "sign/cades.h"

#include <openssl/err.h>
#include <openssl/objects.h>

#include <algorithm>
#include <string_view>

#include "domain/common/error.h"
#include "sign/der.h"

namespace naskah::sign {
namespace {

using namespace std::string_view_literals;

// The exact encodings this module writes and accepts. Accepting one encoding per field is what
// makes a change of any single byte of the SignedData detectable: OpenSSL ignores some of these
// fields and reads others leniently.
constexpr auto kSignedDataOid = "\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02"sv;
constexpr auto kDataContent = "\x30\x0b\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01"sv;
constexpr auto kSha256 = "\x30\x0b\x06\x09\x60\x86\x48\x01\x65\x03\x04\x02\x01"sv;
constexpr auto kSha256Null = "\x30\x0d\x06\x09\x60\x86\x48\x01\x65\x03\x04\x02\x01\x05\x00"sv;
constexpr auto kRsaEncryption = "\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00"sv;
constexpr auto kEcdsaSha256 = "\x30\x0a\x06\x08\x2a\x86\x48\xce\x3d\x04\x03\x02"sv;
constexpr auto kVersion1 = "\x02\x01\x01"sv;
constexpr auto kVersion3 = "\x02\x01\x03"sv;

[[noreturn]] void failInternal(const std::string& what) {
  throw Error(ErrorCode::kInternal, what + ": " + takeOpenSslErrors());
}

std::string encode(CMS_ContentInfo* cms) {
  unsigned char* der = nullptr;
  int size = i2d_CMS_ContentInfo(cms, &der);
  if (size <= 0) return {};
  std::string bytes(reinterpret_cast<char*>(der), static_cast<size_t>(size));
  OPENSSL_free(der);
  return bytes;
}

// The children of the outer layers: ContentInfo → SignedData fields → the one SignerInfo's fields.
struct SignedDataLayout {
  std::vector<DerElement> signedData;  // version, digestAlgorithms, encapContentInfo, [certificates], signerInfos
  std::vector<DerElement> signerInfo;  // version, sid, digestAlgorithm, signedAttrs, signatureAlgorithm, signature
  std::string problem;                 // "" when the layout is what this module writes
};

SignedDataLayout readLayout(std::string_view der) {
  SignedDataLayout layout;
  auto fail = [&](const char* why) {
    layout.problem = why;
    return layout;
  };
  auto top = readDerElement(der, 0);
  if (!top || top->tag != 0x30 || top->end() != der.size()) return fail("it is not one DER structure");
  auto contentInfo = readDerChildren(der, *top);
  if (!contentInfo || contentInfo->size() != 2 || (*contentInfo)[0].bytes(der) != kSignedDataOid ||
      (*contentInfo)[1].tag != 0xa0)
    return fail("it is not a CMS SignedData");
  auto explicitContent = readDerChildren(der, (*contentInfo)[1]);
  if (!explicitContent || explicitContent->size() != 1 || (*explicitContent)[0].tag != 0x30)
    return fail("it is not a CMS SignedData");
  auto fields = readDerChildren(der, (*explicitContent)[0]);
  if (!fields || fields->size() < 4 || fields->size() > 5) return fail("its SignedData has unexpected fields");
  const auto& f = *fields;
  if (f[0].bytes(der) != kVersion1 && f[0].bytes(der) != kVersion3) return fail("its SignedData version is unknown");
  auto digests = readDerChildren(der, f[1]);
  if (f[1].tag != 0x31 || !digests || digests->size() != 1 ||
      ((*digests)[0].bytes(der) != kSha256 && (*digests)[0].bytes(der) != kSha256Null))
    return fail("its digest algorithms are not exactly SHA-256");
  if (f[2].bytes(der) != kDataContent) return fail("it is not a detached signature over data");
  if (f.size() == 5 && f[3].tag != 0xa0) return fail("it carries revocation lists or unknown fields");
  const DerElement& infos = f.back();
  auto signers = readDerChildren(der, infos);
  if (infos.tag != 0x31 || !signers || signers->size() != 1 || (*signers)[0].tag != 0x30)
    return fail("it must hold exactly one signer");
  auto info = readDerChildren(der, (*signers)[0]);
  if (!info || info->size() != 6) return fail("its signer has unsigned attributes or missing fields");
  const auto& s = *info;
  bool bySerial = s[1].tag == 0x30 && s[0].bytes(der) == kVersion1;
  bool byKeyId = s[1].tag == 0x80 && s[0].bytes(der) == kVersion3;
  if (!bySerial && !byKeyId) return fail("its signer identifier does not match its version");
  if (s[2].bytes(der) != kSha256 && s[2].bytes(der) != kSha256Null) return fail("its signer's digest is not SHA-256");
  if (s[3].tag != 0xa0) return fail("it has no signed attributes");
  if (s[4].bytes(der) != kRsaEncryption && s[4].bytes(der) != kEcdsaSha256)
    return fail("its signature algorithm is not RSA PKCS#1 v1.5 or ECDSA with SHA-256");
  if (s[5].tag != 0x04) return fail("its signature value is not an octet string");
  layout.signedData = f;
  layout.signerInfo = s;
  return layout;
}

bool sameBytes(X509* a, X509* b) { return certificateDer(a) == certificateDer(b); }

}  // namespace

std::string sha256(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (!EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr)) failInternal("SHA-256 failed");
  return std::string(reinterpret_cast<char*>(digest), size);
}

std::string makeCadesSignature(const SigningIdentity& identity, const std::string& digest) {
  if (digest.size() != 32) throw Error(ErrorCode::kInternal, "a SHA-256 digest has 32 bytes");
  takeOpenSslErrors();
  constexpr unsigned flags = CMS_PARTIAL | CMS_DETACHED | CMS_BINARY;
  CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags));
  if (!cms) failInternal("cannot start a CMS SignedData");
  // CMS_CADES adds signing-certificate-v2 (RFC 5035) over the signer's certificate with SHA-256.
  CMS_SignerInfo* signer = CMS_add1_signer(cms.get(), identity.certificate.get(), identity.key.get(), EVP_sha256(),
                                           flags | CMS_NOSMIMECAP | CMS_CADES);
  if (!signer) failInternal("cannot add the signer");
  for (int i = 0; i < sk_X509_num(identity.chain.get()); ++i)
    if (!CMS_add1_cert(cms.get(), sk_X509_value(identity.chain.get(), i))) failInternal("cannot add the chain");
  if (!CMS_signed_add1_attr_by_NID(signer, NID_pkcs9_contentType, V_ASN1_OBJECT, OBJ_nid2obj(NID_pkcs7_data), -1) ||
      !CMS_signed_add1_attr_by_NID(signer, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, digest.data(),
                                   static_cast<int>(digest.size())))
    failInternal("cannot add the signed attributes");

  // CMS_final would sign through CMS_SignerInfo_sign, which in OpenSSL 3.0 always adds a
  // signing-time attribute, and PAdES B-B forbids one. So the signature over the signed
  // attributes is made here: on their DER exactly as OpenSSL encodes them ([0] IMPLICIT in the
  // SignerInfo, SET OF for the signature), taken from the encoded structure itself.
  std::string unsignedDer = encode(cms.get());
  SignedDataLayout layout = readLayout(unsignedDer);
  if (!layout.problem.empty()) throw Error(ErrorCode::kInternal, "the SignedData OpenSSL wrote: " + layout.problem);
  std::string attributes(layout.signerInfo[3].bytes(unsignedDer));
  attributes[0] = '\x31';

  MdCtxPtr context(EVP_MD_CTX_new());
  size_t size = 0;
  if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, identity.key.get()) != 1 ||
      EVP_DigestSign(context.get(), nullptr, &size, reinterpret_cast<const unsigned char*>(attributes.data()),
                     attributes.size()) != 1)
    failInternal("cannot sign");
  std::string signature(size, '\0');
  if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                     reinterpret_cast<const unsigned char*>(attributes.data()), attributes.size()) != 1)
    failInternal("cannot sign");
  signature.resize(size);
  if (!ASN1_STRING_set(CMS_SignerInfo_get0_signature(signer), signature.data(), static_cast<int>(signature.size())))
    failInternal("cannot store the signature");
  std::string der = encode(cms.get());
  // A signature this process cannot verify must never reach a document. It is checked on the
  // parsed encoding: OpenSSL verifies signed attributes in their stack order, which in memory is
  // the order they were added, and only after a parse the (sorted) order that was signed.
  const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
  CmsPtr parsed(d2i_CMS_ContentInfo(nullptr, &bytes, static_cast<long>(der.size())));
  if (!parsed || CMS_set1_signers_certs(parsed.get(), nullptr, 0) != 1 ||
      CMS_SignerInfo_verify(sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(parsed.get()), 0)) != 1)
    failInternal("the new signature does not verify");
  return der;
}

CadesCheck checkCadesSignature(const std::string& der, const std::string& digest, X509_STORE* anchors,
                               bool requireSigningCertificateV2) {
  takeOpenSslErrors();
  CadesCheck check;
  auto invalid = [&](std::string reason) {
    takeOpenSslErrors();
    check.valid = false;
    check.reason = std::move(reason);
    return std::move(check);
  };
  SignedDataLayout layout = readLayout(der);
  if (!layout.problem.empty()) return invalid("the signature value is damaged: " + layout.problem + ".");
  const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
  CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &bytes, static_cast<long>(der.size())));
  if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed)
    return invalid("the signature value is damaged: OpenSSL cannot read it.");
  // Re-encoding must give the same bytes: the DER of every part is unique, so a changed byte
  // that OpenSSL reads leniently (a length, a tag, a boolean) shows here.
  if (encode(cms.get()) != der) return invalid("the signature value is damaged: it is not in canonical DER.");

  CMS_SignerInfo* signer = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
  if (CMS_set1_signers_certs(cms.get(), nullptr, 0) <= 0)
    return invalid("the signer's certificate is missing from the signature.");
  X509* signerCert = nullptr;
  CMS_SignerInfo_get0_algs(signer, nullptr, &signerCert, nullptr, nullptr);
  X509_up_ref(signerCert);
  check.signer.reset(signerCert);

  ASN1_OCTET_STRING* messageDigest = static_cast<ASN1_OCTET_STRING*>(
      CMS_signed_get0_data_by_OBJ(signer, OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING));
  ASN1_OBJECT* contentType = static_cast<ASN1_OBJECT*>(
      CMS_signed_get0_data_by_OBJ(signer, OBJ_nid2obj(NID_pkcs9_contentType), -3, V_ASN1_OBJECT));
  if (!messageDigest || !contentType || OBJ_obj2nid(contentType) != NID_pkcs7_data)
    return invalid("the signature lacks its content-type or message-digest attribute.");
  if (std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(messageDigest)),
                       static_cast<size_t>(ASN1_STRING_length(messageDigest))) != digest)
    return invalid("the document was changed after signing: the signed bytes do not match the signature.");
  if (CMS_SignerInfo_verify(signer) != 1)
    return invalid("the signature does not match the signed bytes: its value was altered or made with another key.");

  // Chain first: signing-certificate-v2 is compared with the chain that was built.
  CertStackPtr carried(CMS_get1_certs(cms.get()));
  if (!carried) carried.reset(sk_X509_new_null());
  StoreCtxPtr context(X509_STORE_CTX_new());
  if (!context || !X509_STORE_CTX_init(context.get(), anchors, signerCert, carried.get()))
    return invalid("the certificate chain could not be checked (" + takeOpenSslErrors() + ").");
  if (X509_verify_cert(context.get()) != 1) {
    int error = X509_STORE_CTX_get_error(context.get());
    if (error == X509_V_ERR_CERT_HAS_EXPIRED || error == X509_V_ERR_CERT_NOT_YET_VALID)
      return invalid(std::string("the signer's certificate chain is not valid today (") +
                     X509_verify_cert_error_string(error) + ").");
    return invalid(std::string("the signer's certificate does not chain to a trusted office CA (") +
                   X509_verify_cert_error_string(error) + ").");
  }
  STACK_OF(X509)* chain = X509_STORE_CTX_get0_chain(context.get());

  ASN1_STRING* essAttribute = static_cast<ASN1_STRING*>(CMS_signed_get0_data_by_OBJ(
      signer, OBJ_nid2obj(NID_id_smime_aa_signingCertificateV2), -3, V_ASN1_SEQUENCE));
  if (essAttribute) {
    const unsigned char* essBytes = ASN1_STRING_get0_data(essAttribute);
    EssV2Ptr ess(d2i_ESS_SIGNING_CERT_V2(nullptr, &essBytes, ASN1_STRING_length(essAttribute)));
    if (!ess || OSSL_ESS_check_signing_certs(nullptr, ess.get(), chain, 1) != 1)
      return invalid("the signer's certificate was replaced: it is not the one named in the signed attributes.");
  } else if (requireSigningCertificateV2) {
    return invalid("the signature lacks the signing-certificate-v2 attribute that PAdES requires.");
  }

  // Certificates outside the signed attributes are not covered by any signature; a copy that
  // differs from the chain actually used would be an unnoticed change to the file.
  for (int i = 0; i < sk_X509_num(carried.get()); ++i) {
    X509* cert = sk_X509_value(carried.get(), i);
    bool inChain = false;
    for (int j = 0; j < sk_X509_num(chain) && !inChain; ++j) inChain = sameBytes(cert, sk_X509_value(chain, j));
    if (!inChain) return invalid("the signature carries a certificate that is not part of the signer's chain.");
  }

  uint32_t usage = X509_get_key_usage(signerCert);
  if (usage != UINT32_MAX && !(usage & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)))
    return invalid("the signer's certificate may not sign documents (key usage).");

  takeOpenSslErrors();
  check.valid = true;
  return check;
}

}  // namespace naskah::sign
