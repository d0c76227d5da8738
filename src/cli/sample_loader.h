// Loads the demo office from a samples folder: office.json (office, units, users) and
// incoming.json (items registered through the normal service, so numbers and audit are real).
#pragma once

#include <iosfwd>
#include <string>

#include "cli/runtime.h"

namespace naskah::cli {

struct SampleSummary {
  std::string officeCode;
  int units = 0;
  int users = 0;
  int incoming = 0;
  std::string logins;  // "username  password  role" lines, for demo-logins.txt
};

// Throws kInvalidArgument naming the file and the problem; kAlreadyExists when loaded already.
SampleSummary loadSamples(System& system, const std::string& samplesDir);

}  // namespace naskah::cli
