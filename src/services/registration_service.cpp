#include "services/registration_service.h"

#include <array>
#include <cctype>

#include "domain/common/error.h"
#include "domain/letters/tracking_code.h"

namespace naskah::services {
namespace {

using domain::Role;

constexpr std::initializer_list<Role> kReaders{Role::kRegistrar, Role::kHead,    Role::kManager, Role::kSupervisor,
                                               Role::kOfficer,   Role::kAuditor, Role::kAdmin};

}  // namespace

RegistrationService::RegistrationService(ports::IncomingLetterRepository& letters, ports::OfficeRepository& offices,
                                         ports::BlobStore& blobs, ports::RandomSource& random,
                                         const ports::Clock& clock, domain::AgendaNumberFormat format,
                                         std::int64_t maxAttachmentBytes)
    : letters_(letters), offices_(offices), blobs_(blobs), random_(random), clock_(clock),
      format_(std::move(format)), maxAttachmentBytes_(maxAttachmentBytes) {}

std::string RegistrationService::officeCode(std::int64_t officeId) {
  std::lock_guard lock(officeCodesMutex_);
  auto it = officeCodes_.find(officeId);
  if (it != officeCodes_.end()) return it->second;
  auto office = offices_.findOffice(officeId);
  if (!office) throw Error(ErrorCode::kFailedPrecondition, "the user's office does not exist");
  officeCodes_[officeId] = office->code;
  return office->code;
}

ports::RegistrationResult RegistrationService::registerIncoming(const domain::Actor& actor,
                                                                const domain::FieldValues& values,
                                                                const std::string& idempotencyKey) {
  domain::requireRole(actor, {Role::kRegistrar, Role::kAdmin}, "register incoming letters");
  if (idempotencyKey.size() > 200)
    throw Error(ErrorCode::kInvalidArgument, "the idempotency key is longer than 200 bytes");
  ports::NewRegistration reg;
  reg.officeId = actor.officeId;
  reg.officeCode = officeCode(actor.officeId);
  reg.fields = domain::fieldsForRegistration(values, clock_.nowOffice());
  std::string random = random_.bytes(8);
  std::array<std::uint8_t, 8> bytes{};
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<std::uint8_t>(random[i]);
  reg.trackingCode = domain::makeTrackingCode(bytes);
  reg.idempotencyKey = idempotencyKey;
  reg.registeredBy = actor.username;
  reg.registeredAt = clock_.nowUtc();
  std::vector<ports::FieldChange> changes;
  for (auto name : domain::letterFieldNames()) {
    // The reporter's identity is confidential: the audit trail (read by auditors) says
    // only that it was given, never what it is.
    std::string value = domain::getField(reg.fields, name);
    if (domain::isReporterField(name) && !value.empty()) value = "(dirahasiakan)";
    if (!value.empty()) changes.push_back({std::string(name), "", value});
  }
  ports::AuditEntry audit{actor.username, "incoming_letter.register", "incoming_letter", "", changes, ""};
  auto result = letters_.registerIncoming(reg, format_, audit);
  redactFor(actor, result.letter);
  return result;
}

std::set<std::int64_t> RegistrationService::assignedLetters(const domain::Actor& actor) const {
  if (actor.role != Role::kOfficer) return {};
  return letters_.lettersAssignedTo(actor.officeId, actor.userId);
}

void RegistrationService::redactFor(const domain::Actor& actor, domain::IncomingLetter& letter) const {
  redactFor(actor, letter, assignedLetters(actor));
}

void RegistrationService::redactFor(const domain::Actor& actor, domain::IncomingLetter& letter,
                                    const std::set<std::int64_t>& assigned) const {
  bool sees = domain::roleSeesReporterIdentity(actor.role) ||
              (actor.role == Role::kOfficer && assigned.count(letter.id) > 0);
  if (sees) return;
  // A walk-in, an SMS or a web form names the reporter as the sender too.
  if (!letter.fields.reporter.name.empty() && letter.fields.sender == letter.fields.reporter.name)
    letter.fields.sender = domain::kWithheldIdentity;
  letter.fields.reporter = domain::Reporter{};
  letter.identityWithheld = true;
}

domain::IncomingLetter RegistrationService::mustFind(const domain::Actor& actor, std::int64_t id) {
  auto letter = letters_.find(actor.officeId, id);
  if (!letter) throw Error(ErrorCode::kNotFound, "incoming letter " + std::to_string(id) + " does not exist");
  return *letter;
}

domain::IncomingLetter RegistrationService::get(const domain::Actor& actor, std::int64_t id) {
  domain::requireRole(actor, kReaders, "read the agenda");
  auto letter = mustFind(actor, id);
  redactFor(actor, letter);
  return letter;
}

void checkLetterFilter(const ports::LetterFilter& filter, Violations& v) {
  if (filter.page < 1) v.add("page", "must be 1 or more");
  if (filter.perPage < 1 || filter.perPage > 500) v.add("per_page", "must be between 1 and 500");
  if (!filter.receivedFrom.empty() && !domain::isIsoDate(filter.receivedFrom) &&
      !domain::isIsoDateTime(filter.receivedFrom))
    v.add("received_from", "must be a date like 2026-11-01");
  if (!filter.receivedTo.empty() && !domain::isIsoDate(filter.receivedTo) && !domain::isIsoDateTime(filter.receivedTo))
    v.add("received_to", "must be a date like 2026-11-30");
}

ports::LetterPage RegistrationService::list(const domain::Actor& actor, ports::LetterFilter filter) {
  domain::requireRole(actor, kReaders, "read the agenda");
  Violations v;
  checkLetterFilter(filter, v);
  v.throwIfAny("the filter is not valid");
  filter.officeId = actor.officeId;
  auto page = letters_.list(filter);
  auto assigned = assignedLetters(actor);
  for (auto& letter : page.items) redactFor(actor, letter, assigned);
  return page;
}

domain::IncomingLetter RegistrationService::correct(const domain::Actor& actor, std::int64_t id,
                                                    const domain::FieldValues& changes, std::int64_t expectedVersion,
                                                    const std::string& reason) {
  domain::requireRole(actor, {Role::kRegistrar, Role::kAdmin}, "correct agenda entries");
  Violations v;
  if (reason.empty()) v.add("reason", "is required for a correction");
  if (changes.empty()) v.add("changes", "must name at least one field");
  v.throwIfAny("the correction is not valid");
  auto current = mustFind(actor, id);
  if (current.isVoid)
    throw Error(ErrorCode::kFailedPrecondition, "entry " + current.agendaNumber + " is void and cannot be corrected");
  domain::IncomingLetterFields fields = current.fields;
  for (const auto& [name, value] : changes) domain::setField(fields, name, value, v);
  v.throwIfAny("the correction is not valid");
  domain::validate(fields);
  if (domain::agendaYear(fields) != current.year)
    throw Error(ErrorCode::kInvalidArgument,
                "received_at cannot move the entry to another year: its agenda number belongs to " +
                    std::to_string(current.year),
                {{"received_at", "must stay in " + std::to_string(current.year)}});
  std::vector<ports::FieldChange> diff, confidential;
  for (const auto& name : domain::changedFields(current.fields, fields)) {
    std::string before = domain::getField(current.fields, name), after = domain::getField(fields, name);
    if (domain::isReporterField(name)) {
      // The trail auditors read names the field only; the values go to the letter's
      // confidential history, which only the roles that see identities read.
      confidential.push_back({name, before, after});
      before = after = "(dirahasiakan)";
    }
    diff.push_back({name, before, after});
  }
  if (diff.empty()) throw Error(ErrorCode::kInvalidArgument, "the correction changes nothing");
  std::int64_t version = expectedVersion == 0 ? current.version : expectedVersion;
  ports::AuditEntry audit{actor.username, "incoming_letter.correct", "incoming_letter", std::to_string(id), diff,
                          reason};
  auto letter = letters_.correct(actor.officeId, id, version, fields, audit, confidential);
  redactFor(actor, letter);
  return letter;
}

std::vector<ports::ConfidentialChange> RegistrationService::confidentialHistory(const domain::Actor& actor,
                                                                             std::int64_t id) {
  domain::requireRole(actor, kReaders, "read the agenda");
  auto letter = mustFind(actor, id);
  redactFor(actor, letter);
  if (letter.identityWithheld)
    throw Error(ErrorCode::kPermissionDenied,
                "role " + std::string(domain::toString(actor.role)) + " may not see the reporter's identity");
  return letters_.confidentialHistory(actor.officeId, id);
}

domain::IncomingLetter RegistrationService::voidEntry(const domain::Actor& actor, std::int64_t id,
                                                      const std::string& reason) {
  domain::requireRole(actor, {Role::kRegistrar, Role::kHead, Role::kAdmin}, "void agenda entries");
  if (reason.empty())
    throw Error(ErrorCode::kInvalidArgument, "a reason is required to void an entry", {{"reason", "is required"}});
  if (reason.size() > 1000) throw Error(ErrorCode::kInvalidArgument, "the reason is longer than 1000 bytes");
  ports::AuditEntry audit{actor.username, "incoming_letter.void", "incoming_letter", std::to_string(id),
                          {{"void", "false", "true"}}, reason};
  auto letter = letters_.markVoid(actor.officeId, id, reason, actor.username, clock_.nowUtc(), audit);
  redactFor(actor, letter);
  return letter;
}

domain::Attachment RegistrationService::addAttachment(const domain::Actor& actor, std::int64_t letterId,
                                                      const std::string& fileName, const std::string& content) {
  domain::requireRole(actor, {Role::kRegistrar, Role::kAdmin}, "attach scans");
  if (static_cast<std::int64_t>(content.size()) > maxAttachmentBytes_)
    throw Error(ErrorCode::kTooLarge, "the file is larger than the limit of " + std::to_string(maxAttachmentBytes_) +
                                          " bytes");
  domain::validateAttachmentName(fileName);
  std::string type = domain::sniffContentType(content);
  if (type.empty())
    throw Error(ErrorCode::kInvalidArgument, "the file is not a PDF, PNG or JPEG scan",
                {{"file", "must be a PDF, PNG or JPEG"}});
  auto letter = mustFind(actor, letterId);
  if (letter.isVoid) throw Error(ErrorCode::kFailedPrecondition, "entry " + letter.agendaNumber + " is void");
  domain::Attachment attachment;
  attachment.fileName = fileName;
  attachment.contentType = type;
  attachment.sizeBytes = static_cast<std::int64_t>(content.size());
  attachment.sha256 = blobs_.put(content);
  ports::AuditEntry audit{actor.username, "incoming_letter.attach", "incoming_letter", std::to_string(letterId),
                          {{"attachment", "", fileName + " sha256:" + attachment.sha256}}, ""};
  return letters_.addAttachment(letterId, attachment, actor.username, clock_.nowUtc(), audit);
}

AttachmentContent RegistrationService::attachment(const domain::Actor& actor, std::int64_t letterId,
                                                  std::int64_t attachmentId) {
  domain::requireRole(actor, kReaders, "read scans");
  mustFind(actor, letterId);
  auto found = letters_.findAttachment(letterId, attachmentId);
  if (!found) throw Error(ErrorCode::kNotFound, "attachment " + std::to_string(attachmentId) + " does not exist");
  return AttachmentContent{*found, blobs_.get(found->sha256)};
}

PublicStatus RegistrationService::track(const std::string& trackingCode) {
  if (!domain::isValidTrackingCode(trackingCode))
    throw Error(ErrorCode::kNotFound, "no complaint has the tracking code " + trackingCode.substr(0, 40));
  std::string code;
  for (char c : trackingCode) code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto letter = letters_.findByTrackingCode(code);
  if (!letter) throw Error(ErrorCode::kNotFound, "no complaint has the tracking code " + code);
  return PublicStatus{letter->trackingCode, letter->agendaNumber, letter->fields.receivedAt,
                      std::string(domain::toString(letter->fields.channel)),
                      letter->isVoid ? "dibatalkan" : "diterima"};
}

}  // namespace naskah::services
