#include "domain/letters/agenda_number_format.h"

#include "domain/common/error.h"
#include "domain/common/number_pattern.h"

namespace naskah::domain {

std::string romanMonth(int month) {
  static const char* kRoman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
  if (month < 1 || month > 12) throw Error(ErrorCode::kInvalidArgument, "month out of range");
  return kRoman[month - 1];
}

AgendaNumberFormat::AgendaNumberFormat(std::string pattern) : pattern_(std::move(pattern)) {
  bool hasSeq = false;
  walkNumberPattern(
      pattern_, "agenda number pattern", [](const std::string&) {},
      [&](const std::string& field, int) {
        if (field == "seq")
          hasSeq = true;
        else if (field != "year" && field != "office" && field != "month")
          throw Error(ErrorCode::kInvalidArgument,
                      "agenda number pattern has an unknown placeholder {" + field +
                          "}; use {seq}, {seq:N}, {year}, {month}, {office}");
      });
  if (!hasSeq) throw Error(ErrorCode::kInvalidArgument, "agenda number pattern needs {seq}: " + pattern_);
}

std::string AgendaNumberFormat::format(std::int64_t sequence, int year, int month,
                                       const std::string& officeCode) const {
  std::string out;
  walkNumberPattern(
      pattern_, "agenda number pattern", [&](const std::string& text) { out += text; },
      [&](const std::string& field, int width) {
        if (field == "seq") {
          out += zeroPadded(sequence, width);
        } else if (field == "year") {
          out += std::to_string(year);
        } else if (field == "month") {
          out += romanMonth(month);
        } else {
          out += officeCode;
        }
      });
  return out;
}

}  // namespace naskah::domain
