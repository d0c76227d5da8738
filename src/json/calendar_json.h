// Calendar files (samples/calendar/; format in docs/workflow.md) into a WorkingCalendar: one file
// with the office hours, and holiday files with national holidays, cuti bersama and local days
// off per year. A file may hold both. Problems come back together, naming the file (and the line
// of a bad date).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/workflow/working_calendar.h"

namespace naskah::json {

// What one calendar file says.
struct CalendarFile {
  std::optional<domain::workflow::WeeklyHours> officeHours;  // "office_hours"
  std::optional<bool> cutiBersamaIsDayOff;                   // "cuti_bersama_is_day_off"
  std::vector<domain::workflow::DayOff> daysOff;             // "days_off"
  std::optional<int> year;                                   // "year": every date must fall in it
  std::string source;                                        // "source": the decree, as written
};

// Parses one file; Error(kInvalidArgument) "<source>: ..." naming every bad key and date.
CalendarFile calendarFileFromJson(const std::string& text, const std::string& source);

// The calendar made of these files: exactly one must give office_hours; a date given twice (in
// one file or two) is refused. cuti_bersama_is_day_off defaults to true (the usual ASN practice).
domain::workflow::WorkingCalendar loadWorkingCalendar(const std::vector<std::string>& paths);
// Every *.json file of a folder (samples/calendar).
domain::workflow::WorkingCalendar loadWorkingCalendarFolder(const std::string& folder);

}  // namespace naskah::json
