// The agenda surat masuk as CSV (RFC 4180), for spreadsheets and the auditors' exports.
#pragma once

#include <string>
#include <vector>

#include "domain/letters/incoming_letter.h"

namespace naskah::services {

// Header line: the columns every row has.
std::string agendaCsvHeader();
// One line per entry; values quoted where needed; a formula-looking value is prefixed with
// "'" so a spreadsheet shows it as text instead of running it.
std::string agendaCsvRows(const std::vector<domain::IncomingLetter>& letters);
// One CSV cell with the same quoting and formula guard (shared by the archive export).
std::string csvCell(std::string value);

}  // namespace naskah::services
