#include "domain/common/indonesian_text.h"

#include <array>
#include <cctype>

#include "domain/common/error.h"

namespace naskah::domain {
namespace {

struct Date {
  int year, month, day;
};

Date parseIsoDate(std::string_view text) {
  auto bad = [&] {
    return Error(ErrorCode::kInvalidArgument,
                 "tanggal tidak valid (harus YYYY-MM-DD): \"" + std::string(text) + "\"");
  };
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') throw bad();
  auto digits = [&](size_t from, size_t count) {
    int value = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) throw bad();
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  Date date{digits(0, 4), digits(5, 2), digits(8, 2)};
  static constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > kDays[date.month - 1]) {
    throw bad();
  }
  bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  if (date.month == 2 && date.day == 29 && !leap) throw bad();
  return date;
}

constexpr std::array<const char*, 12> kMonths{"Januari", "Februari", "Maret",     "April",
                                              "Mei",     "Juni",     "Juli",      "Agustus",
                                              "September", "Oktober", "November", "Desember"};

constexpr std::array<const char*, 12> kUnits{"",     "satu", "dua",   "tiga",    "empat",    "lima",
                                             "enam", "tujuh", "delapan", "sembilan", "sepuluh",
                                             "sebelas"};

// Below one thousand; empty for zero.
std::string spellBelowThousand(int n) {
  std::string out;
  auto add = [&out](const std::string& word) {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += word;
  };
  if (n >= 100) {
    add(n / 100 == 1 ? "seratus" : std::string(kUnits[n / 100]) + " ratus");
    n %= 100;
  }
  if (n >= 20) {
    add(std::string(kUnits[n / 10]) + " puluh");
    n %= 10;
    add(kUnits[n]);
  } else if (n >= 12) {
    add(std::string(kUnits[n - 10]) + " belas");
  } else {
    add(kUnits[n]);
  }
  return out;
}

}  // namespace

std::string formatIndonesianDate(std::string_view isoDate) {
  Date date = parseIsoDate(isoDate);
  return std::to_string(date.day) + " " + kMonths[date.month - 1] + " " + std::to_string(date.year);
}

std::string indonesianWeekday(std::string_view isoDate) {
  Date date = parseIsoDate(isoDate);
  // Sakamoto's method: 0 = Sunday.
  static constexpr std::array<int, 12> kOffsets{0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int y = date.year - (date.month < 3 ? 1 : 0);
  int weekday = (y + y / 4 - y / 100 + y / 400 + kOffsets[date.month - 1] + date.day) % 7;
  static constexpr std::array<const char*, 7> kDays{"Minggu", "Senin", "Selasa", "Rabu",
                                                    "Kamis",  "Jumat", "Sabtu"};
  return kDays[weekday];
}

std::string terbilang(std::int64_t number) {
  if (number == 0) return "nol";
  if (number < 0) return "minus " + terbilang(-number);
  if (number > 999'999'999'999'999) {
    throw Error(ErrorCode::kInvalidArgument, "angka terlalu besar untuk terbilang");
  }
  static constexpr std::array<const char*, 5> kScales{"", "ribu", "juta", "miliar", "triliun"};
  std::string out;
  int scale = 4;
  for (std::int64_t divisor = 1'000'000'000'000; divisor >= 1; divisor /= 1000, --scale) {
    int group = static_cast<int>(number / divisor % 1000);
    if (group == 0) continue;
    std::string words;
    if (scale == 1 && group == 1) {
      words = "seribu";  // "seribu", but "satu juta"
    } else {
      words = spellBelowThousand(group);
      if (scale > 0) words += std::string(" ") + kScales[scale];
    }
    if (!out.empty()) out += ' ';
    out += words;
  }
  return out;
}

std::string formatNip(std::string_view nip) {
  std::string digits;
  for (char c : nip) {
    if (c != ' ') digits += c;
  }
  if (digits.size() != 18) return std::string(nip);
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::string(nip);
  }
  return digits.substr(0, 8) + " " + digits.substr(8, 6) + " " + digits.substr(14, 1) + " " +
         digits.substr(15, 3);
}

}  // namespace naskah::domain
