// The letterhead's logo goes into the PDF as compressed bytes prepared once per process
// (render/haru/deflated_image.h). pdfimages, which no one here wrote, takes it back out:
// its colour and transparency planes must be the logo's pixels exactly.
#include <png.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "pdf_tools.h"

namespace naskah::render::testing {
namespace {
namespace fs = std::filesystem;

std::string readBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Pixels of a PNG in the given libpng format ("" when unreadable).
std::string pixelsOf(const std::string& png, png_uint_32 format) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, png.data(), png.size())) return "";
  image.format = format;
  std::string pixels(PNG_IMAGE_SIZE(image), '\0');
  if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) return "";
  return pixels;
}

TEST(EmbeddedImage, LogoComesBackOutOfTheLetterPixelForPixelWithItsTransparency) {
  std::string pdf = renderSample("surat_balasan", "surat_balasan");
  ToolResult list = runOnPdf("pdfimages -list {}", pdf);
  ASSERT_EQ(list.exitCode, 0) << list.err;
  EXPECT_EQ(list.err, "");
  EXPECT_NE(squeeze(list.out).find("1 0 image 180 216 rgb 3 8 image"), std::string::npos) << list.out;
  EXPECT_NE(squeeze(list.out).find("1 1 smask 180 216 gray 1 8 image"), std::string::npos) << list.out;

  fs::path dir = fs::temp_directory_path() / ("naskah-images-" + std::to_string(getpid()));
  fs::create_directories(dir);
  ToolResult extract = runOnPdf("pdfimages -png {} " + (dir / "img").string(), pdf);
  ASSERT_EQ(extract.exitCode, 0) << extract.err;
  std::string colour = readBytes(dir / "img-000.png");
  std::string mask = readBytes(dir / "img-001.png");
  fs::remove_all(dir);

  std::string logo = readSourceFile("letterheads/dinsosdukcapil-jambi/logo.png");
  std::string rgba = pixelsOf(logo, PNG_FORMAT_RGBA);
  ASSERT_EQ(rgba.size(), 180u * 216u * 4u);
  std::string expectedColour, expectedAlpha;
  for (size_t i = 0; i < rgba.size(); i += 4) {
    expectedColour.append(rgba, i, 3);
    expectedAlpha.push_back(rgba[i + 3]);
  }
  EXPECT_TRUE(pixelsOf(colour, PNG_FORMAT_RGB) == expectedColour) << "the logo's colours changed";
  EXPECT_TRUE(pixelsOf(mask, PNG_FORMAT_GRAY) == expectedAlpha) << "the logo's transparency changed";
}

TEST(EmbeddedImage, EveryDocumentOfAProcessCarriesTheWholeLogo) {
  // The compressed planes are shared by every document: a second and third letter must not
  // lose or repeat them.
  for (int i = 0; i < 3; ++i) {
    std::string pdf = renderSample("surat_balasan", "surat_balasan");
    ToolResult list = runOnPdf("pdfimages -list {}", pdf);
    ASSERT_EQ(list.exitCode, 0) << list.err;
    EXPECT_NE(squeeze(list.out).find("image 180 216 rgb 3 8 image"), std::string::npos) << "letter " << i << "\n" << list.out;
    ToolResult check = runOnPdf("qpdf --check {}", pdf);
    EXPECT_EQ(check.exitCode, 0) << "letter " << i << "\n" << check.out << check.err;
  }
}

}  // namespace
}  // namespace naskah::render::testing
