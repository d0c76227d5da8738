#include "json/workflow_json_source.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "Poco/JSON/JSONException.h"
#include "Poco/JSON/ParseHandler.h"
#include "Poco/JSON/Parser.h"
#include "domain/common/error.h"

namespace naskah::json {
namespace {

struct SyntaxError {
  size_t offset;
  std::string what;
};

// A strict JSON (RFC 8259) recogniser that only reports where the first problem is.
class Checker {
 public:
  explicit Checker(std::string_view text) : s_(text) {}

  void document() {
    space();
    if (peek() != '{') fail("the file must hold one JSON object ({ ... })");
    value();
    space();
    if (pos_ != s_.size()) fail("unexpected text after the end of the object");
  }

 private:
  [[noreturn]] void fail(std::string what) const { throw SyntaxError{pos_, std::move(what)}; }
  char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  void space() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }
  void expect(char c, const char* what) {
    if (peek() != c) fail(std::string("expected ") + what);
    ++pos_;
  }

  void value() {
    switch (peek()) {
      case '{': object(); return;
      case '[': array(); return;
      case '"': string(); return;
      case 't': literal("true"); return;
      case 'f': literal("false"); return;
      case 'n': literal("null"); return;
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return number();
        fail(pos_ < s_.size() ? "expected a value (a string in double quotes, a number, true, false, null, [ or {)"
                              : "the file ends before the value");
    }
  }

  void object() {
    ++pos_;
    space();
    std::set<std::string> keys;
    if (peek() == '}') {
      ++pos_;
      return;
    }
    for (;;) {
      space();
      size_t keyAt = pos_;
      if (peek() != '"') fail("expected a member name in double quotes");
      std::string key = string();
      if (!keys.insert(key).second) {
        pos_ = keyAt;
        fail("\"" + key + "\" is given twice in this object");
      }
      space();
      expect(':', "':' after the member name");
      space();
      value();
      space();
      if (peek() == ',') {
        ++pos_;
        space();
        if (peek() == '}') fail("a comma before '}' (JSON allows no trailing comma)");
        continue;
      }
      expect('}', "',' or '}' after the member");
      return;
    }
  }

  void array() {
    ++pos_;
    space();
    if (peek() == ']') {
      ++pos_;
      return;
    }
    for (;;) {
      space();
      value();
      space();
      if (peek() == ',') {
        ++pos_;
        space();
        if (peek() == ']') fail("a comma before ']' (JSON allows no trailing comma)");
        continue;
      }
      expect(']', "',' or ']' after the element");
      return;
    }
  }

  // Returns the raw content (escapes kept): enough to compare keys.
  std::string string() {
    size_t begin = ++pos_;
    while (pos_ < s_.size() && s_[pos_] != '"') {
      auto c = static_cast<unsigned char>(s_[pos_]);
      if (c < 0x20) fail("a control character (e.g. a line break) inside a string");
      if (c == '\\') {
        ++pos_;
        char e = peek();
        if (e == 'u') {
          for (int i = 1; i <= 4; ++i)
            if (!std::isxdigit(static_cast<unsigned char>(pos_ + i < s_.size() ? s_[pos_ + i] : 'x')))
              fail("\\u needs four hex digits");
          pos_ += 4;
        } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos || e == '\0') {
          fail("an unknown escape in a string");
        }
      }
      ++pos_;
    }
    if (pos_ >= s_.size()) {
      pos_ = begin - 1;
      fail("a string that is never closed");
    }
    return std::string(s_.substr(begin, pos_++ - begin));
  }

  void number() {
    if (peek() == '-') ++pos_;
    if (peek() == '0') ++pos_;
    else if (peek() >= '1' && peek() <= '9') digits();
    else fail("a number needs digits");
    if (peek() == '.') {
      ++pos_;
      if (!(peek() >= '0' && peek() <= '9')) fail("a number needs digits after '.'");
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!(peek() >= '0' && peek() <= '9')) fail("a number needs digits in its exponent");
      digits();
    }
  }
  void digits() {
    while (peek() >= '0' && peek() <= '9') ++pos_;
  }

  void literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) fail("expected a value (true, false, null, or a string in quotes?)");
    pos_ += word.size();
  }

  std::string_view s_;
  size_t pos_ = 0;
};

std::string position(std::string_view text, size_t offset) {
  int line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // count characters, not UTF-8 continuation bytes
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

std::string readTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, path + ": cannot be opened");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Poco::JSON::Object::Ptr parseJsonObject(const std::string& text, const std::string& source) {
  try {
    Checker(text).document();
  } catch (const SyntaxError& e) {
    throw Error(ErrorCode::kInvalidArgument, source + ":" + position(text, e.offset) + ": " + e.what);
  }
  try {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(/*preserveObjectOrder=*/true));
    return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {  // the checker passed it; Poco's own words, if it still objects
    throw Error(ErrorCode::kInvalidArgument, source + ": " + e.displayText());
  }
}

int lineOfMember(std::string_view text, std::string_view key, std::string_view value) {
  // Built by appending: GCC 12 warns falsely (-Wrestrict) on "\"" + std::string(key) + "\"".
  std::string quotedKey(1, '"'), quotedValue(1, '"');
  quotedKey.append(key).push_back('"');
  quotedValue.append(value).push_back('"');
  for (size_t at = text.find(quotedKey); at != std::string_view::npos; at = text.find(quotedKey, at + 1)) {
    size_t p = at + quotedKey.size();
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r')) ++p;
    if (p >= text.size() || text[p] != ':') continue;
    ++p;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r')) ++p;
    if (text.substr(p, quotedValue.size()) == quotedValue)
      return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  }
  return 0;
}

std::vector<std::string> jsonFilesIn(const std::string& folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) throw Error(ErrorCode::kNotFound, folder + ": no such folder");
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace naskah::json
