#include "domain/workflow/disposition.h"

namespace naskah::domain::workflow {

std::optional<int> dispositionRank(Role role) {
  switch (role) {
    case Role::kHead: return 4;
    case Role::kManager: return 3;
    case Role::kSupervisor: return 2;
    case Role::kOfficer: return 1;
    default: return std::nullopt;
  }
}

bool mayDispose(Role from, Role to) {
  auto a = dispositionRank(from), b = dispositionRank(to);
  return a && b && *a > *b;
}

int defaultDispositionWorkingDays(const std::string& urgency) {
  if (urgency == "sangat_segera") return 1;
  if (urgency == "segera") return 2;
  return 5;
}

}  // namespace naskah::domain::workflow
