#include "services/retention_service.h"

#include <algorithm>
#include <set>

#include "domain/common/error.h"
#include "domain/workflow/local_date_time.h"
#include "services/archive_service.h"

namespace naskah::services {
namespace {

using domain::Role;
using namespace domain::archive;

void requireRetentionOfficer(const domain::Actor& actor, std::string_view action) {
  domain::requireRole(actor, {Role::kHead, Role::kAdmin}, action);
}

}  // namespace

bool RetentionStatus::held() const {
  return std::any_of(holds.begin(), holds.end(), [](const auto& h) { return h.active(); });
}

RetentionService::RetentionService(ports::RetentionRepository& repository, ports::ArchiveContentEraser& eraser,
                                   const ports::Clock& clock, RetentionSchedule schedule)
    : repository_(repository), eraser_(eraser), clock_(clock), schedule_(std::move(schedule)) {}

Date RetentionService::today() const {
  auto date = domain::workflow::parseDate(clock_.nowOffice().substr(0, 10));
  if (!date) throw Error(ErrorCode::kInternal, "the clock gave no date: " + clock_.nowOffice());
  return *date;
}

RetentionStatus RetentionService::statusOf(ports::RetainedRecord record, std::vector<ports::LegalHold> holds) const {
  RetentionStatus s;
  s.holds = std::move(holds);
  s.rule = schedule_.ruleFor(record.classificationCode);
  for (std::string at = record.classificationCode; !at.empty() && s.codeName.empty(); at = parentCode(at))
    if (const auto* listed = isClassificationCode(at) ? schedule_.find(at) : nullptr) s.codeName = listed->name;
  auto letterDate = domain::workflow::parseDate(record.letterDate);
  if (s.rule && letterDate) s.dates = retentionDates(*letterDate, s.rule->rule);
  if (record.disposalId)
    s.phase = "disposed";
  else if (!s.dates)
    s.phase = "unclassified";
  else
    s.phase = std::string(retentionPhaseName(retentionPhaseOn(*s.dates, today())));
  s.record = std::move(record);
  return s;
}

RetentionStatus RetentionService::status(const domain::Actor& actor, std::int64_t recordId) {
  requireArchiveReader(actor);
  auto record = repository_.record(actor.officeId, recordId);
  if (!record) throw Error(ErrorCode::kNotFound, "archived document " + std::to_string(recordId) + " does not exist");
  return statusOf(std::move(*record), repository_.holds(actor.officeId, recordId));
}

std::vector<RetentionStatus> RetentionService::due(const domain::Actor& actor) {
  requireArchiveReader(actor);
  std::int64_t officeId = actor.officeId;
  auto heldIds = repository_.heldRecordIds(officeId);
  std::set<std::int64_t> held(heldIds.begin(), heldIds.end());
  std::vector<RetentionStatus> list;
  for (auto& record : repository_.keptRecords(officeId)) {
    if (held.count(record.id)) continue;
    auto s = statusOf(std::move(record), {});
    if (s.phase == "due" && s.rule->rule.disposition == FinalDisposition::kMusnah) list.push_back(std::move(s));
  }
  std::stable_sort(list.begin(), list.end(),
                   [](const auto& a, const auto& b) { return a.dates->finalDue < b.dates->finalDue; });
  return list;
}

ports::LegalHold RetentionService::placeHold(const domain::Actor& actor, std::int64_t recordId,
                                             const std::string& reason) {
  requireRetentionOfficer(actor, "place a legal hold");
  Violations v;
  if (reason.empty()) v.add("reason", "is required (the case, audit or dispute the record is held for)");
  if (reason.size() > 2000) v.add("reason", "is longer than 2000 characters");
  v.throwIfAny("the legal hold is not valid");
  ports::LegalHold hold;
  hold.recordId = recordId;
  hold.reason = reason;
  hold.placedBy = actor.username;
  hold.placedAt = clock_.nowUtc();
  ports::AuditEntry audit{actor.username, "retention.hold_placed", "archive_document", std::to_string(recordId),
                          {}, reason};
  return repository_.placeHold(actor.officeId, hold, audit);
}

ports::LegalHold RetentionService::releaseHold(const domain::Actor& actor, std::int64_t recordId,
                                               std::int64_t holdId) {
  requireRetentionOfficer(actor, "release a legal hold");
  ports::AuditEntry audit{actor.username, "retention.hold_released", "archive_document", std::to_string(recordId),
                          {{"hold", std::to_string(holdId), ""}}, ""};
  return repository_.releaseHold(actor.officeId, recordId, holdId, actor.username, clock_.nowUtc(), audit);
}

DisposalResult RetentionService::dispose(const domain::Actor& actor, const DisposalRequest& request) {
  requireRetentionOfficer(actor, "dispose of archived records");
  Violations v;
  if (request.number.empty()) v.add("number", "is required: the nomor of the berita acara pemusnahan");
  if (request.number.size() > 200) v.add("number", "is longer than 200 characters");
  auto date = domain::workflow::parseDate(request.date);
  if (!date) v.add("date", "must be the berita acara's date as YYYY-MM-DD");
  else if (*date > today()) v.add("date", "is in the future");
  if (request.approvedBy.empty()) v.add("approved_by", "is required: who approved the destruction");
  if (request.recordIds.empty()) v.add("record_ids", "must list at least one archived document");
  if (request.recordIds.size() > 1000) v.add("record_ids", "lists more than 1000 documents; split the berita acara");
  std::set<std::int64_t> seen;
  for (auto id : request.recordIds)
    if (!seen.insert(id).second) v.add("record_ids", "lists " + std::to_string(id) + " twice");
  v.throwIfAny("the disposal is not valid");

  // The rules are checked here; holds and earlier disposals again inside the transaction.
  std::vector<FieldViolation> refused;
  std::vector<RetentionStatus> statuses;
  for (auto id : request.recordIds) {
    std::string field = "record_ids." + std::to_string(id);
    auto record = repository_.record(actor.officeId, id);
    if (!record) {
      refused.push_back({field, "does not exist"});
      continue;
    }
    auto s = statusOf(std::move(*record), repository_.holds(actor.officeId, id));
    if (s.phase == "disposed")
      refused.push_back({field, "was already disposed of by berita acara " + s.record.disposalNumber});
    else if (s.held())
      refused.push_back({field, "is under a legal hold"});
    else if (!s.rule || !s.dates)
      refused.push_back({field, "has no retention rule for classification code '" + s.record.classificationCode + "'"});
    else if (s.rule->rule.disposition != FinalDisposition::kMusnah)
      refused.push_back({field, "is to be kept: its final disposition is " +
                                    std::string(finalDispositionName(s.rule->rule.disposition)) + " (code " +
                                    s.rule->ruleCode + ")"});
    else if (s.phase != "due")
      refused.push_back({field, "is not due until " + domain::workflow::toIsoString(s.dates->finalDue)});
    statuses.push_back(std::move(s));
  }
  if (!refused.empty()) {
    std::string message = "the disposal is refused:";
    for (const auto& r : refused) message += " " + r.field + " " + r.message + ";";
    message.pop_back();
    throw Error(ErrorCode::kFailedPrecondition, message, refused);
  }

  ports::Disposal disposal;
  disposal.officeId = actor.officeId;
  disposal.number = request.number;
  disposal.date = request.date;
  disposal.approvedBy = request.approvedBy;
  disposal.reason = request.reason;
  disposal.recordIds = request.recordIds;
  disposal.recordedBy = actor.username;
  disposal.recordedAt = clock_.nowUtc();
  std::string list;
  for (auto id : request.recordIds) list += (list.empty() ? "" : ",") + std::to_string(id);
  std::vector<ports::AuditEntry> audits;
  audits.push_back({actor.username, "retention.disposal_recorded", "disposal", "",
                    {{"number", "", request.number}, {"date", "", request.date},
                     {"approved_by", "", request.approvedBy}, {"record_ids", "", list}},
                    request.reason});
  for (const auto& s : statuses)
    audits.push_back({actor.username, "archive.disposed", "archive_document", std::to_string(s.record.id),
                      {{"disposal", "", request.number}, {"content", s.record.sha256, "removed"},
                       {"classification_code", s.record.classificationCode, s.record.classificationCode}},
                      "JRA " + s.rule->ruleCode + ": due " + domain::workflow::toIsoString(s.dates->finalDue)});

  DisposalResult result;
  result.disposal = repository_.recordDisposal(disposal, audits);
  // Content goes only after the disposal committed: a crash in between leaves files that no kept
  // record names (fsck's orphans), never a kept record without its file.
  for (const auto& s : statuses) {
    if (repository_.contentStillNamed(s.record.sha256)) continue;
    try {
      eraser_.erase(s.record.sha256, s.record.contentType);
      ++result.filesRemoved;
    } catch (const Error& e) {
      result.filesLeft.push_back(s.record.sha256 + ": " + e.what());
    }
  }
  return result;
}

}  // namespace naskah::services
