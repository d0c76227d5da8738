#include "domain/workflow/sop_profile.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

namespace naskah::domain::workflow {
namespace {

constexpr std::array<std::pair<TimeUnit, std::string_view>, 3> kUnits{
    {{TimeUnit::kMinutes, "minutes"}, {TimeUnit::kHours, "hours"}, {TimeUnit::kWorkingDays, "working_days"}}};

// Ids end up in URLs, file names and audit lines: keep them to lower-case ASCII words.
bool isIdentifier(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'; });
}

// Built by appending: GCC 12 warns falsely (-Wrestrict) on "'" + std::string(s) + "'".
std::string quoted(std::string_view s) {
  std::string out(1, '\'');
  out.append(s).push_back('\'');
  return out;
}

std::string indexed(size_t index) {
  std::string out("[");
  out.append(std::to_string(index)).push_back(']');
  return out;
}

std::string stepField(const Step& step, size_t index) {
  return step.id.empty() ? "steps" + indexed(index) : "steps." + step.id;
}

void checkTimeStandard(const std::optional<TimeStandard>& standard, const std::string& field, Violations& v) {
  if (standard && standard->amount <= 0)
    v.add(field, "must be positive (leave it out where the SOP gives no time), not " +
                     std::to_string(standard->amount));
}

void checkOutput(const std::string& output, const std::string& field, const std::vector<std::string>& known,
                 Violations& v) {
  if (output.empty() || known.empty()) return;
  if (std::find(known.begin(), known.end(), output) != known.end()) return;
  std::string names;
  for (const auto& k : known) names += (names.empty() ? "" : ", ") + k;
  v.add(field, quoted(output) + " is not a document template (known: " + names + ")");
}

void checkRoles(const SopProfile& p, Violations& v) {
  std::set<std::string> seen;
  for (size_t i = 0; i < p.roles.size(); ++i) {
    const auto& mapping = p.roles[i];
    std::string field = "roles." + (mapping.officeRole.empty() ? indexed(i) : mapping.officeRole);
    if (mapping.officeRole.empty()) v.add(field, "has no office role name");
    if (!seen.insert(mapping.officeRole).second) v.add(field, "is listed twice");
    for (const auto& name : mapping.naskahRoles) {
      auto role = parseRole(name);
      if (!role)
        v.add(field, quoted(name) + " is not a Naskah role (one of: " + allRoleNames() + ")");
      else if (*role == Role::kAuditor || *role == Role::kAdmin)
        v.add(field, quoted(name) + " only reads or configures; it cannot perform an SOP step");
    }
  }
}

// An office role reference: the name must be mapped.
bool checkRoleName(const SopProfile& p, const std::string& name, const std::string& field, Violations& v) {
  if (name.empty()) {
    v.add(field, "is required (an office role name from roles)");
    return false;
  }
  for (const auto& mapping : p.roles)
    if (mapping.officeRole == name) return true;
  v.add(field, quoted(name) + " is not an office role of this profile (add it to roles)");
  return false;
}

// An event must be one Naskah raises, and take one branch of a step at most: otherwise the
// event could not tell which way the case goes.
void checkEvent(const Step& step, size_t index, const std::string& field, Violations& v) {
  const std::string& event = step.next[index].event;
  if (event.empty()) return;
  const auto& known = knownEvents();
  if (std::find(known.begin(), known.end(), event) == known.end()) {
    std::string names;
    for (auto k : known) names += (names.empty() ? "" : ", ") + std::string(k);
    v.add(field, quoted(event) + " is not an event Naskah raises (known: " + names + ")");
    return;
  }
  for (size_t b = 0; b < index; ++b)
    if (step.next[b].event == event)
      v.add(field, quoted(event) + " already takes branch " + quoted(step.next[b].condition));
}

void checkSteps(const SopProfile& p, Violations& v, const std::vector<std::string>& templates) {
  if (p.steps.empty()) v.add("steps", "has no step");
  std::set<std::string> ids;
  for (size_t i = 0; i < p.steps.size(); ++i) {
    const Step& s = p.steps[i];
    std::string field = stepField(s, i);
    if (!isIdentifier(s.id))
      v.add(field + ".id", "must be a lower-case identifier (a-z, 0-9, _ and -), not " + quoted(s.id));
    else if (s.id == kClosedState)
      v.add(field + ".id", quoted(kClosedState) + " is reserved for the closed case");
    else if (!ids.insert(s.id).second)
      v.add(field + ".id", "is used by another step");
    if (s.name.empty()) v.add(field + ".name", "is required (the SOP's activity)");
    bool performerKnown = checkRoleName(p, s.performer, field + ".performer", v);
    for (const auto& r : s.recordedBy) checkRoleName(p, r, field + ".recorded_by", v);
    if (performerKnown && p.rolesFor(s).empty())
      v.add(field + ".performer", quoted(s.performer) +
                                      " maps to no Naskah role, so nobody could take this step: add recorded_by");
    checkTimeStandard(s.timeStandard, field + ".time_standard", v);
    checkOutput(s.output, field + ".output", templates, v);
    if (s.next.empty())
      v.add(field + ".next", "is empty: a step needs a way out (a next step, or " + quoted(kClosedState) + ")");
    std::set<std::string> conditions;
    for (size_t b = 0; b < s.next.size(); ++b) {
      const Branch& branch = s.next[b];
      std::string bf = field + ".next" + indexed(b);
      if (!isIdentifier(branch.condition))
        v.add(bf + ".condition", "must be a lower-case identifier, not " + quoted(branch.condition));
      else if (!conditions.insert(branch.condition).second)
        v.add(bf + ".condition", quoted(branch.condition) + " is used twice in this step");
      if (branch.label.empty()) v.add(bf + ".label", "is required (what the user chooses)");
      if (branch.to != kClosedState && !p.findStep(branch.to))
        v.add(bf + ".to", quoted(branch.to) + " is not a step of this profile (nor " + quoted(kClosedState) + ")");
      checkEvent(s, b, bf + ".event", v);
    }
  }
}

void checkEntries(const SopProfile& p, Violations& v) {
  if (p.entries.empty()) v.add("entries", "has no entry: say which channels start a case at which step");
  std::set<std::string> ids;
  std::map<std::string, std::string> channelOwner;
  for (size_t i = 0; i < p.entries.size(); ++i) {
    const Entry& e = p.entries[i];
    std::string field = "entries." + (e.id.empty() ? indexed(i) : e.id);
    if (!isIdentifier(e.id)) v.add(field + ".id", "must be a lower-case identifier, not " + quoted(e.id));
    else if (!ids.insert(e.id).second) v.add(field + ".id", "is used by another entry");
    if (e.channels.empty()) v.add(field + ".channels", "is empty");
    for (const auto& c : e.channels) {
      if (!parseChannel(c))
        v.add(field + ".channels", quoted(c) + " is not a channel (one of: " + allChannelNames() + ")");
      else if (auto [it, fresh] = channelOwner.emplace(c, e.id); !fresh)
        v.add(field + ".channels", quoted(c) + " is taken by entry " + quoted(it->second) + " already");
    }
    if (!p.findStep(e.step)) v.add(field + ".step", quoted(e.step) + " is not a step of this profile");
  }
}

// Reachability both ways: from the entries forward, and from the closing backward.
void checkGraph(const SopProfile& p, Violations& v) {
  bool anyFinal = std::any_of(p.steps.begin(), p.steps.end(), [&](const Step& s) { return p.isFinal(s); });
  if (!p.steps.empty() && !anyFinal)
    v.add("steps", "no step closes the case: at least one needs a branch to " + quoted(kClosedState));

  std::set<std::string> reached;
  std::vector<std::string> work;
  for (const auto& e : p.entries)
    if (p.findStep(e.step) && reached.insert(e.step).second) work.push_back(e.step);
  while (!work.empty()) {
    const Step* s = p.findStep(work.back());
    work.pop_back();
    for (const auto& b : s->next)
      if (p.findStep(b.to) && reached.insert(b.to).second) work.push_back(b.to);
  }

  std::set<std::string> closes;  // steps from which the case can reach kClosedState
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& s : p.steps) {
      if (s.id.empty() || closes.count(s.id)) continue;
      for (const auto& b : s.next)
        if (b.to == kClosedState || closes.count(b.to)) {
          closes.insert(s.id);
          grew = true;
          break;
        }
    }
  }

  for (size_t i = 0; i < p.steps.size(); ++i) {
    const Step& s = p.steps[i];
    if (s.id.empty()) continue;
    if (!p.entries.empty() && !reached.count(s.id))
      v.add(stepField(s, i), "is unreachable: no entry leads to it");
    if (anyFinal && !closes.count(s.id))
      v.add(stepField(s, i), "can never close the case: every way from it loops back without reaching " +
                                 quoted(kClosedState));
  }
}

void checkPeriodicTasks(const SopProfile& p, Violations& v, const std::vector<std::string>& templates) {
  std::set<std::string> ids;
  for (size_t i = 0; i < p.periodicTasks.size(); ++i) {
    const auto& t = p.periodicTasks[i];
    std::string field = "periodic_tasks." + (t.id.empty() ? indexed(i) : t.id);
    if (!isIdentifier(t.id)) v.add(field + ".id", "must be a lower-case identifier, not " + quoted(t.id));
    else if (!ids.insert(t.id).second) v.add(field + ".id", "is used by another periodic task");
    if (t.name.empty()) v.add(field + ".name", "is required");
    checkRoleName(p, t.performer, field + ".performer", v);
    if (t.period != "bulanan") v.add(field + ".period", quoted(t.period) + " is not a period (one of: bulanan)");
    checkTimeStandard(t.timeStandard, field + ".time_standard", v);
    checkOutput(t.output, field + ".output", templates, v);
  }
}

}  // namespace

const std::vector<std::string_view>& knownEvents() {
  static const std::vector<std::string_view> kEvents{kReplyDispatchedEvent};
  return kEvents;
}

std::string_view toString(TimeUnit unit) {
  for (const auto& [u, name] : kUnits)
    if (u == unit) return name;
  return "";
}

std::optional<TimeUnit> parseTimeUnit(std::string_view name) {
  for (const auto& [u, n] : kUnits)
    if (n == name) return u;
  return std::nullopt;
}

std::string describe(const TimeStandard& standard) {
  std::string amount = std::to_string(standard.amount);
  switch (standard.unit) {
    case TimeUnit::kMinutes: return amount + " menit";
    case TimeUnit::kHours: return amount + " jam";
    case TimeUnit::kWorkingDays: return amount + " hari kerja";
  }
  return amount;
}

LocalDateTime dueFrom(const WorkingCalendar& calendar, const LocalDateTime& start, const TimeStandard& standard) {
  switch (standard.unit) {
    case TimeUnit::kMinutes: return calendar.addWorkingMinutes(start, standard.amount);
    case TimeUnit::kHours: return calendar.addWorkingHours(start, standard.amount);
    case TimeUnit::kWorkingDays: return calendar.addWorkingDays(start, static_cast<int>(standard.amount));
  }
  return start;
}

const Step* SopProfile::findStep(std::string_view stepId) const {
  for (const auto& s : steps)
    if (s.id == stepId) return &s;
  return nullptr;
}

const Entry* SopProfile::entryFor(Channel channel) const {
  std::string_view name = toString(channel);
  for (const auto& e : entries)
    if (std::find(e.channels.begin(), e.channels.end(), name) != e.channels.end()) return &e;
  return nullptr;
}

std::vector<Role> SopProfile::rolesOf(std::string_view officeRole) const {
  std::vector<Role> out;
  for (const auto& mapping : roles) {
    if (mapping.officeRole != officeRole) continue;
    for (const auto& name : mapping.naskahRoles)
      if (auto role = parseRole(name); role && std::find(out.begin(), out.end(), *role) == out.end())
        out.push_back(*role);
  }
  return out;
}

std::vector<Role> SopProfile::rolesFor(const Step& step) const {
  std::vector<Role> out = rolesOf(step.performer);
  for (const auto& r : step.recordedBy)
    for (Role role : rolesOf(r))
      if (std::find(out.begin(), out.end(), role) == out.end()) out.push_back(role);
  return out;
}

bool SopProfile::isFinal(const Step& step) const {
  return std::any_of(step.next.begin(), step.next.end(), [](const Branch& b) { return b.to == kClosedState; });
}

const Branch* SopProfile::branchOn(const Step& step, std::string_view event) {
  if (event.empty()) return nullptr;
  for (const auto& b : step.next)
    if (b.event == event) return &b;
  return nullptr;
}

std::string_view scaleCondition(Scale scale) {
  switch (scale) {
    case Scale::kSmall: return "skala_kecil";
    case Scale::kMedium: return "skala_menengah";
    case Scale::kLarge: return "skala_besar";
    case Scale::kGeneral: return "umum";
  }
  return "";
}

bool isScaleCondition(std::string_view condition) {
  for (Scale scale : {Scale::kSmall, Scale::kMedium, Scale::kLarge, Scale::kGeneral})
    if (condition == scaleCondition(scale)) return true;
  return false;
}

void collectViolations(const SopProfile& p, Violations& v, const std::vector<std::string>& knownTemplates) {
  if (!isIdentifier(p.id)) v.add("id", "must be a lower-case identifier (a-z, 0-9, _ and -), not " + quoted(p.id));
  if (p.title.empty()) v.add("title", "is required");
  checkTimeStandard(p.totalTimeStandard, "time_standard", v);
  checkRoles(p, v);
  checkSteps(p, v, knownTemplates);
  checkEntries(p, v);
  checkGraph(p, v);
  checkPeriodicTasks(p, v, knownTemplates);
}

void validate(const SopProfile& p, std::string_view source, const std::vector<std::string>& knownTemplates) {
  Violations v;
  collectViolations(p, v, knownTemplates);
  v.throwIfAny("SOP profile " + std::string(source));
}

}  // namespace naskah::domain::workflow
