// Maps stored facts onto the data the document templates expect (templates/*.xml name their
// fields in Indonesian, as the printed documents do). Keep in step with the templates: a
// missing value is a render error, so every required field is always set here.
#pragma once

#include <string>

#include "services/document_service.h"

namespace naskah::json {

// templates/tanda_terima.xml
std::string receiptData(const services::LetterDocumentFacts& facts);
// templates/lembar_disposisi.xml, printed at registration: the letter's data filled in, the
// instructions unticked and the notes left for the head's hand.
std::string dispositionSheetData(const services::LetterDocumentFacts& facts);
// templates/buku_agenda.xml
std::string agendaBookData(const services::AgendaBookFacts& facts);

}  // namespace naskah::json
