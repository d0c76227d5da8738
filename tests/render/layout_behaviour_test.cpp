// Layout rules a reader notices: a table header repeats on each page it continues on, the
// signature block never splits from its name, output is deterministic and thread-safe.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <vector>

#include "pdf_tools.h"
#include "render/render_job.h"

namespace naskah::render::testing {
namespace {
namespace fs = std::filesystem;

// A throwaway templates folder holding one template.
class ScratchTemplates {
 public:
  ScratchTemplates() {
    static int counter = 0;
    dir_ = fs::temp_directory_path() /
           ("naskah-render-templates-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_ / "partials");
  }
  ~ScratchTemplates() { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / (name + ".xml")) << text;
  }

  std::string render(const std::string& name, const std::string& data) const {
    RenderRequest request;
    request.templateName = name;
    request.dataJson = data;
    request.templatesDir = dir_.string();
    request.letterheadsDir = sourceDir() + "/letterheads";
    request.letterhead = "dinsosdukcapil-jambi";
    return renderPdf(request);
  }

  std::string dir() const { return dir_.string(); }

 private:
  fs::path dir_;
};

int pageCount(const std::string& pdf) {
  ToolResult info = runOnPdf("pdfinfo", pdf);
  size_t at = info.out.find("Pages:");
  return at == std::string::npos ? 0 : std::stoi(info.out.substr(at + 6));
}

std::string pageText(const std::string& pdf, int page) {
  return squeeze(runOnPdf("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) +
                              " {} -", pdf).out);
}

TEST(TableLayout, HeaderRowRepeatsOnEveryPageTheTableContinuesOn) {
  ScratchTemplates templates;
  templates.write("tabel", R"(<document><table widths="40mm,*" header-rows="1">
      <tr><th>NOMOR-KOLOM</th><th>URAIAN-KOLOM</th></tr>
      {{#baris}}<tr><td>{{.}}</td><td>Isi baris nomor {{.}}</td></tr>{{/baris}}
    </table></document>)");
  std::string rows;
  for (int i = 1; i <= 150; ++i) rows += (i > 1 ? "," : "") + std::to_string(i);
  std::string pdf = templates.render("tabel", "{\"baris\":[" + rows + "]}");
  int pages = pageCount(pdf);
  ASSERT_GE(pages, 3);
  for (int page = 1; page <= pages; ++page) {
    std::string text = pageText(pdf, page);
    EXPECT_EQ(text.find("NOMOR-KOLOM URAIAN-KOLOM"), 0u) << "page " << page << ": " << text.substr(0, 80);
  }
  EXPECT_NE(pageText(pdf, pages).find("Isi baris nomor 150"), std::string::npos);
}

TEST(KeepTogether, SignatureBlockStaysWholeAndWithTheClosingParagraph) {
  // Push the letter's end down line by line so that the signature block meets the page
  // end at every possible offset.
  std::string base = readSourceFile("samples/documents/surat_balasan.json");
  for (int extra = 0; extra < 24; extra += 2) {
    std::string paragraphs;
    for (int i = 0; i < 4 + extra; ++i) {
      paragraphs += std::string(i ? "," : "") + "\"Paragraf isi surat nomor " + std::to_string(i) +
                    " yang cukup panjang untuk mengisi satu baris penuh halaman surat dinas ini.\"";
    }
    std::string data = base;
    size_t start = data.find("\"paragraf\": [");
    size_t end = data.find("],", start);
    data.replace(start, end + 1 - start, "\"paragraf\": [" + paragraphs + "]");
    RenderRequest request;
    request.templateName = "surat_balasan";
    request.dataJson = data;
    request.templatesDir = sourceDir() + "/templates";
    request.letterheadsDir = sourceDir() + "/letterheads";
    std::string pdf = renderPdf(request);
    int pages = pageCount(pdf);
    bool found = false;
    for (int page = 1; page <= pages; ++page) {
      std::string text = pageText(pdf, page);
      bool hasJabatan = text.find("SEKRETARIS,") != std::string::npos;
      bool hasNip = text.find("NIP 19680512 199303 2 004") != std::string::npos;
      bool hasClosing = text.find("Demikian kami sampaikan") != std::string::npos;
      EXPECT_EQ(hasJabatan, hasNip) << "split signature block with " << extra << " extra paragraphs, page " << page;
      EXPECT_EQ(hasJabatan, hasClosing) << "signature block alone at the top, " << extra << " extra paragraphs";
      found = found || (hasJabatan && hasNip);
    }
    EXPECT_TRUE(found);
  }
}

TEST(Tembusan, SingleEntryIsNotNumbered) {
  std::string data = readSourceFile("samples/documents/surat_balasan.json");
  size_t start = data.find("\"tembusan\": [");
  size_t end = data.find("]", start);
  data.replace(start, end + 1 - start, "\"tembusan\": [\"Camat Jambi Luar Kota\"]");
  RenderRequest request;
  request.templateName = "surat_balasan";
  request.dataJson = data;
  request.templatesDir = sourceDir() + "/templates";
  request.letterheadsDir = sourceDir() + "/letterheads";
  std::string text = pageText(renderPdf(request), 1);
  EXPECT_NE(text.find("Tembusan: Camat Jambi Luar Kota"), std::string::npos) << text;
}

TEST(PageNumbers, LetterPagesFromTheSecondCarryCentredNumber) {
  ScratchTemplates templates;
  templates.write("panjang", R"(<document><header from="2" align="center">- {page} -</header>
      {{#p}}<p>Paragraf {{.}}</p>{{/p}}</document>)");
  std::string items;
  for (int i = 1; i <= 120; ++i) items += (i > 1 ? "," : "") + std::to_string(i);
  std::string pdf = templates.render("panjang", "{\"p\":[" + items + "]}");
  ASSERT_GE(pageCount(pdf), 2);
  EXPECT_EQ(pageText(pdf, 1).find("Paragraf..."), std::string::npos);  // no continuation unless asked
  // The PDF holds "- 2 -"; poppler drops the spaces around a lone hyphen when extracting.
  auto startsWithNumber = [](const std::string& text, int page) {
    std::string n = std::to_string(page);
    return text.rfind("- " + n + " -", 0) == 0 || text.rfind("-" + n + "-", 0) == 0;
  };
  EXPECT_FALSE(startsWithNumber(pageText(pdf, 1), 1));
  EXPECT_TRUE(startsWithNumber(pageText(pdf, 2), 2)) << pageText(pdf, 2).substr(0, 40);
}

TEST(Size, ReplyLetterWithLogoQrAndTwoFontsStaysUnder45Kilobytes) {
  // Subset fonts and a compressed alpha mask keep it small (docs/rendering.md).
  EXPECT_LE(renderSample("surat_balasan", "surat_balasan").size(), 45u * 1024);
}

TEST(KataPenyambung, LetterPageEndsWithTheFirstWordOfTheNextPage) {
  std::string data = readSourceFile("samples/documents/surat_balasan.json");
  std::string paragraphs;
  for (int i = 0; i < 30; ++i) {
    paragraphs += std::string(i ? "," : "") + "\"Uraian" + std::to_string(i) +
                  " isi surat yang cukup panjang untuk mengisi satu baris penuh pada halaman surat dinas ini.\"";
  }
  size_t start = data.find("\"paragraf\": [");
  size_t end = data.find("],", start);
  data.replace(start, end + 1 - start, "\"paragraf\": [" + paragraphs + "]");
  RenderRequest request;
  request.templateName = "surat_balasan";
  request.dataJson = data;
  request.templatesDir = sourceDir() + "/templates";
  request.letterheadsDir = sourceDir() + "/letterheads";
  std::string pdf = renderPdf(request);
  ASSERT_GE(pageCount(pdf), 2);
  std::string second = pageText(pdf, 2);
  size_t afterNumber = second.find(' ', second.find('2') + 2);  // skip "- 2 -"
  std::string firstWord = second.substr(afterNumber + 1, second.find(' ', afterNumber + 1) - afterNumber - 1);
  std::string first = pageText(pdf, 1);
  EXPECT_NE(first.find(firstWord + "..."), std::string::npos) << firstWord << "\n" << first.substr(first.size() - 300);
}

TEST(Determinism, SameInputGivesTheSameBytes) {
  EXPECT_EQ(renderSample("surat_balasan", "surat_balasan"), renderSample("surat_balasan", "surat_balasan"));
}

TEST(ThreadSafety, ConcurrentRendersGiveIdenticalDocuments) {
  std::string expected = renderSample("lembar_disposisi", "lembar_disposisi");
  std::vector<std::future<std::string>> results;
  for (int i = 0; i < 8; ++i) {
    results.push_back(std::async(std::launch::async, [] { return renderSample("lembar_disposisi", "lembar_disposisi"); }));
  }
  for (auto& result : results) EXPECT_EQ(result.get(), expected);
}

TEST(Escaping, MarkupInDataIsPrintedNotInterpreted) {
  ScratchTemplates templates;
  templates.write("nilai", "<document><p>{{teks}}</p></document>");
  std::string pdf = templates.render("nilai", R"({"teks":"<b>tebal</b> & \"kutip\""})");
  EXPECT_NE(pageText(pdf, 1).find("<b>tebal</b> & \"kutip\""), std::string::npos);
}

TEST(TextExtraction, QuotesDashesAccentsAndEuroComeBackExactly) {
  ScratchTemplates templates;
  templates.write("huruf", "<document><p>{{teks}}</p></document>");
  const std::string text = "\xE2\x80\x9C" "Surat\xE2\x80\x9D \xE2\x80\x98" "A\xE2\x80\x99 10\xE2\x80\x93" "12 "
                           "a\xE2\x80\x94" "b Andr\xC3\xA9 \xE2\x82\xAC" "5 \xE2\x80\xA6 \xC2\xB1";
  std::string pdf = templates.render("huruf", "{\"teks\":\"" + text + "\"}");
  ToolResult extracted = runOnPdf("pdftotext {} -", pdf);
  EXPECT_EQ(extracted.err, "");
  EXPECT_NE(extracted.out.find(text), std::string::npos) << extracted.out;
}

TEST(Paper, LetterFitsA4AndF4WithTheSameContent) {
  std::string f4 = renderSample("surat_balasan", "surat_balasan", "F4");
  std::string a4 = renderSample("surat_balasan", "surat_balasan", "A4");
  EXPECT_NE(runOnPdf("pdfinfo", a4).out.find("595.276 x 841.89 pts"), std::string::npos);
  EXPECT_EQ(squeeze(runOnPdf("pdftotext {} -", f4).out).substr(0, 300),
            squeeze(runOnPdf("pdftotext {} -", a4).out).substr(0, 300));
}

}  // namespace
}  // namespace naskah::render::testing
