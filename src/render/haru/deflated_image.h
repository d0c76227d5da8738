// Puts an image whose samples are already Flate-compressed into a libharu document.
// Why: libharu 2.3.0 deflates every raw image again for every document (HPDF_COMP_IMAGE),
// and copies its samples twice byte by byte on the way; for the letterhead's logo that was
// about a third of a letter's time (docs/rendering.md). The image store deflates each image
// once per process, and the document only copies the compressed bytes.
#pragma once

#include <hpdf.h>

#include <string>

namespace naskah::render {

// `deflated` holds a zlib stream of height rows of width × (rgb ? 3 : 1) 8-bit samples.
// Returns the image, or nullptr after recording the error in the document's handler.
HPDF_Image loadDeflatedRawImage(HPDF_Doc doc, const std::string& deflated, int width, int height, bool rgb);

}  // namespace naskah::render
