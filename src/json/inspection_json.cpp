#include "json/inspection_json.h"

#include <algorithm>

#include "Poco/JSON/Array.h"
#include "json/letter_json.h"
#include "json/outgoing_letter_json.h"

namespace naskah::json {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// The domain's rules for what the reader took, leaving out fields the reader named already (a
// mistyped value is not "required" as well).
template <typename T>
void addDomainProblems(const T& value, Violations& v) {
  Violations domain;
  domain::inspection::collectViolations(value, domain);
  for (const auto& p : domain.items()) {
    bool named = std::any_of(v.items().begin(), v.items().end(), [&](const FieldViolation& f) {
      return f.field == p.field || p.field.rfind(f.field + ".", 0) == 0;
    });
    if (!named) v.add(p.field, p.message);
  }
}

void rejectUnknown(const Object& object, const std::vector<std::string>& known, const std::string& prefix,
                   Violations& v) {
  for (const auto& [key, value] : object)
    if (std::find(known.begin(), known.end(), key) == known.end())
      v.add(prefix + key, "is not a field of a field inspection");
}

Object::Ptr reportJson(const domain::inspection::InspectionReport& r) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("started_at", r.startedAt);
  o->set("finished_at", r.finishedAt);
  Array findings;
  for (const auto& f : r.findings) {
    Object row(Poco::JSON_PRESERVE_KEY_ORDER);
    row.set("description", f.description);
    row.set("remark", f.remark);
    findings.add(row);
  }
  o->set("findings", findings);
  o->set("mediation", r.mediation);
  Array recommendations;
  for (const auto& text : r.recommendations) recommendations.add(text);
  o->set("recommendations", recommendations);
  return o;
}

}  // namespace

domain::inspection::InspectionAssignment inspectionAssignmentFromJson(const Object& object) {
  Violations v;
  rejectUnknown(object, {"officers", "scheduled_at", "place", "instructions"}, "", v);
  domain::inspection::InspectionAssignment a;
  if (!object.has("officers") || object.isNull("officers")) {
    // Left to the domain's rule: "names no officer".
  } else if (auto list = object.getArray("officers")) {
    for (size_t i = 0; i < list->size(); ++i) {
      const auto& item = list->get(static_cast<unsigned>(i));
      // A bad item keeps its place (as 0), so that the domain's officers[i] is the same i.
      if (item.isInteger()) a.officerIds.push_back(item.convert<std::int64_t>());
      else {
        a.officerIds.push_back(0);
        v.add("officers[" + std::to_string(i) + "]", "must be a user id (a whole number)");
      }
    }
  } else {
    v.add("officers", "must be a list of user ids");
  }
  a.scheduledAt = stringMember(object, "scheduled_at", v, false);
  a.place = stringMember(object, "place", v, false);
  a.instructions = stringMember(object, "instructions", v, false);
  addDomainProblems(a, v);
  v.throwIfAny("the inspection assignment is not valid");
  return a;
}

ReportInput inspectionReportFromJson(const Object& object) {
  Violations v;
  rejectUnknown(object, {"started_at", "finished_at", "findings", "mediation", "recommendations", "version"}, "", v);
  ReportInput in;
  auto& r = in.report;
  r.startedAt = stringMember(object, "started_at", v, false);
  r.finishedAt = stringMember(object, "finished_at", v, false);
  if (!object.has("findings") || object.isNull("findings")) {
    // Left to the domain's rule: "has no row".
  } else if (auto list = object.getArray("findings")) {
    for (size_t i = 0; i < list->size(); ++i) {
      std::string field = "findings[" + std::to_string(i) + "]";
      auto row = list->getObject(static_cast<unsigned>(i));
      if (!row) {
        v.add(field, "must be an object {\"description\", \"remark\"}");
        r.findings.emplace_back();  // keeps the places of the rows after it
        continue;
      }
      rejectUnknown(*row, {"description", "remark"}, field + ".", v);
      Violations rowProblems;
      domain::inspection::Finding finding;
      finding.description = stringMember(*row, "description", rowProblems, false);
      finding.remark = stringMember(*row, "remark", rowProblems, false);
      for (const auto& p : rowProblems.items()) v.add(field + "." + p.field, p.message);
      r.findings.push_back(finding);
    }
  } else {
    v.add("findings", "must be a list of rows");
  }
  r.mediation = stringMember(object, "mediation", v, false);
  if (object.has("recommendations") && !object.isNull("recommendations")) {
    if (auto list = object.getArray("recommendations")) {
      for (size_t i = 0; i < list->size(); ++i) {
        const auto& item = list->get(static_cast<unsigned>(i));
        r.recommendations.push_back(item.isString() ? item.extract<std::string>() : "");  // keeps places, as above
        if (!item.isString()) v.add("recommendations[" + std::to_string(i) + "]", "must be a string");
      }
    } else {
      v.add("recommendations", "must be a list of strings");
    }
  }
  in.version = integerMember(object, "version", v, false);
  addDomainProblems(r, v);
  v.throwIfAny("the inspection report is not valid");
  return in;
}

Object::Ptr toJson(const domain::inspection::InspectionPhoto& p, std::int64_t inspectionId) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("number", p.number);
  o->set("file_name", p.fileName);
  o->set("content_type", p.contentType);
  o->set("size_bytes", p.sizeBytes);
  o->set("sha256", p.sha256);
  o->set("caption", p.caption);
  o->set("uploaded_by", p.uploadedBy);
  o->set("uploaded_at", p.uploadedAt);
  o->set("url", "/api/v1/inspections/" + std::to_string(inspectionId) + "/photos/" + std::to_string(p.number));
  return o;
}

Object::Ptr toJson(const domain::inspection::FieldInspection& f) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", f.id);
  o->set("case_id", f.caseId);
  o->set("incoming_letter_id", f.incomingLetterId);
  o->set("status", std::string(domain::inspection::toString(f.status)));
  o->set("version", f.version);
  Array officers;
  for (size_t i = 0; i < f.officers.size(); ++i) {
    Object officer(Poco::JSON_PRESERVE_KEY_ORDER);
    officer.set("id", f.officers[i].userId);
    officer.set("username", f.officers[i].username);
    officer.set("role", i == 0 ? "ketua" : "anggota");
    officers.add(officer);
  }
  o->set("officers", officers);
  o->set("scheduled_at", f.scheduledAt);
  o->set("place", f.place);
  o->set("instructions", f.instructions);
  o->set("assigned_by", f.assignedBy);
  o->set("assigned_at", f.assignedAt);
  if (f.report) o->set("report", reportJson(*f.report));
  else o->set("report", Poco::Dynamic::Var());
  o->set("reported_by", f.reportedBy.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(f.reportedBy));
  o->set("reported_at", f.reportedAt.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(f.reportedAt));
  Array photos;
  for (const auto& p : f.photos) photos.add(toJson(p, f.id));
  o->set("photos", photos);
  o->set("case_closed", f.caseClosed);
  return o;
}

}  // namespace naskah::json
