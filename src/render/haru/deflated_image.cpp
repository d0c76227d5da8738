#include "render/haru/deflated_image.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

namespace naskah::render {
namespace {

// HPDF_Dict_Write drops a /Filter entry when the stream's own filter is "none", which it
// must be here so libharu copies the bytes as they are; the entry is written by this hook,
// which libharu calls after the dictionary's other entries.
HPDF_STATUS writeFlateFilter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

}  // namespace

// Mirrors HPDF_Image_LoadRawImageFromMem (libharu 2.3.0, hpdf_image.c) for 8-bit samples,
// with compressed data and the hook above.
HPDF_Image loadDeflatedRawImage(HPDF_Doc doc, const std::string& deflated, int width, int height, bool rgb) {
  HPDF_Dict image = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!image) return nullptr;
  image->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
  image->filter = HPDF_STREAM_FILTER_NONE;
  image->write_fn = writeFlateFilter;
  HPDF_STATUS status = HPDF_Dict_AddName(image, "Type", "XObject");
  status += HPDF_Dict_AddName(image, "Subtype", "Image");
  status += HPDF_Dict_AddName(image, "ColorSpace", rgb ? "DeviceRGB" : "DeviceGray");
  status += HPDF_Dict_AddNumber(image, "Width", width);
  status += HPDF_Dict_AddNumber(image, "Height", height);
  status += HPDF_Dict_AddNumber(image, "BitsPerComponent", 8);
  if (status != HPDF_OK) return nullptr;
  if (HPDF_Stream_Write(image->stream, reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                        static_cast<HPDF_UINT>(deflated.size())) != HPDF_OK) {
    return nullptr;
  }
  return image;
}

}  // namespace naskah::render
