#include "sign/pki.h"

#include <openssl/pem.h>
#include <openssl/pkcs12err.h>
#include <openssl/rand.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/common/error.h"

namespace naskah::sign {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void failInternal(const std::string& what) {
  throw Error(ErrorCode::kInternal, what + ": " + takeOpenSslErrors());
}

std::string readFile(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, std::string("cannot read the ") + what + " " + path);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Write beside the target and rename, so a crash never leaves half a key file behind.
void writeFile(const std::string& path, const std::string& bytes, bool secret) {
  std::string temp = path + ".part";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (secret) fs::permissions(temp, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) throw Error(ErrorCode::kUnavailable, "cannot write " + path);
  }
  fs::rename(temp, path);
}

std::string pem(const X509* cert) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!PEM_write_bio_X509(bio.get(), cert)) failInternal("cannot encode a certificate");
  return bioBytes(bio.get());
}

void addEntry(X509_NAME* name, const char* field, const std::string& value) {
  if (value.empty()) return;
  // X.520 upper bounds: 64 characters for names and titles (RFC 5280 appendix A).
  if (value.size() > 64)
    throw Error(ErrorCode::kInvalidArgument, std::string("\"") + value + "\" is longer than the 64 characters a certificate's " +
                                                 field + " may hold");
  if (!X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(value.data()),
                                  static_cast<int>(value.size()), -1, 0))
    failInternal(std::string("cannot set ") + field + " in a certificate");
}

void addExtension(X509* cert, const X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, const_cast<X509*>(issuer ? issuer : cert), cert, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (!extension || !X509_add_ext(cert, extension, -1)) {
    X509_EXTENSION_free(extension);
    failInternal(std::string("cannot add the extension ") + value);
  }
  X509_EXTENSION_free(extension);
}

bool isSelfSigned(X509* cert) { return X509_check_issued(cert, cert) == X509_V_OK; }

// A document signer needs digitalSignature or nonRepudiation; a certificate without the
// extension may do anything, which RFC 5280 allows.
void requireSigningKeyUsage(X509* cert) {
  uint32_t usage = X509_get_key_usage(cert);
  if (usage != UINT32_MAX && !(usage & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)))
    throw Error(ErrorCode::kFailedPrecondition,
                "the certificate of " + describeSubject(cert) +
                    " may not sign documents: its key usage has neither digitalSignature nor nonRepudiation");
  if (X509_check_ca(cert) == 1 && (usage == UINT32_MAX || !(usage & KU_DIGITAL_SIGNATURE)))
    throw Error(ErrorCode::kFailedPrecondition,
                "the certificate of " + describeSubject(cert) + " is a CA certificate, not a signer's");
}

bool containsCertificate(STACK_OF(X509) * certs, X509* cert) {
  for (int i = 0; i < sk_X509_num(certs); ++i)
    if (X509_cmp(sk_X509_value(certs, i), cert) == 0) return true;
  return false;
}

}  // namespace

std::string signerPath(const std::string& folder) { return folder + "/signer.p12"; }
std::string trustAnchorsPath(const std::string& folder) { return folder + "/trusted.pem"; }
std::string caCertificatePath(const std::string& folder) { return folder + "/office-ca.pem"; }
std::string caKeyPath(const std::string& folder) { return folder + "/office-ca-key.pem"; }

KeyPtr generateKey(KeyKind kind) {
  EVP_PKEY* key = kind == KeyKind::kRsa3072 ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{3072})
                                            : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  if (!key) failInternal("cannot generate a key");
  return KeyPtr(key);
}

X509Ptr issueCertificate(const CertificateRequest& request, EVP_PKEY* subjectKey, EVP_PKEY* issuerKey,
                         const X509* issuer) {
  X509Ptr cert(X509_new());
  if (!cert || !X509_set_version(cert.get(), 2)) failInternal("cannot create a certificate");

  BIGNUM* serial = nullptr;
  if (request.serial.empty()) {
    serial = BN_new();
    if (!serial || !BN_rand(serial, 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY)) failInternal("no random serial");
  } else if (!BN_hex2bn(&serial, request.serial.c_str())) {
    throw Error(ErrorCode::kInvalidArgument, "the certificate serial must be hexadecimal");
  }
  ASN1_INTEGER* serialNumber = BN_to_ASN1_INTEGER(serial, nullptr);
  BN_free(serial);
  bool serialSet = serialNumber && X509_set_serialNumber(cert.get(), serialNumber);
  ASN1_INTEGER_free(serialNumber);
  if (!serialSet) failInternal("cannot set the serial number");

  X509_NAME* name = X509_get_subject_name(cert.get());
  addEntry(name, "C", request.subject.country);
  addEntry(name, "O", request.subject.organization);
  addEntry(name, "title", request.subject.title);
  addEntry(name, "serialNumber", request.subject.serialNumber);
  addEntry(name, "CN", request.subject.commonName);
  if (!X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name))
    failInternal("cannot set the issuer");
  // Back-dated an hour so that a clock a little behind still accepts a fresh certificate.
  if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) ||
      !X509_time_adj_ex(X509_getm_notAfter(cert.get()), request.validDays, 0, nullptr) ||
      !X509_set_pubkey(cert.get(), subjectKey))
    failInternal("cannot set the validity or key");

  if (request.isCa) {
    addExtension(cert.get(), issuer, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    addExtension(cert.get(), issuer, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    addExtension(cert.get(), issuer, NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert.get(), issuer, NID_key_usage, "critical,digitalSignature,nonRepudiation");
  }
  addExtension(cert.get(), issuer, NID_subject_key_identifier, "hash");
  if (issuer) addExtension(cert.get(), issuer, NID_authority_key_identifier, "keyid:always");
  if (!X509_sign(cert.get(), issuerKey, EVP_sha256())) failInternal("cannot sign a certificate");
  return cert;
}

void createDemoPki(const DemoPkiRequest& request) {
  Violations problems;
  if (request.passphrase.empty()) problems.add("passphrase", "the PKCS#12 passphrase must not be empty");
  if (request.signer.commonName.empty()) problems.add("signer", "the signer's name is required");
  if (request.officeName.empty()) problems.add("office", "the office name is required");
  problems.throwIfAny("the demo PKI");
  if (fs::exists(signerPath(request.folder)))
    throw Error(ErrorCode::kAlreadyExists, signerPath(request.folder) + " exists already; it is not replaced");
  fs::create_directories(request.folder);

  KeyPtr caKey = generateKey(request.keyKind);
  CertificateRequest ca;
  // "CA <office>", cut at a word when the office's name leaves no room (CN holds 64 characters).
  ca.subject.commonName = "CA " + request.officeName;
  if (ca.subject.commonName.size() > 64) ca.subject.commonName.resize(ca.subject.commonName.rfind(' ', 64));
  ca.subject.organization = request.officeName;
  ca.isCa = true;
  ca.validDays = 365 * 20;
  X509Ptr caCert = issueCertificate(ca, caKey.get(), caKey.get(), nullptr);

  SigningIdentity signer;
  signer.key = generateKey(request.keyKind);
  CertificateRequest head;
  head.subject = request.signer;
  if (head.subject.organization.empty()) head.subject.organization = request.officeName;
  signer.certificate = issueCertificate(head, signer.key.get(), caKey.get(), caCert.get());
  signer.chain.reset(sk_X509_new_null());
  X509_up_ref(caCert.get());
  sk_X509_push(signer.chain.get(), caCert.get());

  BioPtr keyPem(BIO_new(BIO_s_mem()));
  if (!PEM_write_bio_PKCS8PrivateKey(keyPem.get(), caKey.get(), EVP_aes_256_cbc(), request.passphrase.data(),
                                     static_cast<int>(request.passphrase.size()), nullptr, nullptr))
    failInternal("cannot encrypt the CA key");

  // The signer's file last: its presence is what says "the PKI exists".
  writeFile(caKeyPath(request.folder), bioBytes(keyPem.get()), true);
  writeFile(caCertificatePath(request.folder), pem(caCert.get()), false);
  writeFile(trustAnchorsPath(request.folder), pem(caCert.get()), false);
  writeFile(signerPath(request.folder), pkcs12Bytes(signer, request.passphrase, request.signer.commonName), true);
}

std::string pkcs12Bytes(const SigningIdentity& identity, const std::string& passphrase,
                        const std::string& friendlyName) {
  // OpenSSL 3 defaults: AES-256-CBC with PBKDF2 for the key bag, HMAC-SHA256 for the MAC.
  P12Ptr p12(PKCS12_create(passphrase.c_str(), friendlyName.c_str(), identity.key.get(), identity.certificate.get(),
                           identity.chain.get(), 0, 0, 0, 0, 0));
  if (!p12) failInternal("cannot build the PKCS#12");
  BioPtr out(BIO_new(BIO_s_mem()));
  if (!i2d_PKCS12_bio(out.get(), p12.get())) failInternal("cannot encode the PKCS#12");
  return bioBytes(out.get());
}

SigningIdentity loadPkcs12(const std::string& path, const std::string& passphrase) {
  return parsePkcs12(readFile(path, "PKCS#12 file"), passphrase, path);
}

SigningIdentity parsePkcs12(const std::string& bytes, const std::string& passphrase, const std::string& name) {
  takeOpenSslErrors();
  BioPtr in = readOnlyBio(bytes);
  P12Ptr p12(d2i_PKCS12_bio(in.get(), nullptr));
  if (!p12) {
    takeOpenSslErrors();
    throw Error(ErrorCode::kInvalidArgument, name + " is not a PKCS#12 file (.p12 / .pfx)");
  }
  // Check the MAC first: it is what tells a wrong passphrase from a damaged file.
  if (PKCS12_mac_present(p12.get()) && !PKCS12_verify_mac(p12.get(), passphrase.data(), static_cast<int>(passphrase.size()))) {
    takeOpenSslErrors();
    throw Error(ErrorCode::kPermissionDenied, "the passphrase does not open " + name);
  }
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* chain = nullptr;
  if (!PKCS12_parse(p12.get(), passphrase.c_str(), &key, &cert, &chain)) {
    std::string detail = takeOpenSslErrors();
    throw Error(ErrorCode::kPermissionDenied, "cannot open " + name + " with this passphrase (" + detail + ")");
  }
  SigningIdentity identity{KeyPtr(key), X509Ptr(cert), CertStackPtr(chain ? chain : sk_X509_new_null())};
  if (!identity.key || !identity.certificate)
    throw Error(ErrorCode::kInvalidArgument, name + " holds no private key with its certificate");
  if (X509_check_private_key(identity.certificate.get(), identity.key.get()) != 1) {
    takeOpenSslErrors();
    throw Error(ErrorCode::kFailedPrecondition, "the private key in " + name + " does not belong to its certificate");
  }
  requireSigningKeyUsage(identity.certificate.get());
  return identity;
}

ImportSummary importPkcs12(const std::string& folder, const std::string& p12Path, const std::string& passphrase,
                           const std::string& caPemPath) {
  std::string bytes = readFile(p12Path, "PKCS#12 file");
  SigningIdentity identity = parsePkcs12(bytes, passphrase, p12Path);

  CertStackPtr anchors(sk_X509_new_null());
  if (fs::exists(trustAnchorsPath(folder))) anchors = loadCertificates(trustAnchorsPath(folder));
  int before = sk_X509_num(anchors.get());
  auto add = [&](X509* cert) {
    if (containsCertificate(anchors.get(), cert)) return;
    X509_up_ref(cert);
    sk_X509_push(anchors.get(), cert);
  };
  for (int i = 0; i < sk_X509_num(identity.chain.get()); ++i)
    if (isSelfSigned(sk_X509_value(identity.chain.get(), i))) add(sk_X509_value(identity.chain.get(), i));
  if (!caPemPath.empty()) {
    CertStackPtr extra = loadCertificates(caPemPath);
    for (int i = 0; i < sk_X509_num(extra.get()); ++i) add(sk_X509_value(extra.get(), i));
  }

  // The imported certificate must chain to an anchor, or every letter it signs would be reported
  // untrusted; better to refuse now, while the operator is at the keyboard.
  StorePtr store(X509_STORE_new());
  for (int i = 0; i < sk_X509_num(anchors.get()); ++i) X509_STORE_add_cert(store.get(), sk_X509_value(anchors.get(), i));
  X509_STORE_set_flags(store.get(), X509_V_FLAG_PARTIAL_CHAIN);
  StoreCtxPtr context(X509_STORE_CTX_new());
  X509_STORE_CTX_init(context.get(), store.get(), identity.certificate.get(), identity.chain.get());
  if (X509_verify_cert(context.get()) != 1) {
    std::string why = X509_verify_cert_error_string(X509_STORE_CTX_get_error(context.get()));
    takeOpenSslErrors();
    throw Error(ErrorCode::kFailedPrecondition, "the certificate of " + describeSubject(identity.certificate.get()) +
                                                    " does not chain to a trusted CA (" + why +
                                                    "); give the issuing CA's certificate with --ca");
  }

  fs::create_directories(folder);
  std::string anchorsPem;
  for (int i = 0; i < sk_X509_num(anchors.get()); ++i) anchorsPem += pem(sk_X509_value(anchors.get(), i));
  writeFile(trustAnchorsPath(folder), anchorsPem, false);
  writeFile(signerPath(folder), bytes, true);
  return ImportSummary{describeSubject(identity.certificate.get()), sk_X509_num(anchors.get()) - before};
}

int addTrustAnchors(const std::string& folder, const std::string& caPemPath) {
  CertStackPtr extra = loadCertificates(caPemPath);
  for (int i = 0; i < sk_X509_num(extra.get()); ++i)
    if (X509_check_ca(sk_X509_value(extra.get(), i)) == 0)
      throw Error(ErrorCode::kFailedPrecondition, describeSubject(sk_X509_value(extra.get(), i)) + " in " + caPemPath +
                                                      " is not a CA certificate: only CAs are trust anchors");
  CertStackPtr anchors(sk_X509_new_null());
  if (fs::exists(trustAnchorsPath(folder))) anchors = loadCertificates(trustAnchorsPath(folder));
  int added = 0;
  std::string anchorsPem;
  for (int i = 0; i < sk_X509_num(anchors.get()); ++i) anchorsPem += pem(sk_X509_value(anchors.get(), i));
  for (int i = 0; i < sk_X509_num(extra.get()); ++i) {
    X509* cert = sk_X509_value(extra.get(), i);
    if (containsCertificate(anchors.get(), cert)) continue;
    anchorsPem += pem(cert);
    X509_up_ref(cert);
    sk_X509_push(anchors.get(), cert);
    ++added;
  }
  if (added == 0) return 0;
  fs::create_directories(folder);
  writeFile(trustAnchorsPath(folder), anchorsPem, false);
  return added;
}

CertStackPtr loadCertificates(const std::string& pemPath) {
  return parseCertificates(readFile(pemPath, "certificate file"), pemPath);
}

CertStackPtr parseCertificates(const std::string& pemText, const std::string& name) {
  CertStackPtr certs(sk_X509_new_null());
  BioPtr in = readOnlyBio(pemText);
  while (X509* cert = PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr)) sk_X509_push(certs.get(), cert);
  takeOpenSslErrors();  // the end of the file reads as an error
  if (sk_X509_num(certs.get()) == 0) throw Error(ErrorCode::kInvalidArgument, name + " holds no PEM certificate");
  return certs;
}

KeyPtr loadCaKey(const std::string& folder, const std::string& passphrase) {
  std::string bytes = readFile(caKeyPath(folder), "CA key");
  BioPtr in = readOnlyBio(bytes);
  EVP_PKEY* key = PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, const_cast<char*>(passphrase.c_str()));
  if (!key) {
    takeOpenSslErrors();
    throw Error(ErrorCode::kPermissionDenied, "the passphrase does not open " + caKeyPath(folder));
  }
  return KeyPtr(key);
}

std::string describeSubject(const X509* cert) {
  std::string text = "CN=" + subjectEntry(cert, NID_commonName);
  std::string organization = subjectEntry(cert, NID_organizationName);
  if (!organization.empty()) text += ", O=" + organization;
  return text;
}

}  // namespace naskah::sign
