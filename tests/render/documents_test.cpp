// Every sample document: renders, passes qpdf --check, embeds every font, gives back its
// text in reading order through pdftotext with no poppler warning, and has the exact
// page size.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "pdf_tools.h"

namespace naskah::render::testing {
namespace {

struct DocumentCase {
  std::string templateName;
  std::string sample;
  std::string paper;
  std::string pageSize;  // as pdfinfo prints it
  std::vector<std::string> expectedInOrder;
};

std::ostream& operator<<(std::ostream& out, const DocumentCase& c) { return out << c.sample; }

const std::string kF4 = "609.449 x 935.433 pts";
const std::string kA4 = "595.276 x 841.89 pts";
const std::string kF4Landscape = "935.433 x 609.449 pts";

std::vector<DocumentCase> documentCases() {
  return {
      {"surat_balasan", "surat_balasan", "F4", kF4,
       {"PEMERINTAH PROVINSI JAMBI", "DINAS SOSIAL, KEPENDUDUKAN DAN", "Nomor : 400.9/1187/Dinsosdukcapil/2026",
        "Jambi, 22 November 2026", "Lampiran : 1 (satu) berkas", "Hal : Tindak Lanjut Pengaduan Masyarakat",
        "Yth. Kepala Desa Sungai Duren", "perihal \xE2\x80\x9C" "belum diterimanya bantuan sosial",
        "10\xE2\x80\x93" "12 November 2026", "Rp750.000,00", "a.n. KEPALA DINAS SOSIAL", "SEKRETARIS,",
        "Dra. SITI RAHMAWATI, M.Si.", "Pembina Tingkat I (IV/b)", "NIP 19680512 199303 2 004",
        "Tembusan:", "1. Kepala Dinas Sosial", "3. Sdr. Ahmad Suryadi (pelapor)",
        "Balai Sertifikasi Elektronik (BSrE), BSSN"}},
  };
}

class SampleDocument : public ::testing::TestWithParam<DocumentCase> {};

TEST_P(SampleDocument, PassesQpdfCheck) {
  std::string pdf = renderSample(GetParam().templateName, GetParam().sample, GetParam().paper);
  ToolResult check = runOnPdf("qpdf --check", pdf);
  EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("No syntax or stream encoding errors"), std::string::npos) << check.out;
}

TEST_P(SampleDocument, EmbedsEveryFont) {
  std::string pdf = renderSample(GetParam().templateName, GetParam().sample, GetParam().paper);
  ToolResult fonts = runOnPdf("pdffonts", pdf);
  ASSERT_EQ(fonts.exitCode, 0) << fonts.err;
  std::istringstream lines(fonts.out);
  std::string line;
  int count = 0;
  for (int i = 0; std::getline(lines, line); ++i) {
    if (i < 2) continue;  // header lines
    ++count;
    EXPECT_NE(line.find("LiberationSans"), std::string::npos) << line;
    EXPECT_NE(line.find(" yes yes "), std::string::npos) << "not embedded as subset: " << line;
  }
  EXPECT_GE(count, 1);
  EXPECT_EQ(fonts.err, "");
}

TEST_P(SampleDocument, TextComesBackInReadingOrderWithoutWarnings) {
  std::string pdf = renderSample(GetParam().templateName, GetParam().sample, GetParam().paper);
  ToolResult text = pdfText(pdf);
  ASSERT_EQ(text.exitCode, 0);
  EXPECT_EQ(text.err, "") << "poppler warned";
  std::string squeezed = squeeze(text.out);
  int missing = firstOutOfOrder(squeezed, GetParam().expectedInOrder);
  EXPECT_EQ(missing, -1) << "not found in order: \"" << GetParam().expectedInOrder[missing < 0 ? 0 : missing]
                         << "\"\n" << squeezed;
}

TEST_P(SampleDocument, RasterisesWithoutWarnings) {
  std::string pdf = renderSample(GetParam().templateName, GetParam().sample, GetParam().paper);
  ToolResult raster = runOnPdf("sh -c 'pdftoppm -r 20 -png \"$1\" \"$1.r\" && rm -f \"$1\".r*' sh {}", pdf);
  EXPECT_EQ(raster.err, "");
}

TEST_P(SampleDocument, HasExactPageSize) {
  std::string pdf = renderSample(GetParam().templateName, GetParam().sample, GetParam().paper);
  ToolResult info = runOnPdf("pdfinfo", pdf);
  ASSERT_EQ(info.exitCode, 0) << info.err;
  EXPECT_NE(info.out.find("Page size:       " + GetParam().pageSize), std::string::npos) << info.out;
}

INSTANTIATE_TEST_SUITE_P(Rendering, SampleDocument, ::testing::ValuesIn(documentCases()),
                         [](const auto& info) { return info.param.sample; });

}  // namespace
}  // namespace naskah::render::testing
