// SLA compliance from the history of finished steps (CompletedStep rows): per step of a profile
// and for the profile as a whole — the numbers the overdue lists, the SLA report and the
// rekapitulasi bulanan show. Pure arithmetic; choosing the rows (a month, an office) is the caller's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/workflow/case_state_machine.h"
#include "domain/workflow/sop_profile.h"

namespace naskah::domain::workflow {

struct StepSla {
  std::string step;  // step id
  std::string name;  // the step's name, for the report
  int completed = 0;
  int onTime = 0;
  int late = 0;  // finished after its due time
  std::int64_t totalWorkingMinutes = 0;
  // Finished on time among those with a due time, in [0, 1]; 1 when none had one.
  double compliance() const { return onTime + late == 0 ? 1.0 : static_cast<double>(onTime) / (onTime + late); }
  // Mean office minutes a finished step took; 0 when none finished.
  double meanWorkingMinutes() const { return completed == 0 ? 0.0 : static_cast<double>(totalWorkingMinutes) / completed; }
};

struct SlaSummary {
  std::vector<StepSla> steps;  // every step of the profile, in profile order
  int completed = 0;
  int onTime = 0;
  int late = 0;
  double compliance() const { return onTime + late == 0 ? 1.0 : static_cast<double>(onTime) / (onTime + late); }
};

// Adds up the rows of one profile. A row whose step the profile does not have is ignored
// (a step removed by a later version of the profile).
SlaSummary summarizeSla(const SopProfile& profile, const std::vector<CompletedStep>& history);

}  // namespace naskah::domain::workflow
