// The life of one case (perkara pengaduan) through its SOP profile. A case stands at exactly one
// step at a time, or is closed ("selesai"); the only way forward is one of the current step's
// branches, taken by a user whose role performs (or records) that step. Pure: it computes the
// next state and the record of the finished step; storing both, and auditing, is the caller's.
//
// What the caller persists per case: profile id, CaseState (step, entered_at, due_at), and one
// row per CompletedStep (its history, for the audit trail, overdue lists and SLA reports).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/auth/role.h"
#include "domain/letters/incoming_letter.h"
#include "domain/workflow/local_date_time.h"
#include "domain/workflow/sop_profile.h"
#include "domain/workflow/working_calendar.h"

namespace naskah::domain::workflow {

struct CaseState {
  std::string step;                    // a step id of the profile, or kClosedState
  LocalDateTime enteredAt;             // when the case reached this step
  std::optional<LocalDateTime> dueAt;  // enteredAt + the step's time standard; none without one
  bool closed() const { return step == kClosedState; }
  friend bool operator==(const CaseState&, const CaseState&) = default;
};

// One way out of the current step, with who may take it.
struct Transition {
  std::string from;         // the current step id
  std::string condition;    // what a request names: "setujui"
  std::string label;        // "Setujui dan paraf"
  std::string to;           // the next step id, or kClosedState
  std::vector<Role> roles;  // roles allowed to take it
};

// What a user asks for: the step they saw the case at (so that a request made on a stale view
// is refused instead of applied to a step the user never saw) and the branch they chose.
struct TransitionRequest {
  std::string from;
  std::string condition;
};

// The finished step, for the history: time taken and lateness in office minutes.
struct CompletedStep {
  std::string step;
  std::string condition;
  std::string to;
  Role by = Role::kReporter;
  LocalDateTime enteredAt;
  LocalDateTime completedAt;
  std::optional<LocalDateTime> dueAt;
  std::int64_t workingMinutesTaken = 0;
  // Office minutes past dueAt (0 when on time or without a time standard).
  std::int64_t workingMinutesLate = 0;
  bool late() const { return workingMinutesLate > 0; }
};

struct TransitionResult {
  CaseState state;
  CompletedStep completed;
};

class CaseStateMachine {
 public:
  // Validates the profile (Error kInvalidArgument naming every problem, source "profile <id>").
  CaseStateMachine(SopProfile profile, WorkingCalendar calendar);

  const SopProfile& profile() const { return profile_; }
  const WorkingCalendar& calendar() const { return calendar_; }

  // A new case whose item arrived by `channel` at `receivedAt`: the entry step for that channel,
  // due from receivedAt. Error(kInvalidArgument) naming the channels the profile takes otherwise.
  CaseState start(Channel channel, const LocalDateTime& receivedAt) const;
  // The state at an explicit entry (by Entry::id), for callers that choose the route themselves.
  CaseState startAt(std::string_view entryId, const LocalDateTime& receivedAt) const;

  // When a step entered at `enteredAt` is due; none when the step has no time standard.
  std::optional<LocalDateTime> dueAt(std::string_view stepId, const LocalDateTime& enteredAt) const;
  // When the whole case is due (the SOP's total time), counted from its start; none without one.
  std::optional<LocalDateTime> caseDueAt(const LocalDateTime& startedAt) const;
  // Past its step's due time at `now` (a closed case or a step without a due time never is).
  bool isOverdue(const CaseState& state, const LocalDateTime& now) const;

  // Every way out of the current step, in profile order; empty for a closed case.
  // Error(kFailedPrecondition) when the state names a step the profile does not have.
  std::vector<Transition> transitions(const CaseState& state) const;
  // Those a user of `role` may take now.
  std::vector<Transition> allowedTransitions(const CaseState& state, Role role) const;

  // Takes the branch at `at` and returns the new state and the finished step's record.
  //  - Error(kFailedPrecondition) (HTTP 409) when the case is closed, is not at request.from, or
  //    the step has no such branch; the message names the step and what is allowed now.
  //  - Error(kPermissionDenied) (HTTP 403) when `role` may not take it; names the roles that may.
  //  - Error(kInvalidArgument) when `at` is before the case entered its step.
  TransitionResult apply(const CaseState& state, const TransitionRequest& request, Role role,
                         const LocalDateTime& at) const;

  // Takes the branch of the current step that `event` names (Branch::event) at `at`, on behalf of
  // `by` — whoever caused the event; no role check, the event is Naskah's own record. nullopt when
  // the case is closed or its step has no branch for the event (it stands elsewhere: earlier
  // steps not taken yet, or moved on by hand), or the profile no longer has its step. `at` before the step was entered counts as the
  // moment it was entered.
  std::optional<TransitionResult> applyEvent(const CaseState& state, std::string_view event, Role by,
                                             const LocalDateTime& at) const;

 private:
  TransitionResult complete(const CaseState& state, const Step& step, const Branch& branch, Role by,
                            const LocalDateTime& at) const;
  const Step& currentStep(const CaseState& state) const;
  CaseState enterAtStart(std::string_view stepId, const LocalDateTime& at) const;
  CaseState enter(std::string_view stepId, const LocalDateTime& at) const;
  std::string allowedNow(const CaseState& state) const;

  SopProfile profile_;
  WorkingCalendar calendar_;
};

}  // namespace naskah::domain::workflow
