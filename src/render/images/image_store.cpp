#include "render/images/image_store.h"

#include <png.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "domain/common/error.h"

namespace naskah::render {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, "gambar tidak ditemukan: " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A zlib stream, as a PDF's FlateDecode filter reads it.
std::string deflate(const std::string& samples, const std::string& path) {
  uLongf size = compressBound(samples.size());
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(samples.data()),
                samples.size(), Z_DEFAULT_COMPRESSION) != Z_OK) {
    throw Error(ErrorCode::kInternal, "gambar tidak dapat dikompresi: " + path);
  }
  out.resize(size);
  return out;
}

// A PNG decoded whole (libpng checks every chunk) into a colour or gray plane and an alpha
// plane, the latter empty when every pixel is opaque.
struct PngPlanes {
  int width = 0;
  int height = 0;
  int channels = 3;
  std::string pixels;
  std::string alpha;
};

PngPlanes decodePngPlanes(const std::string& bytes, const std::string& path) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
    throw Error(ErrorCode::kInvalidArgument, "PNG tidak terbaca: " + path + ": " + image.message);
  }
  bool hasAlpha = image.format & PNG_FORMAT_FLAG_ALPHA;
  bool isColor = image.format & PNG_FORMAT_FLAG_COLOR;
  image.format = (isColor ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) | (hasAlpha ? PNG_FORMAT_FLAG_ALPHA : 0);
  std::string buffer(PNG_IMAGE_SIZE(image), '\0');
  if (!png_image_finish_read(&image, nullptr, buffer.data(), 0, nullptr)) {
    std::string message = image.message;
    png_image_free(&image);
    throw Error(ErrorCode::kInvalidArgument, "PNG tidak terbaca: " + path + ": " + message);
  }
  PngPlanes planes;
  planes.width = static_cast<int>(image.width);
  planes.height = static_cast<int>(image.height);
  planes.channels = isColor ? 3 : 1;
  if (!hasAlpha) {
    planes.pixels = std::move(buffer);
    return planes;
  }
  size_t count = static_cast<size_t>(image.width) * image.height;
  size_t stride = planes.channels + 1;
  planes.pixels.assign(count * planes.channels, '\0');
  planes.alpha.assign(count, '\0');
  bool opaque = true;
  for (size_t i = 0; i < count; ++i) {
    for (int c = 0; c < planes.channels; ++c) planes.pixels[i * planes.channels + c] = buffer[i * stride + c];
    planes.alpha[i] = buffer[i * stride + planes.channels];
    if (static_cast<unsigned char>(planes.alpha[i]) != 255) opaque = false;
  }
  if (opaque) planes.alpha.clear();
  return planes;
}

std::shared_ptr<DecodedImage> decodePng(const std::string& bytes, const std::string& path) {
  PngPlanes planes = decodePngPlanes(bytes, path);
  auto decoded = std::make_shared<DecodedImage>();
  decoded->width = planes.width;
  decoded->height = planes.height;
  decoded->channels = planes.channels;
  decoded->deflatedPixels = deflate(planes.pixels, path);
  if (!planes.alpha.empty()) decoded->deflatedAlpha = deflate(planes.alpha, path);
  return decoded;
}

bool isPng(const std::string& bytes) { return bytes.size() > 8 && bytes.compare(1, 3, "PNG") == 0; }

bool isJpeg(const std::string& bytes) {
  return bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
         static_cast<unsigned char>(bytes[1]) == 0xD8;
}

// Reads the frame size from the first SOFn marker.
std::shared_ptr<DecodedImage> inspectJpeg(std::string bytes, const std::string& path) {
  auto decoded = std::make_shared<DecodedImage>();
  decoded->kind = DecodedImage::Kind::kJpeg;
  size_t i = 2;
  while (i + 9 < bytes.size()) {
    if (static_cast<unsigned char>(bytes[i]) != 0xFF) break;
    unsigned char marker = static_cast<unsigned char>(bytes[i + 1]);
    size_t length = (static_cast<unsigned char>(bytes[i + 2]) << 8) | static_cast<unsigned char>(bytes[i + 3]);
    bool isFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (isFrame) {
      decoded->height = (static_cast<unsigned char>(bytes[i + 5]) << 8) | static_cast<unsigned char>(bytes[i + 6]);
      decoded->width = (static_cast<unsigned char>(bytes[i + 7]) << 8) | static_cast<unsigned char>(bytes[i + 8]);
      decoded->channels = static_cast<unsigned char>(bytes[i + 9]);
      decoded->jpeg = std::move(bytes);
      return decoded;
    }
    i += 2 + length;
  }
  throw Error(ErrorCode::kInvalidArgument, "JPEG tidak terbaca: " + path);
}

// Decodes image bytes ready for a PDF; `name` names them in messages.
std::shared_ptr<const DecodedImage> decodeImage(std::string bytes, const std::string& name) {
  if (isPng(bytes)) return decodePng(bytes, name);
  if (isJpeg(bytes)) return inspectJpeg(std::move(bytes), name);
  throw Error(ErrorCode::kInvalidArgument, "format gambar tidak didukung (PNG/JPEG): " + name);
}

struct CacheEntry {
  std::filesystem::file_time_type modifiedAt;
  std::shared_ptr<const DecodedImage> image;
};

constexpr size_t kCacheLimit = 64;
std::mutex gMutex;
std::map<std::string, CacheEntry> gCache;

}  // namespace

ImageSize checkImage(std::string bytes, const std::string& name) {
  if (isPng(bytes)) {
    PngPlanes planes = decodePngPlanes(bytes, name);
    return ImageSize{planes.width, planes.height};
  }
  if (isJpeg(bytes)) {
    auto jpeg = inspectJpeg(std::move(bytes), name);
    return ImageSize{jpeg->width, jpeg->height};
  }
  throw Error(ErrorCode::kInvalidArgument, "format gambar tidak didukung (PNG/JPEG): " + name);
}

std::shared_ptr<const DecodedImage> loadImage(const std::string& path) {
  std::error_code error;
  auto modifiedAt = std::filesystem::last_write_time(path, error);
  if (error) throw Error(ErrorCode::kNotFound, "gambar tidak ditemukan: " + path);
  {
    std::lock_guard<std::mutex> lock(gMutex);
    auto found = gCache.find(path);
    if (found != gCache.end() && found->second.modifiedAt == modifiedAt) return found->second.image;
  }
  std::shared_ptr<const DecodedImage> image = decodeImage(readFile(path), path);
  std::lock_guard<std::mutex> lock(gMutex);
  // Logos repeat on every document; field photos mostly do not. A small bound keeps a
  // long-running server from holding every photo it ever printed.
  if (gCache.size() >= kCacheLimit) gCache.clear();
  gCache[path] = CacheEntry{modifiedAt, image};
  return image;
}

}  // namespace naskah::render
