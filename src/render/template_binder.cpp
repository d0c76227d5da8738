#include "render/template_binder.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <kainjow/mustache.hpp>

#include <sys/stat.h>

#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

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

// Resolves names like kainjow's default context, but remembers what is missing. Partials
// are written into the template before parsing (PreparedTemplate), so none is left to serve.
class StrictContext : public mustache::basic_context<std::string> {
 public:
  explicit StrictContext(const mustache::data* root) : inner_(root) {}

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
    if (missing_.empty()) missing_ = "> " + name;
    return nullptr;
  }

  const std::string& missing() const { return missing_; }

 private:
  mustache::context<std::string> inner_;
  mustache::data empty_{false};
  mustache::data present_{true};
  mutable std::string missing_;
};

// Throws the template's Mustache syntax error, if any, naming the file and line.
void checkMustacheSyntax(const std::string& text, const std::string& name) {
  mustache::mustache tmpl(text);
  if (tmpl.is_valid()) return;
  // kainjow reports "… at <offset>"; turn the offset into a line.
  std::string message = tmpl.error_message();
  size_t at = message.rfind(" at ");
  if (at != std::string::npos) {
    size_t offset = std::strtoul(message.c_str() + at + 4, nullptr, 10);
    message = message.substr(0, at) + " (baris " + std::to_string(lineOfOffset(text, offset)) + ")";
  }
  throw Error(ErrorCode::kInvalidArgument, name + ": kesalahan template: " + message);
}

// A template with its partials written in and parsed once, per thread and per version of
// the template and its partials. Why: parsing (kainjow re-parses a partial every time it is
// included) was two thirds of binding a letter.
// The time and size of a partial file when it was read, to notice an edit (file times can
// be coarse; the size catches most edits within one tick).
struct FileVersion {
  std::string path;
  struct timespec modifiedAt {};
  off_t size = -1;

  static std::optional<FileVersion> of(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return std::nullopt;
    return FileVersion{path, info.st_mtim, info.st_size};
  }
  bool isCurrent() const {
    std::optional<FileVersion> now = of(path);
    return now && now->size == size && now->modifiedAt.tv_sec == modifiedAt.tv_sec &&
           now->modifiedAt.tv_nsec == modifiedAt.tv_nsec;
  }
};

struct PreparedTemplate {
  std::string text;                                  // the template as given
  std::vector<FileVersion> partialFiles;             // to notice edits
  std::map<std::string, std::string> partialTexts;   // by name, for error lines
  std::unique_ptr<mustache::mustache> parsed;

  bool isCurrent(const TemplateSource& source) const {
    if (text != source.text) return false;
    for (const FileVersion& file : partialFiles)
      if (!file.isCurrent()) return false;
    return true;
  }
};

constexpr int kMaxPartialDepth = 8;

std::string trimmed(const std::string& text) {
  size_t start = 0, end = text.size();
  while (start < end && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  while (end > start && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(start, end - start);
}

// Writes every {{> name}} of `text` (named `where` in messages) out as partials/name.xml,
// recursively. Tags are found as kainjow finds them with the default delimiters ({{! …}}
// comments and {{{ … }}} skipped whole, names trimmed of white space). Each partial is
// checked on its own first, so a syntax error names the partial's file and line. A partial
// is needed even inside a section that does not render, and set-delimiter tags ({{=<% %>=}})
// are refused: the written-in text must parse as the parts did.
std::string expandPartials(const std::string& text, const std::string& where, const TemplateSource& source,
                           PreparedTemplate& prepared, int depth) {
  std::string out;
  size_t copied = 0;
  size_t open = text.find("{{");
  while (open != std::string::npos) {
    bool triple = open + 2 < text.size() && text[open + 2] == '{';
    size_t contentStart = open + (triple ? 3 : 2);
    size_t close = text.find(triple ? "}}}" : "}}", contentStart);
    if (close == std::string::npos) break;  // the syntax check has reported it already
    size_t next = close + (triple ? 3 : 2);
    std::string contents = trimmed(text.substr(contentStart, close - contentStart));
    std::string at = where + ", baris " + std::to_string(lineOfOffset(text, open));
    if (!triple && !contents.empty() && contents[0] == '=') {
      throw Error(ErrorCode::kInvalidArgument,
                  at + ": tag pengganti pembatas ({{=...=}}) tidak didukung; tulis tag dengan {{ }}");
    }
    if (!triple && !contents.empty() && contents[0] == '>') {
      std::string name = trimmed(contents.substr(1));
      bool safe = !name.empty() && name.find('/') == std::string::npos && name.find('\\') == std::string::npos &&
                  name.find("..") == std::string::npos;
      std::string path = source.partialsDir + "/" + name + ".xml";
      std::optional<FileVersion> version = safe ? FileVersion::of(path) : std::nullopt;
      std::ifstream in;
      if (version) in.open(path, std::ios::binary);
      if (!version || !in) {
        throw Error(ErrorCode::kInvalidArgument,
                    at + ": partial \"" + name + "\" tidak ditemukan di " + source.partialsDir);
      }
      if (depth >= kMaxPartialDepth) {
        throw Error(ErrorCode::kInvalidArgument, at + ": partial \"" + name + "\" bersarang lebih dari " +
                                                     std::to_string(kMaxPartialDepth) + " tingkat (saling memanggil?)");
      }
      std::ostringstream partial;
      partial << in.rdbuf();
      std::string partialName = "partials/" + name + ".xml";
      if (!prepared.partialTexts.count(name)) {
        checkMustacheSyntax(partial.str(), partialName);
        prepared.partialTexts[name] = partial.str();
        prepared.partialFiles.push_back(*version);
      }
      out.append(text, copied, open - copied);
      out += expandPartials(partial.str(), partialName, source, prepared, depth + 1);
      copied = next;
    }
    open = text.find("{{", next);
  }
  out.append(text, copied, std::string::npos);
  return out;
}

std::map<std::string, PreparedTemplate>& preparedTemplates() {
  thread_local std::map<std::string, PreparedTemplate> cache;
  return cache;
}

std::string keyOf(const TemplateSource& source) { return source.name + '\n' + source.partialsDir; }

// This thread's prepared version of the template (made or remade when needed).
PreparedTemplate& preparedTemplate(const TemplateSource& source) {
  auto& cache = preparedTemplates();
  std::string key = keyOf(source);
  auto found = cache.find(key);
  if (found != cache.end() && found->second.isCurrent(source)) return found->second;
  checkMustacheSyntax(source.text, source.name);
  PreparedTemplate prepared;
  prepared.text = source.text;
  std::string expanded = expandPartials(source.text, source.name, source, prepared, 0);
  prepared.parsed = std::make_unique<mustache::mustache>(expanded);
  if (!prepared.parsed->is_valid()) {
    throw Error(ErrorCode::kInvalidArgument,
                source.name + ": kesalahan template setelah partial disisipkan: " + prepared.parsed->error_message());
  }
  // Templates are few; the bound keeps a thread from holding every scratch template a test
  // or an admin ever tried.
  if (cache.size() >= 64) cache.clear();
  return cache[key] = std::move(prepared);
}

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
  PreparedTemplate& prepared = preparedTemplate(source);
  mustache::data root = parseJson(dataJson, "data");
  if (!letterheadJson.empty()) root.set("kop", parseJson(letterheadJson, "kop surat"));
  mustache::data format{mustache::data::type::object};
  format.set("tanggal", helper([](const std::string& v) { return domain::formatIndonesianDate(v); }));
  format.set("hari", helper([](const std::string& v) { return domain::indonesianWeekday(v); }));
  format.set("terbilang", helper(formatTerbilang));
  format.set("nip", helper([](const std::string& v) { return domain::formatNip(v); }));
  format.set("upper", helper(upper));
  root.set("fmt", format);

  StrictContext context(&root);
  std::string bound;
  try {
    bound = prepared.parsed->render(context);
  } catch (const Error& error) {
    preparedTemplates().erase(keyOf(source));
    throw Error(error.code(), source.name + ": " + error.what());
  }
  if (!prepared.parsed->is_valid()) {
    // kainjow keeps the error in the template object; parse afresh next time.
    std::string message = prepared.parsed->error_message();
    preparedTemplates().erase(keyOf(source));
    throw Error(ErrorCode::kInvalidArgument, source.name + ": " + message);
  }
  if (!context.missing().empty()) {
    const std::string& name = context.missing();
    if (name.rfind("> ", 0) == 0) {  // a partial tag the expansion did not see (other delimiters)
      throw Error(ErrorCode::kInvalidArgument,
                  source.name + ": partial \"" + name.substr(2) + "\" tidak ditemukan di " + source.partialsDir);
    }
    // The tag is in the template itself or in one of the partials it included.
    std::string where = source.name;
    int line = lineOfTag(source.text, name);
    if (line == 0)
      for (const auto& [partial, text] : prepared.partialTexts)
        if (int inPartial = lineOfTag(text, name); inPartial > 0) {
          where = "partials/" + partial + ".xml";
          line = inPartial;
          break;
        }
    throw Error(ErrorCode::kInvalidArgument,
                "data tidak lengkap: nilai \"" + name + "\" tidak ada (dipakai di " + where +
                    (line > 0 ? ", baris " + std::to_string(line) : "") + ")");
  }
  return bound;
}

}  // namespace naskah::render
