#include "domain/inspection/field_inspection.h"

#include <algorithm>
#include <set>

#include "domain/workflow/local_date_time.h"

namespace naskah::domain::inspection {
namespace {

using workflow::LocalDateTime;

constexpr std::size_t kMaxPlace = 500, kMaxInstructions = 2000, kMaxFindings = 100, kMaxDescription = 4000,
                      kMaxRemark = 500, kMaxMediation = 8000, kMaxRecommendations = 50, kMaxRecommendation = 2000,
                      kMaxCaption = 300;

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string indexed(const std::string& list, size_t i) { return list + "[" + std::to_string(i) + "]"; }

// An office time in the stored form, or "" after adding a violation for the field.
std::string officeTime(const std::string& text, const std::string& field, Violations& v) {
  if (text.empty()) {
    v.add(field, "is required: an office time like 2026-11-10T08:00");
    return "";
  }
  auto parsed = LocalDateTime::parse(text);
  if (!parsed) {
    v.add(field, "must be an office time like 2026-11-10T08:00 (no time zone)");
    return "";
  }
  return parsed->toString();
}

void checkLength(const std::string& text, std::size_t max, const std::string& field, Violations& v) {
  if (text.size() > max) v.add(field, "must be at most " + std::to_string(max) + " bytes");
}


// Adds a's problems to v and returns a with its time in the stored form.
InspectionAssignment checked(InspectionAssignment a, Violations& v) {
  if (a.officerIds.empty()) v.add("officers", "names no officer: at least one goes to the place");
  if (a.officerIds.size() > kMaxOfficers)
    v.add("officers", "names more than " + std::to_string(kMaxOfficers) + " officers");
  std::set<std::int64_t> seen;
  for (size_t i = 0; i < a.officerIds.size(); ++i) {
    if (a.officerIds[i] <= 0) v.add(indexed("officers", i), "must be a user id");
    else if (!seen.insert(a.officerIds[i]).second) v.add(indexed("officers", i), "names the same officer twice");
  }
  a.scheduledAt = officeTime(a.scheduledAt, "scheduled_at", v);
  if (blank(a.place)) v.add("place", "is required: where the officers go (lokasi)");
  checkLength(a.place, kMaxPlace, "place", v);
  checkLength(a.instructions, kMaxInstructions, "instructions", v);
  return a;
}

InspectionReport checked(InspectionReport r, Violations& v) {
  r.startedAt = officeTime(r.startedAt, "started_at", v);
  r.finishedAt = officeTime(r.finishedAt, "finished_at", v);
  if (!r.startedAt.empty() && !r.finishedAt.empty() && r.finishedAt < r.startedAt)
    v.add("finished_at", "is before started_at");
  if (r.findings.empty()) v.add("findings", "has no row: record at least one finding (temuan)");
  if (r.findings.size() > kMaxFindings) v.add("findings", "has more than " + std::to_string(kMaxFindings) + " rows");
  for (size_t i = 0; i < r.findings.size(); ++i) {
    std::string field = indexed("findings", i);
    if (blank(r.findings[i].description)) v.add(field + ".description", "is required");
    checkLength(r.findings[i].description, kMaxDescription, field + ".description", v);
    checkLength(r.findings[i].remark, kMaxRemark, field + ".remark", v);
  }
  checkLength(r.mediation, kMaxMediation, "mediation", v);
  if (r.recommendations.empty()) v.add("recommendations", "has none: give at least one (saran/rekomendasi)");
  if (r.recommendations.size() > kMaxRecommendations)
    v.add("recommendations", "has more than " + std::to_string(kMaxRecommendations) + " items");
  for (size_t i = 0; i < r.recommendations.size(); ++i) {
    if (blank(r.recommendations[i])) v.add(indexed("recommendations", i), "is empty");
    checkLength(r.recommendations[i], kMaxRecommendation, indexed("recommendations", i), v);
  }
  return r;
}

}  // namespace

std::string_view toString(InspectionStatus status) {
  return status == InspectionStatus::kReported ? "reported" : "scheduled";
}

std::optional<InspectionStatus> parseInspectionStatus(std::string_view name) {
  if (name == "scheduled") return InspectionStatus::kScheduled;
  if (name == "reported") return InspectionStatus::kReported;
  return std::nullopt;
}

bool FieldInspection::hasOfficer(std::int64_t userId) const {
  return std::any_of(officers.begin(), officers.end(), [&](const InspectionOfficer& o) { return o.userId == userId; });
}

void collectViolations(const InspectionAssignment& assignment, Violations& v) { checked(assignment, v); }
void collectViolations(const InspectionReport& report, Violations& v) { checked(report, v); }

InspectionAssignment validated(InspectionAssignment assignment) {
  Violations v;
  auto out = checked(std::move(assignment), v);
  v.throwIfAny("the inspection assignment is not valid");
  return out;
}

InspectionReport validated(InspectionReport report) {
  Violations v;
  auto out = checked(std::move(report), v);
  v.throwIfAny("the inspection report is not valid");
  return out;
}

void validateCaption(const std::string& caption) {
  Violations v;
  checkLength(caption, kMaxCaption, "caption", v);
  if (caption.find_first_of("\r\n") != std::string::npos) v.add("caption", "must be one line");
  v.throwIfAny("the photo caption is not valid");
}

std::string reportNumber(std::int64_t inspectionId, const std::string& classificationCode,
                         const std::string& officeCode, int year) {
  return (classificationCode.empty() ? "000" : classificationCode) + "/LHP-" + std::to_string(inspectionId) + "/" +
         officeCode + "/" + std::to_string(year);
}

}  // namespace naskah::domain::inspection
