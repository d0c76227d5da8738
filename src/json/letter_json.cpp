#include "json/letter_json.h"

#include <algorithm>

#include "Poco/JSON/Array.h"

namespace naskah::json {

Poco::JSON::Object::Ptr toJson(const domain::Attachment& a) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", a.id);
  o->set("file_name", a.fileName);
  o->set("content_type", a.contentType);
  o->set("size_bytes", a.sizeBytes);
  o->set("sha256", a.sha256);
  return o;
}

Poco::JSON::Object::Ptr toJson(const domain::IncomingLetter& l) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", l.id);
  o->set("agenda_number", l.agendaNumber);
  o->set("agenda_year", l.year);
  o->set("agenda_sequence", l.sequence);
  o->set("tracking_code", l.trackingCode);
  o->set("case_id", l.caseId);
  o->set("status", l.isVoid ? "void" : "active");
  if (l.isVoid) o->set("void_reason", l.voidReason);
  o->set("version", l.version);
  Poco::JSON::Object::Ptr reporter = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (auto name : domain::letterFieldNames()) {
    std::string key(name);
    if (domain::isReporterField(name))
      reporter->set(key.substr(9), domain::getField(l.fields, name));
    else
      o->set(key, domain::getField(l.fields, name));
  }
  if (l.identityWithheld)
    o->set("reporter", Poco::Dynamic::Var());
  else
    o->set("reporter", reporter);
  o->set("reporter_withheld", l.identityWithheld);
  o->set("registered_by", l.registeredBy);
  o->set("registered_at", l.registeredAt);
  Poco::JSON::Array attachments;
  for (const auto& a : l.attachments) attachments.add(toJson(a));
  o->set("attachments", attachments);
  return o;
}

std::string stringMember(const Poco::JSON::Object& object, const std::string& name, Violations& v, bool required) {
  if (!object.has(name) || object.isNull(name)) {
    if (required) v.add(name, "is required");
    return "";
  }
  const Poco::Dynamic::Var& value = object.get(name);
  if (!value.isString()) {
    v.add(name, "must be a string");
    return "";
  }
  return value.extract<std::string>();
}

domain::FieldValues letterFieldsFromJson(const Poco::JSON::Object& object, Violations& v,
                                         const std::vector<std::string>& allowedExtra) {
  domain::FieldValues values;
  for (const auto& [key, value] : object) {
    if (std::find(allowedExtra.begin(), allowedExtra.end(), key) != allowedExtra.end()) continue;
    if (key == "reporter") {
      if (value.isEmpty()) continue;
      if (value.type() != typeid(Poco::JSON::Object::Ptr)) {
        v.add("reporter", "must be an object");
        continue;
      }
      auto reporter = value.extract<Poco::JSON::Object::Ptr>();
      for (const auto& [subKey, subValue] : *reporter) {
        std::string field = "reporter." + subKey;
        if (!domain::isLetterField(field))
          v.add(field, "is not a field of the reporter (name, address, sex, phone, email)");
        else if (subValue.isEmpty())
          continue;
        else if (!subValue.isString())
          v.add(field, "must be a string");
        else
          values.emplace_back(field, subValue.extract<std::string>());
      }
      continue;
    }
    if (!domain::isLetterField(key) || domain::isReporterField(key)) {
      v.add(key, "is not a field of an incoming letter");
    } else if (value.isEmpty()) {
      continue;
    } else if (!value.isString()) {
      v.add(key, "must be a string");
    } else {
      values.emplace_back(key, value.extract<std::string>());
    }
  }
  // Unknown enum values are reported here too, so one answer names every bad field.
  domain::IncomingLetterFields scratch;
  for (const auto& [name, text] : values) domain::setField(scratch, name, text, v);
  return values;
}

domain::FieldValues registrationFromJson(const Poco::JSON::Object& object) {
  Violations v;
  auto values = letterFieldsFromJson(object, v);
  if (v.empty()) return values;
  // Add what the registration rules would say (missing fields, bad dates) to the mapping's findings.
  try {
    domain::fieldsForRegistration(values, "2000-01-01T00:00:00");
  } catch (const Error& e) {
    for (const auto& found : e.violations()) {
      bool known = false;
      for (const auto& have : v.items()) known |= have.field == found.field;
      if (!known) v.add(found.field, found.message);
    }
  }
  v.throwIfAny("the incoming letter is not valid");
  return values;
}

}  // namespace naskah::json
