#include "domain/outgoing/outgoing_letter.h"

#include <algorithm>
#include <array>

namespace naskah::domain {
namespace {

constexpr std::array<std::pair<OutgoingStatus, std::string_view>, 7> kStatusNames{{
    {OutgoingStatus::kDraft, "draft"},
    {OutgoingStatus::kInCorrection, "in_correction"},
    {OutgoingStatus::kAwaitingParaf, "awaiting_paraf"},
    {OutgoingStatus::kAwaitingSignature, "awaiting_signature"},
    {OutgoingStatus::kReturned, "returned"},
    {OutgoingStatus::kSigned, "signed"},
    {OutgoingStatus::kDispatched, "dispatched"},
}};

constexpr std::array<std::pair<SignerCapacity, std::string_view>, 5> kCapacityNames{{
    {SignerCapacity::kOwn, "own"},
    {SignerCapacity::kAtasNama, "an"},
    {SignerCapacity::kUntukBeliau, "ub"},
    {SignerCapacity::kPlt, "plt"},
    {SignerCapacity::kPlh, "plh"},
}};

constexpr size_t kMaxTextBytes = 20000;  // one paragraph or line
constexpr size_t kMaxParagraphs = 60;
constexpr size_t kMaxListItems = 30;

bool hasControl(const std::string& text, bool allowNewline) {
  for (unsigned char c : text)
    if (c < 0x20 && !(allowNewline && (c == '\n' || c == '\t'))) return true;
  return false;
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\n") == std::string::npos; }

void checkLine(const std::string& value, const std::string& field, bool required, Violations& v) {
  if (required && blank(value))
    v.add(field, "is required");
  else if (value.size() > kMaxTextBytes)
    v.add(field, "is longer than 20000 bytes");
  else if (hasControl(value, false))
    v.add(field, "must be one line without control characters");
}

void checkList(const std::vector<std::string>& items, const std::string& field, size_t max, bool paragraphs,
               Violations& v) {
  if (items.size() > max) v.add(field, "has more than " + std::to_string(max) + " items");
  for (size_t i = 0; i < items.size(); ++i) {
    std::string name = field + "[" + std::to_string(i) + "]";
    if (blank(items[i]))
      v.add(name, "must not be empty");
    else if (items[i].size() > kMaxTextBytes)
      v.add(name, "is longer than 20000 bytes");
    else if (hasControl(items[i], paragraphs))
      v.add(name, "must not contain control characters");
  }
}

bool isClassificationCode(const std::string& code) {
  // "400", "400.9", "400.12.2.1": digit groups separated by single dots.
  if (code.empty() || code.front() == '.' || code.back() == '.') return false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '.') {
      if (code[i - 1] == '.') return false;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

bool roleCorrects(Role role) { return role == Role::kSupervisor || role == Role::kManager; }

bool inChain(const OutgoingLetter& letter, const std::string& username) {
  return std::any_of(letter.paraf.begin(), letter.paraf.end(),
                     [&](const ParafStep& s) { return s.username == username; });
}

}  // namespace

std::string_view toString(OutgoingStatus status) {
  for (const auto& [value, name] : kStatusNames)
    if (value == status) return name;
  return "draft";
}

std::optional<OutgoingStatus> parseOutgoingStatus(std::string_view name) {
  for (const auto& [value, text] : kStatusNames)
    if (text == name) return value;
  return std::nullopt;
}

std::string_view toString(SignerCapacity capacity) {
  for (const auto& [value, name] : kCapacityNames)
    if (value == capacity) return name;
  return "own";
}

std::optional<SignerCapacity> parseSignerCapacity(std::string_view name) {
  for (const auto& [value, text] : kCapacityNames)
    if (text == name) return value;
  return std::nullopt;
}

const std::vector<std::string>& dispatchChannels() {
  static const std::vector<std::string> kChannels{"pos", "kurir", "email", "whatsapp", "diantar_langsung",
                                                  "srikandi"};
  return kChannels;
}

void validateContent(const OutgoingContent& c, Violations& v) {
  checkLine(c.recipient, "recipient", true, v);
  checkList(c.recipientAddress, "recipient_address", 6, false, v);
  checkLine(c.subject, "subject", true, v);
  if (!blank(c.subject) && c.subject.back() == '.') v.add("subject", "must not end with a period (Tata Naskah Dinas)");
  if (c.paragraphs.empty()) v.add("paragraphs", "needs at least one paragraph");
  checkList(c.paragraphs, "paragraphs", kMaxParagraphs, true, v);
  checkLine(c.closing, "closing", true, v);
  checkList(c.tembusan, "tembusan", kMaxListItems, false, v);
  for (size_t i = 0; i < c.tembusan.size(); ++i) {
    std::string lower = c.tembusan[i];
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
    if (lower.rfind("yth.", 0) == 0 || lower == "arsip" || lower == "pertinggal")
      v.add("tembusan[" + std::to_string(i) + "]", "is written without \"Yth.\", and the archive copy is not listed");
  }
  if (c.enclosureCount < 0 || c.enclosureCount > 999) v.add("enclosure_count", "must be 0 to 999");
  if (c.enclosureCount > 0 && c.enclosureUnit != "berkas" && c.enclosureUnit != "lembar" &&
      c.enclosureUnit != "eksemplar")
    v.add("enclosure_unit", "must be berkas, lembar or eksemplar");
  if (!isClassificationCode(c.classificationCode))
    v.add("classification_code", "must be a classification code like 400.9");
  checkLine(c.reporter, "reporter", false, v);
  checkLine(c.onBehalfOf, "on_behalf_of", false, v);
  checkLine(c.intermediary, "intermediary", false, v);
  bool needsPrincipal = c.capacity == SignerCapacity::kAtasNama || c.capacity == SignerCapacity::kUntukBeliau;
  if (needsPrincipal && blank(c.onBehalfOf)) v.add("on_behalf_of", "is required when signing a.n. or u.b.");
  if (c.capacity == SignerCapacity::kUntukBeliau && blank(c.intermediary))
    v.add("intermediary", "is required when signing u.b.");
  if (!needsPrincipal && !c.onBehalfOf.empty()) v.add("on_behalf_of", "is only for a.n. or u.b.");
}

std::string comparableText(const OutgoingContent& c) {
  std::string text = "Hal: " + c.subject + "\nYth. " + c.recipient + "\n";
  for (const auto& line : c.recipientAddress) text += line + "\n";
  for (const auto& p : c.paragraphs) text += p + "\n";
  text += c.closing + "\n";
  if (!c.tembusan.empty()) text += "Tembusan:\n";
  for (const auto& t : c.tembusan) text += t + "\n";
  return text;
}

std::vector<std::string> addressees(const OutgoingContent& c) {
  std::vector<std::string> out{c.recipient};
  auto add = [&](const std::string& name) {
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  };
  for (const auto& t : c.tembusan) add(t);
  add(c.reporter);
  return out;
}

const ParafStep* nextParafStep(const OutgoingLetter& letter) {
  for (const auto& step : letter.paraf)
    if (step.state == ParafState::kPending) return &step;
  return nullptr;
}

bool isEditable(OutgoingStatus status) {
  return status == OutgoingStatus::kDraft || status == OutgoingStatus::kInCorrection ||
         status == OutgoingStatus::kReturned;
}

void requireMayEdit(const OutgoingLetter& letter, const Actor& actor) {
  bool drafter = actor.username == letter.drafter;
  bool corrector = roleCorrects(actor.role) || inChain(letter, actor.username);
  if (!drafter && !corrector)
    throw Error(ErrorCode::kPermissionDenied,
                "only the drafter and the correctors (supervisor, manager) may change a reply letter");
  if (!isEditable(letter.status))
    throw Error(ErrorCode::kFailedPrecondition,
                "the letter is " + std::string(toString(letter.status)) +
                    ": it can be changed only as draft, in correction or returned");
  if (!drafter && letter.status != OutgoingStatus::kInCorrection)
    throw Error(ErrorCode::kFailedPrecondition,
                "the letter is " + std::string(toString(letter.status)) +
                    ": correctors change it only once it is submitted (in_correction)");
}

const ParafStep& requireMayParaf(const OutgoingLetter& letter, const Actor& actor) {
  if (!roleCorrects(actor.role) || !inChain(letter, actor.username))
    throw Error(ErrorCode::kPermissionDenied,
                actor.username + " is not in the paraf chain of this letter");
  if (letter.status != OutgoingStatus::kInCorrection && letter.status != OutgoingStatus::kAwaitingParaf)
    throw Error(ErrorCode::kFailedPrecondition, "the letter is " + std::string(toString(letter.status)) +
                                                    ": paraf is given while in_correction or awaiting_paraf");
  const ParafStep* next = nextParafStep(letter);
  if (!next) throw Error(ErrorCode::kFailedPrecondition, "every paraf of this letter is given");
  if (next->username != actor.username) {
    bool given = std::any_of(letter.paraf.begin(), letter.paraf.end(), [&](const ParafStep& s) {
      return s.username == actor.username && s.state == ParafState::kGiven;
    });
    throw Error(ErrorCode::kFailedPrecondition,
                given ? actor.username + " has given paraf already; next is " + next->username
                      : "paraf goes in order: next is " + next->username + " (" + next->position + ")");
  }
  return *next;
}

void requireMayReturn(const OutgoingLetter& letter, const Actor& actor) {
  bool head = actor.role == Role::kHead;
  bool chain = roleCorrects(actor.role) && inChain(letter, actor.username);
  if (!head && !chain)
    throw Error(ErrorCode::kPermissionDenied,
                "only the officials of the paraf chain and the head return a letter to its drafter");
  if (letter.status == OutgoingStatus::kAwaitingSignature) {
    if (!head) throw Error(ErrorCode::kFailedPrecondition, "the letter awaits the head's signature: only the head returns it now");
    return;
  }
  if (letter.status != OutgoingStatus::kInCorrection && letter.status != OutgoingStatus::kAwaitingParaf)
    throw Error(ErrorCode::kFailedPrecondition, "the letter is " + std::string(toString(letter.status)) +
                                                    ": only a submitted, unsigned letter is returned");
  const ParafStep* next = nextParafStep(letter);
  if (!next || next->username != actor.username)
    throw Error(ErrorCode::kFailedPrecondition,
                "the letter is with " + std::string(next ? next->username : "nobody") + ": only they return it now");
}

OutgoingStatus statusAfterParaf(const OutgoingLetter& letter) {
  int pending = 0;
  for (const auto& step : letter.paraf)
    if (step.state == ParafState::kPending) ++pending;
  return pending <= 1 ? OutgoingStatus::kAwaitingSignature : OutgoingStatus::kAwaitingParaf;
}

}  // namespace naskah::domain
