// The one file of an upload route: sent as multipart/form-data (the part with a file name — the
// web forms call it `file` —, other form fields beside it) or as the raw body, named by ?file_name=….
#pragma once

#include <map>
#include <string>

#include "http/api.h"

namespace naskah::http {

struct Upload {
  std::string fileName;  // as the client named it: a label, never a path to write to
  std::string content;
  std::map<std::string, std::string> fields;  // the form's other fields (multipart only)
};

// kInvalidArgument for a malformed multipart body or one without a file part.
Upload readUpload(const ApiRequest& request);

}  // namespace naskah::http
