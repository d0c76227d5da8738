#include "store/migrations.h"

#include <algorithm>
#include <string>
#include <vector>

#include "Poco/Data/Session.h"
#include "domain/common/error.h"
#include "store/sql_archive_fts.h"
#include "store/sql_archive_repository.h"
#include "store/sql_inspection_repository.h"
#include "store/sql_outgoing_repository.h"
#include "store/sql_retention_repository.h"

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

namespace naskah::store {
namespace {

struct Migration {
  int version;
  const char* description;
  std::vector<const char*> statements;
  // Runs after the statements, in the same transaction: data a statement cannot compute.
  void (*fill)(Session&) = nullptr;
};

// Migration 6: the date blocks of the archived rows, and every row's facets again (kind+code
// tokens) with the FTS index rebuilt from them.
void fillArchiveSearch(Session& session) {
  archive_fts::rebuildDateBlocks(session);
  archive_fts::rebuildFacets(session);
}

// Portable SQL (SQLite and PostgreSQL): integer keys, TEXT times in ISO 8601, no AUTOINCREMENT.
const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations{
      {1,
       "offices, units, users, sessions, cases, the agenda surat masuk, attachments, audit chain",
       {
           R"(CREATE TABLE offices(
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                government TEXT NOT NULL,
                address TEXT NOT NULL DEFAULT '',
                city TEXT NOT NULL DEFAULT '',
                phone TEXT NOT NULL DEFAULT '',
                email TEXT NOT NULL DEFAULT '',
                website TEXT NOT NULL DEFAULT '',
                letterhead TEXT NOT NULL DEFAULT ''))",
           R"(CREATE TABLE units(
                id INTEGER PRIMARY KEY,
                office_id INTEGER NOT NULL REFERENCES offices(id),
                parent_id INTEGER REFERENCES units(id),
                code TEXT NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL DEFAULT '',
                UNIQUE(office_id, code)))",
           R"(CREATE TABLE users(
                id INTEGER PRIMARY KEY,
                office_id INTEGER NOT NULL REFERENCES offices(id),
                unit_id INTEGER REFERENCES units(id),
                username TEXT NOT NULL UNIQUE,
                full_name TEXT NOT NULL,
                role TEXT NOT NULL,
                position TEXT NOT NULL DEFAULT '',
                nip TEXT NOT NULL DEFAULT '',
                password_hash TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1))",
           R"(CREATE TABLE sessions(
                token_hash TEXT PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id),
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL))",
           R"(CREATE TABLE agenda_counters(
                office_id INTEGER NOT NULL REFERENCES offices(id),
                year INTEGER NOT NULL,
                last_seq INTEGER NOT NULL,
                PRIMARY KEY(office_id, year)))",
           R"(CREATE TABLE cases(
                id INTEGER PRIMARY KEY,
                office_id INTEGER NOT NULL REFERENCES offices(id),
                tracking_code TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL,
                assigned_officer_id INTEGER REFERENCES users(id),
                opened_at TEXT NOT NULL))",
           R"(CREATE TABLE incoming_letters(
                id INTEGER PRIMARY KEY,
                office_id INTEGER NOT NULL REFERENCES offices(id),
                case_id INTEGER NOT NULL REFERENCES cases(id),
                year INTEGER NOT NULL,
                seq INTEGER NOT NULL,
                agenda_number TEXT NOT NULL,
                received_at TEXT NOT NULL,
                channel TEXT NOT NULL,
                sender_letter_number TEXT NOT NULL DEFAULT '',
                sender_letter_date TEXT NOT NULL DEFAULT '',
                sender TEXT NOT NULL,
                subject TEXT NOT NULL,
                urgency TEXT NOT NULL,
                enclosures TEXT NOT NULL DEFAULT '',
                classification_code TEXT NOT NULL DEFAULT '',
                complaint_kind TEXT NOT NULL,
                scale TEXT NOT NULL,
                summary TEXT NOT NULL,
                reporter_name TEXT NOT NULL DEFAULT '',
                reporter_address TEXT NOT NULL DEFAULT '',
                reporter_sex TEXT NOT NULL DEFAULT '',
                reporter_phone TEXT NOT NULL DEFAULT '',
                reporter_email TEXT NOT NULL DEFAULT '',
                idempotency_key TEXT,
                registered_by TEXT NOT NULL,
                registered_at TEXT NOT NULL,
                voided INTEGER NOT NULL DEFAULT 0,
                void_reason TEXT NOT NULL DEFAULT '',
                voided_by TEXT NOT NULL DEFAULT '',
                voided_at TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL DEFAULT 1,
                UNIQUE(office_id, year, seq),
                UNIQUE(office_id, idempotency_key)))",
           "CREATE INDEX incoming_letters_received ON incoming_letters(office_id, received_at)",
           "CREATE INDEX incoming_letters_channel ON incoming_letters(office_id, channel, received_at)",
           R"(CREATE TABLE attachments(
                id INTEGER PRIMARY KEY,
                letter_id INTEGER NOT NULL REFERENCES incoming_letters(id),
                file_name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size_bytes INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                uploaded_by TEXT NOT NULL,
                uploaded_at TEXT NOT NULL))",
           "CREATE INDEX attachments_letter ON attachments(letter_id)",
           R"(CREATE TABLE audit_events(
                seq INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                object_type TEXT NOT NULL,
                object_id TEXT NOT NULL,
                details TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL))",
           "CREATE INDEX audit_events_object ON audit_events(object_type, object_id)",
           // The head is kept apart from the events so that a truncated tail is detectable.
           R"(CREATE TABLE audit_head(
                id INTEGER PRIMARY KEY CHECK (id = 1),
                last_seq INTEGER NOT NULL,
                last_hash TEXT NOT NULL))",
           "INSERT INTO audit_head(id, last_seq, last_hash) VALUES (1, 0, "
           "'0000000000000000000000000000000000000000000000000000000000000000')",
       }},
      {2,
       "workflow: case state on its SOP profile, finished steps, dispositions",
       {
           // One row per case that follows a profile; step is a step id or 'selesai'.
           R"(CREATE TABLE case_workflow(
                case_id INTEGER PRIMARY KEY REFERENCES cases(id),
                profile_id TEXT NOT NULL,
                step TEXT NOT NULL,
                entered_at TEXT NOT NULL,
                due_at TEXT,
                started_at TEXT NOT NULL,
                closed_at TEXT))",
           "CREATE INDEX case_workflow_due ON case_workflow(due_at)",
           R"(CREATE TABLE case_steps(
                id INTEGER PRIMARY KEY,
                case_id INTEGER NOT NULL REFERENCES cases(id),
                profile_id TEXT NOT NULL,
                step TEXT NOT NULL,
                condition TEXT NOT NULL,
                to_step TEXT NOT NULL,
                by_role TEXT NOT NULL,
                user_id INTEGER NOT NULL REFERENCES users(id),
                entered_at TEXT NOT NULL,
                completed_at TEXT NOT NULL,
                due_at TEXT,
                working_minutes_taken INTEGER NOT NULL,
                working_minutes_late INTEGER NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                audit_seq INTEGER NOT NULL))",
           "CREATE INDEX case_steps_case ON case_steps(case_id, id)",
           "CREATE INDEX case_steps_completed ON case_steps(completed_at)",
           // One row per recipient; a re-disposition names the disposition it passes on.
           R"(CREATE TABLE dispositions(
                id INTEGER PRIMARY KEY,
                case_id INTEGER NOT NULL REFERENCES cases(id),
                letter_id INTEGER NOT NULL REFERENCES incoming_letters(id),
                parent_id INTEGER REFERENCES dispositions(id),
                from_user_id INTEGER NOT NULL REFERENCES users(id),
                to_user_id INTEGER NOT NULL REFERENCES users(id),
                instructions TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                deadline TEXT NOT NULL,
                created_at TEXT NOT NULL,
                read_at TEXT,
                recalled_at TEXT))",
           "CREATE INDEX dispositions_case ON dispositions(case_id, id)",
           "CREATE INDEX dispositions_to ON dispositions(to_user_id, id)",
           "CREATE INDEX dispositions_parent ON dispositions(parent_id)",
       }},
      {3, "archive: immutable documents, their metadata and full-text index", archiveSchemaStatements()},
      {4, "outgoing letters: versions, paraf chain, outgoing register, dispatch", outgoingSchemaStatements()},
      {5, "retention: legal holds, disposals (berita acara) and the records they list", retentionSchemaStatements()},
      {6, "field inspections: team, schedule, report (findings, mediation, recommendations), photos",
       inspectionSchemaStatements()},
      {7, "archive search: date blocks, kind+code tokens", archive_fts::dateBlockSchemaStatements(), fillArchiveSearch},
      // Numbered 9 so that the migrations being written beside it (6-8) keep their numbers:
      // migrations apply by number, whatever their order.
      {9, "confidential history: the reporter's identity as it was before each correction",
       {
           R"(CREATE TABLE confidential_changes(
                id INTEGER PRIMARY KEY,
                letter_id INTEGER NOT NULL REFERENCES incoming_letters(id),
                audit_sequence INTEGER NOT NULL REFERENCES audit_events(seq),
                field TEXT NOT NULL,
                before_value TEXT NOT NULL,
                after_value TEXT NOT NULL))",
           "CREATE INDEX confidential_changes_letter ON confidential_changes(letter_id, id)",
       }},
  };
  return kMigrations;
}

int currentVersion(Poco::Data::Session& session) {
  session << "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, "
             "description TEXT NOT NULL)",
      now;
  int version = 0;
  session << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", into(version), now;
  return version;
}

}  // namespace

int latestSchemaVersion() {
  int latest = 0;
  for (const auto& migration : migrations()) latest = std::max(latest, migration.version);
  return latest;
}

int migrate(Database& database) {
  int applied = 0;
  for (const auto& migration : migrations()) {
    bool didApply = false;
    database.write([&](WriteTransaction& tx) {
    Session& session = tx.session;
      int version = currentVersion(session);
      if (version > latestSchemaVersion())
        throw Error(ErrorCode::kFailedPrecondition,
                    "the data folder has schema version " + std::to_string(version) +
                        ", newer than this naskah (" + std::to_string(latestSchemaVersion()) + ")");
      // By number, not by the highest applied: a migration numbered below one already applied
      // (work merged out of order) still runs.
      int wanted = migration.version, recorded = 0;
      session << "SELECT COUNT(*) FROM schema_migrations WHERE version = ?", use(wanted), into(recorded), now;
      if (recorded > 0) return;
      for (const char* sql : migration.statements) session << sql, now;
      if (migration.fill) migration.fill(session);
      int v = migration.version;
      std::string description = migration.description;
      session << "INSERT INTO schema_migrations(version, description) VALUES (?, ?)", use(v), use(description), now;
      didApply = true;
    });
    if (didApply) ++applied;
  }
  return applied;
}

}  // namespace naskah::store
