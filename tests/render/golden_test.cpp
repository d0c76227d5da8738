// Golden pages: each sample document's page is rasterised with pdftoppm (40 dpi, gray) and
// compared with the reference PNG in tests/render/golden/. A layout change moves glyphs and
// lines, and fails here. To accept a deliberate change, refresh the references:
//   NASKAH_REFRESH_GOLDEN=1 build/tests/render/render_tests --gtest_filter='Golden*'
// then look at the new PNGs before committing them.
#include <png.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "pdf_tools.h"

namespace naskah::render::testing {
namespace {
namespace fs = std::filesystem;

struct GoldenPage {
  std::string templateName;
  std::string sample;
  int page = 1;
  std::string paper = "F4";
};

std::ostream& operator<<(std::ostream& out, const GoldenPage& page) {
  return out << page.sample << " page " << page.page;
}

struct GrayImage {
  int width = 0, height = 0;
  std::string pixels;
};

GrayImage readGrayPng(const std::string& bytes) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  GrayImage gray;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) return gray;
  image.format = PNG_FORMAT_GRAY;
  gray.pixels.resize(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, gray.pixels.data(), 0, nullptr)) return GrayImage{};
  gray.width = static_cast<int>(image.width);
  gray.height = static_cast<int>(image.height);
  return gray;
}

std::string rasterise(const std::string& pdf, int page) {
  std::string prefix = (fs::temp_directory_path() / ("naskah-golden-" + std::to_string(getpid()))).string();
  ToolResult result = runOnPdf("pdftoppm -r 40 -gray -png -singlefile -f " + std::to_string(page) + " -l " +
                                   std::to_string(page) + " {} " + prefix,
                               pdf);
  EXPECT_EQ(result.exitCode, 0) << result.err;
  std::ifstream in(prefix + ".png", std::ios::binary);
  std::string png((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::remove(prefix + ".png");
  return png;
}

class Golden : public ::testing::TestWithParam<GoldenPage> {};

TEST_P(Golden, PageMatchesReferenceWithinTolerance) {
  const GoldenPage& golden = GetParam();
  std::string png = rasterise(renderSample(golden.templateName, golden.sample, golden.paper), golden.page);
  ASSERT_FALSE(png.empty());
  fs::path reference = fs::path(sourceDir()) / "tests/render/golden" /
                       (golden.sample + "-" + std::to_string(golden.page) + ".png");
  if (std::getenv("NASKAH_REFRESH_GOLDEN")) {
    std::ofstream(reference, std::ios::binary) << png;
    GTEST_SKIP() << "reference written: " << reference;
  }
  std::ifstream in(reference, std::ios::binary);
  ASSERT_TRUE(in) << "no reference " << reference << "; see the refresh command at the top of golden_test.cpp";
  std::string expectedPng((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  GrayImage expected = readGrayPng(expectedPng);
  GrayImage actual = readGrayPng(png);
  ASSERT_EQ(actual.width, expected.width);
  ASSERT_EQ(actual.height, expected.height);
  // Anti-aliasing may differ slightly between poppler builds; a moved line or word changes
  // many pixels by a lot.
  long differing = 0;
  for (size_t i = 0; i < actual.pixels.size(); ++i) {
    int delta = static_cast<unsigned char>(actual.pixels[i]) - static_cast<unsigned char>(expected.pixels[i]);
    if (std::abs(delta) > 64) ++differing;
  }
  double share = static_cast<double>(differing) / actual.pixels.size();
  EXPECT_LE(share, 0.002) << differing << " pixels differ from " << reference;
}

INSTANTIATE_TEST_SUITE_P(
    Rendering, Golden,
    ::testing::Values(GoldenPage{"surat_balasan", "surat_balasan"}, GoldenPage{"surat_balasan", "surat_balasan_konsep", 1, "A4"},
                      GoldenPage{"tanda_terima", "tanda_terima"}, GoldenPage{"formulir_pengaduan", "formulir_pengaduan"},
                      GoldenPage{"formulir_pengaduan", "formulir_pengaduan_kosong"},
                      GoldenPage{"lembar_disposisi", "lembar_disposisi"},
                      GoldenPage{"laporan_pemeriksaan", "laporan_pemeriksaan"}, GoldenPage{"buku_agenda", "buku_agenda", 2},
                      GoldenPage{"rekap_bulanan", "rekap_bulanan"}, GoldenPage{"daftar_ekspedisi", "daftar_ekspedisi", 1, "A4"}),
    [](const auto& info) { return info.param.sample + "_page" + std::to_string(info.param.page); });

}  // namespace
}  // namespace naskah::render::testing
