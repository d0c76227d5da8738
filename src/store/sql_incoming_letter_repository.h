// The agenda surat masuk in SQL: gap-free numbering, cases, corrections, voids, attachments.
#pragma once

#include "ports/incoming_letter_repository.h"
#include "store/database.h"

namespace naskah::store {

class SqlIncomingLetterRepository : public ports::IncomingLetterRepository {
 public:
  explicit SqlIncomingLetterRepository(Database& database) : database_(database) {}

  ports::RegistrationResult registerIncoming(const ports::NewRegistration& registration,
                                             const domain::AgendaNumberFormat& format,
                                             const ports::AuditEntry& audit) override;
  std::optional<domain::IncomingLetter> find(std::int64_t officeId, std::int64_t id) override;
  std::optional<domain::IncomingLetter> findByTrackingCode(const std::string& code) override;
  ports::LetterPage list(const ports::LetterFilter& filter) override;
  domain::IncomingLetter correct(std::int64_t officeId, std::int64_t id, std::int64_t expectedVersion,
                                 const domain::IncomingLetterFields& fields, const ports::AuditEntry& audit,
                                 const std::vector<ports::FieldChange>& confidential) override;
  std::vector<ports::ConfidentialChange> confidentialHistory(std::int64_t officeId, std::int64_t letterId) override;
  domain::IncomingLetter markVoid(std::int64_t officeId, std::int64_t id, const std::string& reason,
                                  const std::string& voidedBy, const std::string& voidedAt,
                                  const ports::AuditEntry& audit) override;
  domain::Attachment addAttachment(std::int64_t letterId, const domain::Attachment& attachment,
                                   const std::string& uploadedBy, const std::string& uploadedAt,
                                   const ports::AuditEntry& audit) override;
  std::optional<domain::Attachment> findAttachment(std::int64_t letterId, std::int64_t attachmentId) override;
  std::set<std::int64_t> lettersAssignedTo(std::int64_t officeId, std::int64_t userId) override;

 private:
  Database& database_;
};

}  // namespace naskah::store
