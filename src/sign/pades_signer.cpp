#include "sign/pades_signer.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cstdio>
#include <map>
#include <regex>

#include "domain/common/error.h"
#include "sign/cades.h"
#include "sign/pdf_text.h"

namespace naskah::sign {
namespace {

// The offset the last "startxref" of the file names, or npos.
size_t lastStartXref(const std::string& pdf) {
  size_t at = pdf.rfind("startxref");
  if (at == std::string::npos) return std::string::npos;
  static const std::regex number(R"(startxref\s+(\d{1,12})\s+%%EOF\s*)");
  std::smatch m;
  std::string tail = pdf.substr(at);
  if (!std::regex_match(tail, m, number)) return std::string::npos;
  return std::stoull(m[1].str());
}

std::string reference(QPDFObjGen id) { return std::to_string(id.getObj()) + " " + std::to_string(id.getGen()) + " R"; }
std::string reference(int object) { return std::to_string(object) + " 0 R"; }

// A dictionary written back with some keys replaced (value "" drops the key).
std::string dictionaryWith(QPDFObjectHandle dictionary, const std::map<std::string, std::string>& replaced) {
  std::string text = "<<";
  if (dictionary.isDictionary())
    for (const auto& key : dictionary.getKeys())
      if (!replaced.count(key)) text.append(" ").append(QPDFObjectHandle::newName(key).unparse()).append(" ").append(dictionary.getKey(key).unparse());
  for (const auto& [key, value] : replaced)
    if (!value.empty()) text.append(" ").append(QPDFObjectHandle::newName(key).unparse()).append(" ").append(value);
  return text + " >>";
}

std::string arrayWith(QPDFObjectHandle array, const std::string& item) {
  std::string text = "[";
  if (array.isArray())
    for (auto& element : array.getArrayAsVector()) text += element.unparse() + " ";
  return text + item + "]";
}

// The objects of the update, by object number and generation.
struct Update {
  std::map<int, std::pair<int, std::string>> objects;  // number → (generation, body)
  void put(QPDFObjGen id, std::string body) { objects[id.getObj()] = {id.getGen(), std::move(body)}; }
  void put(int number, std::string body) { objects[number] = {0, std::move(body)}; }
};

constexpr const char* kByteRangeSlot = "/ByteRange [0 0000000000 0000000000 0000000000]";

}  // namespace

PadesSigner::PadesSigner(SigningIdentity identity) : identity_(std::move(identity)) {
  // The DER holds the certificates, the signed attributes (about 250 bytes) and one signature
  // (at most 512 bytes for RSA 4096); 2 KiB on top of the certificates leaves room for both
  // twice over without doubling the size of a short letter with zeros.
  size_t certificates = certificateDer(identity_.certificate.get()).size();
  for (int i = 0; i < sk_X509_num(identity_.chain.get()); ++i)
    certificates += certificateDer(sk_X509_value(identity_.chain.get(), i)).size();
  contentsCapacity_ = certificates + 2048;
}

std::unique_ptr<PadesSigner> PadesSigner::fromPkcs12(const std::string& path, const std::string& passphrase) {
  return std::make_unique<PadesSigner>(loadPkcs12(path, passphrase));
}

std::string PadesSigner::sign(const std::string& pdf, const ports::SignRequest& request) {
  std::string signingTime = pdfDate(request.signingTime);
  QPDF document;
  document.setSuppressWarnings(true);
  // No recovery: an update appended to a file whose cross-references are broken would carry the damage on.
  document.setAttemptRecovery(false);
  size_t previousXref = lastStartXref(pdf);
  Update update;
  int nextObject = 0;
  int signatureObject = 0;
  QPDFObjGen rootId;
  QPDFObjectHandle trailer;
  try {
    document.processMemoryFile("the PDF to sign", pdf.data(), pdf.size());
    if (document.isEncrypted()) throw Error(ErrorCode::kInvalidArgument, "an encrypted PDF cannot be signed");
    if (previousXref == std::string::npos || pdf.compare(previousXref, 4, "xref") != 0)
      throw Error(ErrorCode::kInvalidArgument,
                  "the PDF has no classic cross-reference table at its last startxref; only such PDFs are signed");
    trailer = document.getTrailer();
    nextObject = trailer.getKey("/Size").getIntValueAsInt();
    QPDFObjectHandle root = document.getRoot();
    rootId = root.getObjGen();
    const auto& pages = document.getAllPages();
    if (pages.empty()) throw Error(ErrorCode::kInvalidArgument, "the PDF has no pages to sign");
    QPDFObjectHandle page = pages.back();

    signatureObject = nextObject++;
    int widgetObject = nextObject++;
    QPDFAcroFormDocumentHelper form(document);
    int fieldNumber = static_cast<int>(form.getFormFields().size()) + 1;
    std::string widgetRef = reference(widgetObject);
    // Print (4) + Locked (128): shown in print, never moved or deleted by a viewer.
    update.put(widgetObject, "<< /Type /Annot /Subtype /Widget /FT /Sig /T " +
                                 pdfTextString("Tanda Tangan Elektronik " + std::to_string(fieldNumber)) +
                                 " /V " + reference(signatureObject) + " /F 132 /Rect [0 0 0 0] /P " +
                                 reference(page.getObjGen()) + " >>");

    QPDFObjectHandle annots = page.getKey("/Annots");
    if (annots.isIndirect() && annots.isArray())
      update.put(annots.getObjGen(), arrayWith(annots, widgetRef));
    else
      update.put(page.getObjGen(), dictionaryWith(page, {{"/Annots", arrayWith(annots, widgetRef)}}));

    QPDFObjectHandle acroForm = root.getKey("/AcroForm");
    QPDFObjectHandle fields = acroForm.isDictionary() ? acroForm.getKey("/Fields") : QPDFObjectHandle::newNull();
    std::string fieldsText = arrayWith(fields, widgetRef);
    if (fields.isIndirect() && fields.isArray()) {
      update.put(fields.getObjGen(), fieldsText);
      fieldsText = reference(fields.getObjGen());
    }
    std::string acroFormText = dictionaryWith(acroForm, {{"/Fields", fieldsText}, {"/SigFlags", "3"}});
    if (acroForm.isIndirect() && acroForm.isDictionary()) {
      update.put(acroForm.getObjGen(), acroFormText);
    } else {
      int acroFormObject = nextObject++;
      update.put(acroFormObject, acroFormText);
      update.put(rootId, dictionaryWith(root, {{"/AcroForm", reference(acroFormObject)}}));
    }
  } catch (const QPDFExc& e) {
    throw Error(ErrorCode::kInvalidArgument, std::string("cannot read the PDF to sign: ") + e.what());
  } catch (const std::logic_error& e) {  // qpdf's type errors on malformed objects
    throw Error(ErrorCode::kInvalidArgument, std::string("cannot read the PDF to sign: ") + e.what());
  }

  std::string signerName = request.signerName.empty() ? subjectEntry(identity_.certificate.get(), NID_commonName)
                                                      : request.signerName;
  std::string placeholder = "<" + std::string(contentsCapacity_ * 2, '0') + ">";
  std::string signatureBody = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached " +
                              std::string(kByteRangeSlot) + " /Contents " + placeholder +
                              " /M " + pdfTextString(signingTime) + " /Name " + pdfTextString(signerName);
  if (!request.reason.empty()) signatureBody += " /Reason " + pdfTextString(request.reason);
  if (!request.location.empty()) signatureBody += " /Location " + pdfTextString(request.location);
  update.put(signatureObject, signatureBody + " >>");

  // Lay out the revision: objects, then the cross-reference section in runs of consecutive numbers.
  std::string out = pdf;
  if (out.back() != '\n' && out.back() != '\r') out += '\n';
  std::map<int, size_t> offsets;
  for (const auto& [number, entry] : update.objects) {
    offsets[number] = out.size();
    out += std::to_string(number) + " " + std::to_string(entry.first) + " obj\n" + entry.second + "\nendobj\n";
  }
  size_t xrefOffset = out.size();
  out += "xref\n";
  for (auto it = offsets.begin(); it != offsets.end();) {
    auto runEnd = it;
    int count = 0;
    while (runEnd != offsets.end() && runEnd->first == it->first + count) ++runEnd, ++count;
    out += std::to_string(it->first) + " " + std::to_string(count) + "\n";
    for (; it != runEnd; ++it) {
      char entry[32];
      std::snprintf(entry, sizeof entry, "%010zu %05d n \n", it->second, update.objects[it->first].first);
      out += entry;
    }
  }
  int size = std::max(nextObject, offsets.rbegin()->first + 1);
  std::string trailerText = "<< /Size " + std::to_string(size) + " /Root " + reference(rootId) + " /Prev " +
                            std::to_string(previousXref);
  for (const char* key : {"/Info", "/ID"})
    if (trailer.hasKey(key)) trailerText += std::string(" ") + key + " " + trailer.getKey(key).unparse();
  out += "trailer\n" + trailerText + " >>\nstartxref\n" + std::to_string(xrefOffset) + "\n%%EOF\n";

  // The byte range is every byte but the hex string of /Contents, angle brackets included.
  size_t signatureStart = offsets[signatureObject];
  size_t slot = out.find(kByteRangeSlot, signatureStart);
  size_t contentsStart = out.find("/Contents <", signatureStart) + 10;
  size_t contentsEnd = contentsStart + placeholder.size();
  std::string byteRange = "/ByteRange [0 " + std::to_string(contentsStart) + " " + std::to_string(contentsEnd) + " " +
                          std::to_string(out.size() - contentsEnd) + "]";
  byteRange.resize(std::string(kByteRangeSlot).size(), ' ');
  out.replace(slot, byteRange.size(), byteRange);

  MdCtxPtr digestContext(EVP_MD_CTX_new());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digestSize = 0;
  if (!digestContext || !EVP_DigestInit_ex(digestContext.get(), EVP_sha256(), nullptr) ||
      !EVP_DigestUpdate(digestContext.get(), out.data(), contentsStart) ||
      !EVP_DigestUpdate(digestContext.get(), out.data() + contentsEnd, out.size() - contentsEnd) ||
      !EVP_DigestFinal_ex(digestContext.get(), digest, &digestSize))
    throw Error(ErrorCode::kInternal, "SHA-256 failed: " + takeOpenSslErrors());
  std::string der = makeCadesSignature(identity_, std::string(reinterpret_cast<char*>(digest), digestSize));
  if (der.size() > contentsCapacity_)
    throw Error(ErrorCode::kInternal, "the signature (" + std::to_string(der.size()) +
                                          " bytes) does not fit the space reserved for it");
  std::string hex = toHex(der);
  out.replace(contentsStart + 1, hex.size(), hex);
  return out;
}

}  // namespace naskah::sign
