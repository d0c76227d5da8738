#include "cli/sample_json.h"

#include <fstream>
#include <sstream>

#include "Poco/JSON/Parser.h"
#include "domain/common/error.h"
#include "json/letter_json.h"

namespace naskah::cli {

Poco::Dynamic::Var readSampleJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(ErrorCode::kNotFound, "cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  try {
    Poco::JSON::Parser parser;
    return parser.parse(text.str());
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kInvalidArgument, path + ": not valid JSON: " + e.message());
  }
}

std::string sampleString(const Poco::JSON::Object::Ptr& o, const std::string& name, const std::string& where) {
  Violations v;
  std::string value = json::stringMember(*o, name, v, false);
  v.throwIfAny(where);
  return value;
}

}  // namespace naskah::cli
