#include "store/sql_retention_repository.h"

#include "Poco/Data/RecordSet.h"
#include "Poco/Data/Statement.h"
#include "domain/common/error.h"
#include "store/sql_archive_fts.h"
#include "store/sql_audit_log.h"
#include "store/sql_select_one.h"

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace naskah::store {
namespace {

// Column order matches recordAt().
const char* kSelectRecord =
    "SELECT d.id, d.kind, d.classification_code, d.letter_date, d.subject, d.outgoing_number, d.sha256, "
    "d.content_type, COALESCE(i.disposal_id, 0), COALESCE(p.number, '') "
    "FROM archive_documents d LEFT JOIN disposal_items i ON i.document_id = d.id "
    "LEFT JOIN disposals p ON p.id = i.disposal_id";

ports::RetainedRecord recordAt(RecordSet& rs, size_t row) {
  auto text = [&](size_t col) { return rs.value(col, row).convert<std::string>(); };
  ports::RetainedRecord r;
  r.id = rs.value(0, row).convert<Poco::Int64>();
  r.kind = text(1);
  r.classificationCode = text(2);
  r.letterDate = text(3);
  r.subject = text(4);
  r.outgoingNumber = text(5);
  r.sha256 = text(6);
  r.contentType = text(7);
  r.disposalId = rs.value(8, row).convert<Poco::Int64>();
  r.disposalNumber = text(9);
  return r;
}

const char* kSelectHold =
    "SELECT id, document_id, reason, placed_by, placed_at, COALESCE(released_by, ''), COALESCE(released_at, '') "
    "FROM legal_holds";

std::vector<ports::LegalHold> holdsAt(RecordSet& rs) {
  std::vector<ports::LegalHold> holds;
  for (size_t row = 0; row < rs.rowCount(); ++row) {
    auto text = [&](size_t col) { return rs.value(col, row).convert<std::string>(); };
    holds.push_back({rs.value(0, row).convert<Poco::Int64>(), rs.value(1, row).convert<Poco::Int64>(), text(2),
                     text(3), text(4), text(5), text(6)});
  }
  return holds;
}

std::optional<ports::RetainedRecord> recordIn(Session& session, std::int64_t officeId, std::int64_t id) {
  return selectOneOfOffice(session, kSelectRecord, "d.office_id", "d.id", officeId, id, recordAt);
}

std::optional<ports::LegalHold> holdIn(Session& session, std::int64_t holdId) {
  Poco::Int64 rowid = holdId;
  Statement select(session);
  select << std::string(kSelectHold) + " WHERE id = ?", use(rowid), now;
  RecordSet rs(select);
  auto holds = holdsAt(rs);
  if (holds.empty()) return std::nullopt;
  return holds.front();
}

}  // namespace

std::vector<const char*> retentionSchemaStatements() {
  return {
      R"(CREATE TABLE legal_holds(
          id INTEGER PRIMARY KEY,
          document_id INTEGER NOT NULL REFERENCES archive_documents(id),
          reason TEXT NOT NULL,
          placed_by TEXT NOT NULL,
          placed_at TEXT NOT NULL,
          released_by TEXT,
          released_at TEXT))",
      "CREATE INDEX legal_holds_document ON legal_holds(document_id)",
      R"(CREATE TABLE disposals(
          id INTEGER PRIMARY KEY,
          office_id INTEGER NOT NULL REFERENCES offices(id),
          number TEXT NOT NULL,
          date TEXT NOT NULL,
          approved_by TEXT NOT NULL,
          reason TEXT NOT NULL DEFAULT '',
          recorded_by TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          UNIQUE(office_id, number)))",
      R"(CREATE TABLE disposal_items(
          disposal_id INTEGER NOT NULL REFERENCES disposals(id),
          document_id INTEGER NOT NULL UNIQUE REFERENCES archive_documents(id),
          PRIMARY KEY(disposal_id, document_id)))",
  };
}

std::vector<ports::RetainedRecord> SqlRetentionRepository::keptRecords(std::int64_t officeId) {
  std::vector<ports::RetainedRecord> records;
  database_.read([&](Session& session) {
    Poco::Int64 office = officeId;
    Statement select(session);
    select << std::string(kSelectRecord) + " WHERE d.office_id = ? AND i.document_id IS NULL ORDER BY d.id",
        use(office), now;
    RecordSet rs(select);
    records.clear();
    for (size_t row = 0; row < rs.rowCount(); ++row) records.push_back(recordAt(rs, row));
  });
  return records;
}

std::optional<ports::RetainedRecord> SqlRetentionRepository::record(std::int64_t officeId, std::int64_t id) {
  std::optional<ports::RetainedRecord> found;
  database_.read([&](Session& session) { found = recordIn(session, officeId, id); });
  return found;
}

std::vector<ports::LegalHold> SqlRetentionRepository::holds(std::int64_t officeId, std::int64_t recordId) {
  std::vector<ports::LegalHold> holds;
  database_.read([&](Session& session) {
    Poco::Int64 office = officeId, rowid = recordId;
    Statement select(session);
    select << std::string(kSelectHold) +
                  " WHERE document_id = ? AND document_id IN (SELECT id FROM archive_documents WHERE office_id = ?) "
                  "ORDER BY id",
        use(rowid), use(office), now;
    RecordSet rs(select);
    holds = holdsAt(rs);
  });
  return holds;
}

std::vector<std::int64_t> SqlRetentionRepository::heldRecordIds(std::int64_t officeId) {
  std::vector<std::int64_t> ids;
  database_.read([&](Session& session) {
    Poco::Int64 office = officeId;
    std::vector<Poco::Int64> rows;
    session << "SELECT DISTINCT h.document_id FROM legal_holds h JOIN archive_documents d ON d.id = h.document_id "
               "WHERE d.office_id = ? AND h.released_at IS NULL ORDER BY h.document_id",
        use(office), into(rows), now;
    ids.assign(rows.begin(), rows.end());
  });
  return ids;
}

ports::LegalHold SqlRetentionRepository::placeHold(std::int64_t officeId, const ports::LegalHold& hold,
                                                   const ports::AuditEntry& audit) {
  ports::LegalHold placed;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    if (!recordIn(session, officeId, hold.recordId))
      throw Error(ErrorCode::kNotFound, "archived document " + std::to_string(hold.recordId) + " does not exist");
    Poco::Int64 document = hold.recordId;
    session << "INSERT INTO legal_holds(document_id, reason, placed_by, placed_at) VALUES (?, ?, ?, ?)",
        use(document), bind(hold.reason), bind(hold.placedBy), bind(hold.placedAt), now;
    Poco::Int64 id = 0;
    session << "SELECT last_insert_rowid()", into(id), now;
    ports::AuditEntry entry = audit;
    entry.changes.push_back({"hold", "", std::to_string(id)});
    appendAuditEvent(tx, entry);
    placed = *holdIn(session, id);
  });
  return placed;
}

ports::LegalHold SqlRetentionRepository::releaseHold(std::int64_t officeId, std::int64_t recordId,
                                                     std::int64_t holdId, const std::string& releasedBy,
                                                     const std::string& releasedAt, const ports::AuditEntry& audit) {
  ports::LegalHold released;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    auto hold = holdIn(session, holdId);
    if (!hold || hold->recordId != recordId || !recordIn(session, officeId, recordId))
      throw Error(ErrorCode::kNotFound, "archived document " + std::to_string(recordId) + " has no legal hold " +
                                            std::to_string(holdId));
    if (!hold->active())
      throw Error(ErrorCode::kFailedPrecondition,
                  "legal hold " + std::to_string(holdId) + " was already released at " + hold->releasedAt);
    Poco::Int64 rowid = holdId;
    session << "UPDATE legal_holds SET released_by = ?, released_at = ? WHERE id = ?", bind(releasedBy),
        bind(releasedAt), use(rowid), now;
    appendAuditEvent(tx, audit);
    released = *holdIn(session, holdId);
  });
  return released;
}

ports::Disposal SqlRetentionRepository::recordDisposal(const ports::Disposal& disposal,
                                                       const std::vector<ports::AuditEntry>& audits) {
  ports::Disposal recorded;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    Poco::Int64 office = disposal.officeId;
    int taken = 0;
    session << "SELECT COUNT(*) FROM disposals WHERE office_id = ? AND number = ?", use(office),
        bind(disposal.number), into(taken), now;
    if (taken > 0)
      throw Error(ErrorCode::kAlreadyExists, "berita acara " + disposal.number + " is already recorded");
    std::vector<FieldViolation> refused;
    for (auto id : disposal.recordIds) {
      std::string field = "record_ids." + std::to_string(id);
      auto record = recordIn(session, disposal.officeId, id);
      if (!record) {
        refused.push_back({field, "does not exist"});
        continue;
      }
      if (record->disposalId) {
        refused.push_back({field, "was already disposed of by berita acara " + record->disposalNumber});
        continue;
      }
      Poco::Int64 rowid = id;
      int held = 0;
      session << "SELECT COUNT(*) FROM legal_holds WHERE document_id = ? AND released_at IS NULL", use(rowid),
          into(held), now;
      if (held > 0) refused.push_back({field, "is under a legal hold"});
    }
    if (!refused.empty()) {
      std::string message = "the disposal is refused:";
      for (const auto& r : refused) message += " " + r.field + " " + r.message + ";";
      message.pop_back();
      throw Error(ErrorCode::kFailedPrecondition, message, refused);
    }
    session << "INSERT INTO disposals(office_id, number, date, approved_by, reason, recorded_by, recorded_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
        use(office), bind(disposal.number), bind(disposal.date), bind(disposal.approvedBy), bind(disposal.reason),
        bind(disposal.recordedBy), bind(disposal.recordedAt), now;
    Poco::Int64 id = 0;
    session << "SELECT last_insert_rowid()", into(id), now;
    for (auto recordId : disposal.recordIds) {
      Poco::Int64 document = recordId;
      session << "INSERT INTO disposal_items(disposal_id, document_id) VALUES (?, ?)", use(id), use(document), now;
      // A destroyed letter's words must not stay findable: its text and the reporter's identity
      // go with the file, from the row and from the index. The metadata (number, dates, parties,
      // subject) stays searchable, with the berita acara that disposed of it.
      archive_fts::unindex(session, recordId);
      session << "UPDATE archive_documents SET body = '', identity = '' WHERE id = ?", use(document), now;
      archive_fts::index(session, recordId);
    }
    for (auto entry : audits) {
      if (entry.objectId.empty()) entry.objectId = std::to_string(id);
      appendAuditEvent(tx, entry);
    }
    recorded = disposal;
    recorded.id = id;
  });
  return recorded;
}

bool SqlRetentionRepository::contentStillNamed(const std::string& sha256) {
  int kept = 0;
  database_.read([&](Session& session) {
    session << "SELECT COUNT(*) FROM archive_documents d WHERE d.sha256 = ? AND NOT EXISTS "
               "(SELECT 1 FROM disposal_items i WHERE i.document_id = d.id)",
        bind(sha256), into(kept), now;
  });
  return kept > 0;
}

}  // namespace naskah::store
