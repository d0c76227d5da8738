// ports::DocumentRenderer over render/: templates and letterheads from the configured folders
// (the ones shipped in the source tree unless naskah.properties names others).
#pragma once

#include <string>

#include "ports/document_renderer.h"

namespace naskah::app {

class TemplateRenderer : public ports::DocumentRenderer {
 public:
  // Empty folders mean the shipped templates/ and letterheads/.
  TemplateRenderer(const std::string& templatesDir, const std::string& letterheadsDir);
  std::string renderPdf(const ports::RenderInput& input) override;

 private:
  std::string templatesDir_;
  std::string letterheadsDir_;
};

}  // namespace naskah::app
