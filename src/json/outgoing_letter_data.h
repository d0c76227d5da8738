// The reply letter's facts as the data of templates/surat_balasan.xml (Indonesian field names,
// as the printed letter has them). Keep in step with the template and partials/penandatangan.xml.
#pragma once

#include <string>

#include "services/outgoing_service.h"

namespace naskah::json {

// A draft (facts.final false) prints KONSEP, "(diberikan saat ditandatangani)" for the number
// and the paraf hierarki table; a final prints the number, the TTE mark with its QR and footer.
std::string outgoingLetterData(const services::OutgoingDocumentFacts& facts);

}  // namespace naskah::json
