// ports::ImageProbe over render/: an image is printable when the renderer decodes it.
#pragma once

#include "ports/platform.h"

namespace naskah::app {

class RenderImageProbe : public ports::ImageProbe {
 public:
  void checkPrintable(std::string_view content, const std::string& field) const override;
};

}  // namespace naskah::app
