// A real SQLite file in a temporary folder with one office, for repository tests.
#pragma once

#include <memory>

#include "domain/letters/letter_fields.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/sql_audit_log.h"
#include "store/sql_directory.h"
#include "store/sql_incoming_letter_repository.h"
#include "support/temp_dir.h"

namespace naskah::testing {

class StoreFixture {
 public:
  StoreFixture() { reopen(); }

  void reopen() {
    letters.reset();
    directory.reset();
    audit.reset();
    database.reset();
    database = std::make_unique<store::Database>(store::DatabaseOptions{dir.path() + "/naskah.db"});
    store::migrate(*database);
    audit = std::make_unique<store::SqlAuditLog>(*database);
    directory = std::make_unique<store::SqlDirectory>(*database);
    letters = std::make_unique<store::SqlIncomingLetterRepository>(*database);
    auto existing = directory->findOfficeByCode("DINSOS");
    officeId = existing ? existing->id
                        : directory->addOffice(officeForTests(),
                                               {"test", "office.add", "office", "", {}, ""});
  }

  static domain::Office officeForTests() {
    domain::Office office;
    office.code = "DINSOS";
    office.name = "Dinas Sosial";
    office.government = "PEMERINTAH PROVINSI JAMBI";
    return office;
  }

  ports::NewRegistration registration(const std::string& receivedAt, const std::string& key = "") {
    static std::atomic<int> counter{0};
    ports::NewRegistration r;
    r.officeId = officeId;
    r.officeCode = "DINSOS";
    r.fields = domain::fieldsForRegistration({{"channel", "surat"},
                                              {"sender", "Ketua RT 07"},
                                              {"subject", "Jalan rusak"},
                                              {"summary", "Jalan berlubang."},
                                              {"complaint_kind", "pengaduan"},
                                              {"received_at", receivedAt}},
                                             receivedAt);
    r.trackingCode = "T" + std::to_string(++counter) + "-" + receivedAt + key;
    r.idempotencyKey = key;
    r.registeredBy = "tu";
    r.registeredAt = "2026-11-23T02:00:00Z";
    return r;
  }

  ports::RegistrationResult registerAt(const std::string& receivedAt, const std::string& key = "") {
    return letters->registerIncoming(registration(receivedAt, key), format,
                                     {"tu", "incoming_letter.register", "incoming_letter", "", {}, ""});
  }

  TempDir dir;
  std::unique_ptr<store::Database> database;
  std::unique_ptr<store::SqlAuditLog> audit;
  std::unique_ptr<store::SqlDirectory> directory;
  std::unique_ptr<store::SqlIncomingLetterRepository> letters;
  domain::AgendaNumberFormat format{domain::AgendaNumberFormat::kDefaultPattern};
  std::int64_t officeId = 0;
};

}  // namespace naskah::testing
