// The agenda surat masuk use cases: register, read, correct, void, attach scans, track.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "domain/auth/role.h"
#include "domain/letters/agenda_number_format.h"
#include "domain/letters/incoming_letter.h"
#include "domain/letters/letter_fields.h"
#include "ports/directory.h"
#include "ports/incoming_letter_repository.h"
#include "ports/platform.h"

namespace naskah::services {

struct AttachmentContent {
  domain::Attachment attachment;
  std::string content;
};

// What anyone holding the tracking code may see: no identity, no summary.
struct PublicStatus {
  std::string trackingCode;
  std::string agendaNumber;
  std::string receivedAt;
  std::string channel;
  std::string status;  // "diterima", "dibatalkan"
};

// Adds a violation for every filter value out of range (page, per_page, date bounds), so an entry
// point can report them together with its own parsing problems in one answer.
void checkLetterFilter(const ports::LetterFilter& filter, Violations& v);

class RegistrationService {
 public:
  RegistrationService(ports::IncomingLetterRepository& letters, ports::OfficeRepository& offices,
                      ports::BlobStore& blobs, ports::RandomSource& random, const ports::Clock& clock,
                      domain::AgendaNumberFormat format, std::int64_t maxAttachmentBytes);

  // Registers one item (registrar, admin). Throws kInvalidArgument naming every bad field.
  // With an idempotency key, a repeat returns the first registration (created = false).
  ports::RegistrationResult registerIncoming(const domain::Actor& actor, const domain::FieldValues& values,
                                             const std::string& idempotencyKey);

  // One entry of the actor's office; the reporter's identity is withheld from roles that
  // may not see it. kNotFound when absent or another office's.
  domain::IncomingLetter get(const domain::Actor& actor, std::int64_t id);
  ports::LetterPage list(const domain::Actor& actor, ports::LetterFilter filter);

  // Corrects registered fields (registrar, admin); old values stay in the audit trail.
  // A reason is required. expectedVersion (0 = current) guards against a lost update.
  domain::IncomingLetter correct(const domain::Actor& actor, std::int64_t id, const domain::FieldValues& changes,
                                 std::int64_t expectedVersion, const std::string& reason);

  // Voids an entry with a reason (registrar, head, admin); the number stays, marked void.
  // The reporter's identity before and after each correction, oldest first; only for the
  // callers who see the identity (kPermissionDenied otherwise).
  std::vector<ports::ConfidentialChange> confidentialHistory(const domain::Actor& actor, std::int64_t id);
  domain::IncomingLetter voidEntry(const domain::Actor& actor, std::int64_t id, const std::string& reason);

  // Stores a scan (PDF, PNG, JPEG by content) under the data folder, never at a client path.
  // kTooLarge over the limit; kInvalidArgument for a bad name or type; kFailedPrecondition on a void entry.
  domain::Attachment addAttachment(const domain::Actor& actor, std::int64_t letterId, const std::string& fileName,
                                   const std::string& content);
  AttachmentContent attachment(const domain::Actor& actor, std::int64_t letterId, std::int64_t attachmentId);

  // Public: kNotFound for an unknown or mistyped code.
  PublicStatus track(const std::string& trackingCode);

  const domain::AgendaNumberFormat& format() const { return format_; }

 private:
  std::string officeCode(std::int64_t officeId);
  // Clears the reporter's identity unless the actor's role needs it or the actor is an
  // officer the letter is assigned to (see IncomingLetterRepository::lettersAssignedTo).
  void redactFor(const domain::Actor& actor, domain::IncomingLetter& letter) const;
  void redactFor(const domain::Actor& actor, domain::IncomingLetter& letter,
                 const std::set<std::int64_t>& assigned) const;
  std::set<std::int64_t> assignedLetters(const domain::Actor& actor) const;
  domain::IncomingLetter mustFind(const domain::Actor& actor, std::int64_t id);

  ports::IncomingLetterRepository& letters_;
  ports::OfficeRepository& offices_;
  ports::BlobStore& blobs_;
  ports::RandomSource& random_;
  const ports::Clock& clock_;
  domain::AgendaNumberFormat format_;
  std::int64_t maxAttachmentBytes_;
  std::mutex officeCodesMutex_;
  std::map<std::int64_t, std::string> officeCodes_;
};

}  // namespace naskah::services
