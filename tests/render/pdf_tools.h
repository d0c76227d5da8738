// Test helpers: render sample documents of the source tree and run poppler/qpdf on them.
#pragma once

#include <string>
#include <vector>

namespace naskah::render::testing {

struct ToolResult {
  int exitCode = 0;
  std::string out;
  std::string err;
};

std::string sourceDir();
std::string readSourceFile(const std::string& relativePath);

// Renders templates/<name>.xml with samples/documents/<sample>.json.
std::string renderSample(const std::string& templateName, const std::string& sample,
                         const std::string& paper = "F4", const std::string& letterhead = "");

// Writes the PDF to a temporary file and runs `command FILE` (FILE replaces "{}").
ToolResult runOnPdf(const std::string& command, const std::string& pdf);

// pdftotext -layout text of the PDF, with stderr kept apart.
ToolResult pdfText(const std::string& pdf);

// Index of the first string of `expected` not found after the previous one; -1 if all are
// found in order.
int firstOutOfOrder(const std::string& text, const std::vector<std::string>& expected);

// Collapses runs of whitespace to one space, so that table columns do not matter.
std::string squeeze(const std::string& text);

}  // namespace naskah::render::testing
