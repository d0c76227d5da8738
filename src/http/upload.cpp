#include "http/upload.h"

#include <sstream>

#include "Poco/Net/HTMLForm.h"
#include "Poco/Net/MessageHeader.h"
#include "Poco/Net/PartHandler.h"
#include "Poco/StreamCopier.h"
#include "domain/common/error.h"

namespace naskah::http {
namespace {

// HTMLForm hands the parts with a filename here and keeps the text fields itself.
class FileParts : public Poco::Net::PartHandler {
 public:
  explicit FileParts(std::string wanted) : wanted_(std::move(wanted)) {}
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
    std::ostringstream out;
    Poco::StreamCopier::copyStream(stream, out);
    bool named = params.get("name", "") == wanted_;
    if (found && (namedFound || !named)) return;
    found = true;
    namedFound = named;
    fileName = params.get("filename", "");
    content = out.str();
  }
  bool found = false;
  bool namedFound = false;
  std::string fileName;
  std::string content;

 private:
  std::string wanted_;
};

}  // namespace

std::optional<std::string> Upload::value(ApiRequest& request, const std::string& name) const {
  auto it = fields.find(name);
  if (it != fields.end()) return it->second;
  return request.query(name);
}

Upload readUpload(ApiRequest& request, const std::string& fileField) {
  Upload upload;
  if (request.raw().getContentType().rfind("multipart/form-data", 0) != 0) {
    upload.content = request.body();
    upload.hasFile = !upload.content.empty();
    upload.fileName = request.query("file_name").value_or("");
    return upload;
  }
  upload.multipart = true;
  FileParts parts(fileField);
  std::istringstream body(request.body());
  Poco::Net::HTMLForm form;
  try {
    form.load(request.raw(), body, parts);
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kInvalidArgument, "the multipart body is malformed: " + e.message());
  }
  for (const auto& [name, value] : form) upload.fields[name] = value;
  upload.hasFile = parts.found;
  upload.fileName = std::move(parts.fileName);
  upload.content = std::move(parts.content);
  return upload;
}

}  // namespace naskah::http
