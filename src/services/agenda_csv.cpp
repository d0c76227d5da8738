#include "services/agenda_csv.h"

#include "domain/letters/letter_fields.h"

namespace naskah::services {
namespace {

std::string cell(std::string value) {
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')) value = "'" + value;
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string csvCell(std::string value) { return cell(std::move(value)); }

std::string agendaCsvHeader() {
  std::string out = "agenda_number,tracking_code,status";
  for (auto name : domain::letterFieldNames()) out += "," + std::string(name);
  return out + "\r\n";
}

std::string agendaCsvRows(const std::vector<domain::IncomingLetter>& letters) {
  std::string out;
  for (const auto& l : letters) {
    out += cell(l.agendaNumber) + "," + cell(l.trackingCode) + "," + (l.isVoid ? "void" : "active");
    for (auto name : domain::letterFieldNames()) out += "," + cell(domain::getField(l.fields, name));
    out += "\r\n";
  }
  return out;
}

}  // namespace naskah::services
