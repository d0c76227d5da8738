// Reads document markup (XML, see docs/rendering.md) into a Document with Poco::XML.
#pragma once

#include <string>

#include "render/markup/document.h"

namespace naskah::render {

struct MarkupSource {
  std::string text;         // the markup, UTF-8
  std::string name;         // shown in error messages, e.g. "templates/surat_balasan.xml (terikat)"
  std::string imageBaseDir; // relative <image src> is resolved against it
  // The template the markup was bound from, so that an error found in an element can name the
  // template's line where that element is written ("" when the markup is the source itself).
  std::string templateText;
  std::string templateName;
};

// Parses markup into a Document. Page size is left at F4 portrait unless the markup's
// <document orientation="landscape"> asks otherwise; the caller applies the paper choice.
// Throws Error(kInvalidArgument) naming source.name and the line for malformed XML, an
// unknown element or a bad attribute value.
Document parseMarkup(const MarkupSource& source);

// Parses a length: "12" or "12pt" (points), "10mm", "1.5cm", "1in".
// Throws Error(kInvalidArgument) for anything else.
double parseLength(const std::string& text);

}  // namespace naskah::render
