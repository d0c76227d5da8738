// Backup and restore of a data folder: the SQLite store through SQLite's online backup API (a
// consistent snapshot taken while the server keeps writing), the archived files the snapshot's
// index names, the attachments, naskah.properties and pki/. A backup folder is laid out as a
// data folder, so restore is a copy followed by checks.
#pragma once

#include <cstdint>
#include <string>

#include "store/database.h"

namespace naskah::store {

struct DataFolderCopy {
  std::int64_t archiveFiles = 0;     // archived documents copied
  std::int64_t attachmentFiles = 0;  // scanned attachments copied
  std::int64_t otherFiles = 0;       // naskah.properties and pki/
};

// Writes a backup of the data folder whose store is `database` into `outDir`, which must be
// absent or empty (kFailedPrecondition otherwise). The store is copied first: every archived
// file its rows name is durable before the row commits, so copying those files afterwards is
// consistent. Throws kUnavailable on I/O failure.
DataFolderCopy backupDataFolder(Database& database, const std::string& dataDir, const std::string& archiveDir,
                                const std::string& outDir);

// Copies the backup folder `backupDir` into `newDataDir`, which must be absent or empty
// (kFailedPrecondition otherwise); kNotFound when `backupDir` holds no naskah.db. The copy is not
// checked here: open it and run fsck and the audit verification (naskah restore does).
DataFolderCopy restoreDataFolder(const std::string& backupDir, const std::string& newDataDir);

}  // namespace naskah::store
