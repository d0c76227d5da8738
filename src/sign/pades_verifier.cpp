#include "sign/pades_verifier.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFFormFieldObjectHelper.hh>

#include <algorithm>
#include <optional>

#include "sign/cades.h"
#include "sign/der.h"
#include "sign/pdf_text.h"
#include "sign/pki.h"

namespace naskah::sign {
namespace {

// One signature dictionary as read from the document.
struct SignatureValue {
  std::vector<long long> byteRange;
  std::string contents;  // /Contents as qpdf decoded it
  std::string subFilter;
  std::string signingTime;
};

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Checks one signature; fills `check`'s signer fields. Returns the reason it is not valid, or "".
std::string checkSignature(const std::string& pdf, const SignatureValue& value, X509_STORE* anchors,
                           ports::SignatureCheck& check) {
  if (value.subFilter != "/ETSI.CAdES.detached" && value.subFilter != "/adbe.pkcs7.detached")
    return "the signature format " + (value.subFilter.empty() ? std::string("(none)") : value.subFilter) +
           " is not supported; PAdES (ETSI.CAdES.detached) is.";
  const auto& r = value.byteRange;
  long long size = static_cast<long long>(pdf.size());
  if (r.size() != 4 || r[0] != 0 || r[1] < 1 || r[2] < r[1] + 2 || r[3] < 0 || r[2] > size || r[3] > size - r[2])
    return "the signature's byte range is malformed or points outside the file.";
  size_t gapStart = static_cast<size_t>(r[1]), gapEnd = static_cast<size_t>(r[2]);
  // The gap is exactly the hex string of /Contents: brackets, digits of one case, and nothing else.
  if (pdf[gapStart] != '<' || pdf[gapEnd - 1] != '>' || (gapEnd - gapStart) % 2 != 0)
    return "the signature's byte range does not frame its /Contents exactly.";
  std::string der;
  der.reserve((gapEnd - gapStart) / 2);
  bool lower = false, upper = false;
  for (size_t i = gapStart + 1; i + 1 < gapEnd; i += 2) {
    int high = hexValue(pdf[i]), low = hexValue(pdf[i + 1]);
    if (high < 0 || low < 0) return "the signature value contains characters that are not hexadecimal digits.";
    for (char c : {pdf[i], pdf[i + 1]}) (c >= 'a' ? lower : c >= 'A' ? upper : lower) |= c > '9';
    der += static_cast<char>(high * 16 + low);
  }
  if (lower && upper) return "the signature value mixes upper- and lowercase hexadecimal digits.";
  if (der != value.contents) return "the signature's byte range does not point at its own /Contents.";
  // The DER ends where its outer length says; the rest of the reserved space must be zeros.
  auto outer = readDerElement(der, 0);
  if (!outer) return "the signature value is damaged: it is not DER.";
  if (std::any_of(der.begin() + static_cast<long>(outer->end()), der.end(), [](char c) { return c != 0; }))
    return "the signature value is damaged: bytes after the signature are not zero padding.";
  der.resize(outer->end());

  MdCtxPtr context(EVP_MD_CTX_new());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digestSize = 0;
  if (!context || !EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) ||
      !EVP_DigestUpdate(context.get(), pdf.data(), gapStart) ||
      !EVP_DigestUpdate(context.get(), pdf.data() + gapEnd, static_cast<size_t>(r[3])) ||
      !EVP_DigestFinal_ex(context.get(), digest, &digestSize))
    return "the document could not be hashed (" + takeOpenSslErrors() + ").";
  CadesCheck cades = checkCadesSignature(der, std::string(reinterpret_cast<char*>(digest), digestSize), anchors,
                                         value.subFilter == "/ETSI.CAdES.detached");
  if (cades.signer) {
    check.signerName = subjectEntry(cades.signer.get(), NID_commonName);
    check.signerOrganization = subjectEntry(cades.signer.get(), NID_organizationName);
    check.signerSerialNumber = subjectEntry(cades.signer.get(), NID_serialNumber);
  }
  check.signingTime = isoFromPdfDate(value.signingTime);
  return cades.valid ? "" : cades.reason;
}

std::string sha256Hex(const std::string& data) { return toHex(sha256(data)); }

}  // namespace

PadesVerifier::PadesVerifier(const CertStackPtr& anchors) : anchors_(X509_STORE_new()) {
  for (int i = 0; i < sk_X509_num(anchors.get()); ++i) X509_STORE_add_cert(anchors_.get(), sk_X509_value(anchors.get(), i));
  // An office may trust its own intermediate CA without the national root above it.
  X509_STORE_set_flags(anchors_.get(), X509_V_FLAG_PARTIAL_CHAIN);
}

std::unique_ptr<PadesVerifier> PadesVerifier::fromPemFile(const std::string& path) {
  return std::make_unique<PadesVerifier>(loadCertificates(path));
}

ports::SignatureCheck PadesVerifier::verify(const std::string& pdf) const {
  ports::SignatureCheck check;
  check.sha256 = sha256Hex(pdf);
  std::vector<SignatureValue> signatures;
  try {
    QPDF document;
    document.setSuppressWarnings(true);
    document.processMemoryFile("the PDF", pdf.data(), pdf.size());
    QPDFAcroFormDocumentHelper form(document);
    for (auto& field : form.getFormFields()) {
      if (field.getFieldType() != "/Sig") continue;
      QPDFObjectHandle v = field.getValue();
      if (!v.isDictionary()) continue;  // an empty signature field: nothing signed there
      SignatureValue value;
      QPDFObjectHandle range = v.getKey("/ByteRange");
      if (range.isArray())
        for (auto& item : range.getArrayAsVector()) value.byteRange.push_back(item.isInteger() ? item.getIntValue() : -1);
      if (v.getKey("/Contents").isString()) value.contents = v.getKey("/Contents").getStringValue();
      if (v.getKey("/SubFilter").isName()) value.subFilter = v.getKey("/SubFilter").getName();
      if (v.getKey("/M").isString()) value.signingTime = v.getKey("/M").getUTF8Value();
      signatures.push_back(std::move(value));
    }
  } catch (const std::exception& e) {
    check.reason = std::string("the file is not a readable PDF (") + e.what() + ").";
    return check;
  }
  check.signatures = static_cast<int>(signatures.size());
  if (signatures.empty()) {
    check.reason = "the document carries no electronic signature.";
    return check;
  }
  // The newest signature is the one whose byte range reaches furthest; it is the one reported.
  std::stable_sort(signatures.begin(), signatures.end(), [](const SignatureValue& a, const SignatureValue& b) {
    auto end = [](const SignatureValue& s) { return s.byteRange.size() == 4 ? s.byteRange[2] + s.byteRange[3] : -1; };
    return end(a) > end(b);
  });
  for (size_t i = signatures.size(); i-- > 0;) {
    std::string reason = checkSignature(pdf, signatures[i], anchors_.get(), check);
    if (!reason.empty()) {
      check.reason = signatures.size() > 1 ? "signature " + std::to_string(signatures.size() - i) + " of " +
                                                 std::to_string(signatures.size()) + ": " + reason
                                           : reason;
      return check;
    }
  }
  const auto& newest = signatures.front().byteRange;
  long long covered = newest[2] + newest[3];
  check.coversWholeFile = covered == static_cast<long long>(pdf.size());
  if (!check.coversWholeFile) {
    check.reason = "the document was changed after signing: " + std::to_string(pdf.size() - covered) +
                   " bytes were appended after the signed revision (an incremental update).";
    return check;
  }
  check.valid = true;
  check.reason = "the signature is valid: signed by " + check.signerName +
                 (check.signerOrganization.empty() ? "" : " (" + check.signerOrganization + ")") +
                 " and unchanged since.";
  return check;
}

}  // namespace naskah::sign
