// Images decoded once per process and shared by every document that shows them.
// PNG is decoded with libpng to RGB (or gray) plus a separate alpha plane, because libharu
// 2.3.0 writes a PNG's alpha mask uncompressed; both planes are deflated here, once, and
// every document embeds the compressed bytes as they are (render/haru/deflated_image.h).
// JPEG is passed through untouched (libharu embeds it as DCT).
#pragma once

#include <memory>
#include <string>

namespace naskah::render {

struct DecodedImage {
  enum class Kind { kRaw, kJpeg };
  Kind kind = Kind::kRaw;
  int width = 0;
  int height = 0;
  int channels = 3;            // kRaw: 1 (gray) or 3 (RGB) samples per pixel
  std::string deflatedPixels;  // kRaw: zlib stream of rows of width × channels bytes
  std::string deflatedAlpha;   // kRaw: zlib stream of width × height bytes; empty when opaque
  std::string jpeg;            // kJpeg: the file's bytes
};

struct ImageSize {
  int width = 0;
  int height = 0;
};

// Checks that image bytes would print (a PNG is decoded whole, so damage anywhere is found;
// a JPEG's frame header is read) and returns the size in pixels. Nothing is compressed or
// kept: for upload checks, where the photo is printed later, if ever. `name` names the bytes
// in messages. Throws Error(kInvalidArgument) when they are not a readable PNG or JPEG.
ImageSize checkImage(std::string bytes, const std::string& name);

// Loads (or returns the cached) image at an absolute path. Thread-safe.
// Throws Error(kNotFound) when the file is missing, kInvalidArgument when it is not a
// readable PNG or JPEG.
std::shared_ptr<const DecodedImage> loadImage(const std::string& path);

}  // namespace naskah::render
