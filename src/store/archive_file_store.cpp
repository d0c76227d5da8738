#include "store/archive_file_store.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "Poco/DigestEngine.h"
#include "Poco/SHA2Engine.h"
#include "domain/common/error.h"
#include "store/file_blob_store.h"
#include "store/sql_audit_log.h"

namespace naskah::store {
namespace {

bool isHexDigest(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// The extension only helps a person browsing the folder; the digest alone is the key.
std::string extensionOf(const std::string& contentType) {
  if (contentType == "application/pdf") return ".pdf";
  if (contentType == "image/png") return ".png";
  if (contentType == "image/jpeg") return ".jpg";
  return ".bin";
}

}  // namespace

ArchiveFileStore::ArchiveFileStore(std::string root) : root_(std::move(root)) {
  std::filesystem::create_directories(root_);
}

std::string ArchiveFileStore::relativePath(const std::string& sha256, const std::string& contentType) {
  return sha256.substr(0, 2) + "/" + sha256 + extensionOf(contentType);
}

std::string ArchiveFileStore::put(std::string_view content, const std::string& contentType) {
  std::string digest = sha256Hex(content);
  std::string path = root_ + "/" + relativePath(digest, contentType);
  // An existing file is trusted here; fsck is the place that re-reads and checks it.
  if (std::filesystem::exists(path)) return digest;
  writeFileDurably(root_ + "/" + digest.substr(0, 2), path, content);
  return digest;
}

std::string ArchiveFileStore::get(const std::string& sha256, const std::string& contentType) const {
  if (!isHexDigest(sha256)) throw Error(ErrorCode::kInvalidArgument, "not a SHA-256 digest: " + sha256);
  std::string path = root_ + "/" + relativePath(sha256, contentType);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, "archived file " + relativePath(sha256, contentType) + " is missing");
  std::ostringstream data;
  data << in.rdbuf();
  std::string content = data.str();
  if (sha256Hex(content) != sha256)
    throw Error(ErrorCode::kFailedPrecondition,
                "archived file " + relativePath(sha256, contentType) + " is damaged (its hash differs); run naskah fsck");
  return content;
}

std::vector<ports::ArchiveFiles::StoredFile> ArchiveFileStore::list() const {
  std::vector<StoredFile> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(root_, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    StoredFile file;
    file.path = std::filesystem::relative(it->path(), root_).generic_string();
    std::string name = it->path().filename().string();
    std::string stem = name.substr(0, name.find('.'));
    // Only <ab>/<digest>.<ext> with a matching folder counts as named by its digest.
    if (isHexDigest(stem) && file.path == stem.substr(0, 2) + "/" + name) file.sha256 = stem;
    file.sizeBytes = static_cast<std::int64_t>(it->file_size());
    files.push_back(std::move(file));
  }
  if (ec) throw Error(ErrorCode::kUnavailable, "cannot list the archive folder " + root_ + ": " + ec.message());
  return files;
}

std::string ArchiveFileStore::hashOf(const std::string& path) const {
  std::ifstream in(root_ + "/" + path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, "archived file " + path + " is missing");
  // Streamed, so that fsck over a large archive never holds a whole file in memory.
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
    engine.update(buffer, static_cast<std::size_t>(in.gcount()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace naskah::store
