#include "store/sql_outgoing_repository.h"

#include "Poco/Data/RecordSet.h"
#include "Poco/Data/Statement.h"
#include "domain/common/error.h"
#include "store/sql_audit_log.h"
#include "store/sql_workflow_repository.h"
#include "store/sql_select_one.h"

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace naskah::store {
namespace {

// Lists are stored as one text: single-line items joined by newlines, paragraphs (which may
// hold newlines) by the ASCII record separator, which validation keeps out of the content.
constexpr char kParagraphSeparator = '\x1e';

std::string joinList(const std::vector<std::string>& items, char separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += items[i];
  }
  return out;
}

std::vector<std::string> splitList(const std::string& text, char separator) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  size_t start = 0;
  for (;;) {
    size_t end = text.find(separator, start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

const char* kLetterSelect =
    "SELECT id, office_id, COALESCE(case_id, 0), COALESCE(incoming_letter_id, 0), unit_code, status, "
    "current_version, paraf_round, drafter, created_at, return_reason, returned_by, COALESCE(number, ''), "
    "COALESCE(year, 0), COALESCE(seq, 0), signed_by, signed_at, letter_date, archive_id FROM outgoing_letters";

const char* kVersionSelect =
    "SELECT number, author, author_role, created_at, note, recipient, recipient_address, subject, paragraphs, "
    "closing, tembusan, enclosure_count, enclosure_unit, classification_code, urgency, reporter, capacity, "
    "on_behalf_of, intermediary FROM outgoing_versions";

domain::OutgoingLetter letterAt(RecordSet& rs, size_t row) {
  auto text = [&](size_t col) { return rs.value(col, row).convert<std::string>(); };
  auto integer = [&](size_t col) { return rs.value(col, row).convert<Poco::Int64>(); };
  domain::OutgoingLetter l;
  l.id = integer(0);
  l.officeId = integer(1);
  l.caseId = integer(2);
  l.incomingLetterId = integer(3);
  l.unitCode = text(4);
  l.status = domain::parseOutgoingStatus(text(5)).value_or(domain::OutgoingStatus::kDraft);
  l.currentVersion = static_cast<int>(integer(6));
  l.parafRound = static_cast<int>(integer(7));
  l.drafter = text(8);
  l.createdAt = text(9);
  l.returnReason = text(10);
  l.returnedBy = text(11);
  l.number = text(12);
  l.year = static_cast<int>(integer(13));
  l.sequence = integer(14);
  l.signedBy = text(15);
  l.signedAt = text(16);
  l.letterDate = text(17);
  l.archiveId = integer(18);
  return l;
}

domain::OutgoingVersion versionAt(RecordSet& rs, size_t row) {
  auto text = [&](size_t col) { return rs.value(col, row).convert<std::string>(); };
  auto integer = [&](size_t col) { return rs.value(col, row).convert<Poco::Int64>(); };
  domain::OutgoingVersion v;
  v.number = static_cast<int>(integer(0));
  v.author = text(1);
  v.authorRole = domain::parseRole(text(2)).value_or(domain::Role::kOfficer);
  v.createdAt = text(3);
  v.note = text(4);
  auto& c = v.content;
  c.recipient = text(5);
  c.recipientAddress = splitList(text(6), '\n');
  c.subject = text(7);
  c.paragraphs = splitList(text(8), kParagraphSeparator);
  c.closing = text(9);
  c.tembusan = splitList(text(10), '\n');
  c.enclosureCount = static_cast<int>(integer(11));
  c.enclosureUnit = text(12);
  c.classificationCode = text(13);
  c.urgency = domain::parseUrgency(text(14)).value_or(domain::Urgency::kBiasa);
  c.reporter = text(15);
  c.capacity = domain::parseSignerCapacity(text(16)).value_or(domain::SignerCapacity::kOwn);
  c.onBehalfOf = text(17);
  c.intermediary = text(18);
  return v;
}

std::vector<domain::OutgoingVersion> selectVersions(Session& session, Poco::Int64 letterId, int onlyNumber) {
  Statement select(session);
  std::string sql = std::string(kVersionSelect) + " WHERE letter_id = ?";
  if (onlyNumber > 0) sql += " AND number = " + std::to_string(onlyNumber);
  select << sql + " ORDER BY number", use(letterId);
  select.execute();
  RecordSet rs(select);
  std::vector<domain::OutgoingVersion> out;
  for (size_t row = 0; row < rs.rowCount(); ++row) out.push_back(versionAt(rs, row));
  return out;
}

void loadDetails(Session& session, domain::OutgoingLetter& l) {
  Poco::Int64 id = l.id;
  auto current = selectVersions(session, id, l.currentVersion);
  if (current.empty())
    throw Error(ErrorCode::kInternal, "outgoing letter " + std::to_string(l.id) + " has no version " +
                                          std::to_string(l.currentVersion));
  l.content = current.front().content;

  int round = l.parafRound;
  Statement steps(session);
  steps << "SELECT round, ord, username, position, state, given_at FROM outgoing_paraf "
           "WHERE letter_id = ? AND round = ? ORDER BY ord",
      use(id), use(round);
  steps.execute();
  RecordSet ps(steps);
  l.paraf.clear();
  for (size_t row = 0; row < ps.rowCount(); ++row) {
    domain::ParafStep s;
    s.round = ps.value(0, row).convert<int>();
    s.order = ps.value(1, row).convert<int>();
    s.username = ps.value(2, row).convert<std::string>();
    s.position = ps.value(3, row).convert<std::string>();
    s.state = ps.value(4, row).convert<std::string>() == "given" ? domain::ParafState::kGiven
                                                                  : domain::ParafState::kPending;
    s.givenAt = ps.value(5, row).convert<std::string>();
    l.paraf.push_back(s);
  }

  Statement dispatches(session);
  dispatches << "SELECT id, recipient, channel, proof, dispatched_by, dispatched_at FROM outgoing_dispatches "
                "WHERE letter_id = ? ORDER BY id",
      use(id);
  dispatches.execute();
  RecordSet ds(dispatches);
  l.dispatches.clear();
  for (size_t row = 0; row < ds.rowCount(); ++row) {
    domain::DispatchRecord d;
    d.id = ds.value(0, row).convert<Poco::Int64>();
    d.recipient = ds.value(1, row).convert<std::string>();
    d.channel = ds.value(2, row).convert<std::string>();
    d.proof = ds.value(3, row).convert<std::string>();
    d.dispatchedBy = ds.value(4, row).convert<std::string>();
    d.dispatchedAt = ds.value(5, row).convert<std::string>();
    l.dispatches.push_back(d);
  }
}

std::optional<domain::OutgoingLetter> selectLetter(Session& session, std::int64_t officeId, std::int64_t id) {
  auto l = selectOneOfOffice(session, kLetterSelect, "office_id", "id", officeId, id, letterAt);
  if (l) loadDetails(session, *l);
  return l;
}

domain::OutgoingLetter mustSelect(Session& session, std::int64_t officeId, std::int64_t id) {
  auto l = selectLetter(session, officeId, id);
  if (!l) throw Error(ErrorCode::kNotFound, "outgoing letter " + std::to_string(id) + " does not exist");
  return *l;
}

// The letter as stored now, checked against the state the caller decided on. Inside the write
// transaction nobody else writes, so what passes here holds until COMMIT.
domain::OutgoingLetter expectStatus(Session& session, std::int64_t officeId, std::int64_t id,
                                    domain::OutgoingStatus expected) {
  auto l = mustSelect(session, officeId, id);
  if (l.status != expected)
    throw Error(ErrorCode::kFailedPrecondition,
                "outgoing letter " + std::to_string(id) + " is now " + std::string(domain::toString(l.status)) +
                    ", no longer " + std::string(domain::toString(expected)) + ": someone acted on it meanwhile");
  return l;
}

void setStatus(Session& session, std::int64_t id, domain::OutgoingStatus status) {
  std::string name(domain::toString(status));
  Poco::Int64 letter = id;
  session << "UPDATE outgoing_letters SET status = ? WHERE id = ?", use(name), use(letter), now;
}

void insertVersion(Session& session, Poco::Int64 letterId, const domain::OutgoingVersion& v) {
  const auto& c = v.content;
  Statement insert(session);
  insert << "INSERT INTO outgoing_versions(letter_id, number, author, author_role, created_at, note, recipient, "
            "recipient_address, subject, paragraphs, closing, tembusan, enclosure_count, enclosure_unit, "
            "classification_code, urgency, reporter, capacity, on_behalf_of, intermediary) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  insert.addBind(bind(letterId));
  insert.addBind(bind(v.number));
  insert.addBind(bind(v.author));
  insert.addBind(bind(std::string(domain::toString(v.authorRole))));
  insert.addBind(bind(v.createdAt));
  insert.addBind(bind(v.note));
  insert.addBind(bind(c.recipient));
  insert.addBind(bind(joinList(c.recipientAddress, '\n')));
  insert.addBind(bind(c.subject));
  insert.addBind(bind(joinList(c.paragraphs, kParagraphSeparator)));
  insert.addBind(bind(c.closing));
  insert.addBind(bind(joinList(c.tembusan, '\n')));
  insert.addBind(bind(c.enclosureCount));
  insert.addBind(bind(c.enclosureUnit));
  insert.addBind(bind(c.classificationCode));
  insert.addBind(bind(std::string(domain::toString(c.urgency))));
  insert.addBind(bind(c.reporter));
  insert.addBind(bind(std::string(domain::toString(c.capacity))));
  insert.addBind(bind(c.onBehalfOf));
  insert.addBind(bind(c.intermediary));
  insert.execute();
}

void audit(WriteTransaction& tx, const ports::AuditEntry& entry, std::int64_t id) {
  ports::AuditEntry e = entry;
  if (e.objectId.empty()) e.objectId = std::to_string(id);
  if (e.objectType.empty()) e.objectType = "outgoing_letter";
  appendAuditEvent(tx, e);
}

}  // namespace

std::vector<const char*> outgoingSchemaStatements() {
  return {
      R"(CREATE TABLE outgoing_letters(
           id INTEGER PRIMARY KEY,
           office_id INTEGER NOT NULL REFERENCES offices(id),
           case_id INTEGER REFERENCES cases(id),
           incoming_letter_id INTEGER REFERENCES incoming_letters(id),
           unit_code TEXT NOT NULL,
           status TEXT NOT NULL,
           current_version INTEGER NOT NULL,
           paraf_round INTEGER NOT NULL DEFAULT 1,
           drafter TEXT NOT NULL,
           created_at TEXT NOT NULL,
           return_reason TEXT NOT NULL DEFAULT '',
           returned_by TEXT NOT NULL DEFAULT '',
           number TEXT,
           year INTEGER,
           seq INTEGER,
           signed_by TEXT NOT NULL DEFAULT '',
           signed_at TEXT NOT NULL DEFAULT '',
           letter_date TEXT NOT NULL DEFAULT '',
           archive_id INTEGER NOT NULL DEFAULT 0,
           UNIQUE(office_id, year, seq)))",
      "CREATE INDEX outgoing_letters_case ON outgoing_letters(case_id)",
      "CREATE INDEX outgoing_letters_status ON outgoing_letters(office_id, status, id)",
      // Immutable: rows are only ever inserted.
      R"(CREATE TABLE outgoing_versions(
           letter_id INTEGER NOT NULL REFERENCES outgoing_letters(id),
           number INTEGER NOT NULL,
           author TEXT NOT NULL,
           author_role TEXT NOT NULL,
           created_at TEXT NOT NULL,
           note TEXT NOT NULL DEFAULT '',
           recipient TEXT NOT NULL,
           recipient_address TEXT NOT NULL DEFAULT '',
           subject TEXT NOT NULL,
           paragraphs TEXT NOT NULL,
           closing TEXT NOT NULL,
           tembusan TEXT NOT NULL DEFAULT '',
           enclosure_count INTEGER NOT NULL DEFAULT 0,
           enclosure_unit TEXT NOT NULL DEFAULT 'berkas',
           classification_code TEXT NOT NULL,
           urgency TEXT NOT NULL,
           reporter TEXT NOT NULL DEFAULT '',
           capacity TEXT NOT NULL DEFAULT 'own',
           on_behalf_of TEXT NOT NULL DEFAULT '',
           intermediary TEXT NOT NULL DEFAULT '',
           PRIMARY KEY(letter_id, number)))",
      R"(CREATE TABLE outgoing_paraf(
           letter_id INTEGER NOT NULL REFERENCES outgoing_letters(id),
           round INTEGER NOT NULL,
           ord INTEGER NOT NULL,
           username TEXT NOT NULL,
           position TEXT NOT NULL DEFAULT '',
           state TEXT NOT NULL,
           given_at TEXT NOT NULL DEFAULT '',
           PRIMARY KEY(letter_id, round, ord)))",
      R"(CREATE TABLE outgoing_counters(
           office_id INTEGER NOT NULL REFERENCES offices(id),
           year INTEGER NOT NULL,
           last_seq INTEGER NOT NULL,
           PRIMARY KEY(office_id, year)))",
      R"(CREATE TABLE outgoing_dispatches(
           id INTEGER PRIMARY KEY,
           letter_id INTEGER NOT NULL REFERENCES outgoing_letters(id),
           recipient TEXT NOT NULL,
           channel TEXT NOT NULL,
           proof TEXT NOT NULL DEFAULT '',
           dispatched_by TEXT NOT NULL,
           dispatched_at TEXT NOT NULL,
           UNIQUE(letter_id, recipient)))",
  };
}

domain::OutgoingLetter SqlOutgoingRepository::create(const ports::NewOutgoingLetter& n,
                                                     const ports::AuditEntry& entry) {
  domain::OutgoingLetter result;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    Statement insert(session);
    insert << "INSERT INTO outgoing_letters(office_id, case_id, incoming_letter_id, unit_code, status, "
              "current_version, paraf_round, drafter, created_at) VALUES (?, ?, ?, ?, 'draft', 1, 1, ?, ?) "
              "RETURNING id";
    insert.addBind(bind(Poco::Int64(n.officeId)));
    if (n.caseId > 0)
      insert.addBind(bind(Poco::Int64(n.caseId)));
    else
      insert.addBind(bind(Poco::Nullable<Poco::Int64>()));
    if (n.incomingLetterId > 0)
      insert.addBind(bind(Poco::Int64(n.incomingLetterId)));
    else
      insert.addBind(bind(Poco::Nullable<Poco::Int64>()));
    insert.addBind(bind(n.unitCode));
    insert.addBind(bind(n.first.author));
    insert.addBind(bind(n.first.createdAt));
    Poco::Int64 id = 0;
    insert, into(id);
    insert.execute();
    domain::OutgoingVersion first = n.first;
    first.number = 1;
    insertVersion(session, id, first);
    audit(tx, entry, id);
    result = mustSelect(session, n.officeId, id);
  });
  return result;
}

std::optional<domain::OutgoingLetter> SqlOutgoingRepository::find(std::int64_t officeId, std::int64_t id) {
  std::optional<domain::OutgoingLetter> letter;
  database_.read([&](Session& session) { letter = selectLetter(session, officeId, id); });
  return letter;
}

std::vector<domain::OutgoingLetter> SqlOutgoingRepository::list(const ports::OutgoingFilter& f) {
  std::vector<domain::OutgoingLetter> out;
  database_.read([&](Session& session) {
    Statement select(session);
    std::string sql = std::string(kLetterSelect) + " WHERE office_id = ?";
    select.addBind(bind(Poco::Int64(f.officeId)));
    if (f.status) {
      sql += " AND status = ?";
      select.addBind(bind(std::string(domain::toString(*f.status))));
    }
    if (f.caseId > 0) {
      sql += " AND case_id = ?";
      select.addBind(bind(Poco::Int64(f.caseId)));
    }
    select << sql + " ORDER BY id DESC LIMIT " + std::to_string(f.limit);
    select.execute();
    RecordSet rs(select);
    out.clear();
    for (size_t row = 0; row < rs.rowCount(); ++row) {
      auto l = letterAt(rs, row);
      loadDetails(session, l);
      out.push_back(std::move(l));
    }
  });
  return out;
}

std::vector<domain::OutgoingVersion> SqlOutgoingRepository::versions(std::int64_t officeId, std::int64_t id) {
  std::vector<domain::OutgoingVersion> out;
  database_.read([&](Session& session) {
    mustSelect(session, officeId, id);
    out = selectVersions(session, id, 0);
  });
  return out;
}

domain::OutgoingLetter SqlOutgoingRepository::addVersion(std::int64_t officeId, std::int64_t id, int baseVersion,
                                                         domain::OutgoingStatus expected,
                                                         const domain::OutgoingVersion& version,
                                                         const ports::AuditEntry& entry) {
  domain::OutgoingLetter result;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    auto l = expectStatus(session, officeId, id, expected);
    if (l.currentVersion != baseVersion)
      throw Error(ErrorCode::kFailedPrecondition,
                  "version " + std::to_string(baseVersion) + " is no longer the current one: version " +
                      std::to_string(l.currentVersion) + " by someone else came first; reload and correct that");
    domain::OutgoingVersion v = version;
    v.number = baseVersion + 1;
    insertVersion(session, id, v);
    int number = v.number;
    Poco::Int64 letter = id;
    session << "UPDATE outgoing_letters SET current_version = ? WHERE id = ?", use(number), use(letter), now;
    audit(tx, entry, id);
    result = mustSelect(session, officeId, id);
  });
  return result;
}

domain::OutgoingLetter SqlOutgoingRepository::submit(std::int64_t officeId, std::int64_t id,
                                                     domain::OutgoingStatus expected,
                                                     const std::vector<domain::ParafStep>& chain,
                                                     const ports::AuditEntry& entry) {
  domain::OutgoingLetter result;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    auto l = expectStatus(session, officeId, id, expected);
    // A returned letter starts a new round; the steps of the old one stay as history.
    int round = expected == domain::OutgoingStatus::kReturned ? l.parafRound + 1 : l.parafRound;
    Poco::Int64 letter = id;
    session << "DELETE FROM outgoing_paraf WHERE letter_id = ? AND round = ?", use(letter), use(round), now;
    for (const auto& step : chain) {
      int order = step.order;
      std::string username = step.username, position = step.position;
      session << "INSERT INTO outgoing_paraf(letter_id, round, ord, username, position, state) "
                 "VALUES (?, ?, ?, ?, ?, 'pending')",
          use(letter), use(round), use(order), use(username), use(position), now;
    }
    session << "UPDATE outgoing_letters SET paraf_round = ?, status = 'in_correction' WHERE id = ?", use(round),
        use(letter), now;
    audit(tx, entry, id);
    result = mustSelect(session, officeId, id);
  });
  return result;
}

domain::OutgoingLetter SqlOutgoingRepository::giveParaf(std::int64_t officeId, std::int64_t id, int round, int order,
                                                        const std::string& givenAt, domain::OutgoingStatus newStatus,
                                                        const ports::AuditEntry& entry) {
  domain::OutgoingLetter result;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    Poco::Int64 letter = id;
    std::string at = givenAt;
    std::vector<Poco::Int64> changed;
    // Only the first pending step of the current round can be given.
    session << "UPDATE outgoing_paraf SET state = 'given', given_at = ? WHERE letter_id = ? AND round = ? AND ord = ? "
               "AND state = 'pending' AND round = (SELECT paraf_round FROM outgoing_letters WHERE id = ? "
               "AND status IN ('in_correction', 'awaiting_paraf')) AND NOT EXISTS (SELECT 1 FROM outgoing_paraf p "
               "WHERE p.letter_id = ? AND p.round = ? AND p.ord < ? AND p.state = 'pending') RETURNING ord",
        use(at), use(letter), use(round), use(order), use(letter), use(letter), use(round), use(order), into(changed),
        now;
    if (changed.empty())
      throw Error(ErrorCode::kFailedPrecondition,
                  "paraf " + std::to_string(order) + " of outgoing letter " + std::to_string(id) +
                      " is no longer due: someone acted on the letter meanwhile");
    setStatus(session, id, newStatus);
    audit(tx, entry, id);
    result = mustSelect(session, officeId, id);
  });
  return result;
}

domain::OutgoingLetter SqlOutgoingRepository::returnToDrafter(std::int64_t officeId, std::int64_t id,
                                                              domain::OutgoingStatus expected,
                                                              const std::string& reason,
                                                              const std::string& returnedBy,
                                                              const ports::AuditEntry& entry) {
  domain::OutgoingLetter result;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    expectStatus(session, officeId, id, expected);
    Poco::Int64 letter = id;
    std::string why = reason, by = returnedBy;
    session << "UPDATE outgoing_letters SET status = 'returned', return_reason = ?, returned_by = ? WHERE id = ?",
        use(why), use(by), use(letter), now;
    audit(tx, entry, id);
    result = mustSelect(session, officeId, id);
  });
  return result;
}

domain::OutgoingLetter SqlOutgoingRepository::takeNumber(std::int64_t officeId, std::int64_t id,
                                                         const ports::OutgoingNumbering& numbering,
                                                         const std::string& signedBy, const std::string& signedAt,
                                                         const std::string& letterDate,
                                                         const ports::AuditEntry& entry) {
  if (!numbering.format) throw Error(ErrorCode::kInternal, "no outgoing number format given");
  domain::OutgoingLetter result;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    auto l = expectStatus(session, officeId, id, domain::OutgoingStatus::kAwaitingSignature);
    Poco::Int64 office = officeId;
    int year = numbering.year;
    std::vector<Poco::Int64> next;
    session << "UPDATE outgoing_counters SET last_seq = last_seq + 1 WHERE office_id = ? AND year = ? "
               "RETURNING last_seq",
        use(office), use(year), into(next), now;
    Poco::Int64 seq = next.empty() ? 1 : next.front();
    if (next.empty())
      session << "INSERT INTO outgoing_counters(office_id, year, last_seq) VALUES (?, ?, ?)", use(office), use(year),
          use(seq), now;
    domain::OutgoingNumberParts parts{l.content.classificationCode, seq, l.unitCode, numbering.officeCode,
                                      numbering.year, numbering.month};
    std::string number = numbering.format->format(parts);
    Poco::Int64 letter = id;
    std::string by = signedBy, at = signedAt, date = letterDate;
    session << "UPDATE outgoing_letters SET status = 'signed', number = ?, year = ?, seq = ?, signed_by = ?, "
               "signed_at = ?, letter_date = ? WHERE id = ?",
        use(number), use(year), use(seq), use(by), use(at), use(date), use(letter), now;
    ports::AuditEntry e = entry;
    e.note = number;
    audit(tx, e, id);
    result = mustSelect(session, officeId, id);
  });
  return result;
}

domain::OutgoingLetter SqlOutgoingRepository::attachArchive(std::int64_t officeId, std::int64_t id,
                                                            std::int64_t archiveId, const ports::AuditEntry& entry) {
  domain::OutgoingLetter result;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    auto l = mustSelect(session, officeId, id);
    if (l.archiveId != 0 || l.number.empty())
      throw Error(ErrorCode::kFailedPrecondition,
                  "outgoing letter " + std::to_string(id) + " has no signature awaiting its archive copy");
    Poco::Int64 letter = id, archive = archiveId;
    session << "UPDATE outgoing_letters SET archive_id = ? WHERE id = ?", use(archive), use(letter), now;
    audit(tx, entry, id);
    result = mustSelect(session, officeId, id);
  });
  return result;
}

domain::OutgoingLetter SqlOutgoingRepository::addDispatch(std::int64_t officeId, std::int64_t id,
                                                          const domain::DispatchRecord& record,
                                                          std::size_t addresseeCount, const ports::AuditEntry& entry,
                                                          const std::optional<ports::CaseAdvance>& caseAdvance) {
  domain::OutgoingLetter result;
  database_.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
    auto l = mustSelect(session, officeId, id);
    if (l.status != domain::OutgoingStatus::kSigned && l.status != domain::OutgoingStatus::kDispatched)
      throw Error(ErrorCode::kFailedPrecondition, "only a signed letter is dispatched");
    for (const auto& d : l.dispatches)
      if (d.recipient == record.recipient)
        throw Error(ErrorCode::kAlreadyExists, "the letter was dispatched to " + record.recipient + " already");
    Poco::Int64 letter = id;
    std::string recipient = record.recipient, channel = record.channel, proof = record.proof,
                by = record.dispatchedBy, at = record.dispatchedAt;
    session << "INSERT INTO outgoing_dispatches(letter_id, recipient, channel, proof, dispatched_by, dispatched_at) "
               "VALUES (?, ?, ?, ?, ?, ?)",
        use(letter), use(recipient), use(channel), use(proof), use(by), use(at), now;
    // Recipients are unique per letter and each one an addressee: counting rows counts addressees.
    Poco::Int64 recorded = 0;
    session << "SELECT COUNT(*) FROM outgoing_dispatches WHERE letter_id = ?", use(letter), into(recorded), now;
    bool completes = recorded == static_cast<Poco::Int64>(addresseeCount);
    if (completes) setStatus(session, id, domain::OutgoingStatus::kDispatched);
    audit(tx, entry, id);
    // The case follows in the same transaction; one moved on meanwhile by hand stays where it is.
    if (completes && caseAdvance)
      writeCaseTransition(tx, caseAdvance->caseId, caseAdvance->expected, caseAdvance->next, caseAdvance->step,
                          caseAdvance->audit);
    result = mustSelect(session, officeId, id);
  });
  return result;
}

}  // namespace naskah::store
