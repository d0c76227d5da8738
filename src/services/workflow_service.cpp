#include "services/workflow_service.h"

#include <algorithm>
#include <set>

#include "domain/common/error.h"
#include "domain/workflow/disposition.h"

namespace naskah::services {

using domain::Actor;
using domain::Role;
using domain::workflow::CaseStateMachine;
using domain::workflow::LocalDateTime;

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

constexpr std::initializer_list<Role> kReaders{Role::kRegistrar, Role::kHead,    Role::kManager, Role::kSupervisor,
                                               Role::kOfficer,   Role::kAuditor, Role::kAdmin};
constexpr std::size_t kMaxInstructions = 20, kMaxInstructionChars = 200, kMaxNoteChars = 2000, kMaxRecipients = 50;

std::string caseObject(std::int64_t caseId) { return std::to_string(caseId); }

// "2026-06-05T16:00" as given, or "2026-06-05" as the last minute of that day.
std::optional<LocalDateTime> parseDeadline(const std::string& text) {
  if (auto t = LocalDateTime::parse(text)) return t;
  if (auto d = domain::workflow::parseDate(text)) return LocalDateTime(*d, 23 * 60 + 59);
  return std::nullopt;
}

void checkNote(const std::string& note, Violations& v) {
  if (note.size() > kMaxNoteChars) v.add("note", "must be at most " + std::to_string(kMaxNoteChars) + " characters");
}

}  // namespace

WorkflowService::WorkflowService(ports::WorkflowRepository& workflow, ports::UserRepository& users,
                                 const ports::Clock& clock, std::vector<domain::workflow::SopProfile> profiles,
                                 domain::workflow::WorkingCalendar calendar, std::vector<std::string> defaultProfiles)
    : workflow_(workflow),
      users_(users),
      clock_(clock),
      profiles_(std::move(profiles)),
      calendar_(std::move(calendar)),
      defaultProfiles_(std::move(defaultProfiles)) {
  for (const auto& p : profiles_) machines_[p.id] = std::make_unique<CaseStateMachine>(p, calendar_);
  Violations v;
  for (const auto& id : defaultProfiles_)
    if (!machines_.count(id)) v.add("workflow.default_profile", "names no loaded profile: \"" + id + "\"");
  v.throwIfAny("the workflow settings are not valid");
}

void WorkflowService::setStandardInstructions(std::vector<std::string> instructions) {
  Violations v;
  if (instructions.empty()) v.add("disposition.instructions", "names no instruction");
  for (const auto& instruction : instructions)
    if (instruction.empty() || instruction.size() > kMaxInstructionChars)
      v.add("disposition.instructions", "has an empty or over-long item: \"" + instruction + "\"");
  v.throwIfAny("the disposition settings are not valid");
  standardInstructions_ = std::move(instructions);
}

const CaseStateMachine& WorkflowService::machine(const std::string& profileId) const {
  auto it = machines_.find(profileId);
  if (it == machines_.end())
    throw Error(ErrorCode::kFailedPrecondition, "SOP profile \"" + profileId + "\" is no longer loaded");
  return *it->second;
}

const CaseStateMachine* WorkflowService::defaultMachineFor(domain::Channel channel) const {
  for (const auto& id : defaultProfiles_) {
    const auto& m = *machines_.at(id);
    if (m.profile().entryFor(channel)) return &m;
  }
  return nullptr;
}

LocalDateTime WorkflowService::now() const { return LocalDateTime::fromString(clock_.nowOffice()); }

ports::CaseRow WorkflowService::mustFindCase(const Actor& actor, std::int64_t caseId) {
  auto row = workflow_.findCase(actor.officeId, caseId);
  if (!row) throw Error(ErrorCode::kNotFound, "case " + std::to_string(caseId) + " does not exist");
  return *row;
}

// A case starts when its item was received: the first step's time counts from there.
ports::CaseStart WorkflowService::startOf(const ports::CaseRef& ref, const CaseStateMachine& m,
                                          const std::string& actor, const std::string& how) const {
  ports::CaseStart start;
  start.caseId = ref.caseId;
  start.state.profileId = m.profile().id;
  start.state.state = m.start(ref.channel, LocalDateTime::fromString(ref.receivedAt));
  start.state.startedAt = start.state.state.enteredAt.toString();
  start.audit = {actor, "workflow.start", "case", caseObject(ref.caseId),
                 {{"profile", "", m.profile().id}, {"step", "", start.state.state.step}}, how};
  return start;
}

void WorkflowService::startPending(std::int64_t officeId) {
  std::vector<ports::CaseStart> starts;
  for (const auto& ref : workflow_.unstartedCases(officeId)) {
    if (ref.isVoid) continue;
    if (const auto* m = defaultMachineFor(ref.channel))
      starts.push_back(startOf(ref, *m, "naskah", "default profile for channel " + std::string(toString(ref.channel))));
  }
  if (!starts.empty()) workflow_.startCases(starts, false);
}

CaseView WorkflowService::viewOf(const Actor& actor, const ports::CaseRow& row) {
  CaseView view;
  view.ref = row.ref;
  view.state = row.state;
  view.history = workflow_.history(row.ref.caseId);
  view.dispositions = workflow_.dispositionsOfCase(row.ref.caseId);
  if (!row.state) return view;
  const auto& m = machine(row.state->profileId);
  view.profileTitle = m.profile().title;
  const auto& state = row.state->state;
  if (const auto* step = m.profile().findStep(state.step)) {
    view.stepName = step->name;
    view.stepOutput = step->output;
    view.stepOutputLabel = step->outputLabel;
  }
  view.overdue = !row.ref.isVoid && m.isOverdue(state, now());
  view.caseDueAt = m.caseDueAt(LocalDateTime::fromString(row.state->startedAt));
  if (!row.ref.isVoid) {
    view.transitions = m.transitions(state);
    view.allowed = m.allowedTransitions(state, actor.role);
    // A scale-routed step offers only the route of the registered scale.
    std::erase_if(view.allowed, [&](const domain::workflow::Transition& t) {
      return domain::workflow::isScaleCondition(t.condition) &&
             t.condition != domain::workflow::scaleCondition(row.ref.scale);
    });
  }
  return view;
}

CaseView WorkflowService::caseView(const Actor& actor, std::int64_t caseId) {
  domain::requireRole(actor, kReaders, "read a case");
  auto row = mustFindCase(actor, caseId);
  if (!row.state && !row.ref.isVoid) {
    if (const auto* m = defaultMachineFor(row.ref.channel)) {
      workflow_.startCases({startOf(row.ref, *m, "naskah", "default profile for channel " +
                                                               std::string(toString(row.ref.channel)))},
                           false);
      row = mustFindCase(actor, caseId);
    }
  }
  return viewOf(actor, row);
}

CaseView WorkflowService::assignProfile(const Actor& actor, std::int64_t caseId, const std::string& profileId) {
  domain::requireRole(actor, {Role::kRegistrar, Role::kAdmin}, "assign an SOP profile to a case");
  auto row = mustFindCase(actor, caseId);
  auto it = machines_.find(profileId);
  if (it == machines_.end()) {
    std::string known;
    for (const auto& p : profiles_) known += (known.empty() ? "" : ", ") + p.id;
    throw Error(ErrorCode::kInvalidArgument, "unknown SOP profile \"" + profileId.substr(0, 80) + "\"",
                {{"profile", "must be one of: " + known}});
  }
  if (row.ref.isVoid) throw Error(ErrorCode::kFailedPrecondition, "case " + std::to_string(caseId) + " is void");
  workflow_.startCases({startOf(row.ref, *it->second, actor.username, "assigned")}, true);
  return viewOf(actor, mustFindCase(actor, caseId));
}

CaseView WorkflowService::transition(const Actor& actor, std::int64_t caseId, const TransitionInput& input) {
  domain::requireRole(actor, kReaders, "move a case");
  Violations v;
  if (input.from.empty()) v.add("from", "is required: the step the case is at");
  if (input.condition.empty()) v.add("condition", "is required: the way out of the step");
  checkNote(input.note, v);
  LocalDateTime current = now(), at = current;
  if (input.at) {
    if (auto parsed = LocalDateTime::parse(*input.at)) {
      at = *parsed;
      if (at > current) v.add("at", "is in the future (now is " + current.toString() + ")");
    } else {
      v.add("at", "must be an office time like 2026-06-02T09:30");
    }
  }
  v.throwIfAny("the transition is not valid");

  auto row = caseView(actor, caseId);  // starts a defaulted case
  if (row.ref.isVoid) throw Error(ErrorCode::kFailedPrecondition, "case " + std::to_string(caseId) + " is void");
  if (!row.state)
    throw Error(ErrorCode::kFailedPrecondition,
                "case " + std::to_string(caseId) + " follows no SOP profile yet; the registrar assigns one");
  const auto& m = machine(row.state->profileId);
  auto result = m.apply(row.state->state, {input.from, input.condition}, actor.role, at);
  std::string_view registeredRoute = domain::workflow::scaleCondition(row.ref.scale);
  if (domain::workflow::isScaleCondition(input.condition) && input.condition != registeredRoute)
    throw Error(ErrorCode::kFailedPrecondition,
                "the item is registered as skala " + std::string(toString(row.ref.scale)) + ": its route is '" +
                    std::string(registeredRoute) + "', not '" + input.condition +
                    "' (correct the registered scale first to route it otherwise)");

  ports::StoredStep step;
  step.caseId = caseId;
  step.profileId = row.state->profileId;
  step.step = result.completed;
  step.userId = actor.userId;
  step.username = actor.username;
  step.note = input.note;
  ports::AuditEntry audit{actor.username, "workflow.transition", "case", caseObject(caseId),
                          {{"step", input.from, result.state.step}, {"condition", "", input.condition}}, input.note};
  if (at != current) audit.changes.push_back({"done_at", "", at.toString()});
  workflow_.recordTransition(caseId, row.state->state, result.state, step, audit);
  return viewOf(actor, mustFindCase(actor, caseId));
}

std::optional<ports::CaseAdvance> WorkflowService::advanceOn(const Actor& actor, std::int64_t caseId,
                                                             std::string_view event, const std::string& why) {
  auto row = workflow_.findCase(actor.officeId, caseId);
  if (!row || row->ref.isVoid || !row->state) return std::nullopt;
  auto it = machines_.find(row->state->profileId);
  if (it == machines_.end()) return std::nullopt;
  const auto& from = row->state->state;
  auto result = it->second->applyEvent(from, event, actor.role, now());
  if (!result) return std::nullopt;

  ports::CaseAdvance advance;
  advance.caseId = caseId;
  advance.expected = from;
  advance.next = result->state;
  advance.step.caseId = caseId;
  advance.step.profileId = row->state->profileId;
  advance.step.step = result->completed;
  advance.step.userId = actor.userId;
  advance.step.username = actor.username;
  advance.step.note = why;
  advance.audit = {actor.username, "workflow.transition", "case", caseObject(caseId),
                   {{"step", from.step, result->state.step},
                    {"condition", "", result->completed.condition},
                    {"event", "", std::string(event)}},
                   why};
  return advance;
}

std::vector<OverdueCase> WorkflowService::overdue(const Actor& actor) {
  domain::requireRole(actor, kReaders, "list overdue cases");
  startPending(actor.officeId);
  auto current = now();
  std::vector<OverdueCase> out;
  for (auto& row : workflow_.overdueCases(actor.officeId, current.toString())) {
    if (!machines_.count(row.state->profileId)) continue;
    const auto& m = machine(row.state->profileId);
    OverdueCase c;
    c.ref = row.ref;
    c.state = *row.state;
    if (const auto* step = m.profile().findStep(c.state.state.step)) c.stepName = step->name;
    c.workingMinutesLate = calendar_.workingMinutesBetween(*c.state.state.dueAt, current);
    out.push_back(c);
  }
  return out;
}

std::vector<ports::DispositionRecord> WorkflowService::dispose(const Actor& actor, std::int64_t caseId,
                                                               const DispositionInput& input) {
  domain::requireRole(actor, {Role::kHead, Role::kManager, Role::kSupervisor}, "send a disposition");
  Violations v;
  if (input.to.empty()) v.add("to", "names no recipient");
  if (input.to.size() > kMaxRecipients) v.add("to", "has more than " + std::to_string(kMaxRecipients) + " recipients");
  std::set<std::int64_t> seen;
  std::vector<domain::User> recipients;
  for (size_t i = 0; i < input.to.size(); ++i) {
    std::string field = "to[" + std::to_string(i) + "]";
    auto id = input.to[i];
    if (!seen.insert(id).second) {
      v.add(field, "names user " + std::to_string(id) + " twice");
      continue;
    }
    auto user = users_.findUser(id);
    if (!user || user->officeId != actor.officeId || !user->isActive) {
      v.add(field, "user " + std::to_string(id) + " does not exist in this office");
      continue;
    }
    if (user->id == actor.userId) v.add(field, "is the sender");
    recipients.push_back(*user);
  }
  if (input.instructions.empty()) v.add("instructions", "names no instruction");
  if (input.instructions.size() > kMaxInstructions)
    v.add("instructions", "has more than " + std::to_string(kMaxInstructions) + " items");
  std::vector<std::string> instructions;
  for (size_t i = 0; i < input.instructions.size(); ++i) {
    const auto& s = input.instructions[i];
    std::string field = "instructions[" + std::to_string(i) + "]";
    if (s.find_first_not_of(" \t") == std::string::npos) v.add(field, "is empty");
    else if (s.size() > kMaxInstructionChars) v.add(field, "must be at most 200 characters");
    else if (s.find_first_of("\r\n") != std::string::npos) v.add(field, "must be one line");
    else if (auto standard = domain::workflow::standardInstruction(standardInstructions_, s))
      instructions.push_back(*standard);
    else
      v.add(field, "\"" + s + "\" is not one of the office's standard instructions (" +
                       joined(standardInstructions_) + "); write anything else in the note");
  }
  checkNote(input.note, v);
  std::optional<LocalDateTime> deadline;
  if (input.deadline) {
    deadline = parseDeadline(*input.deadline);
    if (!deadline) v.add("deadline", "must be an office time like 2026-06-05T16:00 or a date like 2026-06-05");
  }
  v.throwIfAny("the disposition is not valid");

  for (const auto& user : recipients)
    if (!domain::workflow::mayDispose(actor.role, user.role))
      throw Error(ErrorCode::kPermissionDenied,
                  "a " + std::string(toString(actor.role)) + " may not dispose to " + user.username + " (" +
                      std::string(toString(user.role)) + "): dispositions go down head → manager → supervisor → officer");

  auto row = mustFindCase(actor, caseId);
  if (row.ref.isVoid) throw Error(ErrorCode::kFailedPrecondition, "case " + std::to_string(caseId) + " is void");
  if (row.state && row.state->state.closed())
    throw Error(ErrorCode::kFailedPrecondition, "case " + std::to_string(caseId) + " is closed");
  std::optional<LocalDateTime> parentDeadline;
  if (input.parentId) {
    auto parent = workflow_.findDisposition(actor.officeId, *input.parentId);
    if (!parent || parent->caseId != caseId)
      throw Error(ErrorCode::kInvalidArgument, "the parent disposition is not one of this case",
                  {{"parent", "disposition " + std::to_string(*input.parentId) + " is not one of case " +
                                  std::to_string(caseId)}});
    if (parent->toUserId != actor.userId)
      throw Error(ErrorCode::kPermissionDenied, "disposition " + std::to_string(parent->id) +
                                                    " is addressed to " + parent->toUsername + ", not to you");
    if (parent->recalledAt)
      throw Error(ErrorCode::kFailedPrecondition, "disposition " + std::to_string(parent->id) + " was recalled");
    parentDeadline = LocalDateTime::parse(parent->deadline);
  }

  auto current = now();
  if (!deadline) {
    // From the time standard of the step the case stands at, counted from now on the calendar;
    // without one, the urgency's default; never later than the disposition passed on.
    const domain::workflow::Step* step = nullptr;
    if (row.state && machines_.count(row.state->profileId))
      step = machine(row.state->profileId).profile().findStep(row.state->state.step);
    if (step && step->timeStandard)
      deadline = domain::workflow::dueFrom(calendar_, current, *step->timeStandard);
    else
      deadline = calendar_.addWorkingDays(
          current, domain::workflow::defaultDispositionWorkingDays(std::string(toString(row.ref.urgency))));
    if (parentDeadline && *parentDeadline < *deadline) deadline = parentDeadline;
  }

  ports::NewDisposition d;
  d.caseId = caseId;
  d.letterId = row.ref.letterId;
  d.parentId = input.parentId;
  d.fromUserId = actor.userId;
  d.toUserIds = input.to;
  d.instructions = instructions;
  d.note = input.note;
  d.deadline = deadline->toString();
  d.createdAt = current.toString();
  std::string toNames;
  for (const auto& u : recipients) toNames += (toNames.empty() ? "" : ", ") + u.username;
  ports::AuditEntry audit{actor.username, input.parentId ? "disposition.redispose" : "disposition.send", "disposition",
                          "", {{"case", "", std::to_string(caseId)}, {"to", "", toNames}, {"deadline", "", d.deadline}},
                          input.note};
  return workflow_.addDispositions(d, audit);
}

ports::DispositionRecord WorkflowService::markRead(const Actor& actor, std::int64_t id) {
  auto d = workflow_.findDisposition(actor.officeId, id);
  if (!d) throw Error(ErrorCode::kNotFound, "disposition " + std::to_string(id) + " does not exist");
  if (d->toUserId != actor.userId)
    throw Error(ErrorCode::kPermissionDenied, "only its recipient (" + d->toUsername + ") confirms reading disposition " +
                                                  std::to_string(id));
  return workflow_.markRead(id, now().toString(),
                            {actor.username, "disposition.read", "disposition", std::to_string(id), {}, ""});
}

ports::DispositionRecord WorkflowService::recall(const Actor& actor, std::int64_t id) {
  auto d = workflow_.findDisposition(actor.officeId, id);
  if (!d) throw Error(ErrorCode::kNotFound, "disposition " + std::to_string(id) + " does not exist");
  if (d->fromUserId != actor.userId)
    throw Error(ErrorCode::kPermissionDenied, "only its sender (" + d->fromUsername + ") recalls disposition " +
                                                  std::to_string(id));
  return workflow_.recall(id, now().toString(),
                          {actor.username, "disposition.recall", "disposition", std::to_string(id), {}, ""});
}

Inbox WorkflowService::inbox(const Actor& actor) {
  domain::requireRole(actor, kReaders, "read an inbox");
  std::string current = now().toString();
  Inbox inbox;
  for (const auto& d : workflow_.dispositionsTo(actor.userId)) {
    if (!d.readAt) inbox.unread.push_back(d);
    if (d.passedOn) continue;
    inbox.toActOn.push_back(d);
    if (d.deadline < current) inbox.overdue.push_back(d);
  }
  return inbox;
}

Recap WorkflowService::recap(const Actor& actor, const std::string& month) {
  domain::requireRole(actor, {Role::kRegistrar, Role::kHead, Role::kManager, Role::kSupervisor, Role::kAuditor,
                              Role::kAdmin},
                      "read the monthly recap");
  auto first = domain::workflow::parseDate(month + "-01");
  if (month.size() != 7 || !first)
    throw Error(ErrorCode::kInvalidArgument, "the month is not valid", {{"month", "must be like 2026-11"}});
  std::chrono::year_month_day ymd{*first};
  auto next = std::chrono::sys_days{ymd + std::chrono::months{1}};
  std::string from = domain::workflow::toIsoString(*first) + "T00:00:00";
  std::string to = domain::workflow::toIsoString(next) + "T00:00:00";
  startPending(actor.officeId);

  Recap recap;
  recap.month = month;
  for (const auto& row : workflow_.casesReceivedBetween(actor.officeId, from, to)) {
    ++recap.total;
    ++recap.byChannel[std::string(toString(row.ref.channel))];
    ++recap.byComplaintKind[std::string(toString(row.ref.complaintKind))];
    ++recap.byScale[std::string(toString(row.ref.scale))];
    std::string status = row.ref.isVoid              ? "dibatalkan"
                         : !row.state                ? "belum_diproses"
                         : row.state->state.closed() ? "selesai"
                                                     : "dalam_proses";
    ++recap.byStatus[status];
  }
  std::map<std::string, std::vector<domain::workflow::CompletedStep>> byProfile;
  for (const auto& s : workflow_.stepsCompletedBetween(actor.officeId, from, to)) byProfile[s.profileId].push_back(s.step);
  for (const auto& p : profiles_) {
    auto it = byProfile.find(p.id);
    if (it == byProfile.end()) continue;
    ProfileRecap pr{p.id, p.title, domain::workflow::summarizeSla(p, it->second)};
    recap.stepsCompleted += pr.sla.completed;
    recap.stepsOnTime += pr.sla.onTime;
    recap.stepsLate += pr.sla.late;
    recap.profiles.push_back(std::move(pr));
  }
  return recap;
}

}  // namespace naskah::services
