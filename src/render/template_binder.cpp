#include "render/template_binder.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <kainjow/mustache.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>

#include "domain/common/error.h"
#include "domain/common/indonesian_text.h"

namespace naskah::render {
namespace mustache = kainjow::mustache;
namespace {

std::string xmlEscape(const std::string& text) { return mustache::html_escape<std::string>(text); }

mustache::data toData(const Poco::Dynamic::Var& value) {
  if (value.isEmpty()) return mustache::data(false);
  if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
    auto object = value.extract<Poco::JSON::Object::Ptr>();
    mustache::data result{mustache::data::type::object};
    // A null is no value: {{name}} over it is an error like a missing key, and only a tag
    // marked optional ({{#name?}}) lets it pass, instead of printing a silent blank.
    for (const auto& [key, member] : *object)
      if (!member.isEmpty()) result.set(key, toData(member));
    return result;
  }
  if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
    auto array = value.extract<Poco::JSON::Array::Ptr>();
    mustache::data result{mustache::data::type::list};
    for (const auto& item : *array) result.push_back(toData(item));
    return result;
  }
  if (value.isBoolean()) return mustache::data(value.convert<bool>());
  return mustache::data(value.convert<std::string>());
}

mustache::data parseJson(const std::string& json, const std::string& what) {
  try {
    Poco::JSON::Parser parser;
    Poco::Dynamic::Var root = parser.parse(json);
    if (root.type() != typeid(Poco::JSON::Object::Ptr)) {
      throw Error(ErrorCode::kInvalidArgument, what + " harus berupa objek JSON");
    }
    return toData(root);
  } catch (const Poco::Exception& error) {
    throw Error(ErrorCode::kInvalidArgument, what + " bukan JSON yang valid: " + error.displayText());
  }
}

// A Mustache helper: renders its section, then formats the text.
mustache::data helper(std::string (*format)(const std::string&)) {
  return mustache::data(mustache::lambda2{[format](const std::string& text, const mustache::renderer& render) {
    std::string value = render(text);
    size_t start = value.find_first_not_of(" \n\t");
    size_t end = value.find_last_not_of(" \n\t");
    value = start == std::string::npos ? "" : value.substr(start, end - start + 1);
    return xmlEscape(format(value));
  }});
}

std::string formatTerbilang(const std::string& text) {
  char* end = nullptr;
  long long number = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0') {
    throw Error(ErrorCode::kInvalidArgument, "terbilang: \"" + text + "\" bukan bilangan bulat");
  }
  return domain::terbilang(number);
}

std::string upper(const std::string& text) {
  std::string out = text;
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Partials are read once per file version: every letter includes the kop and the signer block.
struct CachedPartial {
  std::filesystem::file_time_type modifiedAt;
  std::string text;
};
std::mutex gPartialsMutex;
std::map<std::string, CachedPartial> gPartials;

std::optional<std::string> readPartial(const std::string& path) {
  std::error_code error;
  auto modifiedAt = std::filesystem::last_write_time(path, error);
  if (error) return std::nullopt;
  {
    std::lock_guard<std::mutex> lock(gPartialsMutex);
    auto found = gPartials.find(path);
    if (found != gPartials.end() && found->second.modifiedAt == modifiedAt) return found->second.text;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  std::lock_guard<std::mutex> lock(gPartialsMutex);
  gPartials[path] = CachedPartial{modifiedAt, text.str()};
  return text.str();
}

// Resolves names like kainjow's default context, but remembers what is missing and
// serves partials from files.
class StrictContext : public mustache::basic_context<std::string> {
 public:
  StrictContext(const mustache::data* root, std::string partialsDir)
      : inner_(root), partialsDir_(std::move(partialsDir)) {}

  void push(const mustache::data* data) override { inner_.push(data); }
  void pop() override { inner_.pop(); }

  const mustache::data* get(const std::string& name) const override {
    if (!name.empty() && name.back() == '?') {
      // An optional list is a condition (non-empty?), not a loop: {{#tembusan?}} wraps the
      // heading once, and {{#tembusan}} inside it repeats the items.
      const mustache::data* found = inner_.get(name.substr(0, name.size() - 1));
      if (!found) return &empty_;
      if (found->is_list()) return found->is_non_empty_list() ? &present_ : &empty_;
      return found;
    }
    const mustache::data* found = inner_.get(name);
    if (!found && missing_.empty()) missing_ = name;
    return found;
  }

  const mustache::data* get_partial(const std::string& name) const override {
    auto cached = partials_.find(name);
    if (cached != partials_.end()) return &cached->second;
    bool safe = !name.empty() && name.find('/') == std::string::npos && name.find("..") == std::string::npos;
    std::optional<std::string> text;
    if (safe) text = readPartial(partialsDir_ + "/" + name + ".xml");
    if (!text) {
      if (missing_.empty()) missing_ = "> " + name;
      return nullptr;
    }
    return &partials_.emplace(name, mustache::data(*text)).first->second;
  }

  const std::string& missing() const { return missing_; }
  // The partials read while rendering, by name (their text).
  std::map<std::string, std::string> partialTexts() const {
    std::map<std::string, std::string> out;
    for (const auto& [name, data] : partials_)
      if (data.is_string()) out[name] = data.string_value();
    return out;
  }

 private:
  mustache::context<std::string> inner_;
  std::string partialsDir_;
  mustache::data empty_{false};
  mustache::data present_{true};
  mutable std::string missing_;
  mutable std::map<std::string, mustache::data> partials_;
};

// Line of the first tag naming `name`, for the error message.
int lineOfTag(const std::string& text, const std::string& name) {
  for (const char* prefix : {"{{", "{{#", "{{^", "{{&", "{{{"}) {
    size_t at = text.find(std::string(prefix) + name);
    if (at != std::string::npos) return lineOfOffset(text, at);
  }
  return 0;
}

}  // namespace

int lineOfOffset(const std::string& text, size_t offset) {
  int line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') ++line;
  }
  return line;
}

std::string bindTemplate(const TemplateSource& source, const std::string& dataJson,
                         const std::string& letterheadJson) {
  mustache::mustache tmpl(source.text);
  if (!tmpl.is_valid()) {
    // kainjow reports "… at <offset>"; turn the offset into a line.
    std::string message = tmpl.error_message();
    size_t at = message.rfind(" at ");
    if (at != std::string::npos) {
      size_t offset = std::strtoul(message.c_str() + at + 4, nullptr, 10);
      message = message.substr(0, at) + " (baris " + std::to_string(lineOfOffset(source.text, offset)) + ")";
    }
    throw Error(ErrorCode::kInvalidArgument, source.name + ": kesalahan template: " + message);
  }
  mustache::data root = parseJson(dataJson, "data");
  if (!letterheadJson.empty()) root.set("kop", parseJson(letterheadJson, "kop surat"));
  mustache::data format{mustache::data::type::object};
  format.set("tanggal", helper([](const std::string& v) { return domain::formatIndonesianDate(v); }));
  format.set("hari", helper([](const std::string& v) { return domain::indonesianWeekday(v); }));
  format.set("terbilang", helper(formatTerbilang));
  format.set("nip", helper([](const std::string& v) { return domain::formatNip(v); }));
  format.set("upper", helper(upper));
  root.set("fmt", format);

  StrictContext context(&root, source.partialsDir);
  std::string bound;
  try {
    bound = tmpl.render(context);
  } catch (const Error& error) {
    throw Error(error.code(), source.name + ": " + error.what());
  }
  if (!context.missing().empty()) {
    const std::string& name = context.missing();
    if (name.rfind("> ", 0) == 0) {
      throw Error(ErrorCode::kInvalidArgument,
                  source.name + ": partial \"" + name.substr(2) + "\" tidak ditemukan di " + source.partialsDir);
    }
    // The tag is in the template itself or in one of the partials it included.
    std::string where = source.name;
    int line = lineOfTag(source.text, name);
    if (line == 0)
      for (const auto& [partial, text] : context.partialTexts())
        if (int inPartial = lineOfTag(text, name); inPartial > 0) {
          where = "partials/" + partial + ".xml";
          line = inPartial;
          break;
        }
    throw Error(ErrorCode::kInvalidArgument,
                "data tidak lengkap: nilai \"" + name + "\" tidak ada (dipakai di " + where +
                    (line > 0 ? ", baris " + std::to_string(line) : "") + ")");
  }
  if (!tmpl.is_valid()) {
    throw Error(ErrorCode::kInvalidArgument, source.name + ": " + tmpl.error_message());
  }
  return bound;
}

}  // namespace naskah::render
