#include "domain/workflow/case_state_machine.h"

#include <algorithm>
#include <utility>

#include "domain/common/error.h"

namespace naskah::domain::workflow {
namespace {

// Built by appending: GCC 12 warns falsely (-Wrestrict) on "'" + std::string(s) + "'".
std::string quoted(std::string_view s) {
  std::string out(1, '\'');
  out.append(s).push_back('\'');
  return out;
}

std::string roleNames(const std::vector<Role>& roles) {
  std::string out;
  for (Role r : roles) out += (out.empty() ? "" : ", ") + std::string(toString(r));
  return out;
}

}  // namespace

CaseStateMachine::CaseStateMachine(SopProfile profile, WorkingCalendar calendar)
    : profile_(std::move(profile)), calendar_(std::move(calendar)) {
  validate(profile_, "profile " + profile_.id);
}

CaseState CaseStateMachine::enter(std::string_view stepId, const LocalDateTime& at) const {
  return CaseState{std::string(stepId), at, dueAt(stepId, at)};
}

CaseState CaseStateMachine::start(Channel channel, const LocalDateTime& receivedAt) const {
  const Entry* entry = profile_.entryFor(channel);
  if (!entry) {
    std::string taken;
    for (const auto& e : profile_.entries)
      for (const auto& c : e.channels) taken += (taken.empty() ? "" : ", ") + c;
    throw Error(ErrorCode::kInvalidArgument, "profile " + profile_.id + " takes no item by channel " +
                                                 std::string(toString(channel)) + " (it takes: " + taken + ")");
  }
  return enterAtStart(entry->step, receivedAt);
}

CaseState CaseStateMachine::enterAtStart(std::string_view stepId, const LocalDateTime& at) const {
  // Steps without a time standard of their own, from the case's start on, are due when the whole
  // case is (seed 001 gives only the SOP's total, 5 days): that is what the overdue list and the
  // SLA per step can hold them to.
  CaseState state = enter(stepId, at);
  if (!state.dueAt) state.dueAt = caseDueAt(at);
  return state;
}

CaseState CaseStateMachine::startAt(std::string_view entryId, const LocalDateTime& receivedAt) const {
  for (const auto& e : profile_.entries)
    if (e.id == entryId) return enterAtStart(e.step, receivedAt);
  std::string ids;
  for (const auto& e : profile_.entries) ids += (ids.empty() ? "" : ", ") + e.id;
  throw Error(ErrorCode::kInvalidArgument,
              "profile " + profile_.id + " has no entry " + quoted(entryId) + " (entries: " + ids + ")");
}

std::optional<LocalDateTime> CaseStateMachine::dueAt(std::string_view stepId, const LocalDateTime& enteredAt) const {
  const Step* step = profile_.findStep(stepId);
  if (!step || !step->timeStandard) return std::nullopt;
  return dueFrom(calendar_, enteredAt, *step->timeStandard);
}

std::optional<LocalDateTime> CaseStateMachine::caseDueAt(const LocalDateTime& startedAt) const {
  if (!profile_.totalTimeStandard) return std::nullopt;
  return dueFrom(calendar_, startedAt, *profile_.totalTimeStandard);
}

bool CaseStateMachine::isOverdue(const CaseState& state, const LocalDateTime& now) const {
  return !state.closed() && state.dueAt && now > *state.dueAt;
}

const Step& CaseStateMachine::currentStep(const CaseState& state) const {
  const Step* step = profile_.findStep(state.step);
  if (!step)
    throw Error(ErrorCode::kFailedPrecondition,
                "the case is at step " + quoted(state.step) + ", which profile " + profile_.id + " does not have");
  return *step;
}

std::vector<Transition> CaseStateMachine::transitions(const CaseState& state) const {
  if (state.closed()) return {};
  const Step& step = currentStep(state);
  std::vector<Role> roles = profile_.rolesFor(step);
  std::vector<Transition> out;
  for (const auto& b : step.next) out.push_back(Transition{step.id, b.condition, b.label, b.to, roles});
  return out;
}

std::vector<Transition> CaseStateMachine::allowedTransitions(const CaseState& state, Role role) const {
  std::vector<Transition> out;
  for (auto& t : transitions(state))
    if (std::find(t.roles.begin(), t.roles.end(), role) != t.roles.end()) out.push_back(std::move(t));
  return out;
}

// "at step 'Koreksi Kepala Seksi' (koreksi_kepala_seksi): setujui (Setujui) or kembalikan
// (Kembalikan untuk diperbaiki), by supervisor" — the message a 409 carries.
std::string CaseStateMachine::allowedNow(const CaseState& state) const {
  if (state.closed()) return "nothing, the case is closed (" + std::string(kClosedState) + ")";
  const Step& step = currentStep(state);
  std::string choices;
  for (const auto& b : step.next)
    choices += (choices.empty() ? "" : " or ") + b.condition + " (" + b.label + ")";
  return "at step " + quoted(step.name) + " (" + step.id + "): " + choices + ", by " +
         roleNames(profile_.rolesFor(step));
}

TransitionResult CaseStateMachine::apply(const CaseState& state, const TransitionRequest& request, Role role,
                                         const LocalDateTime& at) const {
  if (state.closed())
    throw Error(ErrorCode::kFailedPrecondition, "the case is closed; allowed now: " + allowedNow(state));
  const Step& step = currentStep(state);
  if (request.from != state.step)
    throw Error(ErrorCode::kFailedPrecondition, "the case is no longer at step " + quoted(request.from) +
                                                    "; allowed now: " + allowedNow(state));
  auto branch = std::find_if(step.next.begin(), step.next.end(),
                             [&](const Branch& b) { return b.condition == request.condition; });
  if (branch == step.next.end())
    throw Error(ErrorCode::kFailedPrecondition, quoted(request.condition) + " is not a way out of step " +
                                                    quoted(step.id) + "; allowed now: " + allowedNow(state));
  std::vector<Role> roles = profile_.rolesFor(step);
  if (std::find(roles.begin(), roles.end(), role) == roles.end())
    throw Error(ErrorCode::kPermissionDenied, "role " + std::string(toString(role)) + " may not take " +
                                                  quoted(request.condition) + " at step " + quoted(step.name) +
                                                  " (allowed: " + roleNames(roles) + ")");
  if (at < state.enteredAt)
    throw Error(ErrorCode::kInvalidArgument, "the step cannot finish at " + at.toString() +
                                                 ", before the case reached it at " + state.enteredAt.toString());
  return complete(state, step, *branch, role, at);
}

std::optional<TransitionResult> CaseStateMachine::applyEvent(const CaseState& state, std::string_view event, Role by,
                                                             const LocalDateTime& at) const {
  const Step* step = profile_.findStep(state.step);  // nullptr when closed too
  const Branch* branch = step ? SopProfile::branchOn(*step, event) : nullptr;
  if (!branch) return std::nullopt;
  return complete(state, *step, *branch, by, std::max(at, state.enteredAt));
}

TransitionResult CaseStateMachine::complete(const CaseState& state, const Step& step, const Branch& branch, Role by,
                                            const LocalDateTime& at) const {
  CompletedStep done;
  done.step = step.id;
  done.condition = branch.condition;
  done.to = branch.to;
  done.by = by;
  done.enteredAt = state.enteredAt;
  done.completedAt = at;
  done.dueAt = state.dueAt;
  done.workingMinutesTaken = calendar_.workingMinutesBetween(state.enteredAt, at);
  if (state.dueAt) done.workingMinutesLate = std::max<std::int64_t>(0, calendar_.workingMinutesBetween(*state.dueAt, at));

  CaseState next = branch.to == kClosedState ? CaseState{std::string(kClosedState), at, std::nullopt}
                                             : enter(branch.to, at);
  // Still in the run of untimed steps that began at the start: the case's due time carries on.
  if (!next.closed() && !next.dueAt && !step.timeStandard) next.dueAt = state.dueAt;
  return TransitionResult{std::move(next), std::move(done)};
}

}  // namespace naskah::domain::workflow
