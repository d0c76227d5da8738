#include "json/retention_json.h"

#include <algorithm>

#include "Poco/JSON/Array.h"
#include "domain/common/error.h"
#include "json/workflow_json_source.h"

namespace naskah::json {
namespace {

using domain::archive::ClassificationCode;
using domain::archive::RetentionRule;
using Poco::JSON::Array;
using Poco::JSON::Object;

const std::vector<std::string> kFileKeys{"source", "notes", "codes"};
const std::vector<std::string> kCodeKeys{"code", "name", "active_years", "inactive_years", "disposition", "note"};

bool known(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::optional<ClassificationCode> readCode(const Object& o, const std::string& at, Violations& v) {
  for (const auto& [key, value] : o)
    if (!known(kCodeKeys, key)) v.add(at + "." + key, "is not a known key (" + std::string("code, name, active_years, "
                                                      "inactive_years, disposition, note)"));
  if (!o.has("code") || !o.get("code").isString()) {
    v.add(at + ".code", "is required, a text like \"400.9\"");
    return std::nullopt;
  }
  ClassificationCode code;
  code.code = o.getValue<std::string>("code");
  const std::string field = code.code;
  if (o.has("name") && o.get("name").isString()) code.name = o.getValue<std::string>("name");
  int given = 0;
  for (const char* key : {"active_years", "inactive_years", "disposition"}) given += o.has(key) ? 1 : 0;
  if (given == 0) return code;  // inherits its parent's rule
  if (given < 3) {
    v.add(field, "gives part of a rule: active_years, inactive_years and disposition go together");
    return code;
  }
  RetentionRule rule;
  bool ok = true;
  auto years = [&](const char* key, int& out) {
    const auto& value = o.get(key);
    if (!value.isInteger() || value.convert<int>() < 0 || value.convert<int>() > 100) {
      v.add(field + "." + key, "must be a whole number of years from 0 to 100");
      ok = false;
      return;
    }
    out = value.convert<int>();
  };
  years("active_years", rule.activeYears);
  years("inactive_years", rule.inactiveYears);
  const auto& disposition = o.get("disposition");
  auto parsed = disposition.isString() ? domain::archive::parseFinalDisposition(disposition.extract<std::string>())
                                       : std::nullopt;
  if (!parsed) {
    v.add(field + ".disposition", "must be musnah, permanen or dinilai_kembali");
    ok = false;
  } else {
    rule.disposition = *parsed;
  }
  if (ok) code.rule = rule;
  return code;
}

}  // namespace

domain::archive::RetentionSchedule retentionScheduleFromJson(const std::string& text, const std::string& source) {
  Object::Ptr root = parseJsonObject(text, source);
  Violations v;
  for (const auto& [key, value] : *root)
    if (!known(kFileKeys, key)) v.add(key, "is not a known key (source, notes, codes)");
  std::vector<ClassificationCode> codes;
  Array::Ptr array = root->getArray("codes");
  if (!array) {
    v.add("codes", "is required, a list of {\"code\", \"name\", \"active_years\", \"inactive_years\", \"disposition\"}");
  } else {
    for (unsigned i = 0; i < array->size(); ++i) {
      std::string at = "codes[" + std::to_string(i) + "]";
      Object::Ptr item = array->getObject(i);
      if (!item) {
        v.add(at, "must be an object");
        continue;
      }
      if (auto code = readCode(*item, at, v)) codes.push_back(std::move(*code));
    }
  }
  v.throwIfAny(source + ": the classification codes are not valid");
  try {
    return domain::archive::RetentionSchedule(std::move(codes));
  } catch (const Error& e) {
    throw Error(e.code(), source + ": " + e.what(), e.violations());
  }
}

domain::archive::RetentionSchedule loadRetentionSchedule(const std::string& path) {
  return retentionScheduleFromJson(readTextFile(path), path);
}

}  // namespace naskah::json
