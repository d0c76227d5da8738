#include "json/calendar_json.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "Poco/JSON/Array.h"
#include "domain/common/error.h"
#include "json/workflow_json_source.h"

namespace naskah::json {
namespace {

using namespace naskah::domain::workflow;
using Poco::JSON::Array;
using Poco::JSON::Object;

const std::vector<std::string> kFileKeys{"office", "time_zone", "office_hours", "cuti_bersama_is_day_off", "year",
                                         "source", "status", "notes", "days_off"};
const std::vector<std::string> kDayKeys{"date", "kind", "name", "provisional", "note"};

bool known(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

WeeklyHours readHours(const Object& o, Violations& v) {
  WeeklyHours week;
  for (const auto& [name, value] : o) {
    std::string field = "office_hours." + name;
    auto day = parseWeekdayName(name);
    if (!day) {
      v.add(field, "is not a day (senin, selasa, rabu, kamis, jumat, sabtu, minggu)");
      continue;
    }
    if (value.type() != typeid(Array::Ptr)) {
      v.add(field, "must be a list of \"HH:MM-HH:MM\" intervals ([] when closed)");
      continue;
    }
    auto array = value.extract<Array::Ptr>();
    for (size_t i = 0; i < array->size(); ++i) {
      const auto& item = array->get(static_cast<unsigned>(i));
      std::string text = item.isString() ? item.extract<std::string>() : "";
      auto dash = text.find('-');
      std::optional<int> open, close;
      if (dash != std::string::npos) {
        open = parseClockMinute(text.substr(0, dash));
        close = parseClockMinute(text.substr(dash + 1));
      }
      if (!open || !close) {
        v.add(field, "'" + text + "' is not an interval like \"07:30-16:00\"");
        continue;
      }
      week[static_cast<size_t>(*day)].push_back({*open, *close});
    }
  }
  return week;
}

}  // namespace

CalendarFile calendarFileFromJson(const std::string& text, const std::string& source) {
  Object::Ptr root = parseJsonObject(text, source);
  Violations v;
  CalendarFile file;
  for (const auto& [key, value] : *root)
    if (!known(kFileKeys, key)) v.add(key, "is not a known key here (see docs/workflow.md)");
  if (root->has("year")) {
    if (root->get("year").isInteger()) file.year = root->get("year").convert<int>();
    else v.add("year", "must be a whole number");
  }
  if (root->has("source")) file.source = root->get("source").toString();
  if (root->has("cuti_bersama_is_day_off")) {
    if (root->get("cuti_bersama_is_day_off").isBoolean())
      file.cutiBersamaIsDayOff = root->get("cuti_bersama_is_day_off").convert<bool>();
    else
      v.add("cuti_bersama_is_day_off", "must be true or false");
  }
  if (root->has("office_hours")) {
    if (root->get("office_hours").type() == typeid(Object::Ptr))
      file.officeHours = readHours(*root->getObject("office_hours"), v);
    else
      v.add("office_hours", "must be an object of days ({\"senin\": [\"07:30-16:00\"], ...})");
  }
  if (root->has("days_off")) {
    Array::Ptr days = root->get("days_off").type() == typeid(Array::Ptr) ? root->getArray("days_off") : nullptr;
    if (!days) v.add("days_off", "must be a list [ ... ]");
    for (size_t i = 0; days && i < days->size(); ++i) {
      std::string field = "days_off[" + std::to_string(i) + "]";
      const auto& item = days->get(static_cast<unsigned>(i));
      if (item.type() != typeid(Object::Ptr)) {
        v.add(field, "must be an object { \"date\", \"kind\", \"name\" }");
        continue;
      }
      auto o = item.extract<Object::Ptr>();
      std::string date = o->has("date") && o->get("date").isString() ? o->get("date").extract<std::string>() : "";
      if (!date.empty()) field += " (" + date + ", line " + std::to_string(lineOfMember(text, "date", date)) + ")";
      for (const auto& [key, value] : *o)
        if (!known(kDayKeys, key)) v.add(field + "." + key, "is not a known key here");
      DayOff day;
      auto parsed = parseDate(date);
      if (!parsed) v.add(field + ".date", "must be a date like 2026-08-17");
      else day.date = *parsed;
      std::string kind = o->has("kind") && o->get("kind").isString() ? o->get("kind").extract<std::string>() : "";
      if (auto k = parseDayOffKind(kind)) day.kind = *k;
      else v.add(field + ".kind", "must be one of libur_nasional, cuti_bersama, libur_daerah");
      if (o->has("name") && o->get("name").isString()) day.name = o->get("name").extract<std::string>();
      if (day.name.empty()) v.add(field + ".name", "is required");
      if (o->has("provisional")) {
        if (o->get("provisional").isBoolean()) day.provisional = o->get("provisional").convert<bool>();
        else v.add(field + ".provisional", "must be true or false");
      }
      if (parsed && file.year &&
          static_cast<int>(std::chrono::year_month_day{*parsed}.year()) != *file.year)
        v.add(field + ".date", "is not in the file's year " + std::to_string(*file.year));
      file.daysOff.push_back(std::move(day));
    }
  }
  v.throwIfAny("calendar " + source);
  return file;
}

domain::workflow::WorkingCalendar loadWorkingCalendar(const std::vector<std::string>& paths) {
  std::optional<WeeklyHours> hours;
  std::string hoursFile;
  bool cutiBersamaIsDayOff = true;
  std::vector<DayOff> daysOff;
  std::map<Date, std::string> fileOfDate;
  Violations v;
  for (const auto& path : paths) {
    CalendarFile file;
    try {
      file = calendarFileFromJson(readTextFile(path), path);
    } catch (const Error& e) {
      if (e.code() != ErrorCode::kInvalidArgument) throw;
      if (e.violations().empty()) v.add(path, e.what());
      for (const auto& f : e.violations()) v.add(path + ": " + f.field, f.message);
      continue;
    }
    if (file.officeHours) {
      if (hours) v.add(path + ": office_hours", "are given in " + hoursFile + " already");
      hours = file.officeHours;
      hoursFile = path;
    }
    if (file.cutiBersamaIsDayOff) cutiBersamaIsDayOff = *file.cutiBersamaIsDayOff;
    for (auto& day : file.daysOff) {
      if (auto [it, fresh] = fileOfDate.emplace(day.date, path); !fresh)
        v.add(path + ": days_off", toIsoString(day.date) + " is listed twice (also in " + it->second + ")");
      daysOff.push_back(std::move(day));
    }
  }
  if (!hours && v.empty()) v.add("office_hours", "no calendar file gives the office hours");
  v.throwIfAny("office calendar");
  try {
    return WorkingCalendar(*hours, daysOff, cutiBersamaIsDayOff);
  } catch (const Error& e) {
    throw Error(e.code(), hoursFile + ": " + e.what(), e.violations());
  }
}

domain::workflow::WorkingCalendar loadWorkingCalendarFolder(const std::string& folder) {
  return loadWorkingCalendar(jsonFilesIn(folder));
}

}  // namespace naskah::json
