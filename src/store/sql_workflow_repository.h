// The workflow in SQL (migration 2): case_workflow (one row per case on a profile), case_steps
// (finished steps), dispositions (one row per recipient).
#pragma once

#include "ports/workflow.h"
#include "store/database.h"

namespace naskah::store {

// Inside the caller's write transaction: moves the case from `expected` to `next`, marks the case
// closed when `next` is, appends `audit` and stores `step` with the audit sequence. Returns false
// and writes nothing when the case no longer stands at `expected`. Shared by the workflow's own
// transitions and by changes that advance a case as they happen (a reply's last dispatch).
bool writeCaseTransition(WriteTransaction& tx, std::int64_t caseId, const domain::workflow::CaseState& expected,
                         const domain::workflow::CaseState& next, const ports::StoredStep& step,
                         const ports::AuditEntry& audit);

class SqlWorkflowRepository : public ports::WorkflowRepository {
 public:
  explicit SqlWorkflowRepository(Database& database) : database_(database) {}

  std::optional<ports::CaseRow> findCase(std::int64_t officeId, std::int64_t caseId) override;
  std::vector<ports::CaseRef> unstartedCases(std::int64_t officeId) override;
  std::vector<ports::StoredStep> history(std::int64_t caseId) override;
  int startCases(const std::vector<ports::CaseStart>& starts, bool replace) override;
  void recordTransition(std::int64_t caseId, const domain::workflow::CaseState& expected,
                        const domain::workflow::CaseState& next, const ports::StoredStep& step,
                        const ports::AuditEntry& audit) override;
  std::vector<ports::CaseRow> overdueCases(std::int64_t officeId, const std::string& now) override;
  std::vector<ports::CaseRow> casesReceivedBetween(std::int64_t officeId, const std::string& from,
                                                   const std::string& to) override;
  std::vector<ports::StoredStep> stepsCompletedBetween(std::int64_t officeId, const std::string& from,
                                                       const std::string& to) override;
  std::vector<ports::DispositionRecord> addDispositions(const ports::NewDisposition& disposition,
                                                        const ports::AuditEntry& audit) override;
  std::optional<ports::DispositionRecord> findDisposition(std::int64_t officeId, std::int64_t id) override;
  std::vector<ports::DispositionRecord> dispositionsOfCase(std::int64_t caseId) override;
  std::vector<ports::DispositionRecord> dispositionsTo(std::int64_t userId) override;
  ports::DispositionRecord markRead(std::int64_t id, const std::string& at, const ports::AuditEntry& audit) override;
  ports::DispositionRecord recall(std::int64_t id, const std::string& at, const ports::AuditEntry& audit) override;

 private:
  Database& database_;
};

}  // namespace naskah::store
