#include "store/sql_inspection_repository.h"

#include "Poco/Data/RecordSet.h"
#include "Poco/Data/Statement.h"
#include "domain/common/error.h"
#include "store/record_values.h"
#include "store/sql_audit_log.h"

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace naskah::store {
namespace {

using domain::inspection::FieldInspection;
using domain::inspection::InspectionPhoto;
using domain::inspection::InspectionReport;

RecordSet query(Session& session, const std::string& sql, Poco::Int64 key) {
  Statement select(session);
  select << sql, use(key);
  select.execute();
  return RecordSet(select);
}

// Column order matches inspectionAt().
const char* kSelect =
    "SELECT i.id, i.office_id, i.case_id, i.letter_id, i.scheduled_at, i.place, i.instructions, a.username, "
    "i.assigned_at, i.status, i.started_at, i.finished_at, i.mediation, COALESCE(r.username, ''), i.reported_at, "
    "i.version, c.status FROM inspections i JOIN users a ON a.id = i.assigned_by "
    "LEFT JOIN users r ON r.id = i.reported_by JOIN cases c ON c.id = i.case_id";

FieldInspection inspectionAt(RecordSet& rs, size_t row) {
  FieldInspection f;
  f.id = integer(rs, 0, row);
  f.officeId = integer(rs, 1, row);
  f.caseId = integer(rs, 2, row);
  f.incomingLetterId = integer(rs, 3, row);
  f.scheduledAt = text(rs, 4, row);
  f.place = text(rs, 5, row);
  f.instructions = text(rs, 6, row);
  f.assignedBy = text(rs, 7, row);
  f.assignedAt = text(rs, 8, row);
  f.status = domain::inspection::parseInspectionStatus(text(rs, 9, row))
                 .value_or(domain::inspection::InspectionStatus::kScheduled);
  if (f.status == domain::inspection::InspectionStatus::kReported) {
    InspectionReport r;
    r.startedAt = text(rs, 10, row);
    r.finishedAt = text(rs, 11, row);
    r.mediation = text(rs, 12, row);
    f.report = r;
  }
  f.reportedBy = text(rs, 13, row);
  f.reportedAt = text(rs, 14, row);
  f.version = integer(rs, 15, row);
  f.caseClosed = text(rs, 16, row) == "closed";
  return f;
}

// The team, the report's rows and the photos.
void loadDetails(Session& session, FieldInspection& f) {
  Poco::Int64 id = f.id;
  RecordSet team = query(session,
                         "SELECT o.user_id, u.username FROM inspection_officers o JOIN users u ON u.id = o.user_id "
                         "WHERE o.inspection_id = ? ORDER BY o.ord",
                         id);
  f.officers.clear();
  for (size_t row = 0; row < team.rowCount(); ++row) f.officers.push_back({integer(team, 0, row), text(team, 1, row)});
  if (f.report) {
    RecordSet findings = query(
        session, "SELECT description, remark FROM inspection_findings WHERE inspection_id = ? ORDER BY ord", id);
    for (size_t row = 0; row < findings.rowCount(); ++row)
      f.report->findings.push_back({text(findings, 0, row), text(findings, 1, row)});
    RecordSet recommendations = query(
        session, "SELECT recommendation FROM inspection_recommendations WHERE inspection_id = ? ORDER BY ord", id);
    for (size_t row = 0; row < recommendations.rowCount(); ++row)
      f.report->recommendations.push_back(text(recommendations, 0, row));
  }
  RecordSet photos = query(session,
                           "SELECT number, file_name, content_type, size_bytes, sha256, caption, uploaded_by, "
                           "uploaded_at FROM inspection_photos WHERE inspection_id = ? ORDER BY number",
                           id);
  f.photos.clear();
  for (size_t row = 0; row < photos.rowCount(); ++row) {
    InspectionPhoto p;
    p.number = static_cast<int>(integer(photos, 0, row));
    p.fileName = text(photos, 1, row);
    p.contentType = text(photos, 2, row);
    p.sizeBytes = integer(photos, 3, row);
    p.sha256 = text(photos, 4, row);
    p.caption = text(photos, 5, row);
    p.uploadedBy = text(photos, 6, row);
    p.uploadedAt = text(photos, 7, row);
    f.photos.push_back(p);
  }
}

std::vector<FieldInspection> selectWhere(Session& session, const std::string& where, Poco::Int64 office,
                                         Poco::Int64 key) {
  Statement select(session);
  select << std::string(kSelect) + " WHERE i.office_id = ? AND " + where + " ORDER BY i.id", use(office), use(key);
  select.execute();
  RecordSet rs(select);
  std::vector<FieldInspection> out;
  for (size_t row = 0; row < rs.rowCount(); ++row) {
    out.push_back(inspectionAt(rs, row));
    loadDetails(session, out.back());
  }
  return out;
}

FieldInspection mustSelect(Session& session, std::int64_t officeId, std::int64_t id) {
  auto found = selectWhere(session, "i.id = ?", officeId, id);
  if (found.empty()) throw Error(ErrorCode::kNotFound, "inspection " + std::to_string(id) + " does not exist");
  return found.front();
}

void audit(WriteTransaction& tx, const ports::AuditEntry& entry, std::int64_t id) {
  ports::AuditEntry e = entry;
  if (e.objectId.empty()) e.objectId = std::to_string(id);
  appendAuditEvent(tx, e);
}

}  // namespace

std::vector<const char*> inspectionSchemaStatements() {
  return {
      R"(CREATE TABLE inspections(
           id INTEGER PRIMARY KEY,
           office_id INTEGER NOT NULL REFERENCES offices(id),
           case_id INTEGER NOT NULL REFERENCES cases(id),
           letter_id INTEGER NOT NULL REFERENCES incoming_letters(id),
           scheduled_at TEXT NOT NULL,
           place TEXT NOT NULL,
           instructions TEXT NOT NULL DEFAULT '',
           assigned_by INTEGER NOT NULL REFERENCES users(id),
           assigned_at TEXT NOT NULL,
           status TEXT NOT NULL,
           started_at TEXT,
           finished_at TEXT,
           mediation TEXT NOT NULL DEFAULT '',
           reported_by INTEGER REFERENCES users(id),
           reported_at TEXT,
           version INTEGER NOT NULL DEFAULT 1))",
      "CREATE INDEX inspections_letter ON inspections(letter_id, id)",
      "CREATE INDEX inspections_case ON inspections(case_id)",
      // The team in order: ord 1 leads (ketua), the others are members (anggota).
      R"(CREATE TABLE inspection_officers(
           inspection_id INTEGER NOT NULL REFERENCES inspections(id),
           ord INTEGER NOT NULL,
           user_id INTEGER NOT NULL REFERENCES users(id),
           PRIMARY KEY(inspection_id, ord),
           UNIQUE(inspection_id, user_id)))",
      "CREATE INDEX inspection_officers_user ON inspection_officers(user_id)",
      // A new report replaces the rows of the one before (the audit trail keeps what changed).
      R"(CREATE TABLE inspection_findings(
           inspection_id INTEGER NOT NULL REFERENCES inspections(id),
           ord INTEGER NOT NULL,
           description TEXT NOT NULL,
           remark TEXT NOT NULL DEFAULT '',
           PRIMARY KEY(inspection_id, ord)))",
      R"(CREATE TABLE inspection_recommendations(
           inspection_id INTEGER NOT NULL REFERENCES inspections(id),
           ord INTEGER NOT NULL,
           recommendation TEXT NOT NULL,
           PRIMARY KEY(inspection_id, ord)))",
      // Bytes are content-addressed in the attachments blob store, as the agenda's scans.
      R"(CREATE TABLE inspection_photos(
           inspection_id INTEGER NOT NULL REFERENCES inspections(id),
           number INTEGER NOT NULL,
           file_name TEXT NOT NULL,
           content_type TEXT NOT NULL,
           size_bytes INTEGER NOT NULL,
           sha256 TEXT NOT NULL,
           caption TEXT NOT NULL DEFAULT '',
           uploaded_by TEXT NOT NULL,
           uploaded_at TEXT NOT NULL,
           PRIMARY KEY(inspection_id, number)))",
  };
}

FieldInspection SqlInspectionRepository::create(const ports::NewInspection& n, const ports::AuditEntry& entry) {
  FieldInspection result;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    const auto& a = n.assignment;
    std::string caseStatus;
    session << "SELECT status FROM cases WHERE id = ?", bind(Poco::Int64(n.caseId)), into(caseStatus), now;
    if (caseStatus == "closed")
      throw Error(ErrorCode::kFailedPrecondition, "case " + std::to_string(n.caseId) + " is closed");
    Poco::Int64 id = 0;
    session << "INSERT INTO inspections(office_id, case_id, letter_id, scheduled_at, place, instructions, "
               "assigned_by, assigned_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'scheduled') RETURNING id",
        bind(Poco::Int64(n.officeId)), bind(Poco::Int64(n.caseId)), bind(Poco::Int64(n.incomingLetterId)),
        bind(a.scheduledAt), bind(a.place), bind(a.instructions), bind(Poco::Int64(n.assignedById)),
        bind(n.assignedAt), into(id), now;
    for (size_t i = 0; i < a.officerIds.size(); ++i)
      session << "INSERT INTO inspection_officers(inspection_id, ord, user_id) VALUES (?, ?, ?)", bind(id),
          bind(Poco::Int64(i + 1)), bind(Poco::Int64(a.officerIds[i])), now;
    // The leader handles the case from here, and so may read the reporter's identity.
    session << "UPDATE cases SET assigned_officer_id = ? WHERE id = ? AND assigned_officer_id IS NULL",
        bind(Poco::Int64(a.officerIds.front())), bind(Poco::Int64(n.caseId)), now;
    audit(tx, entry, id);
    result = mustSelect(session, n.officeId, id);
  });
  return result;
}

std::optional<FieldInspection> SqlInspectionRepository::find(std::int64_t officeId, std::int64_t id) {
  std::optional<FieldInspection> out;
  database_.read([&](Session& session) {
    auto found = selectWhere(session, "i.id = ?", officeId, id);
    if (!found.empty()) out = found.front();
  });
  return out;
}

std::vector<FieldInspection> SqlInspectionRepository::listForLetter(std::int64_t officeId, std::int64_t letterId) {
  std::vector<FieldInspection> out;
  database_.read([&](Session& session) { out = selectWhere(session, "i.letter_id = ?", officeId, letterId); });
  return out;
}

FieldInspection SqlInspectionRepository::recordReport(std::int64_t officeId, std::int64_t id,
                                                      std::int64_t expectedVersion, const InspectionReport& report,
                                                      const std::string& reportedBy, const std::string& reportedAt,
                                                      const ports::AuditEntry& entry) {
  FieldInspection result;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    Poco::Int64 key = id;
    std::vector<Poco::Int64> updated;
    session << "UPDATE inspections SET status = 'reported', started_at = ?, finished_at = ?, mediation = ?, "
               "reported_by = (SELECT id FROM users WHERE username = ?), reported_at = ?, version = version + 1 "
               "WHERE id = ? AND office_id = ? AND version = ? RETURNING id",
        bind(report.startedAt), bind(report.finishedAt), bind(report.mediation), bind(reportedBy), bind(reportedAt),
        use(key), bind(Poco::Int64(officeId)), bind(Poco::Int64(expectedVersion)), into(updated), now;
    if (updated.empty()) {
      auto current = mustSelect(session, officeId, id);  // kNotFound when absent
      throw Error(ErrorCode::kFailedPrecondition,
                  "inspection " + std::to_string(id) + " is at version " + std::to_string(current.version) +
                      ", no longer " + std::to_string(expectedVersion) + ": someone changed it meanwhile; reload it");
    }
    session << "DELETE FROM inspection_findings WHERE inspection_id = ?", use(key), now;
    session << "DELETE FROM inspection_recommendations WHERE inspection_id = ?", use(key), now;
    for (size_t i = 0; i < report.findings.size(); ++i)
      session << "INSERT INTO inspection_findings(inspection_id, ord, description, remark) VALUES (?, ?, ?, ?)",
          use(key), bind(Poco::Int64(i + 1)), bind(report.findings[i].description), bind(report.findings[i].remark),
          now;
    for (size_t i = 0; i < report.recommendations.size(); ++i)
      session << "INSERT INTO inspection_recommendations(inspection_id, ord, recommendation) VALUES (?, ?, ?)",
          use(key), bind(Poco::Int64(i + 1)), bind(report.recommendations[i]), now;
    audit(tx, entry, id);
    result = mustSelect(session, officeId, id);
  });
  return result;
}

InspectionPhoto SqlInspectionRepository::addPhoto(std::int64_t officeId, std::int64_t id, const InspectionPhoto& photo,
                                                  const ports::AuditEntry& entry) {
  InspectionPhoto stored = photo;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    mustSelect(session, officeId, id);
    Poco::Int64 key = id, count = 0;
    session << "SELECT COUNT(*) FROM inspection_photos WHERE inspection_id = ?", use(key), into(count), now;
    if (count >= static_cast<Poco::Int64>(domain::inspection::kMaxPhotos))
      throw Error(ErrorCode::kFailedPrecondition, "inspection " + std::to_string(id) + " has " +
                                                      std::to_string(count) + " photos, the most one report prints");
    // Numbers follow upload order; the writer is serialised, so the next number is free.
    Poco::Int64 number = 0;
    session << "SELECT COALESCE(MAX(number), 0) + 1 FROM inspection_photos WHERE inspection_id = ?", use(key),
        into(number), now;
    session << "INSERT INTO inspection_photos(inspection_id, number, file_name, content_type, size_bytes, sha256, "
               "caption, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        use(key), use(number), bind(photo.fileName), bind(photo.contentType), bind(Poco::Int64(photo.sizeBytes)),
        bind(photo.sha256), bind(photo.caption), bind(photo.uploadedBy), bind(photo.uploadedAt), now;
    session << "UPDATE inspections SET version = version + 1 WHERE id = ?", use(key), now;
    stored.number = static_cast<int>(number);
    ports::AuditEntry e = entry;
    e.changes.push_back({"number", "", std::to_string(number)});
    audit(tx, e, id);
  });
  return stored;
}

}  // namespace naskah::store
