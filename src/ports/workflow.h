// Storage of the workflow: a case's state on its SOP profile, the steps it finished, and the
// dispositions sent about it. Every write appends its audit event in the same transaction.
// Times are office-local ISO strings ("2026-06-02T08:00:00", LocalDateTime::toString()).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/auth/role.h"
#include "domain/letters/incoming_letter.h"
#include "domain/workflow/case_state_machine.h"
#include "ports/audit.h"

namespace naskah::ports {

// The registered item a case was opened for, as the workflow needs it.
struct CaseRef {
  std::int64_t caseId = 0;
  std::int64_t officeId = 0;
  std::int64_t letterId = 0;
  std::string agendaNumber;
  std::string trackingCode;
  std::string subject;
  std::string receivedAt;
  domain::Channel channel = domain::Channel::kLetter;
  domain::Urgency urgency = domain::Urgency::kBiasa;
  domain::ComplaintKind complaintKind = domain::ComplaintKind::kComplaint;
  domain::Scale scale = domain::Scale::kSmall;
  bool isVoid = false;
};

// Where a case stands on its profile.
struct StoredCaseState {
  std::string profileId;
  domain::workflow::CaseState state;
  std::string startedAt;
  std::optional<std::string> closedAt;
};

// One finished step (CompletedStep) with who took it.
struct StoredStep {
  std::int64_t caseId = 0;
  std::string profileId;
  domain::workflow::CompletedStep step;
  std::int64_t userId = 0;
  std::string username;
  std::string note;
  std::int64_t auditSequence = 0;
};

// A case with its state (none before a profile is assigned).
struct CaseRow {
  CaseRef ref;
  std::optional<StoredCaseState> state;
};

struct CaseStart {
  std::int64_t caseId = 0;
  StoredCaseState state;
  AuditEntry audit;
};

// A transition decided elsewhere and written by the store with the change that caused it (a
// reply's last dispatch), in the same transaction: the case moves from `expected` to `next` and
// `step` joins its history, but only while the case still stands at `expected` — a case moved
// on meanwhile is left as it is.
struct CaseAdvance {
  std::int64_t caseId = 0;
  domain::workflow::CaseState expected;
  domain::workflow::CaseState next;
  StoredStep step;
  AuditEntry audit;
};

struct NewDisposition {
  std::int64_t caseId = 0;
  std::int64_t letterId = 0;
  std::optional<std::int64_t> parentId;
  std::int64_t fromUserId = 0;
  std::vector<std::int64_t> toUserIds;  // one row each
  std::vector<std::string> instructions;
  std::string note;
  std::string deadline;
  std::string createdAt;
};

struct DispositionRecord {
  std::int64_t id = 0;
  std::int64_t caseId = 0;
  std::int64_t letterId = 0;
  std::optional<std::int64_t> parentId;
  std::int64_t fromUserId = 0;
  std::string fromUsername;
  std::int64_t toUserId = 0;
  std::string toUsername;
  std::vector<std::string> instructions;
  std::string note;
  std::string deadline;
  std::string createdAt;
  std::optional<std::string> readAt;
  std::optional<std::string> recalledAt;
  // The recipient has passed it on (a disposition of theirs names this one as parent).
  bool passedOn = false;
  std::string agendaNumber;  // of the case's letter, for inbox lists
  std::string subject;
};

class WorkflowRepository {
 public:
  virtual ~WorkflowRepository() = default;

  // The case of the office with its state; nullopt when absent or another office's.
  virtual std::optional<CaseRow> findCase(std::int64_t officeId, std::int64_t caseId) = 0;
  // Every case of the office with no workflow state yet, oldest first.
  virtual std::vector<CaseRef> unstartedCases(std::int64_t officeId) = 0;
  // The finished steps of a case, in order.
  virtual std::vector<StoredStep> history(std::int64_t caseId) = 0;

  // Puts each case at its start. A case that already has a state is skipped unless it has no
  // finished step and replace is true (the registrar choosing another profile). Returns how
  // many were written.
  virtual int startCases(const std::vector<CaseStart>& starts, bool replace) = 0;

  // Moves the case from `expected` to `next` and records the finished step, when the stored
  // state still equals `expected`; kFailedPrecondition ("moved on meanwhile") otherwise.
  virtual void recordTransition(std::int64_t caseId, const domain::workflow::CaseState& expected,
                                const domain::workflow::CaseState& next, const StoredStep& step,
                                const AuditEntry& audit) = 0;

  // Open (not closed) cases of the office whose due time is before `now`, most overdue first.
  virtual std::vector<CaseRow> overdueCases(std::int64_t officeId, const std::string& now) = 0;
  // Cases whose letter was received in [from, to) (not void and void alike).
  virtual std::vector<CaseRow> casesReceivedBetween(std::int64_t officeId, const std::string& from,
                                                    const std::string& to) = 0;
  // Steps of the office's cases completed in [from, to).
  virtual std::vector<StoredStep> stepsCompletedBetween(std::int64_t officeId, const std::string& from,
                                                        const std::string& to) = 0;

  // Stores one row per recipient; returns them in toUserIds order.
  virtual std::vector<DispositionRecord> addDispositions(const NewDisposition& disposition,
                                                         const AuditEntry& audit) = 0;
  virtual std::optional<DispositionRecord> findDisposition(std::int64_t officeId, std::int64_t id) = 0;
  virtual std::vector<DispositionRecord> dispositionsOfCase(std::int64_t caseId) = 0;
  // Not recalled, addressed to the user, newest first.
  virtual std::vector<DispositionRecord> dispositionsTo(std::int64_t userId) = 0;
  // Sets read_at when unset (a second read keeps the first time); kFailedPrecondition when recalled.
  virtual DispositionRecord markRead(std::int64_t id, const std::string& at, const AuditEntry& audit) = 0;
  // Sets recalled_at when neither read nor recalled; kFailedPrecondition otherwise.
  virtual DispositionRecord recall(std::int64_t id, const std::string& at, const AuditEntry& audit) = 0;
};

}  // namespace naskah::ports
