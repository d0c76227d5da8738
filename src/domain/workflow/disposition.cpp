#include "domain/workflow/disposition.h"

#include <cctype>

namespace naskah::domain::workflow {

std::optional<int> dispositionRank(Role role) {
  switch (role) {
    case Role::kHead: return 4;
    case Role::kManager: return 3;
    case Role::kSupervisor: return 2;
    case Role::kOfficer: return 1;
    default: return std::nullopt;
  }
}

bool mayDispose(Role from, Role to) {
  auto a = dispositionRank(from), b = dispositionRank(to);
  return a && b && *a > *b;
}

int defaultDispositionWorkingDays(const std::string& urgency) {
  if (urgency == "sangat_segera") return 1;
  if (urgency == "segera") return 2;
  return 5;
}

const std::vector<std::string>& defaultStandardInstructions() {
  static const std::vector<std::string> kInstructions{
      "Untuk diketahui",   "Untuk ditindaklanjuti", "Proses lebih lanjut", "Koordinasi/konfirmasikan",
      "Tanggapan dan saran", "Untuk dijawab",        "Arsipkan"};
  return kInstructions;
}

namespace {
std::string folded(const std::string& text) {
  size_t start = text.find_first_not_of(" \t"), end = text.find_last_not_of(" \t");
  if (start == std::string::npos) return "";
  std::string out = text.substr(start, end - start + 1);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

std::optional<std::string> standardInstruction(const std::vector<std::string>& standard, const std::string& given) {
  std::string wanted = folded(given);
  for (const auto& instruction : standard)
    if (!wanted.empty() && folded(instruction) == wanted) return instruction;
  return std::nullopt;
}

}  // namespace naskah::domain::workflow
