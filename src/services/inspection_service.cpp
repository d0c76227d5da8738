#include "services/inspection_service.h"

#include <algorithm>

#include "domain/common/error.h"
#include "domain/letters/letter_fields.h"
#include "domain/workflow/local_date_time.h"

namespace naskah::services {

using domain::Role;
using domain::inspection::FieldInspection;
using domain::inspection::InspectionStatus;

namespace {

constexpr std::initializer_list<Role> kReaders{Role::kRegistrar, Role::kHead,    Role::kManager, Role::kSupervisor,
                                               Role::kOfficer,   Role::kAuditor, Role::kAdmin};

ports::AuditEntry entry(const domain::Actor& actor, const std::string& action, std::int64_t id,
                        std::vector<ports::FieldChange> changes, std::string note = "") {
  return {actor.username, action, "inspection", id ? std::to_string(id) : "", std::move(changes), std::move(note)};
}

// Runs a check that throws Error(kInvalidArgument) and keeps its field problems instead, so that
// they are reported with the others.
template <typename Check>
void gather(Violations& v, Check&& check) {
  try {
    check();
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kInvalidArgument) throw;
    for (const auto& f : e.violations()) v.add(f.field, f.message);
    if (e.violations().empty()) v.add("file", e.what());
  }
}

std::string teamNames(const FieldInspection& f) {
  std::string names;
  for (const auto& o : f.officers) names += (names.empty() ? "" : ", ") + o.username;
  return names;
}

}  // namespace

InspectionService::InspectionService(Ports ports, std::int64_t maxPhotoBytes)
    : ports_(ports), maxPhotoBytes_(maxPhotoBytes) {}

FieldInspection InspectionService::mustFind(const domain::Actor& actor, std::int64_t id) {
  domain::requireRole(actor, kReaders, "read field inspections");
  auto found = ports_.inspections.find(actor.officeId, id);
  if (!found) throw Error(ErrorCode::kNotFound, "inspection " + std::to_string(id) + " does not exist");
  return *found;
}

FieldInspection InspectionService::forTeamWork(const domain::Actor& actor, std::int64_t id, const char* action) {
  auto f = mustFind(actor, id);
  // The report is the team's own account of what they saw: nobody else writes it, not even the
  // supervisor who sent them (they correct the reply letter, not the report book).
  if (actor.role != Role::kOfficer || !f.hasOfficer(actor.userId))
    throw Error(ErrorCode::kPermissionDenied, "only an officer of the inspection team (" + teamNames(f) + ") may " +
                                                  action);
  if (f.caseClosed)
    throw Error(ErrorCode::kFailedPrecondition,
                "the case of inspection " + std::to_string(id) + " is closed: its report no longer changes");
  return f;
}

FieldInspection InspectionService::assign(const domain::Actor& actor, std::int64_t letterId,
                                          const domain::inspection::InspectionAssignment& input) {
  domain::requireRole(actor, {Role::kSupervisor, Role::kManager, Role::kHead}, "assign field inspections");
  auto assignment = domain::inspection::validated(input);
  Violations v;
  std::string names;
  for (size_t i = 0; i < assignment.officerIds.size(); ++i) {
    auto user = ports_.users.findUser(assignment.officerIds[i]);
    if (!user || user->officeId != actor.officeId || !user->isActive || user->role != Role::kOfficer) {
      v.add("officers[" + std::to_string(i) + "]",
            "user " + std::to_string(assignment.officerIds[i]) + " is not an active officer of this office");
      continue;
    }
    names += (names.empty() ? "" : ", ") + user->username;
  }
  v.throwIfAny("the inspection assignment is not valid");
  auto letter = ports_.letters.find(actor.officeId, letterId);
  if (!letter) throw Error(ErrorCode::kNotFound, "incoming letter " + std::to_string(letterId) + " does not exist");
  if (letter->isVoid) throw Error(ErrorCode::kFailedPrecondition, "entry " + letter->agendaNumber + " is void");

  ports::NewInspection n;
  n.officeId = actor.officeId;
  n.caseId = letter->caseId;
  n.incomingLetterId = letterId;
  n.assignment = assignment;
  n.assignedById = actor.userId;
  n.assignedAt = ports_.clock.nowOffice();
  return ports_.inspections.create(
      n, entry(actor, "inspection.assign", 0,
               {{"case", "", std::to_string(letter->caseId)},
                {"incoming_letter", "", letter->agendaNumber},
                {"officers", "", names},
                {"scheduled_at", "", assignment.scheduledAt},
                {"place", "", assignment.place}},
               assignment.instructions));
}

FieldInspection InspectionService::get(const domain::Actor& actor, std::int64_t id) { return mustFind(actor, id); }

std::vector<FieldInspection> InspectionService::listForLetter(const domain::Actor& actor, std::int64_t letterId) {
  domain::requireRole(actor, kReaders, "read field inspections");
  if (!ports_.letters.find(actor.officeId, letterId))
    throw Error(ErrorCode::kNotFound, "incoming letter " + std::to_string(letterId) + " does not exist");
  return ports_.inspections.listForLetter(actor.officeId, letterId);
}

FieldInspection InspectionService::recordReport(const domain::Actor& actor, std::int64_t id,
                                                const domain::inspection::InspectionReport& input,
                                                std::int64_t expectedVersion) {
  auto current = forTeamWork(actor, id, "record its report");
  auto report = domain::inspection::validated(input);
  std::string now = ports_.clock.nowOffice();
  if (report.finishedAt > domain::workflow::LocalDateTime::fromString(now).toString())
    throw Error(ErrorCode::kInvalidArgument, "the inspection cannot have finished in the future",
                {{"finished_at", "is in the future (now is " + now.substr(0, 16) + ")"}});
  // A correction shows what the report said before; the first report, what it says.
  domain::inspection::InspectionReport was = current.report.value_or(domain::inspection::InspectionReport{});
  auto count = [&](size_t n) { return current.report ? std::to_string(n) : ""; };
  std::vector<ports::FieldChange> changes{
      {"status", std::string(domain::inspection::toString(current.status)), "reported"},
      {"started_at", was.startedAt, report.startedAt},
      {"finished_at", was.finishedAt, report.finishedAt},
      {"findings", count(was.findings.size()), std::to_string(report.findings.size())},
      {"recommendations", count(was.recommendations.size()), std::to_string(report.recommendations.size())}};
  return ports_.inspections.recordReport(actor.officeId, id, expectedVersion == 0 ? current.version : expectedVersion,
                                         report, actor.username, now,
                                         entry(actor, "inspection.report", id, std::move(changes)));
}

domain::inspection::InspectionPhoto InspectionService::addPhoto(const domain::Actor& actor, std::int64_t id,
                                                                const std::string& fileName,
                                                                const std::string& caption,
                                                                const std::string& content) {
  forTeamWork(actor, id, "add photos");
  if (static_cast<std::int64_t>(content.size()) > maxPhotoBytes_)
    throw Error(ErrorCode::kTooLarge,
                "the photo is larger than the limit of " + std::to_string(maxPhotoBytes_) + " bytes");
  Violations v;
  gather(v, [&] { domain::validateAttachmentName(fileName); });
  gather(v, [&] { domain::inspection::validateCaption(caption); });
  std::string type = domain::sniffContentType(content);
  if (type != "image/png" && type != "image/jpeg")
    v.add("file", "must be a PNG or JPEG photo");
  else
    gather(v, [&] { ports_.images.checkPrintable(content, "file"); });
  v.throwIfAny("the photo is not valid");

  domain::inspection::InspectionPhoto photo;
  photo.fileName = fileName;
  photo.contentType = type;
  photo.sizeBytes = static_cast<std::int64_t>(content.size());
  photo.caption = caption;
  photo.uploadedBy = actor.username;
  photo.uploadedAt = ports_.clock.nowOffice();
  photo.sha256 = ports_.blobs.put(content);  // written and synced before the row names it
  return ports_.inspections.addPhoto(actor.officeId, id, photo,
                                     entry(actor, "inspection.photo", id,
                                           {{"photo", "", fileName + " sha256:" + photo.sha256}}, caption));
}

InspectionPhotoContent InspectionService::photo(const domain::Actor& actor, std::int64_t id, int number) {
  auto f = mustFind(actor, id);
  for (const auto& p : f.photos)
    if (p.number == number) return {p, ports_.blobs.get(p.sha256)};
  throw Error(ErrorCode::kNotFound, "inspection " + std::to_string(id) + " has no photo " + std::to_string(number));
}

InspectionReportFacts InspectionService::reportFacts(const domain::Actor& actor, std::int64_t id) {
  InspectionReportFacts facts;
  facts.inspection = mustFind(actor, id);
  const auto& f = facts.inspection;
  if (f.status != InspectionStatus::kReported || !f.report)
    throw Error(ErrorCode::kFailedPrecondition,
                "inspection " + std::to_string(id) + " has no report yet: an officer of the team records it first");
  auto office = ports_.offices.findOffice(f.officeId);
  if (!office) throw Error(ErrorCode::kInternal, "the office of inspection " + std::to_string(id) + " is missing");
  facts.office = *office;
  std::string classification;
  if (auto letter = ports_.letters.find(f.officeId, f.incomingLetterId)) {
    facts.agendaNumber = letter->agendaNumber;
    classification = letter->fields.classificationCode;
  }
  facts.reportDate = f.reportedAt.substr(0, 10);
  facts.number = domain::inspection::reportNumber(f.id, classification, facts.office.code,
                                                  std::stoi(facts.reportDate.substr(0, 4)));
  for (const auto& o : f.officers) {
    auto user = ports_.users.findUser(o.userId);
    if (!user) {  // removed from the directory since: the report still names them
      user.emplace();
      user->id = o.userId;
      user->username = user->fullName = o.username;
    }
    facts.officers.push_back(*user);
  }
  facts.assignedBy = ports_.users.findUserByName(f.assignedBy);
  for (const auto& p : f.photos) facts.photoPaths.push_back(ports_.blobs.filePath(p.sha256));
  return facts;
}

}  // namespace naskah::services
