#include "render/haru/memory_font.h"

#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include <cstring>

namespace naskah::render {

// Mirrors LoadTTFontFromStream, the static helper behind HPDF_LoadTTFontFromFile in
// libharu 2.3.0 (hpdf_doc.c), with a memory stream in place of the file stream.
const char* loadEmbeddedTrueTypeFromMemory(HPDF_Doc doc, const std::string& fontBytes) {
  HPDF_Stream stream = HPDF_MemStream_New(doc->mmgr, static_cast<HPDF_UINT>(fontBytes.size()));
  if (!stream) return nullptr;
  if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(fontBytes.data()),
                        static_cast<HPDF_UINT>(fontBytes.size())) != HPDF_OK) {
    HPDF_Stream_Free(stream);
    return nullptr;
  }
  // The font definition owns the stream from here on, also when loading fails.
  HPDF_FontDef def = HPDF_TTFontDef_Load(doc->mmgr, stream, HPDF_TRUE);
  if (!def) return nullptr;
  if (HPDF_FontDef existing = HPDF_Doc_FindFontDef(doc, def->base_font)) {
    HPDF_FontDef_Free(def);
    return existing->base_font;
  }
  if (HPDF_List_Add(doc->fontdef_list, def) != HPDF_OK) {
    HPDF_FontDef_Free(def);
    return nullptr;
  }
  // The subset tag ("HPDFAA+", "HPDFAB+", ...) counts up per embedded font, as libharu does.
  if (doc->ttfont_tag[0] == 0) {
    std::memcpy(doc->ttfont_tag, "HPDFAA", 6);
  } else {
    for (int i = 5; i >= 0; --i) {
      doc->ttfont_tag[i] += 1;
      if (doc->ttfont_tag[i] > 'Z') {
        doc->ttfont_tag[i] = 'A';
      } else {
        break;
      }
    }
  }
  HPDF_TTFontDef_SetTagName(def, reinterpret_cast<char*>(doc->ttfont_tag));
  return def->base_font;
}

}  // namespace naskah::render
