// Turns a template and its data into a PDF. Implemented by the composition root over render/,
// so services and entry points never see the layout engine or libharu.
#pragma once

#include <string>

namespace naskah::ports {

struct RenderInput {
  std::string templateName;  // templates/NAME.xml
  std::string dataJson;      // the template's data as a JSON object text
  std::string letterhead;    // letterheads/NAME, "" = the default letterhead
  std::string paper = "F4";  // "F4" or "A4"
};

class DocumentRenderer {
 public:
  virtual ~DocumentRenderer() = default;
  // Returns the PDF bytes. Throws naskah::Error: kInvalidArgument (bad paper, template or data
  // error naming the field), kNotFound (template or letterhead), kInternal (library failure).
  virtual std::string renderPdf(const RenderInput& input) = 0;
};

}  // namespace naskah::ports
