#include "store/sql_audit_log.h"

#include <sstream>

#include "Poco/Data/RecordSet.h"
#include "Poco/Data/Statement.h"
#include "Poco/DateTimeFormatter.h"
#include "Poco/JSON/Array.h"
#include "Poco/JSON/Object.h"
#include "Poco/SHA2Engine.h"
#include "Poco/Timestamp.h"

using namespace Poco::Data::Keywords;

namespace naskah::store {
namespace {

std::string detailsJson(const ports::AuditEntry& entry) {
  Poco::JSON::Object details(Poco::JSON_PRESERVE_KEY_ORDER);
  Poco::JSON::Array changes;
  for (const auto& change : entry.changes) {
    Poco::JSON::Object c(Poco::JSON_PRESERVE_KEY_ORDER);
    c.set("field", change.field);
    c.set("before", change.before);
    c.set("after", change.after);
    changes.add(c);
  }
  details.set("changes", changes);
  if (!entry.note.empty()) details.set("note", entry.note);
  std::ostringstream out;
  details.stringify(out);
  return out.str();
}

const char* kEventColumns = "seq, at, actor, action, object_type, object_id, details, prev_hash, hash";

domain::AuditEvent eventAt(Poco::Data::RecordSet& rs, size_t row) {
  domain::AuditEvent e;
  e.sequence = rs.value(0, row).convert<Poco::Int64>();
  e.at = rs.value(1, row).convert<std::string>();
  e.actor = rs.value(2, row).convert<std::string>();
  e.action = rs.value(3, row).convert<std::string>();
  e.objectType = rs.value(4, row).convert<std::string>();
  e.objectId = rs.value(5, row).convert<std::string>();
  e.detailsJson = rs.value(6, row).convert<std::string>();
  e.previousHash = rs.value(7, row).convert<std::string>();
  e.hash = rs.value(8, row).convert<std::string>();
  return e;
}

}  // namespace

std::string sha256Hex(std::string_view data) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(data.data(), static_cast<unsigned>(data.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string utcNowIso() { return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ"); }

std::int64_t appendAuditEvent(WriteTransaction& tx, const ports::AuditEntry& entry) {
  if (!tx.auditHead) {
    Poco::Int64 lastSeq = 0;
    std::string lastHash;
    tx.session << "SELECT last_seq, last_hash FROM audit_head WHERE id = 1", into(lastSeq), into(lastHash), now;
    tx.auditHead = WriteTransaction::AuditHead{lastSeq, lastHash, false};
  }
  domain::AuditEvent e;
  e.sequence = tx.auditHead->sequence + 1;
  e.at = utcNowIso();
  e.actor = entry.actor;
  e.action = entry.action;
  e.objectType = entry.objectType;
  e.objectId = entry.objectId;
  e.detailsJson = detailsJson(entry);
  e.previousHash = tx.auditHead->hash;
  e.hash = sha256Hex(domain::chainInput(e));
  tx.statements
      .get("INSERT INTO audit_events(seq, at, actor, action, object_type, object_id, details, prev_hash, hash) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, e.sequence)
      .bind(2, e.at)
      .bind(3, e.actor)
      .bind(4, e.action)
      .bind(5, e.objectType)
      .bind(6, e.objectId)
      .bind(7, e.detailsJson)
      .bind(8, e.previousHash)
      .bind(9, e.hash)
      .run();
  // The head row is written once per transaction, before COMMIT (Database::write).
  tx.auditHead = WriteTransaction::AuditHead{e.sequence, e.hash, true};
  return e.sequence;
}

void SqlAuditLog::append(const ports::AuditEntry& entry) {
  database_.write([&](WriteTransaction& tx) { appendAuditEvent(tx, entry); });
}

std::vector<domain::AuditEvent> SqlAuditLog::list(const ports::AuditFilter& f) {
  std::vector<domain::AuditEvent> events;
  database_.read([&](Poco::Data::Session& session) {
    Poco::Data::Statement select(session);
    std::string sql = std::string("SELECT ") + kEventColumns + " FROM audit_events WHERE seq > ?";
    select.addBind(bind(Poco::Int64(f.afterSequence)));
    auto filter = [&](const std::string& value, const char* clause) {
      if (value.empty()) return;
      sql += clause;
      select.addBind(bind(value));
    };
    filter(f.actor, " AND actor = ?");
    filter(f.action, " AND action = ?");
    filter(f.objectType, " AND object_type = ?");
    filter(f.objectId, " AND object_id = ?");
    filter(f.from, " AND at >= ?");
    filter(f.to, " AND at < ?");
    sql += " ORDER BY seq LIMIT " + std::to_string(f.limit);
    select << sql;
    select.execute();
    Poco::Data::RecordSet rs(select);
    for (size_t row = 0; row < rs.rowCount(); ++row) events.push_back(eventAt(rs, row));
  });
  return events;
}

ports::AuditVerification SqlAuditLog::verify() {
  domain::AuditChainVerifier verifier(sha256Hex);
  database_.read([&](Poco::Data::Session& session) {
    // One read transaction so that the events and the head are one snapshot even while
    // the server keeps appending.
    session << "BEGIN", now;
    try {
      Poco::Int64 after = 0;
      constexpr int kBatch = 5000;
      while (true) {
        Poco::Data::Statement select(session);
        select << std::string("SELECT ") + kEventColumns + " FROM audit_events WHERE seq > ? ORDER BY seq LIMIT " +
                      std::to_string(kBatch),
            use(after);
        select.execute();
        Poco::Data::RecordSet rs(select);
        for (size_t row = 0; row < rs.rowCount(); ++row) {
          auto event = eventAt(rs, row);
          after = event.sequence;
          verifier.add(event);
        }
        if (rs.rowCount() < static_cast<size_t>(kBatch)) break;
      }
      Poco::Int64 headSeq = 0;
      std::string headHash;
      session << "SELECT last_seq, last_hash FROM audit_head WHERE id = 1", into(headSeq), into(headHash), now;
      verifier.finish(headSeq, headHash);
      session << "COMMIT", now;
    } catch (...) {
      session << "ROLLBACK", now;
      throw;
    }
  });
  return ports::AuditVerification{verifier.eventsChecked(), verifier.firstBreak()};
}

}  // namespace naskah::store
