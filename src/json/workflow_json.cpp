#include "json/workflow_json.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "domain/common/error.h"
#include "json/letter_json.h"

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace naskah::json {
namespace {

void refuseUnknown(const Object& object, const std::vector<std::string>& known, Violations& v) {
  for (const auto& [key, value] : object)
    if (std::find(known.begin(), known.end(), key) == known.end()) v.add(key, "is not a known field");
}

Poco::Dynamic::Var optionalTime(const std::optional<domain::workflow::LocalDateTime>& t) {
  return t ? Poco::Dynamic::Var(t->toString()) : Poco::Dynamic::Var();
}
Poco::Dynamic::Var optionalText(const std::optional<std::string>& t) {
  return t ? Poco::Dynamic::Var(*t) : Poco::Dynamic::Var();
}

Object::Ptr caseRefJson(const ports::CaseRef& r) {
  Object::Ptr o = new Object;
  o->set("id", r.caseId);
  o->set("letter_id", r.letterId);
  o->set("agenda_number", r.agendaNumber);
  o->set("tracking_code", r.trackingCode);
  o->set("subject", r.subject);
  o->set("received_at", r.receivedAt);
  o->set("channel", std::string(toString(r.channel)));
  o->set("urgency", std::string(toString(r.urgency)));
  o->set("complaint_kind", std::string(toString(r.complaintKind)));
  o->set("scale", std::string(toString(r.scale)));
  o->set("void", r.isVoid);
  return o;
}

Array::Ptr transitionsJson(const std::vector<domain::workflow::Transition>& transitions) {
  Array::Ptr a = new Array;
  for (const auto& t : transitions) {
    Object::Ptr o = new Object;
    o->set("from", t.from);
    o->set("condition", t.condition);
    o->set("label", t.label);
    o->set("to", t.to);
    Array roles;
    for (auto r : t.roles) roles.add(std::string(toString(r)));
    o->set("roles", roles);
    a->add(o);
  }
  return a;
}

Object::Ptr stepJson(const ports::StoredStep& s) {
  Object::Ptr o = new Object;
  o->set("step", s.step.step);
  o->set("condition", s.step.condition);
  o->set("to", s.step.to);
  o->set("by", std::string(toString(s.step.by)));
  o->set("user", s.username);
  o->set("entered_at", s.step.enteredAt.toString());
  o->set("completed_at", s.step.completedAt.toString());
  o->set("due_at", optionalTime(s.step.dueAt));
  o->set("working_minutes_taken", s.step.workingMinutesTaken);
  o->set("working_minutes_late", s.step.workingMinutesLate);
  o->set("note", s.note);
  o->set("audit_sequence", s.auditSequence);
  return o;
}

Object::Ptr countsJson(const std::map<std::string, int>& counts) {
  Object::Ptr o = new Object;
  for (const auto& [k, n] : counts) o->set(k, n);
  return o;
}

}  // namespace

std::string profileAssignmentFromJson(const Object& object) {
  Violations v;
  refuseUnknown(object, {"profile"}, v);
  std::string profile = stringMember(object, "profile", v, true);
  if (v.empty() && profile.empty()) v.add("profile", "is required");
  v.throwIfAny("the profile assignment is not valid");
  return profile;
}

services::TransitionInput transitionFromJson(const Object& object) {
  Violations v;
  refuseUnknown(object, {"from", "condition", "note", "at"}, v);
  services::TransitionInput in;
  in.from = stringMember(object, "from", v, true);
  in.condition = stringMember(object, "condition", v, true);
  in.note = stringMember(object, "note", v, false);
  if (object.has("at") && !object.isNull("at")) in.at = stringMember(object, "at", v, false);
  v.throwIfAny("the transition is not valid");
  return in;
}

services::DispositionInput dispositionFromJson(const Object& object) {
  Violations v;
  refuseUnknown(object, {"to", "instructions", "note", "deadline", "parent"}, v);
  services::DispositionInput in;
  if (!object.has("to") || !object.isArray("to")) {
    v.add("to", "is required: a list of user ids");
  } else {
    auto to = object.getArray("to");
    for (size_t i = 0; i < to->size(); ++i) {
      const auto& value = to->get(i);
      if (!value.isInteger() || value.convert<Poco::Int64>() <= 0)
        v.add("to[" + std::to_string(i) + "]", "must be a user id");
      else
        in.to.push_back(value.convert<Poco::Int64>());
    }
  }
  if (!object.has("instructions") || !object.isArray("instructions")) {
    v.add("instructions", "is required: a list of instructions");
  } else {
    auto list = object.getArray("instructions");
    for (size_t i = 0; i < list->size(); ++i) {
      const auto& value = list->get(i);
      if (!value.isString())
        v.add("instructions[" + std::to_string(i) + "]", "must be a string");
      else
        in.instructions.push_back(value.extract<std::string>());
    }
  }
  in.note = stringMember(object, "note", v, false);
  if (object.has("deadline") && !object.isNull("deadline")) in.deadline = stringMember(object, "deadline", v, false);
  if (object.has("parent") && !object.isNull("parent")) {
    const auto& value = object.get("parent");
    if (!value.isInteger() || value.convert<Poco::Int64>() <= 0)
      v.add("parent", "must be a disposition id");
    else
      in.parentId = value.convert<Poco::Int64>();
  }
  v.throwIfAny("the disposition is not valid");
  return in;
}

Object::Ptr toJson(const services::CaseView& view) {
  Object::Ptr o = caseRefJson(view.ref);
  if (view.state) {
    const auto& s = *view.state;
    o->set("profile", s.profileId);
    o->set("profile_title", view.profileTitle);
    o->set("state", s.state.closed() ? "selesai" : "dalam_proses");
    o->set("step", s.state.step);
    o->set("step_name", view.stepName);
    o->set("step_output", view.stepOutput.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(view.stepOutput));
    o->set("step_output_label", view.stepOutputLabel);
    o->set("entered_at", s.state.enteredAt.toString());
    o->set("due_at", optionalTime(s.state.dueAt));
    o->set("overdue", view.overdue);
    o->set("started_at", s.startedAt);
    o->set("closed_at", optionalText(s.closedAt));
    o->set("case_due_at", optionalTime(view.caseDueAt));
  } else {
    o->set("profile", Poco::Dynamic::Var());
    o->set("state", view.ref.isVoid ? "dibatalkan" : "belum_diproses");
    o->set("step", Poco::Dynamic::Var());
  }
  o->set("transitions", transitionsJson(view.transitions));
  o->set("allowed", transitionsJson(view.allowed));
  Array::Ptr history = new Array;
  for (const auto& s : view.history) history->add(stepJson(s));
  o->set("history", history);
  o->set("dispositions", toJson(view.dispositions));
  return o;
}

Object::Ptr toJson(const ports::DispositionRecord& d) {
  Object::Ptr o = new Object;
  o->set("id", d.id);
  o->set("case_id", d.caseId);
  o->set("letter_id", d.letterId);
  o->set("agenda_number", d.agendaNumber);
  o->set("subject", d.subject);
  o->set("parent", d.parentId ? Poco::Dynamic::Var(*d.parentId) : Poco::Dynamic::Var());
  Object::Ptr from = new Object;
  from->set("id", d.fromUserId);
  from->set("username", d.fromUsername);
  o->set("from", from);
  Object::Ptr to = new Object;
  to->set("id", d.toUserId);
  to->set("username", d.toUsername);
  o->set("to", to);
  Array instructions;
  for (const auto& s : d.instructions) instructions.add(s);
  o->set("instructions", instructions);
  o->set("note", d.note);
  o->set("deadline", d.deadline);
  o->set("created_at", d.createdAt);
  o->set("read_at", optionalText(d.readAt));
  o->set("recalled_at", optionalText(d.recalledAt));
  o->set("passed_on", d.passedOn);
  return o;
}

Array::Ptr toJson(const std::vector<ports::DispositionRecord>& dispositions) {
  Array::Ptr a = new Array;
  for (const auto& d : dispositions) a->add(toJson(d));
  return a;
}

Object::Ptr toJson(const services::Inbox& inbox) {
  Object::Ptr o = new Object;
  o->set("to_act_on", toJson(inbox.toActOn));
  o->set("unread", toJson(inbox.unread));
  o->set("overdue", toJson(inbox.overdue));
  Object::Ptr counts = new Object;
  counts->set("to_act_on", inbox.toActOn.size());
  counts->set("unread", inbox.unread.size());
  counts->set("overdue", inbox.overdue.size());
  o->set("counts", counts);
  return o;
}

Object::Ptr toJson(const std::vector<services::OverdueCase>& overdue) {
  Array::Ptr items = new Array;
  for (const auto& c : overdue) {
    Object::Ptr o = caseRefJson(c.ref);
    o->set("profile", c.state.profileId);
    o->set("step", c.state.state.step);
    o->set("step_name", c.stepName);
    o->set("entered_at", c.state.state.enteredAt.toString());
    o->set("due_at", optionalTime(c.state.state.dueAt));
    o->set("working_minutes_late", c.workingMinutesLate);
    items->add(o);
  }
  Object::Ptr o = new Object;
  o->set("items", items);
  o->set("total", overdue.size());
  return o;
}

Object::Ptr toJson(const services::Recap& recap) {
  Object::Ptr o = new Object;
  o->set("month", recap.month);
  o->set("total", recap.total);
  o->set("by_channel", countsJson(recap.byChannel));
  o->set("by_complaint_kind", countsJson(recap.byComplaintKind));
  o->set("by_scale", countsJson(recap.byScale));
  o->set("by_status", countsJson(recap.byStatus));
  Object::Ptr sla = new Object;
  sla->set("steps_completed", recap.stepsCompleted);
  sla->set("on_time", recap.stepsOnTime);
  sla->set("late", recap.stepsLate);
  int judged = recap.stepsOnTime + recap.stepsLate;
  sla->set("compliance", judged == 0 ? 1.0 : static_cast<double>(recap.stepsOnTime) / judged);
  o->set("sla", sla);
  Array::Ptr profiles = new Array;
  for (const auto& p : recap.profiles) {
    Object::Ptr po = new Object;
    po->set("id", p.profileId);
    po->set("title", p.title);
    po->set("completed", p.sla.completed);
    po->set("on_time", p.sla.onTime);
    po->set("late", p.sla.late);
    po->set("compliance", p.sla.compliance());
    Array::Ptr steps = new Array;
    for (const auto& s : p.sla.steps) {
      if (s.completed == 0) continue;
      Object::Ptr so = new Object;
      so->set("step", s.step);
      so->set("name", s.name);
      so->set("completed", s.completed);
      so->set("on_time", s.onTime);
      so->set("late", s.late);
      so->set("compliance", s.compliance());
      so->set("mean_working_minutes", s.meanWorkingMinutes());
      steps->add(so);
    }
    po->set("steps", steps);
    profiles->add(po);
  }
  o->set("profiles", profiles);
  return o;
}

std::string recapText(const services::Recap& recap) {
  std::ostringstream out;
  auto table = [&](const char* title, const std::map<std::string, int>& counts) {
    out << title << "\n";
    for (const auto& [k, n] : counts) {
      char line[128];
      std::snprintf(line, sizeof line, "  %-20s %6d\n", k.c_str(), n);
      out << line;
    }
  };
  out << "Rekapitulasi " << recap.month << ": " << recap.total << " items\n";
  table("channel", recap.byChannel);
  table("complaint kind", recap.byComplaintKind);
  table("scale", recap.byScale);
  table("status", recap.byStatus);
  out << "SLA: " << recap.stepsCompleted << " steps finished, " << recap.stepsOnTime << " on time, " << recap.stepsLate
      << " late\n";
  for (const auto& p : recap.profiles) {
    char head[256];
    std::snprintf(head, sizeof head, "%s: %d steps, compliance %.0f%%\n", p.profileId.c_str(), p.sla.completed,
                  p.sla.compliance() * 100);
    out << head;
    for (const auto& s : p.sla.steps) {
      if (s.completed == 0) continue;
      char line[256];
      std::snprintf(line, sizeof line, "  %-32s %4d done %4d late  %5.0f%%  mean %.0f min\n", s.step.c_str(),
                    s.completed, s.late, s.compliance() * 100, s.meanWorkingMinutes());
      out << line;
    }
  }
  return out.str();
}

}  // namespace naskah::json
