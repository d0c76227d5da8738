// Who may dispose to whom (disposisi): down the hierarchy head → manager → supervisor → officer,
// never sideways or up. Pure rules; storing dispositions is the store's, routing them the service's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/auth/role.h"

namespace naskah::domain::workflow {

// The place of a role in the disposition chain: head 4, manager 3, supervisor 2, officer 1;
// nullopt for roles outside it (reporter, registrar, auditor, admin).
std::optional<int> dispositionRank(Role role);

// True when a user of role `from` may send a disposition to one of role `to`: both are in the
// chain and `from` stands above `to`.
bool mayDispose(Role from, Role to);

// The deadline of a disposition when neither the sender nor the case's current step gives one:
// DESIGN.md's defaults by urgency, in working days on the office calendar (sangat segera 1,
// segera 2, otherwise 5).
int defaultDispositionWorkingDays(const std::string& urgencyWireName);

// The office's standard instructions (the checkboxes of its lembar disposisi) when the office
// configures none: Permendagri 54/2009's model sheet and DESIGN.md's list.
const std::vector<std::string>& defaultStandardInstructions();

// The standard instruction `given` names, as the office writes it (letter case and spaces at the
// ends ignored), or nullopt when it is not one of `standard`.
std::optional<std::string> standardInstruction(const std::vector<std::string>& standard, const std::string& given);

}  // namespace naskah::domain::workflow
