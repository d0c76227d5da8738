// Reading the CSV exports in tests (RFC 4180: quoted cells may hold commas, quotes and line
// breaks), so a test checks cells rather than searching the text.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace naskah::testing {

// Every row, the header first.
inline std::vector<std::vector<std::string>> csvRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += text[++i];
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(cell));
      cell.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      cell += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

// The rows after the header, each as column name → cell.
inline std::vector<std::map<std::string, std::string>> csvRecords(const std::string& text) {
  auto rows = csvRows(text);
  std::vector<std::map<std::string, std::string>> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::map<std::string, std::string> record;
    for (std::size_t c = 0; c < rows[0].size() && c < rows[r].size(); ++c) record[rows[0][c]] = rows[r][c];
    out.push_back(std::move(record));
  }
  return out;
}

}  // namespace naskah::testing
