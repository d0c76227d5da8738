#include "services/archive_import_service.h"

#include <algorithm>

#include "domain/archive/retention.h"
#include "domain/common/error.h"
#include "domain/letters/incoming_letter.h"

namespace naskah::services {
namespace {

void requireText(Violations& v, const char* field, const std::string& value, std::size_t max) {
  if (value.find_first_not_of(" \t") == std::string::npos) v.add(field, "is required");
  else if (value.size() > max) v.add(field, "is longer than " + std::to_string(max) + " bytes");
}

void check(const SignedImport& r, Violations& v) {
  const auto& kinds = archiveKinds();
  if (std::find(kinds.begin(), kinds.end(), r.kind) == kinds.end())
    v.add("kind", "has unknown value \"" + r.kind.substr(0, 40) + "\"; use one of: " + allArchiveKindNames());
  requireText(v, "number", r.number, 200);
  if (!domain::isIsoDate(r.date)) v.add("date", "must be a date YYYY-MM-DD");
  requireText(v, "sender", r.sender, 500);
  requireText(v, "subject", r.subject, 1000);
  if (!domain::archive::isClassificationCode(r.classificationCode))
    v.add("classification_code", "must be a classification code like 400.9");
  if (r.incomingLetterId < 0) v.add("incoming_letter_id", "must be a positive id");
  if (r.text.size() > 100000) v.add("text", "is longer than 100000 bytes");
}

}  // namespace

ImportedDocument ArchiveImportService::importSigned(const domain::Actor& actor, const SignedImport& r,
                                                    const std::string& pdf) {
  domain::requireRole(actor, {domain::Role::kRegistrar, domain::Role::kAdmin}, "import signed documents");
  Violations v;
  check(r, v);
  if (pdf.empty()) v.add("file", "is required: the signed PDF as received");
  v.throwIfAny("the document cannot be imported");

  ports::ArchiveMetadata m;
  m.kind = r.kind;
  m.outgoingNumber = r.number;  // the sender's outgoing number is this letter's number
  m.letterDate = r.date;
  m.sender = r.sender;
  m.subject = r.subject;
  m.classificationCode = r.classificationCode;
  m.status = "diterima";
  if (auto office = offices_.findOffice(actor.officeId)) m.recipient = office->name;
  if (r.incomingLetterId) {
    auto incoming = incoming_.find(actor.officeId, r.incomingLetterId);
    if (!incoming)
      throw Error(ErrorCode::kNotFound, "incoming letter " + std::to_string(r.incomingLetterId) + " does not exist",
                  {{"incoming_letter_id", "names no incoming letter of the office"}});
    m.agendaNumber = incoming->agendaNumber;
    m.channel = std::string(domain::toString(incoming->fields.channel));
    m.caseId = incoming->caseId;
    // Whatever the registrar typed may name the reporter; the archive masks it for those who
    // may not see it (DESIGN.md: the identity is confidential).
    const auto& reporter = incoming->fields.reporter;
    for (const auto* part : {&reporter.name, &reporter.address, &reporter.phone, &reporter.email})
      if (!part->empty()) m.reporterIdentity.push_back(*part);
  }

  // Verified before anything is written: a refused document leaves no file and no row.
  auto signature = verifier_.verify(pdf);
  if (!signature.valid)
    throw Error(ErrorCode::kInvalidDocument, "the signed document is refused: " + signature.reason,
                {{"file", signature.reason}});
  m.signer = signature.signerName;
  m.text = "Nomor " + r.number + "\n" + r.subject + "\nDari " + r.sender + "\nDitandatangani secara elektronik oleh " +
           signature.signerName + (signature.signerOrganization.empty() ? "" : ", " + signature.signerOrganization) +
           "\n" + (r.text.empty() ? "" : r.text + "\n");

  std::string note = "imported signed document: " + signature.reason;
  auto added = archive_.archive(actor, std::move(m), pdf, note);
  return ImportedDocument{std::move(added.record), added.created, std::move(signature)};
}

}  // namespace naskah::services
