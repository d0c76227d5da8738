#include "app/template_renderer.h"

#include "domain/common/error.h"
#ifdef NASKAH_HAS_RENDER
#include "render/render_job.h"
#endif

namespace naskah::app {
namespace {

std::string folderOr(const std::string& configured, const char* shipped) {
  if (!configured.empty()) return configured;
  return std::string(NASKAH_SOURCE_DIR) + "/" + shipped;
}

}  // namespace

TemplateRenderer::TemplateRenderer(const std::string& templatesDir, const std::string& letterheadsDir)
    : templatesDir_(folderOr(templatesDir, "templates")), letterheadsDir_(folderOr(letterheadsDir, "letterheads")) {}

std::string TemplateRenderer::renderPdf(const ports::RenderInput& input) {
#ifdef NASKAH_HAS_RENDER
  render::RenderRequest request;
  request.templateName = input.templateName;
  request.dataJson = input.dataJson;
  request.letterhead = input.letterhead;
  request.paper = input.paper;
  request.templatesDir = templatesDir_;
  request.letterheadsDir = letterheadsDir_;
  return render::renderPdf(request);
#else
  (void)input;
  throw Error(ErrorCode::kUnavailable, "this naskah was built without the rendering library");
#endif
}

}  // namespace naskah::app
