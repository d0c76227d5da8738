#include "http/upload.h"

#include <sstream>

#include "Poco/Net/HTMLForm.h"
#include "Poco/Net/MessageHeader.h"
#include "Poco/Net/PartHandler.h"
#include "Poco/StreamCopier.h"

namespace naskah::http {
namespace {

// Collects the file part of a multipart upload. HTMLForm hands over only parts with a file name;
// the others become form fields.
class FilePart : public Poco::Net::PartHandler {
 public:
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
    fileName = params.get("filename", "");
    std::ostringstream out;
    Poco::StreamCopier::copyStream(stream, out);
    content = out.str();
    found = true;
  }
  bool found = false;
  std::string fileName;
  std::string content;
};

}  // namespace

Upload readUpload(const ApiRequest& request) {
  Upload upload;
  if (request.raw().getContentType().rfind("multipart/form-data", 0) != 0) {
    upload.fileName = request.query("file_name").value_or("");
    upload.content = request.body();
    return upload;
  }
  FilePart part;
  std::istringstream body(request.body());
  Poco::Net::HTMLForm form;
  try {
    form.load(request.raw(), body, part);
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kInvalidArgument, "the multipart body is malformed: " + e.message());
  }
  if (!part.found) throw Error(ErrorCode::kInvalidArgument, "the upload has no file part", {{"file", "is required"}});
  upload.fileName = part.fileName;
  upload.content = std::move(part.content);
  for (const auto& [name, value] : form) upload.fields[name] = value;
  return upload;
}

}  // namespace naskah::http
