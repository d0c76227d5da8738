// The reply letter (surat keluar / surat balasan) and its paper trail: immutable versions,
// the paraf chain, the number given at signing, and dispatch per recipient (DESIGN.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/auth/role.h"
#include "domain/common/error.h"
#include "domain/letters/incoming_letter.h"

namespace naskah::domain {

enum class OutgoingStatus {
  kDraft,              // the drafter writes; nobody else has seen it
  kInCorrection,       // submitted: the supervisor corrects, the first paraf may be given
  kAwaitingParaf,      // at least one paraf given, more to come in order
  kAwaitingSignature,  // every paraf given; the head signs or returns
  kReturned,           // sent back to the drafter with a reason; paraf start again
  kSigned,             // numbered, signed and archived
  kDispatched,         // every addressee has a dispatch record
};

std::string_view toString(OutgoingStatus status);
std::optional<OutgoingStatus> parseOutgoingStatus(std::string_view name);

// How the signer block names the signer (Tata Naskah Dinas §1.9).
enum class SignerCapacity { kOwn, kAtasNama, kUntukBeliau, kPlt, kPlh };

std::string_view toString(SignerCapacity capacity);  // "own", "an", "ub", "plt", "plh"
std::optional<SignerCapacity> parseSignerCapacity(std::string_view name);

// What a version holds: everything the drafter and the correctors write.
struct OutgoingContent {
  std::string recipient;                     // "Kepala Desa Sungai Duren" (after "Yth.")
  std::vector<std::string> recipientAddress;  // lines under it: "di", "Kabupaten Muaro Jambi"
  std::string subject;                        // hal, without a final period
  std::vector<std::string> paragraphs;        // opening and content paragraphs
  std::string closing;                        // penutup, kept with the signer block
  std::vector<std::string> tembusan;          // jabatan or person, in order of rank
  int enclosureCount = 0;                     // lampiran; 0 = the line is left out
  std::string enclosureUnit = "berkas";       // berkas, lembar, eksemplar
  std::string classificationCode;             // "400.9"
  Urgency urgency = Urgency::kBiasa;          // sifat
  std::string reporter;                       // the pelapor to inform, "" when none
  SignerCapacity capacity = SignerCapacity::kOwn;
  std::string onBehalfOf;                     // a.n.: the jabatan mandating ("KEPALA DINAS …")
  std::string intermediary;                   // u.b.: the jabatan passing the mandate on
  bool operator==(const OutgoingContent&) const = default;
};

inline constexpr const char* kDefaultClosing =
    "Demikian kami sampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih.";
inline constexpr int kMaxParafSteps = 3;  // Permendagri 54/2009: at most three officials initial

// Adds every problem of the content to violations, with JSON field names.
void validateContent(const OutgoingContent& content, Violations& violations);

// The text a corrector compares between versions: subject, recipient, paragraphs, closing,
// tembusan, one item per line.
std::string comparableText(const OutgoingContent& content);

// Everyone the letter goes to, each once: the recipient, the tembusan, the reporter.
std::vector<std::string> addressees(const OutgoingContent& content);

struct OutgoingVersion {
  int number = 0;
  std::string author;       // username
  Role authorRole = Role::kOfficer;
  std::string createdAt;    // ISO UTC
  std::string note;         // the corrector's notes ("" for the first draft)
  OutgoingContent content;
};

enum class ParafState { kPending, kGiven };

struct ParafStep {
  int round = 1;        // a return starts a new round
  int order = 1;        // 1, 2, 3
  std::string username;
  std::string position;  // jabatan, printed in the paraf table
  ParafState state = ParafState::kPending;
  std::string givenAt;
};

struct DispatchRecord {
  std::int64_t id = 0;
  std::string recipient;
  std::string channel;  // pos, kurir, email, whatsapp, diantar_langsung, srikandi
  std::string proof;    // receipt number, tracking code, signature of who received it
  std::string dispatchedBy;
  std::string dispatchedAt;
};

// Ways a letter is delivered; anything else is refused.
const std::vector<std::string>& dispatchChannels();

struct OutgoingLetter {
  std::int64_t id = 0;
  std::int64_t officeId = 0;
  std::int64_t caseId = 0;             // 0 = none
  std::int64_t incomingLetterId = 0;   // the letter it answers, 0 = none
  std::string unitCode;                // issuing unit ({unit} of the number)
  OutgoingStatus status = OutgoingStatus::kDraft;
  int currentVersion = 1;
  int parafRound = 1;
  std::string drafter;                 // username of the first author
  std::string createdAt;
  std::string returnReason;            // the last return's reason, "" when never returned
  std::string returnedBy;
  // Set at signing, never before.
  std::string number;
  int year = 0;
  std::int64_t sequence = 0;
  std::string signedBy;
  std::string signedAt;
  std::string letterDate;              // YYYY-MM-DD, office time, of the signature
  std::int64_t archiveId = 0;          // the signed PDF in the archive; 0 while pending
  OutgoingContent content;             // of currentVersion
  std::vector<ParafStep> paraf;        // of the current round, in order
  std::vector<DispatchRecord> dispatches;
};

// The first pending step of the current round; nullopt when every paraf is given.
const ParafStep* nextParafStep(const OutgoingLetter& letter);

// Whether a change of the content is allowed in this status (draft, in correction, returned).
bool isEditable(OutgoingStatus status);

// Who may edit now: the drafter in draft or returned; in correction also supervisors, managers
// and the officials of the paraf chain. Throws kFailedPrecondition (wrong status) or
// kPermissionDenied.
void requireMayEdit(const OutgoingLetter& letter, const Actor& actor);

// The paraf `actor` may give now. kPermissionDenied when the actor is not in the chain at all
// (or not a supervisor/manager); kFailedPrecondition when in the chain but not next, or when the
// letter is not waiting for paraf.
const ParafStep& requireMayParaf(const OutgoingLetter& letter, const Actor& actor);

// A return: the next paraf official while paraf are pending, the head while awaiting signature.
void requireMayReturn(const OutgoingLetter& letter, const Actor& actor);

// The status after a paraf: awaiting paraf while steps remain, awaiting signature after the last.
OutgoingStatus statusAfterParaf(const OutgoingLetter& letter);

}  // namespace naskah::domain
