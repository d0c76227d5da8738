// The agenda's printed documents served over HTTP: each answer is a real PDF that qpdf
// accepts and whose text poppler reads back in order.
#include <algorithm>

#include "http/api_test_fixture.h"
#include "render/pdf_tools.h"

namespace naskah::testing {
namespace {

using render::testing::firstOutOfOrder;
using render::testing::pdfText;
using render::testing::runOnPdf;
using render::testing::squeeze;

class DocumentsApi : public ApiTest {
 protected:
  // The text of a PDF answer, after checking that it is one.
  std::string checkedPdfText(const HttpResponse& response) {
    EXPECT_EQ(response.status, 200) << response.body.substr(0, 300);
    EXPECT_EQ(response.header("Content-Type"), "application/pdf");
    EXPECT_EQ(response.body.rfind("%PDF-", 0), 0u);
    auto check = runOnPdf("qpdf --check {}", response.body);
    EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
    auto text = pdfText(response.body);
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_EQ(text.err, "") << "poppler warned";
    return squeeze(text.out);
  }

  std::string registeredId(const Poco::JSON::Object::Ptr& body) {
    return registerLetter(body)->getValue<std::string>("id");
  }
};

TEST_F(DocumentsApi, ReceiptCarriesTheAgendaNumberTrackingCodeAndReporter) {
  auto letter = registerLetter(letterBody("2031-03-03T09:15:00"));
  const std::string id = letter->getValue<std::string>("id");
  auto response = as("tu").get("/api/v1/incoming-letters/" + id + "/receipt.pdf");
  auto text = checkedPdfText(response);
  EXPECT_EQ(firstOutOfOrder(text, {"TANDA TERIMA PENGADUAN MASYARAKAT",
                                   "Nomor Agenda: " + letter->getValue<std::string>("agenda_number"),
                                   "Senin, 3 Maret 2031 pukul 09.15 WIB", "Surat", "Syamsul Bahri",
                                   "Pengaduan Bantuan PKH yang Tidak Diterima", "Pengaduan / Keluhan / Masalah",
                                   letter->getValue<std::string>("tracking_code"), "Jambi, 3 Maret 2031",
                                   "Siti Nurhaliza, A.Md.", "NIP 19910723 201503 2 003"}),
            -1)
      << text;
  EXPECT_NE(response.header("Content-Disposition").find("tanda-terima-"), std::string::npos);
}

TEST_F(DocumentsApi, DispositionSheetHoldsTheLetterAndLeavesTheInstructionsToTheHead) {
  auto letter = registerLetter(letterBody("2031-03-03T10:00:00"));
  const std::string id = letter->getValue<std::string>("id");
  auto text = checkedPdfText(as("kadis").get("/api/v1/incoming-letters/" + id + "/disposition-sheet.pdf"));
  // The letter's data sits in two columns, which pdftotext interleaves: look for each value.
  for (const std::string& value : {std::string("Ketua RT 07 Kelurahan"), std::string("Simpang IV Sipin"),
                                   std::string("045/RT.07/VIII/2026"), std::string("28 Agustus 2026"),
                                   std::string("3 Maret 2031"), letter->getValue<std::string>("agenda_number"),
                                   std::string("Kode : 400.9")})
    EXPECT_NE(text.find(value), std::string::npos) << value << " in " << text;
  EXPECT_EQ(firstOutOfOrder(text, {"LEMBAR DISPOSISI", "Sifat:", "Perihal : Pengaduan Bantuan PKH yang Tidak Diterima",
                                   "Diteruskan kepada Sdr.:", "Proses lebih lanjut", "Batas waktu penyelesaian",
                                   "Catatan tulisan tangan", "Drs. H. Ahmad Fauzi, M.Si.",
                                   "NIP 19680512 199303 1 004"}),
            -1)
      << text;
}

TEST_F(DocumentsApi, PaperIsF4UnlessA4IsAsked) {
  const std::string id = registeredId(letterBody("2031-03-04T08:00:00"));
  auto f4 = as("tu").get("/api/v1/incoming-letters/" + id + "/receipt.pdf");
  auto a4 = as("tu").get("/api/v1/incoming-letters/" + id + "/receipt.pdf?paper=A4");
  // F4 is 215 x 330 mm = 609.45 x 935.43 pt; A4 595.28 x 841.89 pt.
  EXPECT_NE(runOnPdf("pdfinfo {}", f4.body).out.find("609.449 x 935.433 pts"), std::string::npos);
  EXPECT_NE(runOnPdf("pdfinfo {}", a4.body).out.find("595.276 x 841.89 pts"), std::string::npos);
  auto letter = as("tu").get("/api/v1/incoming-letters/" + id + "/receipt.pdf?paper=Letter");
  EXPECT_EQ(letter.status, 400);
  EXPECT_EQ(errorFields(letter), std::vector<std::string>{"paper"});
}

TEST_F(DocumentsApi, AgendaBookListsThePeriodInOrderAndNothingOutsideIt) {
  std::vector<std::string> numbers;
  for (const char* at : {"2031-05-02T08:00:00", "2031-05-15T13:30:00", "2031-05-31T15:59:00"})
    numbers.push_back(registerLetter(letterBody(at))->getValue<std::string>("agenda_number"));
  auto outside = registerLetter(letterBody("2031-06-01T08:00:00"))->getValue<std::string>("agenda_number");

  auto text = checkedPdfText(as("kadis").get("/api/v1/agenda-book.pdf?from=2031-05-01&to=2031-05-31"));
  EXPECT_EQ(firstOutOfOrder(text, {"BUKU AGENDA SURAT MASUK", "Periode Mei 2031", numbers[0], "2 Mei 2031",
                                   numbers[1], "15 Mei 2031", numbers[2], "31 Mei 2031", "Halaman 1 dari 1"}),
            -1)
      << text;
  EXPECT_EQ(text.find(outside), std::string::npos);

  auto partial = checkedPdfText(as("tu").get("/api/v1/agenda-book.pdf?from=2031-05-10&to=2031-06-01&paper=A4"));
  EXPECT_NE(partial.find("Periode 10 Mei 2031 s.d. 1 Juni 2031"), std::string::npos) << partial;
  EXPECT_EQ(partial.find(numbers[0]), std::string::npos);
  EXPECT_NE(partial.find(outside), std::string::npos);
}

TEST_F(DocumentsApi, AgendaBookPeriodProblemsAreNamed) {
  auto tu = as("tu");
  auto bad = tu.get("/api/v1/agenda-book.pdf?from=kemarin&to=2031-13-01");
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(errorFields(bad), (std::vector<std::string>{"from", "to"}));
  EXPECT_EQ(errorFields(tu.get("/api/v1/agenda-book.pdf")), (std::vector<std::string>{"from", "to"}));
  EXPECT_EQ(errorFields(tu.get("/api/v1/agenda-book.pdf?from=2031-05-31&to=2031-05-01")),
            std::vector<std::string>{"to"});
  EXPECT_EQ(errorFields(tu.get("/api/v1/agenda-book.pdf?from=2030-01-01&to=2031-05-01")),
            std::vector<std::string>{"to"});
}

TEST_F(DocumentsApi, OnlyTheRegistrarPrintsReceiptsAndOnlyReadersSeeSheets) {
  const std::string id = registeredId(letterBody("2031-03-05T08:00:00"));
  const std::string receipt = "/api/v1/incoming-letters/" + id + "/receipt.pdf";
  const std::string sheet = "/api/v1/incoming-letters/" + id + "/disposition-sheet.pdf";
  EXPECT_EQ(anonymous().get(receipt).status, 401);
  EXPECT_EQ(anonymous().get("/api/v1/agenda-book.pdf?from=2031-03-01&to=2031-03-31").status, 401);
  for (const char* user : {"kadis", "kabid", "auditor", "pelapor"}) {
    auto response = as(user).get(receipt);
    EXPECT_EQ(response.status, 403) << user;
    EXPECT_EQ(response.errorCode(), "permission_denied") << user;
  }
  EXPECT_EQ(as("admin").get(receipt).status, 200);
  for (const char* user : {"tu", "kadis", "sekretaris", "kabid", "kasi", "auditor"})
    EXPECT_EQ(as(user).get(sheet).status, 200) << user;
  EXPECT_EQ(as("pelapor").get(sheet).status, 403);
  EXPECT_EQ(as("pelapor").get("/api/v1/agenda-book.pdf?from=2031-03-01&to=2031-03-31").status, 403);
}

TEST_F(DocumentsApi, AuditorsBookWithholdsAReporterWhoIsTheSender) {
  auto body = letterBody("2031-07-01T08:00:00");
  body->set("channel", "sms");
  body->set("sender", "Syamsul Bahri");
  auto number = registerLetter(body)->getValue<std::string>("agenda_number");
  const std::string book = "/api/v1/agenda-book.pdf?from=2031-07-01&to=2031-07-01";
  auto forRegistrar = checkedPdfText(as("tu").get(book));
  EXPECT_NE(forRegistrar.find("Syamsul Bahri"), std::string::npos) << forRegistrar;
  auto forAuditor = checkedPdfText(as("auditor").get(book));
  EXPECT_NE(forAuditor.find(number), std::string::npos);
  EXPECT_EQ(forAuditor.find("Syamsul"), std::string::npos) << forAuditor;
  EXPECT_NE(forAuditor.find("(dirahasiakan)"), std::string::npos) << forAuditor;
}

TEST_F(DocumentsApi, VoidUnknownAndMalformedEntriesAreRefused) {
  auto tu = as("tu");
  const std::string id = registeredId(letterBody("2031-03-06T08:00:00"));
  ASSERT_EQ(tu.post("/api/v1/incoming-letters/" + id + "/void", R"({"reason":"terdaftar dua kali"})").status, 200);
  auto receipt = tu.get("/api/v1/incoming-letters/" + id + "/receipt.pdf");
  EXPECT_EQ(receipt.status, 409) << receipt.body;
  EXPECT_NE(receipt.json()->getObject("error")->getValue<std::string>("message").find("void"), std::string::npos);
  EXPECT_EQ(tu.get("/api/v1/incoming-letters/999999/receipt.pdf").status, 404);
  EXPECT_EQ(tu.get("/api/v1/incoming-letters/abc/disposition-sheet.pdf").status, 400);
}

}  // namespace
}  // namespace naskah::testing
