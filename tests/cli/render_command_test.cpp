// `naskah render` as a user runs it: the sample data to a PDF file, checked with qpdf, pdfinfo
// and pdftotext, and its QR code read back by zbarimg from a 200-dpi page; bad input leaves no file.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "support/temp_dir.h"

namespace {

struct Run {
  int exitCode;
  std::string output;  // stdout, and stderr unless left out
};

Run run(const std::string& command, bool withStderr = true) {
  FILE* pipe = popen((command + (withStderr ? " 2>&1" : " 2>/dev/null")).c_str(), "r");
  std::string output;
  std::array<char, 4096> buffer{};
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  int status = pclose(pipe);
  return Run{WEXITSTATUS(status), output};
}

std::string source(const std::string& path) { return std::string(NASKAH_SOURCE_DIR) + "/" + path; }
std::string naskah() { return NASKAH_BINARY; }

class RenderCommand : public ::testing::Test {
 protected:
  std::string out(const std::string& name) const { return dir_.path() + "/" + name; }

  // Renders page 1 at 200 dpi and returns what zbarimg reads on it.
  std::string qrCodesOn(const std::string& pdf) {
    auto page = run("pdftoppm -r 200 -f 1 -l 1 -gray -png " + pdf + " " + out("page"));
    EXPECT_EQ(page.exitCode, 0) << page.output;
    std::string png;
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path()))
      if (entry.path().extension() == ".png") png = entry.path().string();
    // stderr has zbar's own chatter (it looks for D-Bus); the codes come on stdout.
    auto codes = run("zbarimg --quiet --raw " + png, false);
    EXPECT_EQ(codes.exitCode, 0) << codes.output;
    return codes.output;
  }

  naskah::testing::TempDir dir_;
};

TEST_F(RenderCommand, TheReceiptSampleBecomesAnA4PdfWhoseQrOpensTheTrackingPage) {
  std::string pdf = out("tanda-terima.pdf");
  auto rendered = run(naskah() + " render tanda_terima " + source("samples/documents/tanda_terima.json") + " -o " +
                      pdf + " --letterhead dinsosdukcapil-jambi --paper A4");
  ASSERT_EQ(rendered.exitCode, 0) << rendered.output;
  EXPECT_NE(rendered.output.find("wrote " + pdf), std::string::npos) << rendered.output;
  EXPECT_FALSE(std::filesystem::exists(pdf + ".part"));

  auto check = run("qpdf --check " + pdf);
  EXPECT_EQ(check.exitCode, 0) << check.output;
  auto info = run("pdfinfo " + pdf);
  EXPECT_NE(info.output.find("595.276 x 841.89 pts (A4)"), std::string::npos) << info.output;
  auto text = run("pdftotext -layout " + pdf + " -");
  EXPECT_EQ(text.exitCode, 0);
  for (const char* expected : {"0412/SM/2026", "JMB-7K3Q-9XMA", "Ahmad Suryadi", "DINAS SOSIAL"})
    EXPECT_NE(text.output.find(expected), std::string::npos) << expected << " not in:\n" << text.output;

  EXPECT_EQ(qrCodesOn(pdf), "https://naskah.jambiprov.go.id/lacak/JMB-7K3Q-9XMA\n");
}

TEST_F(RenderCommand, TheReplyLetterQrCarriesItsVerificationAddress) {
  std::string pdf = out("surat-balasan.pdf");
  auto rendered = run(naskah() + " render surat_balasan " + source("samples/documents/surat_balasan.json") + " -o " +
                      pdf + " --letterhead dinsosdukcapil-jambi");
  ASSERT_EQ(rendered.exitCode, 0) << rendered.output;
  auto info = run("pdfinfo " + pdf);
  EXPECT_NE(info.output.find("609.449 x 935.433 pts"), std::string::npos) << info.output;  // F4
  EXPECT_EQ(qrCodesOn(pdf), "https://naskah.jambiprov.go.id/v/7K3Q-9XMA-2P4D\n");
}

TEST_F(RenderCommand, BadInputExitsNonZeroWithTheReasonAndWritesNoFile) {
  std::string pdf = out("x.pdf");
  std::ofstream(out("rusak.json")) << "{\"nomor_agenda\": ";
  std::ofstream(out("kurang.json")) << "{\"nomor_agenda\": \"1/SM/2026\"}";
  struct Case {
    std::string args, says;
  } cases[] = {
      {"tanda_terima " + out("tidak-ada.json"), "cannot read"},
      {"tanda_terima " + out("rusak.json"), "JSON"},
      {"tanda_terima " + out("kurang.json"), "tanda_terima.xml"},
      {"../etc/passwd " + source("samples/documents/tanda_terima.json"), "passwd"},
      {"surat_cinta " + source("samples/documents/tanda_terima.json"), "surat_cinta"},
      {"tanda_terima " + source("samples/documents/tanda_terima.json") + " --paper B5", "B5"},
  };
  for (const auto& c : cases) {
    auto result = run(naskah() + " render " + c.args + " -o " + pdf);
    EXPECT_NE(result.exitCode, 0) << c.args << ": " << result.output;
    EXPECT_NE(result.output.find(c.says), std::string::npos) << c.args << ": " << result.output;
    EXPECT_FALSE(std::filesystem::exists(pdf)) << c.args;
  }
  auto noOutput = run(naskah() + " render tanda_terima " + source("samples/documents/tanda_terima.json"));
  EXPECT_EQ(noOutput.exitCode, 64) << noOutput.output;
}

}  // namespace
