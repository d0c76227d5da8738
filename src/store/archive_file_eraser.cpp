#include "store/archive_file_eraser.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <system_error>

#include "domain/common/error.h"
#include "store/archive_file_store.h"

namespace naskah::store {

void ArchiveFileEraser::erase(const std::string& sha256, const std::string& contentType) {
  if (sha256.size() != 64 || sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
    throw Error(ErrorCode::kInvalidArgument, "not a SHA-256 digest: " + sha256);
  std::string relative = ArchiveFileStore::relativePath(sha256, contentType);
  std::filesystem::path path = std::filesystem::path(root_) / relative;
  std::error_code ec;
  std::filesystem::remove(path, ec);
  if (ec) throw Error(ErrorCode::kUnavailable, "cannot remove archived file " + relative + ": " + ec.message());
  // The removal is durable only once the folder's entry is synced.
  int fd = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;  // the folder is gone too: nothing left to sync
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw Error(ErrorCode::kUnavailable, "cannot sync " + path.parent_path().string() + " to disk");
}

}  // namespace naskah::store
