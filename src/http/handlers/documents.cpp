// The printed documents of the agenda as PDF: the tanda terima and the lembar disposisi of
// one entry, and the buku agenda of a period.
#include "http/handlers/routes.h"
#include "json/document_data.h"

namespace naskah::http {
namespace {

// "0001/SM/DINSOS/2026" → "0001-SM-DINSOS-2026", safe in a file name.
std::string fileStem(std::string number) {
  for (char& c : number)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '-';
  return number;
}

}  // namespace

void addDocumentRoutes(Router& router) {
  Services& s = router.services();
  router.add("GET", "/api/v1/incoming-letters/{id}/receipt.pdf", BodyKind::kNone, [&s](ApiRequest& request) {
    std::string paper = request.paper();
    auto facts = s.documents.receipt(request.actor(), request.idParam(0));
    auto bytes = s.documents.renderPdf({"tanda_terima", json::receiptData(facts), facts.office.letterhead, paper});
    return ApiReply::pdf(std::move(bytes), "tanda-terima-" + fileStem(facts.letter.agendaNumber) + ".pdf");
  });
  router.add("GET", "/api/v1/incoming-letters/{id}/disposition-sheet.pdf", BodyKind::kNone,
             [&s](ApiRequest& request) {
               std::string paper = request.paper();
               auto facts = s.documents.dispositionSheet(request.actor(), request.idParam(0));
               auto bytes = s.documents.renderPdf(
                   {"lembar_disposisi", json::dispositionSheetData(facts), facts.office.letterhead, paper});
               return ApiReply::pdf(std::move(bytes),
                                    "lembar-disposisi-" + fileStem(facts.letter.agendaNumber) + ".pdf");
             });
  router.add("GET", "/api/v1/agenda-book.pdf", BodyKind::kNone, [&s](ApiRequest& request) {
    std::string paper = request.paper();
    auto book = s.documents.agendaBook(request.actor(), request.query("from").value_or(""),
                                       request.query("to").value_or(""));
    auto bytes = s.documents.renderPdf({"buku_agenda", json::agendaBookData(book), book.office.letterhead, paper});
    return ApiReply::pdf(std::move(bytes), "buku-agenda-" + book.from + "-" + book.to + ".pdf");
  });
}

}  // namespace naskah::http
