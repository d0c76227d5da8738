#include "store/sql_workflow_repository.h"

#include "Poco/Data/RecordSet.h"
#include "Poco/Data/Statement.h"
#include "domain/common/error.h"
#include "store/sql_audit_log.h"
#include "store/record_values.h"

using namespace Poco::Data::Keywords;
using Poco::Data::AbstractBinding;
using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;
using naskah::domain::workflow::CaseState;
using naskah::domain::workflow::LocalDateTime;

namespace naskah::store {
namespace {

using Binds = std::vector<AbstractBinding::Ptr>;

std::optional<std::string> optionalText(RecordSet& rs, size_t col, size_t row) {
  if (rs.isNull(col, row)) return std::nullopt;
  return text(rs, col, row);
}
AbstractBinding::Ptr optionalBind(const std::optional<std::string>& value) {
  if (!value) return bind(Poco::Nullable<std::string>());
  return bind(*value);
}
std::optional<std::string> timeText(const std::optional<LocalDateTime>& t) {
  if (!t) return std::nullopt;
  return t->toString();
}

// Runs a SELECT with its binds and hands over the rows.
RecordSet query(Session& session, const std::string& sql, const Binds& binds) {
  Statement select(session);
  select << sql;
  for (const auto& b : binds) select.addBind(b);
  select.execute();
  return RecordSet(select);
}

// Column order of kCaseSelect matches caseAt().
const char* kCaseSelect =
    "SELECT c.id, c.office_id, l.id, l.agenda_number, c.tracking_code, l.subject, l.received_at, l.channel, "
    "l.urgency, l.complaint_kind, l.scale, l.voided, w.profile_id, w.step, w.entered_at, w.due_at, w.started_at, "
    "w.closed_at FROM cases c JOIN incoming_letters l ON l.case_id = c.id "
    "LEFT JOIN case_workflow w ON w.case_id = c.id";

ports::CaseRow caseAt(RecordSet& rs, size_t row) {
  ports::CaseRow out;
  ports::CaseRef& r = out.ref;
  r.caseId = integer(rs, 0, row);
  r.officeId = integer(rs, 1, row);
  r.letterId = integer(rs, 2, row);
  r.agendaNumber = text(rs, 3, row);
  r.trackingCode = text(rs, 4, row);
  r.subject = text(rs, 5, row);
  r.receivedAt = text(rs, 6, row);
  // Stored values were validated when registered.
  r.channel = domain::parseChannel(text(rs, 7, row)).value_or(domain::Channel::kLetter);
  r.urgency = domain::parseUrgency(text(rs, 8, row)).value_or(domain::Urgency::kBiasa);
  r.complaintKind = domain::parseComplaintKind(text(rs, 9, row)).value_or(domain::ComplaintKind::kComplaint);
  r.scale = domain::parseScale(text(rs, 10, row)).value_or(domain::Scale::kSmall);
  r.isVoid = integer(rs, 11, row) != 0;
  if (!rs.isNull(12, row)) {
    ports::StoredCaseState s;
    s.profileId = text(rs, 12, row);
    s.state.step = text(rs, 13, row);
    s.state.enteredAt = LocalDateTime::fromString(text(rs, 14, row));
    if (auto due = optionalText(rs, 15, row)) s.state.dueAt = LocalDateTime::fromString(*due);
    s.startedAt = text(rs, 16, row);
    s.closedAt = optionalText(rs, 17, row);
    out.state = s;
  }
  return out;
}

std::vector<ports::CaseRow> casesWhere(Session& session, const std::string& where, const Binds& binds) {
  RecordSet rs = query(session, std::string(kCaseSelect) + " WHERE " + where, binds);
  std::vector<ports::CaseRow> out;
  for (size_t row = 0; row < rs.rowCount(); ++row) out.push_back(caseAt(rs, row));
  return out;
}

const char* kStepSelect =
    "SELECT s.case_id, s.profile_id, s.step, s.condition, s.to_step, s.by_role, s.entered_at, s.completed_at, "
    "s.due_at, s.working_minutes_taken, s.working_minutes_late, s.user_id, u.username, s.note, s.audit_seq "
    "FROM case_steps s JOIN users u ON u.id = s.user_id";

std::vector<ports::StoredStep> stepsWhere(Session& session, const std::string& where, const Binds& binds) {
  RecordSet rs = query(session, std::string(kStepSelect) + " WHERE " + where + " ORDER BY s.id", binds);
  std::vector<ports::StoredStep> out;
  for (size_t row = 0; row < rs.rowCount(); ++row) {
    ports::StoredStep s;
    s.caseId = integer(rs, 0, row);
    s.profileId = text(rs, 1, row);
    s.step.step = text(rs, 2, row);
    s.step.condition = text(rs, 3, row);
    s.step.to = text(rs, 4, row);
    s.step.by = domain::parseRole(text(rs, 5, row)).value_or(domain::Role::kReporter);
    s.step.enteredAt = LocalDateTime::fromString(text(rs, 6, row));
    s.step.completedAt = LocalDateTime::fromString(text(rs, 7, row));
    if (auto due = optionalText(rs, 8, row)) s.step.dueAt = LocalDateTime::fromString(*due);
    s.step.workingMinutesTaken = integer(rs, 9, row);
    s.step.workingMinutesLate = integer(rs, 10, row);
    s.userId = integer(rs, 11, row);
    s.username = text(rs, 12, row);
    s.note = text(rs, 13, row);
    s.auditSequence = integer(rs, 14, row);
    out.push_back(s);
  }
  return out;
}

// Instructions are stored one per line; the service refuses line breaks inside one.
std::string joinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}
std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

const char* kDispositionSelect =
    "SELECT d.id, d.case_id, d.letter_id, d.parent_id, d.from_user_id, fu.username, d.to_user_id, tu.username, "
    "d.instructions, d.note, d.deadline, d.created_at, d.read_at, d.recalled_at, "
    "EXISTS(SELECT 1 FROM dispositions x WHERE x.parent_id = d.id AND x.from_user_id = d.to_user_id "
    "AND x.recalled_at IS NULL), l.agenda_number, l.subject "
    "FROM dispositions d JOIN users fu ON fu.id = d.from_user_id JOIN users tu ON tu.id = d.to_user_id "
    "JOIN incoming_letters l ON l.id = d.letter_id JOIN cases c ON c.id = d.case_id";

std::vector<ports::DispositionRecord> dispositionsWhere(Session& session, const std::string& where,
                                                        const Binds& binds, const char* order = "d.id") {
  RecordSet rs = query(session, std::string(kDispositionSelect) + " WHERE " + where + " ORDER BY " + order, binds);
  std::vector<ports::DispositionRecord> out;
  for (size_t row = 0; row < rs.rowCount(); ++row) {
    ports::DispositionRecord d;
    d.id = integer(rs, 0, row);
    d.caseId = integer(rs, 1, row);
    d.letterId = integer(rs, 2, row);
    if (!rs.isNull(3, row)) d.parentId = integer(rs, 3, row);
    d.fromUserId = integer(rs, 4, row);
    d.fromUsername = text(rs, 5, row);
    d.toUserId = integer(rs, 6, row);
    d.toUsername = text(rs, 7, row);
    d.instructions = splitLines(text(rs, 8, row));
    d.note = text(rs, 9, row);
    d.deadline = text(rs, 10, row);
    d.createdAt = text(rs, 11, row);
    d.readAt = optionalText(rs, 12, row);
    d.recalledAt = optionalText(rs, 13, row);
    d.passedOn = integer(rs, 14, row) != 0;
    d.agendaNumber = text(rs, 15, row);
    d.subject = text(rs, 16, row);
    out.push_back(d);
  }
  return out;
}

ports::DispositionRecord mustFindDisposition(Session& session, std::int64_t id) {
  auto found = dispositionsWhere(session, "d.id = ?", {bind(Poco::Int64(id))});
  if (found.empty()) throw Error(ErrorCode::kNotFound, "disposition " + std::to_string(id) + " does not exist");
  return found.front();
}

}  // namespace

std::optional<ports::CaseRow> SqlWorkflowRepository::findCase(std::int64_t officeId, std::int64_t caseId) {
  std::optional<ports::CaseRow> out;
  database_.read([&](Session& session) {
    auto rows = casesWhere(session, "c.office_id = ? AND c.id = ?", {bind(Poco::Int64(officeId)), bind(Poco::Int64(caseId))});
    if (!rows.empty()) out = rows.front();
  });
  return out;
}

std::vector<ports::CaseRef> SqlWorkflowRepository::unstartedCases(std::int64_t officeId) {
  std::vector<ports::CaseRef> out;
  database_.read([&](Session& session) {
    for (auto& row : casesWhere(session, "c.office_id = ? AND w.case_id IS NULL ORDER BY c.id",
                                {bind(Poco::Int64(officeId))}))
      out.push_back(row.ref);
  });
  return out;
}

std::vector<ports::StoredStep> SqlWorkflowRepository::history(std::int64_t caseId) {
  std::vector<ports::StoredStep> out;
  database_.read([&](Session& session) { out = stepsWhere(session, "s.case_id = ?", {bind(Poco::Int64(caseId))}); });
  return out;
}

int SqlWorkflowRepository::startCases(const std::vector<ports::CaseStart>& starts, bool replace) {
  int written = 0;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    written = 0;
    for (const auto& start : starts) {
      Poco::Int64 caseId = start.caseId;
      int existing = 0, finished = 0;
      session << "SELECT COUNT(*) FROM case_workflow WHERE case_id = ?", use(caseId), into(existing), now;
      if (existing > 0) {
        if (!replace) continue;
        session << "SELECT COUNT(*) FROM case_steps WHERE case_id = ?", use(caseId), into(finished), now;
        if (finished > 0)
          throw Error(ErrorCode::kFailedPrecondition,
                      "case " + std::to_string(caseId) + " has finished steps on its profile; it can no longer change profile");
        session << "DELETE FROM case_workflow WHERE case_id = ?", use(caseId), now;
      }
      const auto& s = start.state;
      Statement insert(session);
      insert << "INSERT INTO case_workflow(case_id, profile_id, step, entered_at, due_at, started_at, closed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)";
      insert.addBind(bind(caseId));
      insert.addBind(bind(s.profileId));
      insert.addBind(bind(s.state.step));
      insert.addBind(bind(s.state.enteredAt.toString()));
      insert.addBind(optionalBind(timeText(s.state.dueAt)));
      insert.addBind(bind(s.startedAt));
      insert.addBind(optionalBind(s.closedAt));
      insert.execute();
      session << "UPDATE cases SET status = 'in_progress' WHERE id = ?", use(caseId), now;
      appendAuditEvent(tx, start.audit);
      ++written;
    }
  });
  return written;
}

bool writeCaseTransition(WriteTransaction& tx, std::int64_t caseId, const CaseState& expected, const CaseState& next,
                         const ports::StoredStep& step, const ports::AuditEntry& audit) {
  Session& session = tx.session;
  std::optional<std::string> closedAt;
  if (next.closed()) closedAt = step.step.completedAt.toString();
  Statement update(session);
  update << "UPDATE case_workflow SET step = ?, entered_at = ?, due_at = ?, closed_at = ? "
            "WHERE case_id = ? AND step = ? AND entered_at = ? RETURNING case_id";
  update.addBind(bind(next.step));
  update.addBind(bind(next.enteredAt.toString()));
  update.addBind(optionalBind(timeText(next.dueAt)));
  update.addBind(optionalBind(closedAt));
  update.addBind(bind(Poco::Int64(caseId)));
  update.addBind(bind(expected.step));
  update.addBind(bind(expected.enteredAt.toString()));
  std::vector<Poco::Int64> updated;
  update, into(updated);
  update.execute();
  if (updated.empty()) return false;
  if (next.closed()) session << "UPDATE cases SET status = 'closed' WHERE id = ?", bind(Poco::Int64(caseId)), now;
  Poco::Int64 seq = appendAuditEvent(tx, audit);
  const auto& c = step.step;
  Statement insert(session);
  insert << "INSERT INTO case_steps(case_id, profile_id, step, condition, to_step, by_role, user_id, entered_at, "
            "completed_at, due_at, working_minutes_taken, working_minutes_late, note, audit_seq) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  insert.addBind(bind(Poco::Int64(caseId)));
  insert.addBind(bind(step.profileId));
  insert.addBind(bind(c.step));
  insert.addBind(bind(c.condition));
  insert.addBind(bind(c.to));
  insert.addBind(bind(std::string(domain::toString(c.by))));
  insert.addBind(bind(Poco::Int64(step.userId)));
  insert.addBind(bind(c.enteredAt.toString()));
  insert.addBind(bind(c.completedAt.toString()));
  insert.addBind(optionalBind(timeText(c.dueAt)));
  insert.addBind(bind(Poco::Int64(c.workingMinutesTaken)));
  insert.addBind(bind(Poco::Int64(c.workingMinutesLate)));
  insert.addBind(bind(step.note));
  insert.addBind(bind(seq));
  insert.execute();
  return true;
}

void SqlWorkflowRepository::recordTransition(std::int64_t caseId, const CaseState& expected, const CaseState& next,
                                             const ports::StoredStep& step, const ports::AuditEntry& audit) {
  database_.write([&](WriteTransaction& tx) {
    if (!writeCaseTransition(tx, caseId, expected, next, step, audit))
      throw Error(ErrorCode::kFailedPrecondition,
                  "case " + std::to_string(caseId) + " moved on meanwhile (it is no longer at step '" + expected.step +
                      "'); reload it and choose again");
  });
}

std::vector<ports::CaseRow> SqlWorkflowRepository::overdueCases(std::int64_t officeId, const std::string& now) {
  std::vector<ports::CaseRow> out;
  database_.read([&](Session& session) {
    out = casesWhere(session,
                     "c.office_id = ? AND l.voided = 0 AND w.closed_at IS NULL AND w.due_at IS NOT NULL AND w.due_at < ? "
                     "ORDER BY w.due_at, c.id",
                     {bind(Poco::Int64(officeId)), bind(now)});
  });
  return out;
}

std::vector<ports::CaseRow> SqlWorkflowRepository::casesReceivedBetween(std::int64_t officeId, const std::string& from,
                                                                       const std::string& to) {
  std::vector<ports::CaseRow> out;
  database_.read([&](Session& session) {
    out = casesWhere(session, "c.office_id = ? AND l.received_at >= ? AND l.received_at < ? ORDER BY l.received_at",
                     {bind(Poco::Int64(officeId)), bind(from), bind(to)});
  });
  return out;
}

std::vector<ports::StoredStep> SqlWorkflowRepository::stepsCompletedBetween(std::int64_t officeId,
                                                                           const std::string& from,
                                                                           const std::string& to) {
  std::vector<ports::StoredStep> out;
  database_.read([&](Session& session) {
    out = stepsWhere(session,
                     "s.case_id IN (SELECT id FROM cases WHERE office_id = ?) AND s.completed_at >= ? AND "
                     "s.completed_at < ?",
                     {bind(Poco::Int64(officeId)), bind(from), bind(to)});
  });
  return out;
}

std::vector<ports::DispositionRecord> SqlWorkflowRepository::addDispositions(const ports::NewDisposition& d,
                                                                             const ports::AuditEntry& audit) {
  std::vector<ports::DispositionRecord> out;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    out.clear();
    std::string ids;
    for (auto to : d.toUserIds) {
      Statement insert(session);
      insert << "INSERT INTO dispositions(case_id, letter_id, parent_id, from_user_id, to_user_id, instructions, note, "
                "deadline, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
      insert.addBind(bind(Poco::Int64(d.caseId)));
      insert.addBind(bind(Poco::Int64(d.letterId)));
      if (d.parentId)
        insert.addBind(bind(Poco::Int64(*d.parentId)));
      else
        insert.addBind(bind(Poco::Nullable<Poco::Int64>()));
      insert.addBind(bind(Poco::Int64(d.fromUserId)));
      insert.addBind(bind(Poco::Int64(to)));
      insert.addBind(bind(joinLines(d.instructions)));
      insert.addBind(bind(d.note));
      insert.addBind(bind(d.deadline));
      insert.addBind(bind(d.createdAt));
      Poco::Int64 id = 0;
      insert, into(id);
      insert.execute();
      ids += (ids.empty() ? "" : ",") + std::to_string(id);
      out.push_back(mustFindDisposition(session, id));
    }
    ports::AuditEntry entry = audit;
    if (entry.objectId.empty()) entry.objectId = ids;
    appendAuditEvent(tx, entry);
  });
  return out;
}

std::optional<ports::DispositionRecord> SqlWorkflowRepository::findDisposition(std::int64_t officeId, std::int64_t id) {
  std::optional<ports::DispositionRecord> out;
  database_.read([&](Session& session) {
    auto rows = dispositionsWhere(session, "c.office_id = ? AND d.id = ?", {bind(Poco::Int64(officeId)), bind(Poco::Int64(id))});
    if (!rows.empty()) out = rows.front();
  });
  return out;
}

std::vector<ports::DispositionRecord> SqlWorkflowRepository::dispositionsOfCase(std::int64_t caseId) {
  std::vector<ports::DispositionRecord> out;
  database_.read([&](Session& session) { out = dispositionsWhere(session, "d.case_id = ?", {bind(Poco::Int64(caseId))}); });
  return out;
}

std::vector<ports::DispositionRecord> SqlWorkflowRepository::dispositionsTo(std::int64_t userId) {
  std::vector<ports::DispositionRecord> out;
  database_.read([&](Session& session) {
    // An inbox holds open work: a closed case or a voided entry needs nothing more from anyone.
    out = dispositionsWhere(session,
                            "d.to_user_id = ? AND d.recalled_at IS NULL AND NOT EXISTS (SELECT 1 FROM case_workflow w "
                            "WHERE w.case_id = d.case_id AND w.closed_at IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM "
                            "incoming_letters v WHERE v.id = d.letter_id AND v.voided = 1)",
                            {bind(Poco::Int64(userId))}, "d.id DESC");
  });
  return out;
}

ports::DispositionRecord SqlWorkflowRepository::markRead(std::int64_t id, const std::string& at,
                                                         const ports::AuditEntry& audit) {
  ports::DispositionRecord out;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    out = mustFindDisposition(session, id);
    if (out.recalledAt)
      throw Error(ErrorCode::kFailedPrecondition, "disposition " + std::to_string(id) + " was recalled at " + *out.recalledAt);
    if (out.readAt) return;  // the first reading is the receipt
    session << "UPDATE dispositions SET read_at = ? WHERE id = ?", bind(at), bind(Poco::Int64(id)), now;
    appendAuditEvent(tx, audit);
    out.readAt = at;
  });
  return out;
}

ports::DispositionRecord SqlWorkflowRepository::recall(std::int64_t id, const std::string& at,
                                                       const ports::AuditEntry& audit) {
  ports::DispositionRecord out;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    std::vector<Poco::Int64> updated;
    session << "UPDATE dispositions SET recalled_at = ? WHERE id = ? AND read_at IS NULL AND recalled_at IS NULL "
               "RETURNING id",
        bind(at), bind(Poco::Int64(id)), into(updated), now;
    out = mustFindDisposition(session, id);
    if (updated.empty()) {
      if (out.recalledAt)
        throw Error(ErrorCode::kFailedPrecondition, "disposition " + std::to_string(id) + " was recalled already");
      throw Error(ErrorCode::kFailedPrecondition, "disposition " + std::to_string(id) + " was read by " +
                                                      out.toUsername + " at " + out.readAt.value_or("") +
                                                      "; a read disposition can no longer be recalled");
    }
    appendAuditEvent(tx, audit);
  });
  return out;
}

}  // namespace naskah::store
