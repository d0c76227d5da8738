#include "pdf_tools.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "render/render_job.h"

namespace naskah::render::testing {
namespace fs = std::filesystem;

std::string sourceDir() { return NASKAH_SOURCE_DIR; }

std::string readSourceFile(const std::string& relativePath) {
  std::ifstream in(sourceDir() + "/" + relativePath, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string renderSample(const std::string& templateName, const std::string& sample,
                         const std::string& paper, const std::string& letterhead) {
  RenderRequest request;
  request.templateName = templateName;
  request.dataJson = readSourceFile("samples/documents/" + sample + ".json");
  request.paper = paper;
  request.letterhead = letterhead;
  request.templatesDir = sourceDir() + "/templates";
  request.letterheadsDir = sourceDir() + "/letterheads";
  return renderPdf(request);
}

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path tempPath(const std::string& suffix) {
  static int counter = 0;
  return fs::temp_directory_path() /
         ("naskah-render-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + suffix);
}

}  // namespace

ToolResult runOnPdf(const std::string& command, const std::string& pdf) {
  fs::path file = tempPath(".pdf");
  fs::path out = tempPath(".out");
  fs::path err = tempPath(".err");
  std::ofstream(file, std::ios::binary) << pdf;
  std::string line = command;
  size_t at = line.find("{}");
  if (at == std::string::npos) {
    line += " " + file.string();
  } else {
    line.replace(at, 2, file.string());
  }
  line += " >" + out.string() + " 2>" + err.string();
  int status = std::system(line.c_str());
  ToolResult result{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  fs::remove(file);
  fs::remove(out);
  fs::remove(err);
  return result;
}

ToolResult pdfText(const std::string& pdf) { return runOnPdf("pdftotext -layout {} -", pdf); }

int firstOutOfOrder(const std::string& text, const std::vector<std::string>& expected) {
  size_t from = 0;
  for (size_t i = 0; i < expected.size(); ++i) {
    size_t at = text.find(expected[i], from);
    if (at == std::string::npos) return static_cast<int>(i);
    from = at + expected[i].size();
  }
  return -1;
}

std::string squeeze(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace naskah::render::testing
