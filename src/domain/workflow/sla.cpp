#include "domain/workflow/sla.h"

namespace naskah::domain::workflow {

SlaSummary summarizeSla(const SopProfile& profile, const std::vector<CompletedStep>& history) {
  SlaSummary summary;
  for (const auto& step : profile.steps) summary.steps.push_back(StepSla{step.id, step.name});
  for (const auto& row : history) {
    for (auto& s : summary.steps) {
      if (s.step != row.step) continue;
      ++s.completed;
      ++summary.completed;
      s.totalWorkingMinutes += row.workingMinutesTaken;
      if (row.dueAt) {
        int& bucket = row.late() ? s.late : s.onTime;
        ++bucket;
        ++(row.late() ? summary.late : summary.onTime);
      }
      break;
    }
  }
  return summary;
}

}  // namespace naskah::domain::workflow
