#include "store/sql_incoming_letter_repository.h"

#include "Poco/Data/RecordSet.h"
#include "Poco/Data/Statement.h"
#include "domain/common/error.h"
#include "domain/letters/letter_fields.h"
#include "store/sql_audit_log.h"

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace naskah::store {
namespace {

// Column order of kSelect matches letterAt(); the field columns follow letterFieldNames().
const char* kSelect =
    "SELECT l.id, l.office_id, l.case_id, l.year, l.seq, l.agenda_number, c.tracking_code, l.registered_by, "
    "l.registered_at, l.voided, l.void_reason, l.version, COALESCE(c.assigned_officer_id, 0), "
    "l.received_at, l.channel, l.sender_letter_number, l.sender_letter_date, l.sender, l.subject, l.urgency, "
    "l.enclosures, l.classification_code, l.complaint_kind, l.scale, l.summary, l.reporter_name, "
    "l.reporter_address, l.reporter_sex, l.reporter_phone, l.reporter_email "
    "FROM incoming_letters l JOIN cases c ON c.id = l.case_id";
constexpr size_t kFirstFieldColumn = 13;

domain::IncomingLetter letterAt(RecordSet& rs, size_t row) {
  auto text = [&](size_t col) { return rs.value(col, row).convert<std::string>(); };
  auto integer = [&](size_t col) { return rs.value(col, row).convert<Poco::Int64>(); };
  domain::IncomingLetter l;
  l.id = integer(0);
  l.officeId = integer(1);
  l.caseId = integer(2);
  l.year = static_cast<int>(integer(3));
  l.sequence = integer(4);
  l.agendaNumber = text(5);
  l.trackingCode = text(6);
  l.registeredBy = text(7);
  l.registeredAt = text(8);
  l.isVoid = integer(9) != 0;
  l.voidReason = text(10);
  l.version = integer(11);
  if (auto officer = integer(12); officer != 0) l.assignedOfficerId = officer;
  Violations ignored;  // stored values were validated when written
  const auto& names = domain::letterFieldNames();
  for (size_t i = 0; i < names.size(); ++i) domain::setField(l.fields, names[i], text(kFirstFieldColumn + i), ignored);
  return l;
}

// Binds the field columns in letterFieldNames() order.
void bindFields(Statement& statement, const domain::IncomingLetterFields& fields) {
  for (auto name : domain::letterFieldNames()) statement.addBind(bind(domain::getField(fields, name)));
}

const char* kFieldColumns =
    "received_at, channel, sender_letter_number, sender_letter_date, sender, subject, urgency, enclosures, "
    "classification_code, complaint_kind, scale, summary, reporter_name, reporter_address, reporter_sex, "
    "reporter_phone, reporter_email";

std::vector<domain::Attachment> attachmentsOf(Session& session, Poco::Int64 letterId) {
  Statement select(session);
  select << "SELECT id, file_name, content_type, size_bytes, sha256 FROM attachments WHERE letter_id = ? ORDER BY id",
      use(letterId);
  select.execute();
  RecordSet rs(select);
  std::vector<domain::Attachment> out;
  for (size_t row = 0; row < rs.rowCount(); ++row) {
    domain::Attachment a;
    a.id = rs.value(0, row).convert<Poco::Int64>();
    a.fileName = rs.value(1, row).convert<std::string>();
    a.contentType = rs.value(2, row).convert<std::string>();
    a.sizeBytes = rs.value(3, row).convert<Poco::Int64>();
    a.sha256 = rs.value(4, row).convert<std::string>();
    out.push_back(a);
  }
  return out;
}

std::optional<domain::IncomingLetter> selectOne(Session& session, const std::string& where,
                                                const std::vector<Poco::Data::AbstractBinding::Ptr>& binds) {
  Statement select(session);
  select << std::string(kSelect) + " WHERE " + where;
  for (const auto& b : binds) select.addBind(b);
  select.execute();
  RecordSet rs(select);
  if (rs.rowCount() == 0) return std::nullopt;
  auto letter = letterAt(rs, 0);
  letter.attachments = attachmentsOf(session, letter.id);
  return letter;
}

domain::IncomingLetter mustSelect(Session& session, std::int64_t officeId, std::int64_t id) {
  auto letter = selectOne(session, "l.office_id = ? AND l.id = ?",
                          {bind(Poco::Int64(officeId)), bind(Poco::Int64(id))});
  if (!letter) throw Error(ErrorCode::kNotFound, "incoming letter " + std::to_string(id) + " does not exist");
  return *letter;
}

int monthOf(const std::string& isoDateTime) { return std::stoi(isoDateTime.substr(5, 2)); }

std::string likePattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace

ports::RegistrationResult SqlIncomingLetterRepository::registerIncoming(const ports::NewRegistration& reg,
                                                                        const domain::AgendaNumberFormat& format,
                                                                        const ports::AuditEntry& audit) {
  ports::RegistrationResult result;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    Poco::Int64 officeId = reg.officeId;
    if (!reg.idempotencyKey.empty()) {
      std::vector<Poco::Int64> existing;
      session << "SELECT id FROM incoming_letters WHERE office_id = ? AND idempotency_key = ?", use(officeId),
          bind(reg.idempotencyKey), into(existing), now;
      if (!existing.empty()) {
        result.letter = mustSelect(session, reg.officeId, existing.front());
        result.created = false;
        return;
      }
    }
    // The statements of this path are prepared once (store/sqlite_statement.h): it is the
    // one every registration takes, serially, inside the group-commit leader.
    int year = domain::agendaYear(reg.fields);
    auto next = tx.statements
                    .get("UPDATE agenda_counters SET last_seq = last_seq + 1 WHERE office_id = ? AND year = ? "
                         "RETURNING last_seq")
                    .bind(1, officeId)
                    .bind(2, std::int64_t{year})
                    .run();
    Poco::Int64 seq = next.value_or(1);
    if (!next)
      tx.statements.get("INSERT INTO agenda_counters(office_id, year, last_seq) VALUES (?, ?, ?)")
          .bind(1, officeId)
          .bind(2, std::int64_t{year})
          .bind(3, seq)
          .run();

    Poco::Int64 caseId =
        tx.statements
            .get("INSERT INTO cases(office_id, tracking_code, status, opened_at) VALUES (?, ?, 'registered', ?) "
                 "RETURNING id")
            .bind(1, officeId)
            .bind(2, reg.trackingCode)
            .bind(3, reg.registeredAt)
            .run()
            .value();

    domain::IncomingLetter& l = result.letter;
    l.officeId = reg.officeId;
    l.caseId = caseId;
    l.year = year;
    l.sequence = seq;
    l.agendaNumber = format.format(seq, year, monthOf(reg.fields.receivedAt), reg.officeCode);
    l.trackingCode = reg.trackingCode;
    l.fields = reg.fields;
    l.registeredBy = reg.registeredBy;
    l.registeredAt = reg.registeredAt;

    static const std::string kInsert =
        std::string("INSERT INTO incoming_letters(office_id, case_id, year, seq, agenda_number, "
                    "registered_by, registered_at, idempotency_key, ") +
        kFieldColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    auto& insert = tx.statements.get(kInsert);
    insert.bind(1, officeId).bind(2, caseId).bind(3, std::int64_t{year}).bind(4, seq);
    insert.bind(5, l.agendaNumber).bind(6, l.registeredBy).bind(7, l.registeredAt);
    insert.bindOptional(8, reg.idempotencyKey);
    int column = 9;
    for (auto name : domain::letterFieldNames()) insert.bind(column++, domain::getField(reg.fields, name));
    l.id = insert.run().value();
    const Poco::Int64 id = l.id;

    ports::AuditEntry entry = audit;
    if (entry.objectId.empty()) entry.objectId = std::to_string(id);
    entry.note = l.agendaNumber;
    appendAuditEvent(tx, entry);
  });
  return result;
}

std::optional<domain::IncomingLetter> SqlIncomingLetterRepository::find(std::int64_t officeId, std::int64_t id) {
  std::optional<domain::IncomingLetter> letter;
  database_.read([&](Session& session) {
    letter = selectOne(session, "l.office_id = ? AND l.id = ?", {bind(Poco::Int64(officeId)), bind(Poco::Int64(id))});
  });
  return letter;
}

std::optional<domain::IncomingLetter> SqlIncomingLetterRepository::findByTrackingCode(const std::string& code) {
  std::optional<domain::IncomingLetter> letter;
  database_.read([&](Session& session) { letter = selectOne(session, "c.tracking_code = ?", {bind(code)}); });
  return letter;
}

ports::LetterPage SqlIncomingLetterRepository::list(const ports::LetterFilter& f) {
  std::string where = " WHERE l.office_id = ?";
  std::vector<Poco::Data::AbstractBinding::Ptr> binds;
  // Each statement needs bindings of its own; keep the values and bind twice.
  std::vector<std::string> texts;
  std::vector<Poco::Int64> numbers{f.officeId};
  std::vector<char> kinds{'n'};
  auto addText = [&](const std::string& clause, const std::string& value) {
    where += clause;
    texts.push_back(value);
    kinds.push_back('t');
  };
  if (f.year) {
    where += " AND l.year = ?";
    numbers.push_back(*f.year);
    kinds.push_back('n');
  }
  if (f.channel) addText(" AND l.channel = ?", std::string(domain::toString(*f.channel)));
  if (f.complaintKind) addText(" AND l.complaint_kind = ?", std::string(domain::toString(*f.complaintKind)));
  if (f.scale) addText(" AND l.scale = ?", std::string(domain::toString(*f.scale)));
  if (f.urgency) addText(" AND l.urgency = ?", std::string(domain::toString(*f.urgency)));
  if (f.isVoid) where += *f.isVoid ? " AND l.voided = 1" : " AND l.voided = 0";
  if (!f.receivedFrom.empty()) addText(" AND l.received_at >= ?", f.receivedFrom);
  // A bare date means the whole day: "T~" sorts after every time of that day.
  if (!f.receivedTo.empty()) addText(" AND l.received_at <= ?", f.receivedTo.size() == 10 ? f.receivedTo + "T~" : f.receivedTo);
  if (!f.classificationCode.empty()) addText(" AND l.classification_code LIKE ? ESCAPE '\\'",
                                             likePattern(f.classificationCode).substr(1));
  if (!f.text.empty()) {
    where += " AND (l.sender LIKE ? ESCAPE '\\' OR l.subject LIKE ? ESCAPE '\\' OR l.summary LIKE ? ESCAPE '\\' "
             "OR l.agenda_number LIKE ? ESCAPE '\\')";
    for (int i = 0; i < 4; ++i) {
      texts.push_back(likePattern(f.text));
      kinds.push_back('t');
    }
  }
  auto bindAll = [&](Statement& s) {
    size_t t = 0, n = 0;
    for (char k : kinds) {
      if (k == 't')
        s.addBind(bind(texts[t++]));
      else
        s.addBind(bind(numbers[n++]));
    }
  };
  ports::LetterPage page;
  database_.read([&](Session& session) {
    Statement count(session);
    count << "SELECT COUNT(*) FROM incoming_letters l" + where;
    bindAll(count);
    Poco::Int64 total = 0;
    count, into(total);
    count.execute();
    page.total = total;

    Statement select(session);
    std::string order = f.oldestFirst ? " ORDER BY l.year, l.seq" : " ORDER BY l.year DESC, l.seq DESC";
    select << std::string(kSelect) + where + order + " LIMIT " + std::to_string(f.perPage) + " OFFSET " +
                  std::to_string(static_cast<Poco::Int64>(f.page - 1) * f.perPage);
    bindAll(select);
    select.execute();
    RecordSet rs(select);
    for (size_t row = 0; row < rs.rowCount(); ++row) page.items.push_back(letterAt(rs, row));
  });
  return page;
}

domain::IncomingLetter SqlIncomingLetterRepository::correct(std::int64_t officeId, std::int64_t id,
                                                            std::int64_t expectedVersion,
                                                            const domain::IncomingLetterFields& fields,
                                                            const ports::AuditEntry& audit,
                                                            const std::vector<ports::FieldChange>& confidential) {
  domain::IncomingLetter result;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    Statement update(session);
    std::string sets;
    for (const char* c : {"received_at", "channel", "sender_letter_number", "sender_letter_date", "sender", "subject",
                          "urgency", "enclosures", "classification_code", "complaint_kind", "scale", "summary",
                          "reporter_name", "reporter_address", "reporter_sex", "reporter_phone", "reporter_email"})
      sets += std::string(sets.empty() ? "" : ", ") + c + " = ?";
    update << "UPDATE incoming_letters SET " + sets +
                  ", version = version + 1 WHERE office_id = ? AND id = ? AND version = ? AND voided = 0";
    bindFields(update, fields);
    update.addBind(bind(Poco::Int64(officeId)));
    update.addBind(bind(Poco::Int64(id)));
    update.addBind(bind(Poco::Int64(expectedVersion)));
    if (update.execute() == 0) {
      auto current = mustSelect(session, officeId, id);
      if (current.isVoid) throw Error(ErrorCode::kFailedPrecondition, "entry " + current.agendaNumber + " is void");
      throw Error(ErrorCode::kFailedPrecondition,
                  "entry " + current.agendaNumber + " was changed by someone else (now version " +
                      std::to_string(current.version) + ", you edited version " + std::to_string(expectedVersion) +
                      "); reload and try again");
    }
    Poco::Int64 sequence = appendAuditEvent(tx, audit);
    for (const auto& change : confidential) {
      Statement insert(session);
      insert << "INSERT INTO confidential_changes(letter_id, audit_sequence, field, before_value, after_value) "
                "VALUES (?, ?, ?, ?, ?)",
          bind(Poco::Int64(id)), bind(sequence), bind(change.field), bind(change.before), bind(change.after);
      insert.execute();
    }
    result = mustSelect(session, officeId, id);
  });
  return result;
}

std::vector<ports::ConfidentialChange> SqlIncomingLetterRepository::confidentialHistory(std::int64_t officeId,
                                                                                       std::int64_t letterId) {
  std::vector<ports::ConfidentialChange> out;
  database_.read([&](Session& session) {
    mustSelect(session, officeId, letterId);
    Statement select(session);
    select << "SELECT c.audit_sequence, c.field, c.before_value, c.after_value, a.actor, a.at "
              "FROM confidential_changes c JOIN audit_events a ON a.seq = c.audit_sequence "
              "WHERE c.letter_id = ? ORDER BY c.id",
        bind(Poco::Int64(letterId));
    select.execute();
    RecordSet rs(select);
    for (size_t row = 0; row < rs.rowCount(); ++row) {
      ports::ConfidentialChange c;
      c.auditSequence = rs.value(0, row).convert<Poco::Int64>();
      c.field = rs.value(1, row).convert<std::string>();
      c.before = rs.value(2, row).convert<std::string>();
      c.after = rs.value(3, row).convert<std::string>();
      c.changedBy = rs.value(4, row).convert<std::string>();
      c.changedAt = rs.value(5, row).convert<std::string>();
      out.push_back(c);
    }
  });
  return out;
}

domain::IncomingLetter SqlIncomingLetterRepository::markVoid(std::int64_t officeId, std::int64_t id,
                                                             const std::string& reason, const std::string& voidedBy,
                                                             const std::string& voidedAt,
                                                             const ports::AuditEntry& audit) {
  domain::IncomingLetter result;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    Statement update(session);
    update << "UPDATE incoming_letters SET voided = 1, void_reason = ?, voided_by = ?, voided_at = ?, "
              "version = version + 1 WHERE office_id = ? AND id = ? AND voided = 0",
        bind(reason), bind(voidedBy), bind(voidedAt), bind(Poco::Int64(officeId)), bind(Poco::Int64(id));
    if (update.execute() == 0) {
      auto current = mustSelect(session, officeId, id);
      throw Error(ErrorCode::kFailedPrecondition, "entry " + current.agendaNumber + " is void already");
    }
    Poco::Int64 caseId = 0;
    session << "SELECT case_id FROM incoming_letters WHERE id = ?", bind(Poco::Int64(id)), into(caseId), now;
    session << "UPDATE cases SET status = 'void' WHERE id = ?", use(caseId), now;
    appendAuditEvent(tx, audit);
    result = mustSelect(session, officeId, id);
  });
  return result;
}

domain::Attachment SqlIncomingLetterRepository::addAttachment(std::int64_t letterId,
                                                              const domain::Attachment& attachment,
                                                              const std::string& uploadedBy,
                                                              const std::string& uploadedAt,
                                                              const ports::AuditEntry& audit) {
  domain::Attachment stored = attachment;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    Poco::Int64 id = 0;
    session << "INSERT INTO attachments(letter_id, file_name, content_type, size_bytes, sha256, uploaded_by, "
               "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        bind(Poco::Int64(letterId)), bind(attachment.fileName), bind(attachment.contentType),
        bind(Poco::Int64(attachment.sizeBytes)), bind(attachment.sha256), bind(uploadedBy), bind(uploadedAt),
        into(id), now;
    stored.id = id;
    appendAuditEvent(tx, audit);
  });
  return stored;
}

std::optional<domain::Attachment> SqlIncomingLetterRepository::findAttachment(std::int64_t letterId,
                                                                             std::int64_t attachmentId) {
  std::optional<domain::Attachment> found;
  database_.read([&](Session& session) {
    for (auto& a : attachmentsOf(session, letterId))
      if (a.id == attachmentId) found = a;
  });
  return found;
}

std::set<std::int64_t> SqlIncomingLetterRepository::lettersAssignedTo(std::int64_t officeId, std::int64_t userId) {
  std::set<std::int64_t> assigned;
  database_.read([&](Session& session) {
    Poco::Int64 office = officeId, user = userId;
    Statement select(session);
    select << "SELECT l.id FROM incoming_letters l JOIN cases c ON c.id = l.case_id "
              "WHERE l.office_id = ? AND c.assigned_officer_id = ? "
              "UNION SELECT d.letter_id FROM dispositions d JOIN incoming_letters l ON l.id = d.letter_id "
              "WHERE l.office_id = ? AND d.to_user_id = ? AND d.recalled_at IS NULL "
              "UNION SELECT i.letter_id FROM inspections i JOIN inspection_officers o ON o.inspection_id = i.id "
              "WHERE i.office_id = ? AND o.user_id = ?",
        use(office), use(user), use(office), use(user), use(office), use(user);
    select.execute();
    RecordSet rs(select);
    for (size_t row = 0; row < rs.rowCount(); ++row) assigned.insert(rs.value(0, row).convert<Poco::Int64>());
  });
  return assigned;
}

}  // namespace naskah::store
