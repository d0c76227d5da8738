// The entry point of rendering: a template name, JSON data, a letterhead and a paper size
// in; PDF bytes out. Used by the CLI (`naskah render`) and the HTTP endpoints.
#pragma once

#include <string>

namespace naskah::render {

struct RenderRequest {
  std::string templateName;     // e.g. "surat_balasan" → <templatesDir>/surat_balasan.xml
  std::string dataJson;         // the data as a JSON text (an object)
  std::string letterhead;       // folder name under letterheads/, "" = <letterheadsDir>/default or none
  std::string paper = "F4";     // "F4" or "A4"
  std::string templatesDir;     // root folders (absolute or relative paths)
  std::string letterheadsDir;
};

// Returns the PDF bytes. Thread-safe; fonts are prepared once per process.
// Throws naskah::Error:
//   kInvalidArgument — a bad name (with '/' or ".."), an unknown paper, malformed JSON, a
//                      template error (file and line), missing data (the field), bad markup;
//   kNotFound        — an unknown template or letterhead, a missing image;
//   kInternal        — a library failure (fonts, libharu).
std::string renderPdf(const RenderRequest& request);

}  // namespace naskah::render
