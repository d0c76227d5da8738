// The reply letter of samples/documents/surat_balasan.json as one HTML page, for timing
// Chromium on the same content (same text, logo, QR and F4 page).
#pragma once

#include <string>

namespace naskah::bench {

// Expects the letter's JSON; the logo is referenced as "logo.png" beside the HTML file.
std::string letterHtml(const std::string& letterJson);

}  // namespace naskah::bench
