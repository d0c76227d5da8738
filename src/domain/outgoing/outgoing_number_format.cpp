#include "domain/outgoing/outgoing_number_format.h"

#include "domain/common/error.h"
#include "domain/common/number_pattern.h"
#include "domain/letters/agenda_number_format.h"

namespace naskah::domain {
namespace {

constexpr const char* kWhat = "outgoing number pattern";

}  // namespace

OutgoingNumberFormat::OutgoingNumberFormat(std::string pattern) : pattern_(std::move(pattern)) {
  bool hasSeq = false;
  walkNumberPattern(
      pattern_, kWhat, [](const std::string&) {},
      [&](const std::string& field, int) {
        if (field == "seq")
          hasSeq = true;
        else if (field != "classification" && field != "unit" && field != "office" && field != "year" &&
                 field != "month")
          throw Error(ErrorCode::kInvalidArgument,
                      std::string(kWhat) + " has an unknown placeholder {" + field +
                          "}; use {classification}, {seq}, {seq:N}, {unit}, {office}, {year}, {month}");
      });
  if (!hasSeq) throw Error(ErrorCode::kInvalidArgument, std::string(kWhat) + " needs {seq}: " + pattern_);
}

std::string OutgoingNumberFormat::format(const OutgoingNumberParts& parts) const {
  std::string out;
  walkNumberPattern(
      pattern_, kWhat, [&](const std::string& text) { out += text; },
      [&](const std::string& field, int width) {
        if (field == "seq")
          out += zeroPadded(parts.sequence, width);
        else if (field == "classification")
          out += parts.classification;
        else if (field == "unit")
          out += parts.unit;
        else if (field == "office")
          out += parts.office;
        else if (field == "year")
          out += std::to_string(parts.year);
        else
          out += romanMonth(parts.month);
      });
  return out;
}

}  // namespace naskah::domain
