// Storage of outgoing letters (surat keluar): the letter, its immutable versions, the paraf
// chain, the outgoing register and the dispatch records. Every write appends its audit event
// in the same transaction, and checks the state it was decided on (status, version), so two
// people acting at once never overwrite each other: the second gets kFailedPrecondition.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/outgoing/outgoing_letter.h"
#include "domain/outgoing/outgoing_number_format.h"
#include "ports/audit.h"
#include "ports/workflow.h"

namespace naskah::ports {

struct NewOutgoingLetter {
  std::int64_t officeId = 0;
  std::int64_t caseId = 0;            // 0 = none
  std::int64_t incomingLetterId = 0;  // 0 = none
  std::string unitCode;
  domain::OutgoingVersion first;      // number 1
};

// What signing needs to take the number: the register is per office and year.
struct OutgoingNumbering {
  int year = 0;
  int month = 0;
  std::string officeCode;
  const domain::OutgoingNumberFormat* format = nullptr;
};

struct OutgoingFilter {
  std::int64_t officeId = 0;
  std::optional<domain::OutgoingStatus> status;
  std::int64_t caseId = 0;  // 0 = any
  int limit = 100;
};

class OutgoingLetterRepository {
 public:
  virtual ~OutgoingLetterRepository() = default;

  // Stores the letter with version 1 as a draft; returns it with its id.
  virtual domain::OutgoingLetter create(const NewOutgoingLetter& letter, const AuditEntry& audit) = 0;

  // The letter with the content of its current version, the paraf of the current round and
  // its dispatch records; nullopt when absent or another office's.
  virtual std::optional<domain::OutgoingLetter> find(std::int64_t officeId, std::int64_t id) = 0;
  virtual std::vector<domain::OutgoingLetter> list(const OutgoingFilter& filter) = 0;
  // Every version, oldest first.
  virtual std::vector<domain::OutgoingVersion> versions(std::int64_t officeId, std::int64_t id) = 0;

  // Adds version.number = baseVersion + 1 when the current version is still baseVersion and the
  // status still `expected`; kFailedPrecondition (conflict) otherwise.
  virtual domain::OutgoingLetter addVersion(std::int64_t officeId, std::int64_t id, int baseVersion,
                                            domain::OutgoingStatus expected, const domain::OutgoingVersion& version,
                                            const AuditEntry& audit) = 0;

  // From `expected` (draft or returned) to in_correction with a new paraf round of `chain`.
  virtual domain::OutgoingLetter submit(std::int64_t officeId, std::int64_t id, domain::OutgoingStatus expected,
                                        const std::vector<domain::ParafStep>& chain, const AuditEntry& audit) = 0;

  // Marks step (round, order) given when still pending and sets the status; kFailedPrecondition
  // when someone else moved the letter first.
  virtual domain::OutgoingLetter giveParaf(std::int64_t officeId, std::int64_t id, int round, int order,
                                           const std::string& givenAt, domain::OutgoingStatus newStatus,
                                           const AuditEntry& audit) = 0;

  // From `expected` to returned with the reason; the current paraf round is closed.
  virtual domain::OutgoingLetter returnToDrafter(std::int64_t officeId, std::int64_t id,
                                                 domain::OutgoingStatus expected, const std::string& reason,
                                                 const std::string& returnedBy, const AuditEntry& audit) = 0;

  // Takes the next number of the office's outgoing register of numbering.year and marks the
  // letter signed, when it still awaits signature. Numbers are gap-free and unique: the counter
  // moves in the same transaction as the letter. kFailedPrecondition when not awaiting signature.
  virtual domain::OutgoingLetter takeNumber(std::int64_t officeId, std::int64_t id, const OutgoingNumbering& numbering,
                                            const std::string& signedBy, const std::string& signedAt,
                                            const std::string& letterDate, const AuditEntry& audit) = 0;

  // Records the archived signed PDF of a signed letter (once).
  virtual domain::OutgoingLetter attachArchive(std::int64_t officeId, std::int64_t id, std::int64_t archiveId,
                                               const AuditEntry& audit) = 0;

  // Adds one dispatch record; kAlreadyExists when the recipient has one. When, with it, each of
  // the letter's addresseeCount addressees has a record, the letter becomes dispatched and
  // `caseAdvance` (if any) moves its case — all decided inside the one transaction, so two
  // registrars recording the last two addressees at once cannot both miss the end. The advance
  // is skipped when the case no longer stands where it was decided.
  virtual domain::OutgoingLetter addDispatch(std::int64_t officeId, std::int64_t id,
                                             const domain::DispatchRecord& record, std::size_t addresseeCount,
                                             const AuditEntry& audit,
                                             const std::optional<CaseAdvance>& caseAdvance) = 0;
};

}  // namespace naskah::ports
