// Scanned attachments: a real upload comes back byte for byte; hostile names, wrong content,
// oversize files and uploads to void or missing entries are refused.
#include <filesystem>

#include "http/api_test_fixture.h"

namespace naskah::testing {
namespace {

// A small but real-looking PDF with every byte value in it, so any text-mode mangling shows.
std::string pdfBytes() {
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj << /Type /Catalog >> endobj\nstream\n";
  for (int i = 0; i < 256; ++i) pdf += static_cast<char>(i);
  pdf += std::string("\r\n\0\0--naskah\r\n", 14);
  pdf += "\nendstream\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  return pdf;
}

class BadInputAttachments : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    id_ = registerLetter(letterBody("2031-10-01T09:00:00"))->getValue<std::string>("id");
  }
  std::string attachments() const { return "/api/v1/incoming-letters/" + id_ + "/attachments"; }
  std::string id_;
};

TEST_F(BadInputAttachments, ValidPdfUploadDownloadsByteIdentical) {
  auto tu = as("tu");
  const std::string pdf = pdfBytes();
  auto [type, body] = multipartFile("file", "surat pengaduan RT 07.pdf", "application/pdf", pdf);
  auto upload = tu.post(attachments(), body, {{"Content-Type", type}});
  ASSERT_EQ(upload.status, 201) << upload.body;
  auto attachment = upload.json();
  EXPECT_EQ(attachment->getValue<std::string>("file_name"), "surat pengaduan RT 07.pdf");
  EXPECT_EQ(attachment->getValue<std::string>("content_type"), "application/pdf");
  EXPECT_EQ(attachment->getValue<std::size_t>("size_bytes"), pdf.size());
  EXPECT_EQ(attachment->getValue<std::string>("sha256").size(), 64u);

  auto letter = tu.get("/api/v1/incoming-letters/" + id_).json();
  ASSERT_EQ(letter->getArray("attachments")->size(), 1u);
  EXPECT_EQ(letter->getArray("attachments")->getObject(0)->getValue<std::string>("id"),
            attachment->getValue<std::string>("id"));

  auto download = as("auditor").get(attachments() + "/" + attachment->getValue<std::string>("id"));
  ASSERT_EQ(download.status, 200) << download.body.substr(0, 200);
  EXPECT_EQ(download.header("Content-Type"), "application/pdf");
  EXPECT_TRUE(download.body == pdf) << "downloaded " << download.body.size() << " bytes, uploaded " << pdf.size();

  // A raw upload (file name in the query) is the same file.
  auto raw = tu.post(attachments() + "?file_name=scan.pdf", pdf, {{"Content-Type", "application/pdf"}});
  ASSERT_EQ(raw.status, 201) << raw.body;
  EXPECT_EQ(raw.json()->getValue<std::string>("sha256"), attachment->getValue<std::string>("sha256"));
  auto png = tu.post(attachments() + "?file_name=foto.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16),
                     {{"Content-Type", "image/png"}});
  ASSERT_EQ(png.status, 201) << png.body;
  EXPECT_EQ(png.json()->getValue<std::string>("content_type"), "image/png");
  auto jpeg = tu.post(attachments() + "?file_name=foto.jpg", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10),
                      {{"Content-Type", "image/jpeg"}});
  EXPECT_EQ(jpeg.status, 201) << jpeg.body;
  EXPECT_EQ(as("auditor").get(attachments() + "/999999").status, 404);
  // An attachment is reachable only under its own entry.
  auto other = registerLetter(letterBody("2031-10-02T09:00:00"))->getValue<std::string>("id");
  auto elsewhere = as("auditor").get("/api/v1/incoming-letters/" + other + "/attachments/" +
                                     attachment->getValue<std::string>("id"));
  EXPECT_EQ(elsewhere.status, 404) << elsewhere.body.substr(0, 200);
}

TEST_F(BadInputAttachments, AttachmentNamesWithPathsAnswer400AndWriteNothingThere) {
  auto tu = as("tu");
  const std::string pdf = pdfBytes();
  for (const std::string name : {"../evil.pdf", "../../../../tmp/evil.pdf", "/tmp/evil.pdf", "scans/evil.pdf",
                                 "..\\evil.pdf", "..", "", "evil\x01.pdf"}) {
    auto [type, body] = multipartFile("file", name, "application/pdf", pdf);
    auto multipart = tu.post(attachments(), body, {{"Content-Type", type}});
    EXPECT_EQ(multipart.status, 400) << "\"" << name << "\" → " << multipart.body;
    EXPECT_EQ(multipart.errorCode(), "invalid_argument") << name;
  }
  for (const std::string query : {"../evil.pdf", "%2E%2E%2Fevil.pdf", "a%2Fb.pdf", "%2Ftmp%2Fevil.pdf"}) {
    auto raw = tu.post(attachments() + "?file_name=" + query, pdf, {{"Content-Type", "application/pdf"}});
    EXPECT_EQ(raw.status, 400) << query << " → " << raw.body;
  }
  auto missing = tu.post(attachments(), pdf, {{"Content-Type", "application/pdf"}});
  EXPECT_EQ(missing.status, 400) << missing.body;
  namespace fs = std::filesystem;
  const fs::path data = server().dataDir();
  EXPECT_FALSE(fs::exists(data.parent_path() / "evil.pdf"));
  EXPECT_FALSE(fs::exists(data / "evil.pdf"));
  EXPECT_FALSE(fs::exists("/tmp/evil.pdf"));
  EXPECT_EQ(tu.get("/api/v1/incoming-letters/" + id_).json()->getArray("attachments")->size(), 0u);
}

TEST_F(BadInputAttachments, ContentThatIsNotAScanAnswers400) {
  auto tu = as("tu");
  const std::vector<std::pair<std::string, std::string>> files{
      {"surat.pdf", "<html><script>alert(1)</script></html>"},
      {"surat.pdf", "MZ\x90\x00 not a pdf"},
      {"foto.png", "GIF89a......"},
      {"kosong.pdf", ""},
      {"surat.pdf", " %PDF-1.4 with a leading space"},
  };
  for (const auto& [name, content] : files) {
    auto [type, body] = multipartFile("file", name, "application/pdf", content);
    auto response = tu.post(attachments(), body, {{"Content-Type", type}});
    EXPECT_EQ(response.status, 400) << name << " → " << response.body;
  }
  auto form = tu.post(attachments(), "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n",
                      {{"Content-Type", "multipart/form-data; boundary=x"}});
  EXPECT_EQ(form.status, 400) << form.body;
  EXPECT_EQ(tu.get("/api/v1/incoming-letters/" + id_).json()->getArray("attachments")->size(), 0u);
}

TEST_F(BadInputAttachments, OversizeUploadAnswers413) {
  auto tu = as("tu");
  std::string content = "%PDF-1.4\n" + std::string((10 << 20) - 9 + 1, 'x');
  ASSERT_EQ(content.size(), (10u << 20) + 1);
  auto raw = tu.post(attachments() + "?file_name=besar.pdf", content, {{"Content-Type", "application/pdf"}});
  EXPECT_EQ(raw.status, 413) << raw.body;
  EXPECT_EQ(raw.errorCode(), "too_large");
  auto [type, body] = multipartFile("file", "besar.pdf", "application/pdf", content);
  auto multipart = tu.post(attachments(), body, {{"Content-Type", type}});
  EXPECT_EQ(multipart.status, 413) << multipart.body;
  auto announced = tu.requestAnnouncingBody("POST", attachments() + "?file_name=besar.pdf", 11 << 20, "application/pdf");
  EXPECT_EQ(announced.status, 413) << announced.body;
  // Exactly at the limit is accepted.
  content.pop_back();
  auto atLimit = tu.post(attachments() + "?file_name=pas.pdf", content, {{"Content-Type", "application/pdf"}});
  EXPECT_EQ(atLimit.status, 201) << atLimit.body;
}

TEST_F(BadInputAttachments, UploadToAVoidOrMissingEntryIsRefused) {
  auto tu = as("tu");
  const std::string pdf = pdfBytes();
  auto missing = tu.post("/api/v1/incoming-letters/999999/attachments?file_name=a.pdf", pdf,
                         {{"Content-Type", "application/pdf"}});
  EXPECT_EQ(missing.status, 404) << missing.body;
  ASSERT_EQ(tu.post("/api/v1/incoming-letters/" + id_ + "/void", R"({"reason":"ganda"})").status, 200);
  auto onVoid = tu.post(attachments() + "?file_name=a.pdf", pdf, {{"Content-Type", "application/pdf"}});
  EXPECT_EQ(onVoid.status, 409) << onVoid.body;
}

}  // namespace
}  // namespace naskah::testing
