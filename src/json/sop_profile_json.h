// SOP profile files (samples/sop/*.json; format in docs/workflow.md) into the domain model.
// Every problem of a file — a JSON syntax error with its line, an unknown or mistyped key, and
// every rule of domain::workflow::validate — comes back in one Error(kInvalidArgument) whose
// message names the file, and each step's problems the step and the line of its "id".
#pragma once

#include <string>
#include <vector>

#include "domain/workflow/sop_profile.h"

namespace naskah::json {

// Parses and validates one profile. `source` names the file in messages; `knownTemplates`, when
// not empty, are the document templates a step's output may name.
domain::workflow::SopProfile sopProfileFromJson(const std::string& text, const std::string& source,
                                                const std::vector<std::string>& knownTemplates = {});

// Reads, parses and validates one file. Error(kNotFound) when it cannot be read.
domain::workflow::SopProfile loadSopProfile(const std::string& path,
                                            const std::vector<std::string>& knownTemplates = {});

// Every *.json profile in a folder, by file name. Problems of all files, and a profile id used by
// two files, come back together in one Error(kInvalidArgument).
std::vector<domain::workflow::SopProfile> loadSopProfiles(const std::string& folder,
                                                          const std::vector<std::string>& knownTemplates = {});

// The names of the document templates in a templates folder ("surat_balasan" for
// surat_balasan.xml): what knownTemplates should be at start-up.
std::vector<std::string> documentTemplateNames(const std::string& templatesFolder);

}  // namespace naskah::json
