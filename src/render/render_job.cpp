#include "render/render_job.h"

#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "domain/common/error.h"
#include "render/fonts/font_library.h"
#include "render/haru/haru_pdf_writer.h"
#include "render/layout/layout_engine.h"
#include "render/markup/markup_parser.h"
#include "render/template_binder.h"

namespace naskah::render {
namespace fs = std::filesystem;
namespace {

void checkName(const std::string& name, const char* what) {
  if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos ||
      name.find("..") != std::string::npos || (!name.empty() && name[0] == '.')) {
    throw Error(ErrorCode::kInvalidArgument, std::string("nama ") + what + " tidak valid: \"" + name + "\"");
  }
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, "berkas tidak dapat dibaca: " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Checks that a template is well-formed XML before binding, so that a markup mistake is
// reported at its line in the template, not in the bound output.
void checkTemplateXml(const std::string& text, const std::string& name) {
  Poco::XML::SAXParser parser;
  Poco::XML::DefaultHandler handler;
  parser.setContentHandler(&handler);
  parser.setErrorHandler(&handler);
  try {
    Poco::XML::InputSource input;
    std::istringstream stream(text);
    input.setByteStream(stream);
    parser.parse(&input);
  } catch (const Poco::XML::SAXParseException& error) {
    throw Error(ErrorCode::kInvalidArgument, name + ", baris " + std::to_string(error.getLineNumber()) +
                                                 ": markup tidak valid: " + error.message());
  }
}

// Templates are read and checked once per file version, then served from memory.
struct CachedTemplate {
  fs::file_time_type modifiedAt;
  std::string text;
};
std::mutex gTemplatesMutex;
std::map<std::string, CachedTemplate> gTemplates;

std::string loadTemplate(const fs::path& path, const std::string& name) {
  std::error_code error;
  auto modifiedAt = fs::last_write_time(path, error);
  if (error) throw Error(ErrorCode::kNotFound, "template tidak ditemukan: " + name);
  {
    std::lock_guard<std::mutex> lock(gTemplatesMutex);
    auto found = gTemplates.find(path.string());
    if (found != gTemplates.end() && found->second.modifiedAt == modifiedAt) return found->second.text;
  }
  std::string text = readFile(path);
  checkTemplateXml(text, name);
  std::lock_guard<std::mutex> lock(gTemplatesMutex);
  gTemplates[path.string()] = CachedTemplate{modifiedAt, text};
  return text;
}

// letterhead.json of the chosen office, with "logo" made absolute so <image> finds it.
std::string loadLetterhead(const RenderRequest& request) {
  std::string name = request.letterhead;
  fs::path root(request.letterheadsDir);
  if (name.empty()) {
    std::ifstream in(root / "default");
    if (!in || !std::getline(in, name) || name.empty()) return "";
  }
  checkName(name, "kop surat");
  fs::path folder = root / name;
  if (!fs::is_regular_file(folder / "letterhead.json")) {
    throw Error(ErrorCode::kNotFound, "kop surat tidak ditemukan: " + name);
  }
  std::string json = readFile(folder / "letterhead.json");
  std::string absolute = fs::absolute(folder).lexically_normal().string();
  // Inject the folder as "dir"; templates write <image src="{{kop.dir}}/{{kop.logo}}"/>.
  size_t brace = json.find('{');
  if (brace == std::string::npos) throw Error(ErrorCode::kInvalidArgument, "letterhead.json bukan objek JSON: " + name);
  std::string escaped;
  for (char c : absolute) {
    if (c == '"' || c == '\\') escaped += '\\';
    escaped += c;
  }
  json.insert(brace + 1, "\"dir\":\"" + escaped + "\",");
  return json;
}

void applyPaper(Document& document, const std::string& paper) {
  bool landscape = document.page.widthPt > document.page.heightPt;
  if (paper == "F4") {
    document.page.widthPt = 215 * 72 / 25.4;
    document.page.heightPt = 330 * 72 / 25.4;
  } else if (paper == "A4") {
    document.page.widthPt = 210 * 72 / 25.4;
    document.page.heightPt = 297 * 72 / 25.4;
  } else {
    throw Error(ErrorCode::kInvalidArgument, "ukuran kertas tidak dikenal: \"" + paper + "\" (F4 atau A4)");
  }
  if (landscape) std::swap(document.page.widthPt, document.page.heightPt);
}

}  // namespace

std::string renderPdf(const RenderRequest& request) {
  if (request.templateName.empty()) throw Error(ErrorCode::kInvalidArgument, "nama template kosong");
  checkName(request.templateName, "template");
  checkName(request.letterhead, "kop surat");
  if (request.paper != "F4" && request.paper != "A4") {
    throw Error(ErrorCode::kInvalidArgument, "ukuran kertas tidak dikenal: \"" + request.paper + "\" (F4 atau A4)");
  }
  fs::path templatesDir(request.templatesDir);
  std::string displayName = "templates/" + request.templateName + ".xml";
  std::string text = loadTemplate(templatesDir / (request.templateName + ".xml"), displayName);

  TemplateSource source{text, displayName, (templatesDir / "partials").string()};
  std::string markup = bindTemplate(source, request.dataJson, loadLetterhead(request));

  Document document = parseMarkup(MarkupSource{markup, displayName + " (setelah data diisi)",
                                                fs::absolute(templatesDir).string(), text, displayName});
  applyPaper(document, request.paper);
  const FontLibrary& fonts = FontLibrary::instance();
  return writePdf(layoutDocument(document, fonts), fonts);
}

}  // namespace naskah::render
