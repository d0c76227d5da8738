// An entry of the agenda surat masuk (incoming-letter register) and the closed vocabularies
// it is described with. Pure data plus validation; numbering and storage live elsewhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace naskah {
class Violations;
}

namespace naskah::domain {

// How the item reached the office (saluran).
enum class Channel { kLetter, kWalkIn, kSuggestionBox, kSms, kWhatsApp, kWebsite, kFacebook };
// Sifat: urgency / security class.
enum class Urgency { kBiasa, kSegera, kSangatSegera, kRahasia };
// Jenis pengaduan as the form in seed 002 names the two kinds.
enum class ComplaintKind { kSuggestion, kComplaint };
// Skala pengaduan (seed 004).
enum class Scale { kSmall, kMedium, kLarge, kGeneral };
enum class Sex { kUnspecified, kMale, kFemale };

// Wire names (Indonesian, as users and the SOPs say them), e.g. "datang_langsung".
std::string_view toString(Channel value);
std::string_view toString(Urgency value);
std::string_view toString(ComplaintKind value);
std::string_view toString(Scale value);
std::string_view toString(Sex value);
// What documents and the UI print: "Datang langsung", "Sangat Segera", "Pengaduan / Keluhan / Masalah".
std::string_view label(Channel value);
std::string_view label(Urgency value);
std::string_view label(ComplaintKind value);
// Return nullopt for an unknown name.
std::optional<Channel> parseChannel(std::string_view name);
std::optional<Urgency> parseUrgency(std::string_view name);
std::optional<ComplaintKind> parseComplaintKind(std::string_view name);
std::optional<Scale> parseScale(std::string_view name);
std::optional<Sex> parseSex(std::string_view name);
// All wire names of an enumeration, for error messages ("one of: a, b, c").
std::string allChannelNames();
std::string allUrgencyNames();
std::string allComplaintKindNames();
std::string allScaleNames();
std::string allSexNames();

// What a reader without the right to the reporter's identity sees in its place.
inline constexpr const char* kWithheldIdentity = "(dirahasiakan)";

// The reporter's identity. Confidential: the complaint form promises it.
struct Reporter {
  std::string name;
  std::string address;
  Sex sex = Sex::kUnspecified;
  std::string phone;
  std::string email;
};

// The fields a registrar enters (and may later correct).
struct IncomingLetterFields {
  std::string receivedAt;  // ISO 8601 local office time, "2026-11-23T09:15:00"
  Channel channel = Channel::kLetter;
  std::string senderLetterNumber;  // optional
  std::string senderLetterDate;    // optional, "YYYY-MM-DD"
  std::string sender;
  std::string subject;  // perihal
  Urgency urgency = Urgency::kBiasa;
  std::string enclosures;  // lampiran, free text ("1 (satu) berkas"); optional
  std::string classificationCode;  // optional, e.g. "400.9"
  ComplaintKind complaintKind = ComplaintKind::kComplaint;
  Scale scale = Scale::kSmall;
  std::string summary;
  Reporter reporter;
};

struct Attachment {
  std::int64_t id = 0;
  std::string fileName;
  std::string contentType;
  std::int64_t sizeBytes = 0;
  std::string sha256;
};

// A registered entry as stored.
struct IncomingLetter {
  std::int64_t id = 0;
  std::int64_t officeId = 0;
  std::int64_t caseId = 0;
  int year = 0;
  std::int64_t sequence = 0;   // gap-free per office and year
  std::string agendaNumber;    // formatted display number
  std::string trackingCode;    // public, given to the reporter
  IncomingLetterFields fields;
  std::string registeredBy;
  std::string registeredAt;
  bool isVoid = false;
  std::string voidReason;
  std::int64_t version = 1;    // bumps on every correction; guards concurrent edits
  std::optional<std::int64_t> assignedOfficerId;
  bool identityWithheld = false;  // reporter cleared for a role that may not see it
  std::vector<Attachment> attachments;
};

// Checks every rule of the register and throws one Error(kInvalidArgument) naming every bad field.
void validate(const IncomingLetterFields& fields);
// Adds every broken rule to violations without throwing.
void collectViolations(const IncomingLetterFields& fields, Violations& violations);

// The year the agenda numbers this entry under: the year of receivedAt.
int agendaYear(const IncomingLetterFields& fields);

// Checks "YYYY-MM-DD" / "YYYY-MM-DDTHH:MM[:SS]" (optionally with a UTC offset) as real calendar values.
bool isIsoDate(std::string_view text);
bool isIsoDateTime(std::string_view text);

}  // namespace naskah::domain
