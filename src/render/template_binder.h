// Binds JSON data into a Mustache template (kainjow) strictly: a value the template names
// but the data lacks is an error, unless the template marks the tag optional with a
// trailing '?' ({{telepon?}}, {{#lampiran?}}…{{/lampiran?}}); an optional list
// section is a condition (shown once when the list is non-empty), not a loop. Values are XML-escaped.
// Helper sections under "fmt" format values: {{#fmt.tanggal}}…{{/fmt.tanggal}} gives
// "22 November 2026", fmt.hari the weekday, fmt.terbilang "sebelas", fmt.nip
// "19680512 199303 2 004", fmt.upper capitals. Partials {{> name}} come from
// <templates>/partials/name.xml; they are written into the template before it is parsed
// (once per thread and version), so a partial must exist even where its section does not
// render, partials nest at most 8 deep, and set-delimiter tags ({{=<% %>=}}) are refused.
#pragma once

#include <string>

namespace naskah::render {

struct TemplateSource {
  std::string text;         // the template, UTF-8
  std::string name;         // e.g. "templates/surat_balasan.xml", for error messages
  std::string partialsDir;  // folder of partials
};

// Returns the bound markup. `dataJson` must be a JSON object; `letterheadJson` (may be
// empty) is a JSON object exposed to the template as "kop".
// Throws Error(kInvalidArgument): malformed JSON; a Mustache syntax error (file and line,
// in the template or a partial); a missing value (its name, file and line); a missing
// partial (the file and line of the tag); partials nested too deep; a set-delimiter tag.
std::string bindTemplate(const TemplateSource& source, const std::string& dataJson,
                         const std::string& letterheadJson);

// The 1-based line of a byte offset in a text.
int lineOfOffset(const std::string& text, size_t offset);

}  // namespace naskah::render
