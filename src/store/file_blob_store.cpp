#include "store/file_blob_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/common/error.h"
#include "store/sql_audit_log.h"

namespace naskah::store {
namespace {

void syncPath(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags);
  if (fd < 0) throw Error(ErrorCode::kUnavailable, "cannot open " + path + " to sync it");
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw Error(ErrorCode::kUnavailable, "cannot sync " + path + " to disk");
}

bool isHexDigest(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

FileBlobStore::FileBlobStore(std::string root) : root_(std::move(root)) {
  std::filesystem::create_directories(root_);
}

std::string FileBlobStore::pathOf(const std::string& sha256) const {
  return root_ + "/" + sha256.substr(0, 2) + "/" + sha256;
}

void writeFileDurably(const std::string& folder, const std::string& path, std::string_view content) {
  std::filesystem::create_directories(folder);
  static std::atomic<unsigned> counter{0};
  std::string temp = path + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      out.close();
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      throw Error(ErrorCode::kUnavailable, "cannot write " + temp + " (disk full?)");
    }
  }
  syncPath(temp, O_RDONLY);
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp);
    throw Error(ErrorCode::kUnavailable, "cannot move " + temp + " into place: " + ec.message());
  }
  syncPath(folder, O_RDONLY | O_DIRECTORY);
}

std::string FileBlobStore::put(std::string_view content) {
  std::string digest = sha256Hex(content);
  std::string path = pathOf(digest);
  if (std::filesystem::exists(path)) return digest;
  writeFileDurably(root_ + "/" + digest.substr(0, 2), path, content);
  return digest;
}

std::string FileBlobStore::filePath(const std::string& sha256) const {
  if (!isHexDigest(sha256)) throw Error(ErrorCode::kInvalidArgument, "not a SHA-256 digest: " + sha256);
  std::string path = pathOf(sha256);
  if (!std::filesystem::is_regular_file(path))
    throw Error(ErrorCode::kNotFound, "stored file " + sha256 + " is missing");
  return std::filesystem::absolute(path).string();
}

std::string FileBlobStore::get(const std::string& sha256) const {
  if (!isHexDigest(sha256)) throw Error(ErrorCode::kInvalidArgument, "not a SHA-256 digest: " + sha256);
  std::ifstream in(pathOf(sha256), std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, "stored file " + sha256 + " is missing");
  std::ostringstream data;
  data << in.rdbuf();
  return data.str();
}

}  // namespace naskah::store
