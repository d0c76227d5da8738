#include "domain/letters/incoming_letter.h"

#include <array>
#include <utility>

#include "domain/common/error.h"

namespace naskah::domain {
namespace {

template <typename E, size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

constexpr NameTable<Channel, 7> kChannels{{{Channel::kLetter, "surat"},
                                           {Channel::kWalkIn, "datang_langsung"},
                                           {Channel::kSuggestionBox, "kotak_saran"},
                                           {Channel::kSms, "sms"},
                                           {Channel::kWhatsApp, "whatsapp"},
                                           {Channel::kWebsite, "website"},
                                           {Channel::kFacebook, "facebook"}}};
constexpr NameTable<Urgency, 4> kUrgencies{{{Urgency::kBiasa, "biasa"},
                                            {Urgency::kSegera, "segera"},
                                            {Urgency::kSangatSegera, "sangat_segera"},
                                            {Urgency::kRahasia, "rahasia"}}};
constexpr NameTable<ComplaintKind, 2> kKinds{{{ComplaintKind::kSuggestion, "saran"},
                                              {ComplaintKind::kComplaint, "pengaduan"}}};
constexpr NameTable<Scale, 4> kScales{{{Scale::kSmall, "kecil"},
                                       {Scale::kMedium, "menengah"},
                                       {Scale::kLarge, "besar"},
                                       {Scale::kGeneral, "umum"}}};
constexpr NameTable<Sex, 3> kSexes{
    {{Sex::kUnspecified, ""}, {Sex::kMale, "laki-laki"}, {Sex::kFemale, "perempuan"}}};

// How printed documents and the UI say them (the form in seed 002, the disposition sheet).
constexpr NameTable<Channel, 7> kChannelLabels{{{Channel::kLetter, "Surat"},
                                                {Channel::kWalkIn, "Datang langsung"},
                                                {Channel::kSuggestionBox, "Kotak saran"},
                                                {Channel::kSms, "SMS"},
                                                {Channel::kWhatsApp, "WhatsApp"},
                                                {Channel::kWebsite, "Website"},
                                                {Channel::kFacebook, "Facebook"}}};
constexpr NameTable<Urgency, 4> kUrgencyLabels{{{Urgency::kBiasa, "Biasa"},
                                                {Urgency::kSegera, "Segera"},
                                                {Urgency::kSangatSegera, "Sangat Segera"},
                                                {Urgency::kRahasia, "Rahasia"}}};
constexpr NameTable<ComplaintKind, 2> kKindLabels{{{ComplaintKind::kSuggestion, "Saran / Pertanyaan / Informasi"},
                                                   {ComplaintKind::kComplaint, "Pengaduan / Keluhan / Masalah"}}};

template <typename E, size_t N>
std::string_view nameOf(const NameTable<E, N>& table, E value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "";
}

template <typename E, size_t N>
std::optional<E> valueOf(const NameTable<E, N>& table, std::string_view name) {
  for (const auto& [v, n] : table)
    if (n == name) return v;
  return std::nullopt;
}

template <typename E, size_t N>
std::string namesOf(const NameTable<E, N>& table) {
  std::string out;
  for (const auto& entry : table) {
    if (entry.second.empty()) continue;
    if (!out.empty()) out += ", ";
    out += entry.second;
  }
  return out;
}

bool digits(std::string_view s, size_t pos, size_t count) {
  if (pos + count > s.size()) return false;
  for (size_t i = pos; i < pos + count; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number(std::string_view s, size_t pos, size_t count) {
  int n = 0;
  for (size_t i = pos; i < pos + count; ++i) n = n * 10 + (s[i] - '0');
  return n;
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool isRealDate(int y, int m, int d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  int max = kDays[m - 1] + (m == 2 && isLeap(y) ? 1 : 0);
  return d <= max;
}

// Length limits keep one entry within what the register and its documents can show.
constexpr size_t kShortText = 200;
constexpr size_t kLongText = 20000;

// A control character (NUL, ESC, ...) has no place in a letter and would be cut or garbled by a
// C string API, a CSV reader or a PDF; tab and line breaks are ordinary text.
bool hasControlCharacter(const std::string& value) {
  for (unsigned char c : value)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return true;
  return false;
}

void checkText(Violations& v, const char* field, const std::string& value, size_t max) {
  if (value.size() > max)
    v.add(field, "is longer than " + std::to_string(max) + " bytes");
  else if (hasControlCharacter(value))
    v.add(field, "must not contain control characters");
}

}  // namespace

std::string_view toString(Channel value) { return nameOf(kChannels, value); }
std::string_view toString(Urgency value) { return nameOf(kUrgencies, value); }
std::string_view toString(ComplaintKind value) { return nameOf(kKinds, value); }
std::string_view toString(Scale value) { return nameOf(kScales, value); }
std::string_view toString(Sex value) { return nameOf(kSexes, value); }
std::string_view label(Channel value) { return nameOf(kChannelLabels, value); }
std::string_view label(Urgency value) { return nameOf(kUrgencyLabels, value); }
std::string_view label(ComplaintKind value) { return nameOf(kKindLabels, value); }
std::optional<Channel> parseChannel(std::string_view n) { return valueOf(kChannels, n); }
std::optional<Urgency> parseUrgency(std::string_view n) { return valueOf(kUrgencies, n); }
std::optional<ComplaintKind> parseComplaintKind(std::string_view n) { return valueOf(kKinds, n); }
std::optional<Scale> parseScale(std::string_view n) { return valueOf(kScales, n); }
std::optional<Sex> parseSex(std::string_view n) { return valueOf(kSexes, n); }
std::string allChannelNames() { return namesOf(kChannels); }
std::string allUrgencyNames() { return namesOf(kUrgencies); }
std::string allComplaintKindNames() { return namesOf(kKinds); }
std::string allScaleNames() { return namesOf(kScales); }
std::string allSexNames() { return namesOf(kSexes); }

bool isIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!digits(s, 0, 4) || !digits(s, 5, 2) || !digits(s, 8, 2)) return false;
  return isRealDate(number(s, 0, 4), number(s, 5, 2), number(s, 8, 2));
}

bool isIsoDateTime(std::string_view s) {
  if (s.size() < 16 || !isIsoDate(s.substr(0, 10)) || s[10] != 'T' || s[13] != ':') return false;
  if (!digits(s, 11, 2) || !digits(s, 14, 2)) return false;
  if (number(s, 11, 2) > 23 || number(s, 14, 2) > 59) return false;
  std::string_view rest = s.substr(16);
  if (!rest.empty() && rest[0] == ':') {
    if (!digits(rest, 1, 2) || number(rest, 1, 2) > 59) return false;
    rest = rest.substr(3);
  }
  if (rest.empty() || rest == "Z") return true;
  return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && digits(rest, 1, 2) &&
         rest[3] == ':' && digits(rest, 4, 2);
}

int agendaYear(const IncomingLetterFields& fields) { return number(fields.receivedAt, 0, 4); }

void validate(const IncomingLetterFields& f) {
  Violations v;
  collectViolations(f, v);
  v.throwIfAny("the incoming letter is not valid");
}

void collectViolations(const IncomingLetterFields& f, Violations& v) {
  if (f.receivedAt.empty())
    v.add("received_at", "is required");
  else if (!isIsoDateTime(f.receivedAt))
    v.add("received_at", "must be a date and time like 2026-11-23T09:15:00");
  if (!f.senderLetterDate.empty() && !isIsoDate(f.senderLetterDate))
    v.add("sender_letter_date", "must be a date like 2026-11-20");
  if (f.sender.empty()) v.add("sender", "is required");
  if (f.subject.empty()) v.add("subject", "is required");
  if (f.summary.empty()) v.add("summary", "is required");
  checkText(v, "sender", f.sender, kShortText);
  checkText(v, "sender_letter_number", f.senderLetterNumber, kShortText);
  checkText(v, "subject", f.subject, 1000);
  checkText(v, "enclosures", f.enclosures, kShortText);
  checkText(v, "classification_code", f.classificationCode, 40);
  checkText(v, "summary", f.summary, kLongText);
  checkText(v, "reporter.name", f.reporter.name, kShortText);
  checkText(v, "reporter.address", f.reporter.address, 1000);
  checkText(v, "reporter.phone", f.reporter.phone, 40);
  checkText(v, "reporter.email", f.reporter.email, kShortText);
  if (!f.reporter.email.empty() && f.reporter.email.find('@') == std::string::npos)
    v.add("reporter.email", "must be an e-mail address");
  for (char c : f.classificationCode)
    if (!((c >= '0' && c <= '9') || c == '.')) {
      v.add("classification_code", "must be digits and dots, e.g. 400.9");
      break;
    }
}

}  // namespace naskah::domain
