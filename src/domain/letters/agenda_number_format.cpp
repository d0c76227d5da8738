#include "domain/letters/agenda_number_format.h"

#include "domain/common/error.h"

namespace naskah::domain {
namespace {

// Calls onText for literal runs and onField(name, width) for each placeholder.
template <typename Text, typename Field>
void walk(const std::string& pattern, Text onText, Field onField) {
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
      throw Error(ErrorCode::kInvalidArgument, "agenda number pattern has an unclosed '{': " + pattern);
    std::string field = pattern.substr(open + 1, close - open - 1);
    int width = 0;
    if (auto colon = field.find(':'); colon != std::string::npos) {
      std::string w = field.substr(colon + 1);
      if (w.empty() || w.size() > 2 || w.find_first_not_of("0123456789") != std::string::npos)
        throw Error(ErrorCode::kInvalidArgument, "agenda number pattern has a bad width in {" + field + "}");
      width = std::stoi(w);
      field = field.substr(0, colon);
    }
    onField(field, width);
    pos = close + 1;
  }
}

}  // namespace

std::string romanMonth(int month) {
  static const char* kRoman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
  if (month < 1 || month > 12) throw Error(ErrorCode::kInvalidArgument, "month out of range");
  return kRoman[month - 1];
}

AgendaNumberFormat::AgendaNumberFormat(std::string pattern) : pattern_(std::move(pattern)) {
  bool hasSeq = false;
  walk(
      pattern_, [](const std::string&) {},
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
  walk(
      pattern_, [&](const std::string& text) { out += text; },
      [&](const std::string& field, int width) {
        if (field == "seq") {
          std::string digits = std::to_string(sequence);
          if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
          out += digits;
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
