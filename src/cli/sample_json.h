// Reading the JSON files of a samples folder: errors name the file and the place in it, so an
// admin who edits a sample sees what to fix.
#pragma once

#include <string>

#include "Poco/Dynamic/Var.h"
#include "Poco/JSON/Object.h"

namespace naskah::cli {

// The parsed file; kNotFound when it cannot be read, kInvalidArgument when it is not JSON.
Poco::Dynamic::Var readSampleJson(const std::string& path);

// A string member of o, "" when absent; kInvalidArgument naming `where` and the member when it
// is not a string.
std::string sampleString(const Poco::JSON::Object::Ptr& o, const std::string& name, const std::string& where);

}  // namespace naskah::cli
