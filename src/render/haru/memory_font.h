// Loads a TrueType font into a libharu document from bytes in memory.
// Why: HPDF_LoadTTFontFromFile reads the file with many small seeks for every document,
// and again when saving; our subset fonts are held in memory once per process instead.
#pragma once

#include <hpdf.h>

#include <string>

namespace naskah::render {

// Same contract as HPDF_LoadTTFontFromFile(doc, ..., HPDF_TRUE): returns the font name to
// pass to HPDF_GetFont, or nullptr after recording the error in the document's handler.
const char* loadEmbeddedTrueTypeFromMemory(HPDF_Doc doc, const std::string& fontBytes);

}  // namespace naskah::render
