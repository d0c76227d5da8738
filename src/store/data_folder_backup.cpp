#include "store/data_folder_backup.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "Poco/Data/SQLite/Utility.h"
#include "Poco/Data/Session.h"
#include "domain/common/error.h"
#include "store/archive_file_store.h"
#include "store/file_blob_store.h"

namespace fs = std::filesystem;
using namespace Poco::Data::Keywords;

namespace naskah::store {
namespace {

void requireEmptyTarget(const std::string& dir, const char* what) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec)))
    throw Error(ErrorCode::kFailedPrecondition,
                std::string(what) + " " + dir + " is not empty: give a new or empty folder", {{"target", "not empty"}});
  fs::create_directories(dir, ec);
  if (ec) throw Error(ErrorCode::kUnavailable, "cannot create " + dir + ": " + ec.message());
}

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kUnavailable, "cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void copyFileDurably(const fs::path& from, const fs::path& to) {
  writeFileDurably(to.parent_path().string(), to.string(), readAll(from.string()));
}

// Leftovers of interrupted writes ("….tmp<pid>-<n>") are not content.
bool isTemporary(const fs::path& path) { return path.filename().string().find(".tmp") != std::string::npos; }

// Every regular file under `from`, copied to the same relative place under `to`.
std::int64_t copyTree(const fs::path& from, const fs::path& to) {
  std::int64_t copied = 0;
  std::error_code ec;
  if (!fs::is_directory(from, ec)) return 0;
  for (auto it = fs::recursive_directory_iterator(from, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file() || isTemporary(it->path())) continue;
    copyFileDurably(it->path(), to / fs::relative(it->path(), from));
    ++copied;
  }
  if (ec) throw Error(ErrorCode::kUnavailable, "cannot list " + from.string() + ": " + ec.message());
  return copied;
}

// The archived files a store file's index names: (sha256, content type). A disposed record's
// content is gone on purpose (docs/retention.md), as fsck knows.
std::vector<std::pair<std::string, std::string>> indexedFiles(const std::string& databasePath) {
  Poco::Data::Session session("SQLite", databasePath);
  std::vector<std::string> digests, types;
  session << "SELECT sha256, content_type FROM archive_documents "
             "WHERE id NOT IN (SELECT document_id FROM disposal_items) ORDER BY id",
      into(digests), into(types), now;
  std::vector<std::pair<std::string, std::string>> files;
  for (size_t i = 0; i < digests.size(); ++i) files.emplace_back(digests[i], types[i]);
  return files;
}

}  // namespace

DataFolderCopy backupDataFolder(Database& database, const std::string& dataDir, const std::string& archiveDir,
                                const std::string& outDir) {
  requireEmptyTarget(outDir, "the backup folder");
  DataFolderCopy copy;
  const std::string snapshot = outDir + "/naskah.db";
  // One read transaction over every page: the snapshot is the store as of one commit.
  bool done = false;
  database.read([&](Poco::Data::Session& session) {
    done = Poco::Data::SQLite::Utility::memoryToFile(snapshot, session);
  });
  if (!done) throw Error(ErrorCode::kUnavailable, "the SQLite online backup into " + snapshot + " failed");

  for (const auto& [sha256, type] : indexedFiles(snapshot)) {
    std::string relative = ArchiveFileStore::relativePath(sha256, type);
    copyFileDurably(fs::path(archiveDir) / relative, fs::path(outDir) / "archive" / relative);
    ++copy.archiveFiles;
  }
  copy.attachmentFiles = copyTree(fs::path(dataDir) / "attachments", fs::path(outDir) / "attachments");
  copy.otherFiles = copyTree(fs::path(dataDir) / "pki", fs::path(outDir) / "pki");
  if (fs::exists(dataDir + "/naskah.properties")) {
    copyFileDurably(dataDir + "/naskah.properties", outDir + "/naskah.properties");
    ++copy.otherFiles;
  }
  return copy;
}

DataFolderCopy restoreDataFolder(const std::string& backupDir, const std::string& newDataDir) {
  if (!fs::exists(backupDir + "/naskah.db"))
    throw Error(ErrorCode::kNotFound, backupDir + " is not a Naskah backup: it has no naskah.db");
  requireEmptyTarget(newDataDir, "the target data folder");
  DataFolderCopy copy;
  copyFileDurably(backupDir + "/naskah.db", newDataDir + "/naskah.db");
  copy.archiveFiles = copyTree(fs::path(backupDir) / "archive", fs::path(newDataDir) / "archive");
  copy.attachmentFiles = copyTree(fs::path(backupDir) / "attachments", fs::path(newDataDir) / "attachments");
  copy.otherFiles = copyTree(fs::path(backupDir) / "pki", fs::path(newDataDir) / "pki");
  if (fs::exists(backupDir + "/naskah.properties")) {
    copyFileDurably(backupDir + "/naskah.properties", newDataDir + "/naskah.properties");
    ++copy.otherFiles;
  }
  return copy;
}

}  // namespace naskah::store
