// The classification codes and their retention rules (samples/retention/klasifikasi.json; format
// in docs/retention.md) into a RetentionSchedule. Problems come back together, naming the file
// and the code.
#pragma once

#include <string>

#include "domain/archive/retention.h"

namespace naskah::json {

// Parses one file's text; Error(kInvalidArgument) "<source>: ..." whose violations name each
// bad code ("400.9.active_years") or entry ("codes[3]").
domain::archive::RetentionSchedule retentionScheduleFromJson(const std::string& text, const std::string& source);
// Reads and parses the file; Error(kNotFound) when it cannot be opened.
domain::archive::RetentionSchedule loadRetentionSchedule(const std::string& path);

}  // namespace naskah::json
