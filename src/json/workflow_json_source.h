// Reading the admin-edited JSON files of the workflow (SOP profiles, calendars) so that a mistake
// is reported where it is: Poco 1.11's parser says neither line nor column and keeps the last of
// two equal keys silently, so the text is first checked here with positions and duplicate keys.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "Poco/JSON/Object.h"

namespace naskah::json {

// The whole file; Error(kNotFound) when it cannot be opened.
std::string readTextFile(const std::string& path);

// Parses a JSON document whose top level must be an object, keeping the keys' order. A syntax
// error or a key given twice in one object throws Error(kInvalidArgument)
// "<source>:<line>:<column>: <what>".
Poco::JSON::Object::Ptr parseJsonObject(const std::string& text, const std::string& source);

// The 1-based line of the first member `"key": "value"` in text, or 0 when there is none:
// how a message points at a step ("steps.draf" → the line of "id": "draf").
int lineOfMember(std::string_view text, std::string_view key, std::string_view value);

// The *.json files directly in a folder, sorted by name; Error(kNotFound) when it is no folder.
std::vector<std::string> jsonFilesIn(const std::string& folder);

}  // namespace naskah::json
