// The workflow use cases: a case following its SOP profile (start, read, transitions, overdue
// list), dispositions down the hierarchy (send, read receipt, recall, re-dispose, inbox), and the
// monthly recap. Profiles and the office calendar are loaded by the composition root and handed
// in; every write goes to the store with its audit event in one transaction.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/auth/role.h"
#include "domain/workflow/disposition.h"
#include "domain/workflow/case_state_machine.h"
#include "domain/workflow/sla.h"
#include "ports/directory.h"
#include "ports/platform.h"
#include "ports/workflow.h"

namespace naskah::services {

// A case as GET /cases/{id} shows it to one caller.
struct CaseView {
  ports::CaseRef ref;
  std::optional<ports::StoredCaseState> state;  // none before a profile is assigned
  std::string profileTitle;
  std::string stepName;  // the current step's name; "" when closed or not started
  std::string stepOutput;       // the document template the current step produces, or ""
  std::string stepOutputLabel;  // the SOP's output column for it, as written
  bool overdue = false;
  std::optional<domain::workflow::LocalDateTime> caseDueAt;  // the SOP's total time from the start
  std::vector<domain::workflow::Transition> transitions;     // every way out of the current step
  std::vector<domain::workflow::Transition> allowed;         // those the caller may take now
  std::vector<ports::StoredStep> history;
  std::vector<ports::DispositionRecord> dispositions;
};

struct TransitionInput {
  std::string from;       // the step the caller saw the case at
  std::string condition;  // the branch chosen
  std::string note;
  // When the step was actually done (office time), for steps recorded after the fact (a walk-in
  // reporter's queue ticket, the Walikota's meeting); default now, never in the future.
  std::optional<std::string> at;
};

struct DispositionInput {
  std::vector<std::int64_t> to;  // user ids
  std::vector<std::string> instructions;
  std::string note;
  std::optional<std::string> deadline;    // "2026-06-05T16:00" or "2026-06-05" (the end of that day)
  std::optional<std::int64_t> parentId;   // re-disposition of one addressed to the caller
};

struct Inbox {
  std::vector<ports::DispositionRecord> toActOn;  // addressed to the caller, not passed on yet
  std::vector<ports::DispositionRecord> unread;
  std::vector<ports::DispositionRecord> overdue;  // to act on, past the deadline
};

struct OverdueCase {
  ports::CaseRef ref;
  ports::StoredCaseState state;
  std::string stepName;
  std::int64_t workingMinutesLate = 0;  // office minutes past the due time, now
};

struct ProfileRecap {
  std::string profileId;
  std::string title;
  domain::workflow::SlaSummary sla;
};

// The numbers of the rekapitulasi bulanan.
struct Recap {
  std::string month;  // "2026-11"
  int total = 0;      // items received in the month
  std::map<std::string, int> byChannel, byComplaintKind, byScale, byStatus;
  std::vector<ProfileRecap> profiles;  // steps finished in the month, per profile that had any
  int stepsCompleted = 0, stepsOnTime = 0, stepsLate = 0;
};

class WorkflowService {
 public:
  // defaultProfiles: profile ids tried in order for a case nobody assigned a profile to; the
  // first whose entries take the case's channel starts it. Unknown ids throw kInvalidArgument.
  WorkflowService(ports::WorkflowRepository& workflow, ports::UserRepository& users, const ports::Clock& clock,
                  std::vector<domain::workflow::SopProfile> profiles, domain::workflow::WorkingCalendar calendar,
                  std::vector<std::string> defaultProfiles);

  const std::vector<domain::workflow::SopProfile>& profiles() const { return profiles_; }

  // The office's standard disposition instructions (setting disposition.instructions); a
  // disposition names only these, anything else goes in its note. Not empty.
  void setStandardInstructions(std::vector<std::string> instructions);
  const std::vector<std::string>& standardInstructions() const { return standardInstructions_; }

  // The case with its state, history, dispositions and what the caller may do. Readers but the
  // reporter. A case not started yet whose channel a default profile takes is started first.
  CaseView caseView(const domain::Actor& actor, std::int64_t caseId);
  // Puts the case at the start of the profile (registrar, admin); allowed until a step finished.
  CaseView assignProfile(const domain::Actor& actor, std::int64_t caseId, const std::string& profileId);
  // Takes a branch of the current step (CaseStateMachine::apply): 409 when not allowed now, 403
  // for the wrong role, 400 for bad input.
  CaseView transition(const domain::Actor& actor, std::int64_t caseId, const TransitionInput& input);
  // Open cases past their step's due time, most overdue first.
  std::vector<OverdueCase> overdue(const domain::Actor& actor);
  // What a Naskah event (a branch's "event" in the profile, e.g. reply_dispatched) does to the
  // case now, for the caller to write in the transaction of the change that raised it; `why`
  // becomes the step's note. nullopt — the case is left alone — when the case is void, follows
  // no profile yet, is closed, or stands at a step without a branch for the event (earlier
  // steps not taken, or moved on by hand). The actor caused the event; no role check here.
  std::optional<ports::CaseAdvance> advanceOn(const domain::Actor& actor, std::int64_t caseId,
                                              std::string_view event, const std::string& why);

  // Sends one disposition per recipient. The sender's role must stand above every recipient's.
  std::vector<ports::DispositionRecord> dispose(const domain::Actor& actor, std::int64_t caseId,
                                                const DispositionInput& input);
  // The recipient's read receipt (the first reading counts).
  ports::DispositionRecord markRead(const domain::Actor& actor, std::int64_t dispositionId);
  // The sender takes it back; 409 once read.
  ports::DispositionRecord recall(const domain::Actor& actor, std::int64_t dispositionId);
  Inbox inbox(const domain::Actor& actor);

  // "2026-11": counts of the month's items and SLA of the steps finished in it.
  Recap recap(const domain::Actor& actor, const std::string& month);

 private:
  const domain::workflow::CaseStateMachine& machine(const std::string& profileId) const;
  const domain::workflow::CaseStateMachine* defaultMachineFor(domain::Channel channel) const;
  domain::workflow::LocalDateTime now() const;
  ports::CaseRow mustFindCase(const domain::Actor& actor, std::int64_t caseId);
  ports::CaseStart startOf(const ports::CaseRef& ref, const domain::workflow::CaseStateMachine& m,
                           const std::string& actor, const std::string& how) const;
  void startPending(std::int64_t officeId);
  CaseView viewOf(const domain::Actor& actor, const ports::CaseRow& row);

  ports::WorkflowRepository& workflow_;
  ports::UserRepository& users_;
  const ports::Clock& clock_;
  std::vector<domain::workflow::SopProfile> profiles_;
  domain::workflow::WorkingCalendar calendar_;
  std::map<std::string, std::unique_ptr<domain::workflow::CaseStateMachine>> machines_;
  std::vector<std::string> defaultProfiles_;
  std::vector<std::string> standardInstructions_ = domain::workflow::defaultStandardInstructions();
};

}  // namespace naskah::services
