// Retention of archived records (JRA): each record's phase and dates, the disposal list, legal
// holds, and disposal by berita acara pemusnahan. The schedule (codes and rules) is data loaded
// at start; see docs/retention.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/archive/retention.h"
#include "domain/auth/role.h"
#include "ports/platform.h"
#include "ports/retention.h"

namespace naskah::services {

// Where one record stands.
struct RetentionStatus {
  ports::RetainedRecord record;
  std::string codeName;  // the name of the record's code (or of the nearest listed ancestor)
  // The rule that applies and the code it was written for; nullopt when the record's code (or
  // its date) gives none: such a record is never proposed for disposal.
  std::optional<domain::archive::ResolvedRule> rule;
  std::optional<domain::archive::RetentionDates> dates;
  std::string phase;  // active, inactive, due, disposed, unclassified
  std::vector<ports::LegalHold> holds;  // active and released, oldest first
  bool held() const;
};

struct DisposalRequest {
  std::string number;      // nomor berita acara pemusnahan
  std::string date;        // "YYYY-MM-DD"
  std::string approvedBy;  // the approving authority as written on the berita acara
  std::string reason;
  std::vector<std::int64_t> recordIds;
};

struct DisposalResult {
  ports::Disposal disposal;
  std::int64_t filesRemoved = 0;  // content shared with a kept record stays
  // Files that could not be removed after the disposal committed ("ab/abcd….pdf: why"); fsck
  // reports them as orphans until an operator removes them.
  std::vector<std::string> filesLeft;
};

class RetentionService {
 public:
  RetentionService(ports::RetentionRepository& repository, ports::ArchiveContentEraser& eraser,
                   const ports::Clock& clock, domain::archive::RetentionSchedule schedule);

  // Archive readers (auditor, head, manager, supervisor, admin); kNotFound when absent.
  RetentionStatus status(const domain::Actor& actor, std::int64_t recordId);
  // Records of the actor's office past their final date whose disposition is musnah, not held
  // and not disposed of, oldest due first (archive readers).
  std::vector<RetentionStatus> due(const domain::Actor& actor);

  // Head and admin. The reason is required (kInvalidArgument).
  ports::LegalHold placeHold(const domain::Actor& actor, std::int64_t recordId, const std::string& reason);
  ports::LegalHold releaseHold(const domain::Actor& actor, std::int64_t recordId, std::int64_t holdId);

  // Head and admin. Records the berita acara and removes the content of every listed record; the
  // metadata rows stay, marked disposed. All or nothing: kInvalidArgument for a bad request,
  // kFailedPrecondition naming every record that is absent, held, not yet due, already
  // disposed, or whose disposition is permanen, dinilai_kembali or unknown.
  DisposalResult dispose(const domain::Actor& actor, const DisposalRequest& request);

  const domain::archive::RetentionSchedule& schedule() const { return schedule_; }

 private:
  RetentionStatus statusOf(ports::RetainedRecord record, std::vector<ports::LegalHold> holds) const;
  domain::archive::Date today() const;

  ports::RetentionRepository& repository_;
  ports::ArchiveContentEraser& eraser_;
  const ports::Clock& clock_;
  domain::archive::RetentionSchedule schedule_;
};

}  // namespace naskah::services
