// An uploaded file as a route receives it: the raw body, or a multipart/form-data form with its
// file part and its text fields (what an HTML form sends).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "http/api.h"

namespace naskah::http {

struct Upload {
  bool multipart = false;
  bool hasFile = false;     // raw: a non-empty body; multipart: a part with a filename
  std::string fileName;     // multipart: the part's filename; raw: ?file_name= (may be empty)
  std::string content;      // the file's bytes
  std::map<std::string, std::string> fields;  // multipart: the text fields

  // A text field of the form, else the query parameter of that name.
  std::optional<std::string> value(ApiRequest& request, const std::string& name) const;
};

// The body as an upload. Multipart: the part named `fileField` (or, when none is, the first part
// with a filename) and every text field. kInvalidArgument when the multipart body is malformed.
Upload readUpload(ApiRequest& request, const std::string& fileField = "file");

}  // namespace naskah::http
