#include "app/render_image_probe.h"

#include "domain/common/error.h"
#ifdef NASKAH_HAS_RENDER
#include "render/images/image_store.h"
#endif

namespace naskah::app {

void RenderImageProbe::checkPrintable(std::string_view content, const std::string& field) const {
#ifdef NASKAH_HAS_RENDER
  try {
    render::ImageSize size = render::checkImage(std::string(content), "the upload");
    if (size.width > 0 && size.height > 0) return;
  } catch (const Error&) {
    // Reported below in the caller's words.
  }
  throw Error(ErrorCode::kInvalidArgument, "the image cannot be read: it is damaged or not a PNG or JPEG",
              {{field, "is not a readable PNG or JPEG image"}});
#else
  // Without the renderer no document prints it; the content type was judged already.
  (void)content;
  (void)field;
#endif
}

}  // namespace naskah::app
