// The printed documents of the agenda as PDF: the tanda terima and the lembar disposisi of
// one entry, and the buku agenda of a period.
#include "http/handlers/routes.h"
#include "json/document_data.h"

namespace naskah::http {
namespace {

// Paper from ?paper=F4|A4; F4 (folio) is what Indonesian offices print on.
std::string paperOf(ApiRequest& request) {
  std::string paper = request.query("paper").value_or("F4");
  if (paper != "F4" && paper != "A4")
    throw Error(ErrorCode::kInvalidArgument, "the paper must be F4 or A4", {{"paper", "must be F4 or A4"}});
  return paper;
}

ApiReply pdf(std::string bytes, const std::string& fileName) {
  ApiReply reply = ApiReply::bytes(std::move(bytes), "application/pdf");
  reply.headers.push_back({"Content-Disposition", "inline; filename=\"" + fileName + "\""});
  return reply;
}

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
    std::string paper = paperOf(request);
    auto facts = s.documents.receipt(request.actor(), request.idParam(0));
    auto bytes = s.documents.renderPdf({"tanda_terima", json::receiptData(facts), facts.office.letterhead, paper});
    return pdf(std::move(bytes), "tanda-terima-" + fileStem(facts.letter.agendaNumber) + ".pdf");
  });
  router.add("GET", "/api/v1/incoming-letters/{id}/disposition-sheet.pdf", BodyKind::kNone,
             [&s](ApiRequest& request) {
               std::string paper = paperOf(request);
               auto facts = s.documents.dispositionSheet(request.actor(), request.idParam(0));
               auto bytes = s.documents.renderPdf(
                   {"lembar_disposisi", json::dispositionSheetData(facts), facts.office.letterhead, paper});
               return pdf(std::move(bytes), "lembar-disposisi-" + fileStem(facts.letter.agendaNumber) + ".pdf");
             });
  router.add("GET", "/api/v1/agenda-book.pdf", BodyKind::kNone, [&s](ApiRequest& request) {
    std::string paper = paperOf(request);
    auto book = s.documents.agendaBook(request.actor(), request.query("from").value_or(""),
                                       request.query("to").value_or(""));
    auto bytes = s.documents.renderPdf({"buku_agenda", json::agendaBookData(book), book.office.letterhead, paper});
    return pdf(std::move(bytes), "buku-agenda-" + book.from + "-" + book.to + ".pdf");
  });
}

}  // namespace naskah::http
