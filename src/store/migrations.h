// Numbered schema migrations, applied in order by `naskah init` and at every start.
#pragma once

#include "store/database.h"

namespace naskah::store {

// Applies every migration newer than the file's schema version, each in its own
// transaction. Returns the number applied. A file newer than this binary is refused
// (kFailedPrecondition) rather than misread.
int migrate(Database& database);
int latestSchemaVersion();

}  // namespace naskah::store
