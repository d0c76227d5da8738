// Bad requests, templates and data fail with an error a user can act on: the code says
// what kind, the message names the file and line or the missing field.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "domain/common/error.h"
#include "pdf_tools.h"
#include "render/render_job.h"

namespace naskah::render::testing {
namespace {
namespace fs = std::filesystem;

class RenderErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("naskah-render-errors-" + std::to_string(getpid()));
    fs::create_directories(dir_ / "partials");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / (name + ".xml")) << text; }

  // A request for a template of this test's folder, with the shipped letterheads.
  RenderRequest requestFor(const std::string& name, const std::string& data) const {
    RenderRequest request;
    request.templateName = name;
    request.dataJson = data;
    request.templatesDir = dir_.string();
    request.letterheadsDir = sourceDir() + "/letterheads";
    return request;
  }

  // Renders and returns the error; fails the test when rendering succeeds.
  Error renderError(const std::string& name, const std::string& data, const std::string& letterhead = "",
                    const std::string& paper = "F4") {
    RenderRequest request = requestFor(name, data);
    request.letterhead = letterhead;
    request.paper = paper;
    try {
      renderPdf(request);
    } catch (const Error& error) {
      return error;
    }
    ADD_FAILURE() << "rendering " << name << " succeeded";
    return Error(ErrorCode::kInternal, "");
  }

  fs::path dir_;
};

bool contains(const Error& error, const std::string& text) {
  return std::string(error.what()).find(text) != std::string::npos;
}

TEST_F(RenderErrors, UnknownTemplateIsNotFound) {
  Error error = renderError("tidak_ada", "{}");
  EXPECT_EQ(error.code(), ErrorCode::kNotFound);
  EXPECT_TRUE(contains(error, "tidak_ada")) << error.what();
}

TEST_F(RenderErrors, TemplateNamesThatLeaveTheFolderAreRejected) {
  EXPECT_EQ(renderError("../etc/passwd", "{}").code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(renderError("a/b", "{}").code(), ErrorCode::kInvalidArgument);
  write("ok", "<document><p>x</p></document>");
  EXPECT_EQ(renderError("ok", "{}", "../letterheads").code(), ErrorCode::kInvalidArgument);
}

TEST_F(RenderErrors, UnknownLetterheadIsNotFound) {
  write("ok", "<document><p>x</p></document>");
  Error error = renderError("ok", "{}", "kantor_lain");
  EXPECT_EQ(error.code(), ErrorCode::kNotFound);
  EXPECT_TRUE(contains(error, "kantor_lain")) << error.what();
}

TEST_F(RenderErrors, UnknownPaperIsInvalid) {
  write("ok", "<document><p>x</p></document>");
  EXPECT_EQ(renderError("ok", "{}", "", "Letter").code(), ErrorCode::kInvalidArgument);
}

TEST_F(RenderErrors, MalformedMarkupNamesTheTemplateFileAndLine) {
  write("rusak", "<document>\n<p>satu</p>\n<p>dua</b>\n</document>");
  Error error = renderError("rusak", "{}");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(contains(error, "templates/rusak.xml, baris 3")) << error.what();
}

TEST_F(RenderErrors, UnclosedMustacheSectionNamesTheFileAndLine) {
  write("seksi", "<document>\n<p>a</p>\n{{#daftar}}<p>{{.}}</p>\n</document>");
  Error error = renderError("seksi", "{\"daftar\":[1]}");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(contains(error, "templates/seksi.xml")) << error.what();
  EXPECT_TRUE(contains(error, "daftar")) << error.what();
  EXPECT_TRUE(contains(error, "baris 3")) << error.what();
}

TEST_F(RenderErrors, MissingValueNamesTheFieldAndLine) {
  write("surat", "<document>\n<p>{{nomor}}</p>\n<p>{{hal}}</p>\n</document>");
  Error error = renderError("surat", "{\"nomor\":\"1\"}");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(contains(error, "\"hal\"")) << error.what();
  EXPECT_TRUE(contains(error, "baris 3")) << error.what();
}

TEST_F(RenderErrors, ANullValueIsMissingNotABlank) {
  write("surat", "<document>\n<p>{{nomor}}</p>\n<p>{{hal}}</p>\n</document>");
  Error error = renderError("surat", "{\"nomor\":\"1\",\"hal\":null}");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(contains(error, "\"hal\"")) << error.what();
  EXPECT_TRUE(contains(error, "baris 3")) << error.what();

  write("opsional_null", "<document><p>Telepon: {{telepon?}}</p>{{#lampiran?}}<p>ada</p>{{/lampiran?}}</document>");
  RenderRequest request = requestFor("opsional_null", "{\"telepon\":null,\"lampiran\":null}");
  std::string text = squeeze(pdfText(renderPdf(request)).out);
  EXPECT_NE(text.find("Telepon:"), std::string::npos);
  EXPECT_EQ(text.find("ada"), std::string::npos);
}

TEST_F(RenderErrors, AValueMissingInAPartialNamesThePartialAndItsLine) {
  std::ofstream(dir_ / "partials" / "tanda.xml") << "<p>Tanggal</p>\n<p>{{penandatangan.nama}}</p>\n";
  write("surat", "<document>\n<p>{{nomor}}</p>\n{{> tanda}}\n</document>");
  Error error = renderError("surat", "{\"nomor\":\"1\"}");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(contains(error, "\"penandatangan\"") || contains(error, "penandatangan.nama")) << error.what();
  EXPECT_TRUE(contains(error, "partials/tanda.xml, baris 2")) << error.what();
}

TEST_F(RenderErrors, ASyntaxErrorInAPartialNamesThePartialAndItsLine) {
  std::ofstream(dir_ / "partials" / "rusak.xml") << "<p>Tanggal</p>\n<p>{{#nama}}tanpa penutup</p>\n";
  write("surat", "<document>\n<p>{{nomor}}</p>\n{{> rusak}}\n</document>");
  Error error = renderError("surat", "{\"nomor\":\"1\",\"nama\":\"x\"}");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(contains(error, "partials/rusak.xml")) << error.what();
  EXPECT_TRUE(contains(error, "baris 2")) << error.what();
}

TEST_F(RenderErrors, PartialsThatIncludeEachOtherAreRefusedNotFollowedForever) {
  std::ofstream(dir_ / "partials" / "a.xml") << "<p>a</p>{{> b}}";
  std::ofstream(dir_ / "partials" / "b.xml") << "<p>b</p>{{> a}}";
  write("surat", "<document>{{> a}}</document>");
  Error error = renderError("surat", "{}");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(contains(error, "bersarang")) << error.what();
}

TEST_F(RenderErrors, AnEditedPartialIsUsedByTheNextRenderWithoutARestart) {
  // Admins edit partials (the kop, the signer block) on a running server; the prepared
  // template of a thread must notice.
  fs::path partial = dir_ / "partials" / "tanda.xml";
  std::ofstream(partial) << "<p>Kepala Bidang Lama</p>";
  write("surat", "<document>\n<p>{{nomor}}</p>\n{{> tanda}}\n</document>");
  RenderRequest request = requestFor("surat", "{\"nomor\":\"7\"}");
  EXPECT_NE(pdfText(renderPdf(request)).out.find("Kepala Bidang Lama"), std::string::npos);

  auto before = fs::last_write_time(partial);
  std::ofstream(partial) << "<p>Kepala Bidang Baru</p>";
  fs::last_write_time(partial, before + std::chrono::seconds(2));  // file times can be coarse
  std::string text = pdfText(renderPdf(request)).out;
  EXPECT_NE(text.find("Kepala Bidang Baru"), std::string::npos) << text;
  EXPECT_EQ(text.find("Lama"), std::string::npos) << text;

  fs::remove(partial);
  Error error = renderError("surat", request.dataJson);
  EXPECT_TRUE(contains(error, "partial \"tanda\" tidak ditemukan")) << error.what();
}

TEST_F(RenderErrors, AMissingPartialNamesTheFileAndLineOfItsTag) {
  std::ofstream(dir_ / "partials" / "blok.xml") << "<p>Blok</p>\n\n{{> tidak_ada}}\n";
  write("surat", "<document>\n{{> blok}}\n</document>");
  Error error = renderError("surat", "{}");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(contains(error, "partials/blok.xml, baris 3")) << error.what();
  EXPECT_TRUE(contains(error, "partial \"tidak_ada\" tidak ditemukan")) << error.what();
}

TEST_F(RenderErrors, ASetDelimiterTagIsRefusedWithItsFileAndLine) {
  std::ofstream(dir_ / "partials" / "lain.xml") << "<p>a</p>\n{{=<% %>=}}\n<p><%x%></p>\n";
  write("surat", "<document>\n{{> lain}}\n<p>{{x}}</p>\n</document>");
  Error error = renderError("surat", "{\"x\":\"X\"}");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(contains(error, "partials/lain.xml, baris 2")) << error.what();
  EXPECT_TRUE(contains(error, "pembatas")) << error.what();
}

TEST_F(RenderErrors, PartialTagsAreFoundAsMustacheFindsThem) {
  // A partial tag inside a comment is part of the comment (which ends at the first "}}");
  // white space around the name is any white space; a triple-brace value is a value.
  std::ofstream(dir_ / "partials" / "p.xml") << "<p>Isi partial</p>";
  write("surat", "<document>\n<p>awal</p>{{! {{> p}}\n{{>\tp }}\n<p>{{{nilai}}}</p>\n</document>");
  std::string text = squeeze(pdfText(renderPdf(requestFor("surat", "{\"nilai\":\"<b>tebal</b>\"}"))).out);
  EXPECT_EQ(text, "awal Isi partial tebal") << text;
}

TEST_F(RenderErrors, OptionalValueMayBeMissing) {
  write("opsional", "<document><p>Telepon: {{telepon?}}</p>{{#lampiran?}}<p>ada</p>{{/lampiran?}}</document>");
  RenderRequest request = requestFor("opsional", "{}");
  std::string pdf = renderPdf(request);
  EXPECT_NE(squeeze(pdfText(pdf).out).find("Telepon:"), std::string::npos);
}

TEST_F(RenderErrors, MalformedJsonIsInvalid) {
  write("ok", "<document><p>x</p></document>");
  Error error = renderError("ok", "{\"a\":");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(contains(error, "JSON")) << error.what();
}

TEST_F(RenderErrors, UnknownElementIsNamed) {
  write("elemen", "<document>\n<p>{{judul}}</p>\n<paragraf>x</paragraf></document>");
  Error error = renderError("elemen", "{\"judul\":\"satu\\ndua\"}");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(contains(error, "<paragraf>")) << error.what();
  EXPECT_TRUE(contains(error, "templates/elemen.xml, baris 3")) << error.what();
}

TEST_F(RenderErrors, BadDateInDataNamesTheValue) {
  write("tanggal", "<document><p>{{#fmt.tanggal}}{{tgl}}{{/fmt.tanggal}}</p></document>");
  Error error = renderError("tanggal", "{\"tgl\":\"22/11/2026\"}");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(contains(error, "22/11/2026")) << error.what();
}

TEST_F(RenderErrors, MissingImageIsNotFound) {
  write("gambar", "<document><image src=\"tidak-ada.png\" width=\"10mm\"/></document>");
  Error error = renderError("gambar", "{}");
  EXPECT_EQ(error.code(), ErrorCode::kNotFound);
  EXPECT_TRUE(contains(error, "tidak-ada.png")) << error.what();
}

TEST_F(RenderErrors, TableRowWithWrongColumnCountIsInvalid) {
  write("tabel", "<document><table widths=\"*,*\"><tr><td>a</td></tr></table></document>");
  Error error = renderError("tabel", "{}");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(contains(error, "kolom")) << error.what();
}

}  // namespace
}  // namespace naskah::render::testing
