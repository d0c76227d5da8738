#include "store/sql_archive_repository.h"

#include <map>
#include <sstream>

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

// Portable SQL: no AUTOINCREMENT, dates as ISO text, lists as lines of text. Rows are never
// updated — a newer version is a new row that names the one it supersedes — but for one
// change: a disposal (sql_retention_repository.cpp) blanks body and identity, the content.
const char* kTable = R"(CREATE TABLE archive_documents(
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES offices(id),
    kind TEXT NOT NULL,
    outgoing_number TEXT NOT NULL DEFAULT '',
    agenda_number TEXT NOT NULL DEFAULT '',
    letter_date TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    sender TEXT NOT NULL DEFAULT '',
    recipient TEXT NOT NULL DEFAULT '',
    signer TEXT NOT NULL DEFAULT '',
    classification_code TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    tembusan TEXT NOT NULL DEFAULT '',
    case_id INTEGER REFERENCES cases(id),
    supersedes_id INTEGER REFERENCES archive_documents(id),
    content_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    identity TEXT NOT NULL DEFAULT '',
    facets TEXT NOT NULL DEFAULT '',
    archived_by TEXT NOT NULL,
    archived_at TEXT NOT NULL,
    UNIQUE(office_id, sha256)))";

// Column order of kSelect matches recordAt().
const char* kSelect =
    "SELECT d.id, d.office_id, d.kind, d.outgoing_number, d.agenda_number, d.letter_date, d.subject, d.sender, "
    "d.recipient, d.signer, d.classification_code, d.channel, d.status, d.tembusan, COALESCE(d.case_id, 0), "
    "COALESCE(d.supersedes_id, 0), d.content_type, d.sha256, d.size_bytes, d.identity, d.archived_by, "
    "d.archived_at, COALESCE((SELECT n.id FROM archive_documents n WHERE n.supersedes_id = d.id), 0) "
    "FROM archive_documents d";

std::string joinLines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "\n") + item;
  return out;
}

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> items;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) items.push_back(line);
  return items;
}

ports::ArchiveRecord recordAt(RecordSet& rs, size_t row) {
  auto text = [&](size_t col) { return rs.value(col, row).convert<std::string>(); };
  auto integer = [&](size_t col) { return rs.value(col, row).convert<Poco::Int64>(); };
  ports::ArchiveRecord r;
  r.id = integer(0);
  r.officeId = integer(1);
  auto& m = r.metadata;
  m.kind = text(2);
  m.outgoingNumber = text(3);
  m.agendaNumber = text(4);
  m.letterDate = text(5);
  m.subject = text(6);
  m.sender = text(7);
  m.recipient = text(8);
  m.signer = text(9);
  m.classificationCode = text(10);
  m.channel = text(11);
  m.status = text(12);
  m.tembusan = splitLines(text(13));
  m.caseId = integer(14);
  m.supersedesId = integer(15);
  m.contentType = text(16);
  r.sha256 = text(17);
  r.sizeBytes = integer(18);
  m.reporterIdentity = splitLines(text(19));
  r.archivedBy = text(20);
  r.archivedAt = text(21);
  if (auto newer = integer(22)) r.supersededBy = newer;
  return r;
}

std::optional<ports::ArchiveRecord> findIn(Session& session, std::int64_t officeId, std::int64_t id) {
  return selectOneOfOffice(session, kSelect, "d.office_id", "d.id", officeId, id, recordAt);
}

}  // namespace

std::vector<const char*> archiveSchemaStatements() {
  std::vector<const char*> statements{
      kTable,
      "CREATE INDEX archive_documents_date ON archive_documents(office_id, letter_date)",
      "CREATE INDEX archive_documents_case ON archive_documents(case_id)",
      // A version is superseded once: the chain never forks.
      "CREATE UNIQUE INDEX archive_documents_supersedes ON archive_documents(supersedes_id)",
  };
  for (const char* sql : archive_fts::schemaStatements()) statements.push_back(sql);
  return statements;
}

ports::ArchiveRepository::AddResult SqlArchiveRepository::add(const ports::NewArchiveRecord& record,
                                                              const ports::AuditEntry& audit) {
  AddResult result;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    const auto& m = record.metadata;
    Poco::Int64 office = record.officeId;
    std::vector<Poco::Int64> existing;
    session << "SELECT id FROM archive_documents WHERE office_id = ? AND sha256 = ?", use(office),
        bind(record.sha256), into(existing), now;
    if (!existing.empty()) {
      result = AddResult{*findIn(session, record.officeId, existing.front()), false};
      return;
    }
    Violations v;
    auto mustExist = [&](const char* table, const char* field, std::int64_t id) {
      if (id == 0) return;
      Poco::Int64 rowid = id;
      int found = 0;
      session << std::string("SELECT COUNT(*) FROM ") + table + " WHERE id = ? AND office_id = ?", use(rowid),
          use(office), into(found), now;
      if (found == 0) v.add(field, "names no " + std::string(table == std::string("cases") ? "case" : "archived document") +
                                       " of this office (" + std::to_string(id) + ")");
    };
    mustExist("cases", "case_id", m.caseId);
    mustExist("archive_documents", "supersedes_id", m.supersedesId);
    v.throwIfAny("the archive record is not valid");

    std::string tembusan = joinLines(m.tembusan), identity = joinLines(m.reporterIdentity);
    std::string facets = archive_fts::facetsOf(record.officeId, m);
    Poco::Nullable<Poco::Int64> caseId, supersedes;
    if (m.caseId) caseId = Poco::Int64(m.caseId);
    if (m.supersedesId) supersedes = Poco::Int64(m.supersedesId);
    Poco::Int64 size = record.sizeBytes;
    Statement insert(session);
    insert << "INSERT INTO archive_documents(office_id, kind, outgoing_number, agenda_number, letter_date, subject, "
              "sender, recipient, signer, classification_code, channel, status, tembusan, case_id, supersedes_id, "
              "content_type, sha256, size_bytes, body, identity, facets, archived_by, archived_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        use(office), bind(m.kind), bind(m.outgoingNumber), bind(m.agendaNumber), bind(m.letterDate), bind(m.subject),
        bind(m.sender), bind(m.recipient), bind(m.signer), bind(m.classificationCode), bind(m.channel),
        bind(m.status), use(tembusan), use(caseId), use(supersedes), bind(m.contentType), bind(record.sha256),
        use(size), bind(m.text), use(identity), use(facets), bind(record.archivedBy), bind(record.archivedAt);
    insert.execute();
    Poco::Int64 id = 0;
    session << "SELECT last_insert_rowid()", into(id), now;
    archive_fts::index(session, id);
    ports::AuditEntry entry = audit;
    entry.objectId = std::to_string(id);
    appendAuditEvent(tx, entry);
    result = AddResult{*findIn(session, record.officeId, id), true};
  });
  return result;
}

std::optional<ports::ArchiveRecord> SqlArchiveRepository::find(std::int64_t officeId, std::int64_t id) {
  std::optional<ports::ArchiveRecord> record;
  database_.read([&](Session& session) {
    record = findIn(session, officeId, id);
    if (!record) return;
    Poco::Int64 rowid = id;
    session << "SELECT body FROM archive_documents WHERE id = ?", use(rowid), into(record->metadata.text), now;
  });
  return record;
}

ports::ArchiveHits SqlArchiveRepository::search(const ports::ArchiveQuery& query) {
  ports::ArchiveHits hits;
  database_.read([&](Session& session) {
    std::string minDate, maxDate;
    if (!query.from.empty() || !query.to.empty()) {
      // Closes an open date range at the office's own first or last letter, so that the date
      // tokens stay few. Two statements: SQLite answers a lone MIN() or MAX() from the index
      // (office_id, letter_date) in one seek, but both in one SELECT by scanning it.
      Poco::Int64 office = query.officeId;
      Poco::Nullable<std::string> first, last;
      session << "SELECT MIN(letter_date) FROM archive_documents WHERE office_id = ?", use(office), into(first), now;
      session << "SELECT MAX(letter_date) FROM archive_documents WHERE office_id = ?", use(office), into(last), now;
      if (!first.isNull()) minDate = first.value(), maxDate = last.value();
    }
    // One office in the archive (the usual case) needs no office filter. Two statements for the
    // same reason as the dates: each a single seek in the index on (office_id, letter_date).
    Poco::Int64 firstOffice = 0, lastOffice = 0;
    session << "SELECT COALESCE(MIN(office_id), 0) FROM archive_documents", into(firstOffice), now;
    session << "SELECT COALESCE(MAX(office_id), 0) FROM archive_documents", into(lastOffice), now;
    bool alone = firstOffice == query.officeId && lastOffice == query.officeId;
    auto plan = archive_fts::plan(query, minDate, maxDate, !alone);
    auto ranked = archive_fts::rank(session, plan, archive_fts::wordPhrases(query), query.page, query.perPage);
    hits.total = ranked.total;
    hits.totalIsLowerBound = ranked.totalIsLowerBound;
    if (ranked.ids.empty()) return;

    std::string list;
    for (auto id : ranked.ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    Statement select(session);
    select << std::string(kSelect) + " WHERE d.id IN (" + list + ")", now;
    RecordSet rs(select);
    std::map<std::int64_t, ports::ArchiveRecord> records;
    for (size_t row = 0; row < rs.rowCount(); ++row) {
      auto record = recordAt(rs, row);
      records.emplace(record.id, std::move(record));
    }
    std::map<std::int64_t, std::string> snippetOf;
    std::vector<Poco::Int64> bodyIds;
    std::vector<std::string> bodies;
    session << "SELECT id, body FROM archive_documents WHERE id IN (" + list + ")", into(bodyIds), into(bodies), now;
    for (size_t i = 0; i < bodyIds.size(); ++i) snippetOf[bodyIds[i]] = archive_fts::snippet(bodies[i], query.text);
    for (size_t i = 0; i < ranked.ids.size(); ++i) {
      auto it = records.find(ranked.ids[i]);
      if (it == records.end()) continue;
      hits.items.push_back({it->second, ranked.scores[i], snippetOf[ranked.ids[i]]});
    }
  });
  return hits;
}

std::optional<ports::ArchiveRecord> SqlArchiveRepository::findByHash(const std::string& sha256) {
  std::optional<ports::ArchiveRecord> found;
  database_.read([&](Session& session) {
    // Office by office, so that each probe is a lookup in UNIQUE(office_id, sha256).
    std::string digest = sha256;
    Statement select(session);
    select << std::string(kSelect) +
                  " JOIN offices o ON d.office_id = o.id AND d.sha256 = ? ORDER BY d.id LIMIT 1",
        bind(digest), now;
    RecordSet rs(select);
    if (rs.rowCount() > 0) found = recordAt(rs, 0);
  });
  return found;
}

std::vector<ports::ArchiveRepository::IndexedFile> SqlArchiveRepository::indexedFiles() {
  std::vector<IndexedFile> files;
  database_.read([&](Session& session) {
    std::vector<Poco::Int64> ids, sizes;
    std::vector<std::string> digests, types;
    // A disposed record's content is gone on purpose (berita acara pemusnahan, docs/retention.md).
    session << "SELECT id, sha256, size_bytes, content_type FROM archive_documents "
               "WHERE id NOT IN (SELECT document_id FROM disposal_items) ORDER BY id",
        into(ids),
        into(digests), into(sizes), into(types), now;
    for (size_t i = 0; i < ids.size(); ++i) files.push_back({ids[i], digests[i], sizes[i], types[i]});
  });
  return files;
}

}  // namespace naskah::store
