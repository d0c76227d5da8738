#include "domain/letters/letter_fields.h"

#include <algorithm>

namespace naskah::domain {
namespace {

template <typename E>
void setEnum(E& target, std::optional<E> parsed, std::string_view name, const std::string& value,
             const std::string& allowed, Violations& v) {
  if (parsed)
    target = *parsed;
  else
    v.add(std::string(name), "has unknown value \"" + value + "\"; use one of: " + allowed);
}

}  // namespace

const std::vector<std::string_view>& letterFieldNames() {
  static const std::vector<std::string_view> kNames{
      "received_at", "channel",        "sender_letter_number", "sender_letter_date", "sender",
      "subject",     "urgency",        "enclosures",           "classification_code", "complaint_kind",
      "scale",       "summary",        "reporter.name",        "reporter.address",   "reporter.sex",
      "reporter.phone", "reporter.email"};
  return kNames;
}

bool isLetterField(std::string_view name) {
  const auto& names = letterFieldNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool isReporterField(std::string_view name) { return name.rfind("reporter.", 0) == 0; }

std::string getField(const IncomingLetterFields& f, std::string_view n) {
  if (n == "received_at") return f.receivedAt;
  if (n == "channel") return std::string(toString(f.channel));
  if (n == "sender_letter_number") return f.senderLetterNumber;
  if (n == "sender_letter_date") return f.senderLetterDate;
  if (n == "sender") return f.sender;
  if (n == "subject") return f.subject;
  if (n == "urgency") return std::string(toString(f.urgency));
  if (n == "enclosures") return f.enclosures;
  if (n == "classification_code") return f.classificationCode;
  if (n == "complaint_kind") return std::string(toString(f.complaintKind));
  if (n == "scale") return std::string(toString(f.scale));
  if (n == "summary") return f.summary;
  if (n == "reporter.name") return f.reporter.name;
  if (n == "reporter.address") return f.reporter.address;
  if (n == "reporter.sex") return std::string(toString(f.reporter.sex));
  if (n == "reporter.phone") return f.reporter.phone;
  if (n == "reporter.email") return f.reporter.email;
  return "";
}

void setField(IncomingLetterFields& f, std::string_view n, const std::string& value, Violations& v) {
  if (n == "received_at") f.receivedAt = value;
  else if (n == "channel") setEnum(f.channel, parseChannel(value), n, value, allChannelNames(), v);
  else if (n == "sender_letter_number") f.senderLetterNumber = value;
  else if (n == "sender_letter_date") f.senderLetterDate = value;
  else if (n == "sender") f.sender = value;
  else if (n == "subject") f.subject = value;
  else if (n == "urgency") setEnum(f.urgency, parseUrgency(value), n, value, allUrgencyNames(), v);
  else if (n == "enclosures") f.enclosures = value;
  else if (n == "classification_code") f.classificationCode = value;
  else if (n == "complaint_kind")
    setEnum(f.complaintKind, parseComplaintKind(value), n, value, allComplaintKindNames(), v);
  else if (n == "scale") setEnum(f.scale, parseScale(value), n, value, allScaleNames(), v);
  else if (n == "summary") f.summary = value;
  else if (n == "reporter.name") f.reporter.name = value;
  else if (n == "reporter.address") f.reporter.address = value;
  else if (n == "reporter.sex") setEnum(f.reporter.sex, parseSex(value), n, value, allSexNames(), v);
  else if (n == "reporter.phone") f.reporter.phone = value;
  else if (n == "reporter.email") f.reporter.email = value;
  else v.add(std::string(n), "is not a field of an incoming letter");
}

IncomingLetterFields fieldsForRegistration(const FieldValues& values, const std::string& defaultReceivedAt) {
  IncomingLetterFields fields;
  fields.receivedAt = defaultReceivedAt;
  Violations v;
  bool hasChannel = false, hasKind = false;
  for (const auto& [name, value] : values) {
    setField(fields, name, value, v);
    hasChannel |= name == "channel";
    hasKind |= name == "complaint_kind";
  }
  if (!hasChannel) v.add("channel", "is required (one of: " + allChannelNames() + ")");
  if (!hasKind) v.add("complaint_kind", "is required (one of: " + allComplaintKindNames() + ")");
  collectViolations(fields, v);
  v.throwIfAny("the incoming letter is not valid");
  return fields;
}

std::vector<std::string> changedFields(const IncomingLetterFields& before, const IncomingLetterFields& after) {
  std::vector<std::string> out;
  for (auto name : letterFieldNames())
    if (getField(before, name) != getField(after, name)) out.emplace_back(name);
  return out;
}

std::string sniffContentType(std::string_view c) {
  if (c.substr(0, 5) == "%PDF-") return "application/pdf";
  if (c.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return "image/png";
  if (c.size() >= 3 && static_cast<unsigned char>(c[0]) == 0xFF && static_cast<unsigned char>(c[1]) == 0xD8 &&
      static_cast<unsigned char>(c[2]) == 0xFF)
    return "image/jpeg";
  return "";
}

void validateAttachmentName(const std::string& name) {
  auto bad = [&](const std::string& why) {
    throw Error(ErrorCode::kInvalidArgument, "file name \"" + name + "\" " + why, {{"file_name", why}});
  };
  if (name.empty()) bad("is empty");
  if (name.size() > 200) bad("is longer than 200 bytes");
  if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos)
    bad("must not contain a path separator");
  if (name.find("..") != std::string::npos) bad("must not contain \"..\"");
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7F) bad("must not contain control characters");
}

}  // namespace naskah::domain
