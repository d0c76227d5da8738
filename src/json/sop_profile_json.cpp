#include "json/sop_profile_json.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "Poco/JSON/Array.h"
#include "domain/common/error.h"
#include "json/workflow_json_source.h"

namespace naskah::json {
namespace {

using namespace naskah::domain::workflow;
using Poco::JSON::Array;
using Poco::JSON::Object;

// Reads members of one JSON object, adding a violation for every mistyped value and, at the end,
// for every key it was never asked about — a misspelt "perfomer" must not pass silently.
class Reader {
 public:
  Reader(const Object& object, std::string field, Violations& v) : o_(object), field_(std::move(field)), v_(v) {}

  std::string string(const std::string& key, bool required) {
    seen_.push_back(key);
    if (!present(key)) {
      if (required) v_.add(at(key), "is required");
      return "";
    }
    const auto& value = o_.get(key);
    if (!value.isString()) {
      v_.add(at(key), "must be a string");
      return "";
    }
    return value.extract<std::string>();
  }

  std::vector<std::string> strings(const std::string& key, bool required) {
    std::vector<std::string> out;
    Array::Ptr array = this->array(key, required);
    if (!array) return out;
    for (size_t i = 0; i < array->size(); ++i) {
      const auto& value = array->get(static_cast<unsigned>(i));
      if (value.isString()) out.push_back(value.extract<std::string>());
      else v_.add(at(key) + "[" + std::to_string(i) + "]", "must be a string");
    }
    return out;
  }

  Array::Ptr array(const std::string& key, bool required) {
    seen_.push_back(key);
    if (!present(key)) {
      if (required) v_.add(at(key), "is required (a list [ ... ])");
      return nullptr;
    }
    const auto& value = o_.get(key);
    if (value.type() != typeid(Array::Ptr)) {
      v_.add(at(key), "must be a list [ ... ]");
      return nullptr;
    }
    return value.extract<Array::Ptr>();
  }

  Object::Ptr object(const std::string& key, bool required) {
    seen_.push_back(key);
    if (!present(key)) {
      if (required) v_.add(at(key), "is required (an object { ... })");
      return nullptr;
    }
    const auto& value = o_.get(key);
    if (value.type() != typeid(Object::Ptr)) {
      v_.add(at(key), "must be an object { ... }");
      return nullptr;
    }
    return value.extract<Object::Ptr>();
  }

  std::optional<TimeStandard> timeStandard(const std::string& key) {
    Object::Ptr o = object(key, false);
    if (!o) return std::nullopt;
    Reader r(*o, at(key), v_);
    TimeStandard standard;
    r.seen_.push_back("amount");
    if (!o->has("amount") || !o->get("amount").isInteger())
      v_.add(at(key) + ".amount", "must be a whole number");
    else
      standard.amount = o->get("amount").convert<std::int64_t>();
    std::string unit = r.string("unit", true);
    if (auto parsed = parseTimeUnit(unit)) standard.unit = *parsed;
    else if (!unit.empty()) v_.add(at(key) + ".unit", "'" + unit + "' is not a unit (minutes, hours, working_days)");
    r.finish();
    return standard;
  }

  void finish() {
    for (const auto& [key, value] : o_)
      if (std::find(seen_.begin(), seen_.end(), key) == seen_.end())
        v_.add(at(key), "is not a known key here (see docs/workflow.md)");
  }

  std::string at(const std::string& key) const { return field_.empty() ? key : field_ + "." + key; }

 private:
  bool present(const std::string& key) const { return o_.has(key) && !o_.isNull(key); }

  const Object& o_;
  std::string field_;
  Violations& v_;
  std::vector<std::string> seen_;
};

// Each element of an array that must hold objects, with its field name.
template <typename F>
void eachObject(const Array::Ptr& array, const std::string& field, Violations& v, F&& f) {
  if (!array) return;
  for (size_t i = 0; i < array->size(); ++i) {
    const auto& value = array->get(static_cast<unsigned>(i));
    if (value.type() != typeid(Object::Ptr)) {
      v.add(field + "[" + std::to_string(i) + "]", "must be an object { ... }");
      continue;
    }
    f(*value.extract<Object::Ptr>(), i);
  }
}

// The field name of an array element: by its id when it has a usable one, else by index.
std::string elementField(const std::string& list, const Object& o, size_t index) {
  if (o.has("id") && o.get("id").isString() && !o.get("id").extract<std::string>().empty())
    return list + "." + o.get("id").extract<std::string>();
  return list + "[" + std::to_string(index) + "]";
}

Step readStep(const Object& o, const std::string& field, Violations& v) {
  Reader r(o, field, v);
  Step s;
  s.id = r.string("id", true);
  s.name = r.string("name", true);
  s.performer = r.string("performer", true);
  s.recordedBy = r.strings("recorded_by", false);
  s.timeStandard = r.timeStandard("time_standard");
  s.output = r.string("output", false);
  s.outputLabel = r.string("output_label", false);
  eachObject(r.array("next", true), field + ".next", v, [&](const Object& b, size_t i) {
    Reader br(b, field + ".next[" + std::to_string(i) + "]", v);
    Branch branch;
    branch.condition = br.string("condition", true);
    branch.label = br.string("label", true);
    branch.to = br.string("to", true);
    branch.event = br.string("event", false);
    br.finish();
    s.next.push_back(std::move(branch));
  });
  r.finish();
  return s;
}

// Names the line of the step (or entry) a problem is in, where the file shows it.
std::string located(const FieldViolation& f, const std::string& text) {
  for (const char* list : {"steps.", "entries.", "periodic_tasks."}) {
    std::string prefix = list;
    if (f.field.rfind(prefix, 0) != 0) continue;
    std::string id = f.field.substr(prefix.size());
    id = id.substr(0, id.find_first_of(".["));
    if (int line = lineOfMember(text, "id", id); line > 0) return f.message + " (line " + std::to_string(line) + ")";
  }
  return f.message;
}

}  // namespace

SopProfile sopProfileFromJson(const std::string& text, const std::string& source,
                              const std::vector<std::string>& knownTemplates) {
  Object::Ptr root = parseJsonObject(text, source);
  Violations v;
  Reader r(*root, "", v);
  SopProfile p;
  p.id = r.string("id", true);
  p.title = r.string("title", true);
  p.seed = r.string("seed", false);
  p.office = r.string("office", false);
  p.notes = r.strings("notes", false);
  p.totalTimeStandard = r.timeStandard("time_standard");
  if (Object::Ptr roles = r.object("roles", true)) {
    for (const auto& [name, value] : *roles) {
      RoleMapping mapping{name, {}};
      if (value.isString()) {
        mapping.naskahRoles.push_back(value.extract<std::string>());
      } else if (value.type() == typeid(Array::Ptr)) {
        auto array = value.extract<Array::Ptr>();
        for (size_t i = 0; i < array->size(); ++i) {
          const auto& role = array->get(static_cast<unsigned>(i));
          if (role.isString()) mapping.naskahRoles.push_back(role.extract<std::string>());
          else v.add("roles." + name, "must list Naskah role names as strings");
        }
      } else {
        v.add("roles." + name, "must be a Naskah role name or a list of them ([] for a party outside Naskah)");
      }
      p.roles.push_back(std::move(mapping));
    }
  }
  eachObject(r.array("entries", true), "entries", v, [&](const Object& o, size_t i) {
    Reader er(o, elementField("entries", o, i), v);
    Entry e;
    e.id = er.string("id", true);
    e.label = er.string("label", true);
    e.channels = er.strings("channels", true);
    e.step = er.string("step", true);
    e.intake = er.string("intake", false);
    er.finish();
    p.entries.push_back(std::move(e));
  });
  eachObject(r.array("steps", true), "steps", v,
             [&](const Object& o, size_t i) { p.steps.push_back(readStep(o, elementField("steps", o, i), v)); });
  eachObject(r.array("periodic_tasks", false), "periodic_tasks", v, [&](const Object& o, size_t i) {
    Reader tr(o, elementField("periodic_tasks", o, i), v);
    PeriodicTask t;
    t.id = tr.string("id", true);
    t.name = tr.string("name", true);
    t.performer = tr.string("performer", true);
    t.period = tr.string("period", true);
    t.timeStandard = tr.timeStandard("time_standard");
    t.output = tr.string("output", false);
    t.outputLabel = tr.string("output_label", false);
    tr.finish();
    p.periodicTasks.push_back(std::move(t));
  });
  r.finish();

  // The file's own problems first, then the rules of the model (which may repeat a missing
  // value in its own words: both point at the same line).
  collectViolations(p, v, knownTemplates);
  if (v.empty()) return p;
  Violations withLines;
  for (const auto& f : v.items()) withLines.add(f.field, located(f, text));
  withLines.throwIfAny("SOP profile " + source);
  return p;
}

SopProfile loadSopProfile(const std::string& path, const std::vector<std::string>& knownTemplates) {
  return sopProfileFromJson(readTextFile(path), path, knownTemplates);
}

std::vector<SopProfile> loadSopProfiles(const std::string& folder, const std::vector<std::string>& knownTemplates) {
  std::vector<SopProfile> profiles;
  std::map<std::string, std::string> fileOfId;
  std::vector<FieldViolation> problems;
  std::string firstMessage;
  for (const auto& path : jsonFilesIn(folder)) {
    try {
      SopProfile p = loadSopProfile(path, knownTemplates);
      if (auto [it, fresh] = fileOfId.emplace(p.id, path); !fresh) {
        problems.push_back({path + ": id", "'" + p.id + "' is the id of " + it->second + " already"});
        continue;
      }
      profiles.push_back(std::move(p));
    } catch (const Error& e) {
      if (e.code() != ErrorCode::kInvalidArgument) throw;
      std::string what = e.what();
      if (e.violations().empty())  // a syntax error "<path>:<line>:<column>: ..."
        problems.push_back({path, "line " + (what.rfind(path + ":", 0) == 0 ? what.substr(path.size() + 1) : what)});
      for (const auto& f : e.violations()) problems.push_back({path + ": " + f.field, f.message});
    }
  }
  if (!problems.empty()) {
    std::string message = "SOP profiles in " + folder + ": ";
    for (size_t i = 0; i < problems.size(); ++i)
      message += (i ? "; " : "") + problems[i].field + " " + problems[i].message;
    throw Error(ErrorCode::kInvalidArgument, message, problems);
  }
  return profiles;
}

std::vector<std::string> documentTemplateNames(const std::string& templatesFolder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(templatesFolder, ec))
    throw Error(ErrorCode::kNotFound, templatesFolder + ": no such folder");
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(templatesFolder))
    if (entry.is_regular_file() && entry.path().extension() == ".xml") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace naskah::json
