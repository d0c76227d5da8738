// Outgoing letters in SQL: versions, paraf rounds, the gap-free outgoing register, dispatch.
#pragma once

#include <vector>

#include "ports/outgoing.h"
#include "store/database.h"

namespace naskah::store {

// The tables of schema migration 4.
std::vector<const char*> outgoingSchemaStatements();

class SqlOutgoingRepository : public ports::OutgoingLetterRepository {
 public:
  explicit SqlOutgoingRepository(Database& database) : database_(database) {}

  domain::OutgoingLetter create(const ports::NewOutgoingLetter& letter, const ports::AuditEntry& audit) override;
  std::optional<domain::OutgoingLetter> find(std::int64_t officeId, std::int64_t id) override;
  std::vector<domain::OutgoingLetter> list(const ports::OutgoingFilter& filter) override;
  std::vector<domain::OutgoingVersion> versions(std::int64_t officeId, std::int64_t id) override;
  domain::OutgoingLetter addVersion(std::int64_t officeId, std::int64_t id, int baseVersion,
                                    domain::OutgoingStatus expected, const domain::OutgoingVersion& version,
                                    const ports::AuditEntry& audit) override;
  domain::OutgoingLetter submit(std::int64_t officeId, std::int64_t id, domain::OutgoingStatus expected,
                                const std::vector<domain::ParafStep>& chain, const ports::AuditEntry& audit) override;
  domain::OutgoingLetter giveParaf(std::int64_t officeId, std::int64_t id, int round, int order,
                                   const std::string& givenAt, domain::OutgoingStatus newStatus,
                                   const ports::AuditEntry& audit) override;
  domain::OutgoingLetter returnToDrafter(std::int64_t officeId, std::int64_t id, domain::OutgoingStatus expected,
                                         const std::string& reason, const std::string& returnedBy,
                                         const ports::AuditEntry& audit) override;
  domain::OutgoingLetter takeNumber(std::int64_t officeId, std::int64_t id, const ports::OutgoingNumbering& numbering,
                                    const std::string& signedBy, const std::string& signedAt,
                                    const std::string& letterDate, const ports::AuditEntry& audit) override;
  domain::OutgoingLetter attachArchive(std::int64_t officeId, std::int64_t id, std::int64_t archiveId,
                                       const ports::AuditEntry& audit) override;
  domain::OutgoingLetter addDispatch(std::int64_t officeId, std::int64_t id, const domain::DispatchRecord& record,
                                     std::size_t addresseeCount, const ports::AuditEntry& audit,
                                     const std::optional<ports::CaseAdvance>& caseAdvance) override;

 private:
  Database& database_;
};

}  // namespace naskah::store
