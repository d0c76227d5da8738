#include "domain/common/number_pattern.h"

#include "domain/common/error.h"

namespace naskah::domain {

void walkNumberPattern(const std::string& pattern, std::string_view what,
                       const std::function<void(const std::string&)>& onText,
                       const std::function<void(const std::string&, int)>& onField) {
  size_t pos = 0;
  while (pos < pattern.size()) {
    size_t open = pattern.find('{', pos);
    if (open == std::string::npos) {
      onText(pattern.substr(pos));
      return;
    }
    onText(pattern.substr(pos, open - pos));
    size_t close = pattern.find('}', open);
    if (close == std::string::npos)
      throw Error(ErrorCode::kInvalidArgument, std::string(what) + " has an unclosed '{': " + pattern);
    std::string field = pattern.substr(open + 1, close - open - 1);
    int width = 0;
    if (auto colon = field.find(':'); colon != std::string::npos) {
      std::string w = field.substr(colon + 1);
      if (w.empty() || w.size() > 2 || w.find_first_not_of("0123456789") != std::string::npos)
        throw Error(ErrorCode::kInvalidArgument, std::string(what) + " has a bad width in {" + field + "}");
      width = std::stoi(w);
      field = field.substr(0, colon);
    }
    onField(field, width);
    pos = close + 1;
  }
}

std::string zeroPadded(std::int64_t value, int width) {
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

}  // namespace naskah::domain
