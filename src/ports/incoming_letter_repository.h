// Storage of the agenda surat masuk. Every write also appends its audit event in the
// same transaction, so a change and its record exist together or not at all.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/letters/agenda_number_format.h"
#include "domain/letters/incoming_letter.h"
#include "ports/audit.h"

namespace naskah::ports {

struct NewRegistration {
  std::int64_t officeId = 0;
  std::string officeCode;
  domain::IncomingLetterFields fields;
  std::string trackingCode;
  std::string idempotencyKey;  // optional; a retry with the same key returns the first entry
  std::string registeredBy;
  std::string registeredAt;
};

struct RegistrationResult {
  domain::IncomingLetter letter;
  bool created = true;  // false when the idempotency key matched an earlier entry
};

struct LetterFilter {
  std::int64_t officeId = 0;
  std::optional<int> year;
  std::optional<domain::Channel> channel;
  std::optional<domain::ComplaintKind> complaintKind;
  std::optional<domain::Scale> scale;
  std::optional<domain::Urgency> urgency;
  std::optional<bool> isVoid;
  std::string receivedFrom;  // inclusive, ISO date or date-time
  std::string receivedTo;    // inclusive day when a date
  std::string text;          // substring of sender, subject, summary or agenda number
  std::string classificationCode;  // prefix
  int page = 1;
  int perPage = 50;
  bool oldestFirst = false;
};

struct LetterPage {
  std::vector<domain::IncomingLetter> items;
  std::int64_t total = 0;
};

// A correction of the reporter's identity, with the values the audit trail withholds.
struct ConfidentialChange {
  std::int64_t auditSequence = 0;  // the incoming_letter.correct event it belongs to
  std::string field;
  std::string before;
  std::string after;
  std::string changedBy;
  std::string changedAt;
};

class IncomingLetterRepository {
 public:
  virtual ~IncomingLetterRepository() = default;

  // Takes the next agenda sequence of (office, year of receivedAt) and stores the entry,
  // its case and the audit event atomically. Numbers are gap-free and unique under any
  // concurrency, across processes. Throws kUnavailable when the store stays busy.
  virtual RegistrationResult registerIncoming(const NewRegistration& registration,
                                              const domain::AgendaNumberFormat& format,
                                              const AuditEntry& audit) = 0;

  virtual std::optional<domain::IncomingLetter> find(std::int64_t officeId, std::int64_t id) = 0;
  virtual std::optional<domain::IncomingLetter> findByTrackingCode(const std::string& code) = 0;
  virtual LetterPage list(const LetterFilter& filter) = 0;

  // Replaces the registered fields when the stored version is still expectedVersion;
  // throws kFailedPrecondition (conflict) otherwise, kNotFound when absent. The changes of the
  // reporter's identity (`confidential`, with their real values) are kept in the letter's
  // confidential history, tied to the audit event, in the same transaction: the audit trail
  // (which auditors read) names only the fields.
  virtual domain::IncomingLetter correct(std::int64_t officeId, std::int64_t id, std::int64_t expectedVersion,
                                         const domain::IncomingLetterFields& fields, const AuditEntry& audit,
                                         const std::vector<FieldChange>& confidential) = 0;

  // The confidential history of a letter, oldest first.
  virtual std::vector<ConfidentialChange> confidentialHistory(std::int64_t officeId, std::int64_t letterId) = 0;

  // Marks the entry void; its number stays and is never reused. kFailedPrecondition when void already.
  virtual domain::IncomingLetter markVoid(std::int64_t officeId, std::int64_t id, const std::string& reason,
                                          const std::string& voidedBy, const std::string& voidedAt,
                                          const AuditEntry& audit) = 0;

  // Records an already stored blob as an attachment of the letter.
  virtual domain::Attachment addAttachment(std::int64_t letterId, const domain::Attachment& attachment,
                                           const std::string& uploadedBy, const std::string& uploadedAt,
                                           const AuditEntry& audit) = 0;
  virtual std::optional<domain::Attachment> findAttachment(std::int64_t letterId, std::int64_t attachmentId) = 0;

  // The letters of the office that are assigned to this user: the case names them as its
  // officer, a disposition that was not recalled reaches them, or they are on a field
  // inspection team of the letter. An assigned officer handles
  // the complaint and so may see the reporter's identity.
  virtual std::set<std::int64_t> lettersAssignedTo(std::int64_t officeId, std::int64_t userId) = 0;
};

}  // namespace naskah::ports
