// The reply letter's cycle (issue 4 items 5 and 6): the officer drafts, the supervisor corrects
// (each edit a new immutable version with the corrector's notes), the paraf chain endorses in
// order or returns, the head signs (the number is taken then, never earlier; the final PDF is
// rendered, signed PAdES and archived with its version chain), and the registrar records the
// dispatch to each addressee. This class decides who may do what and when; the entry points
// map JSON in and out (json/outgoing_letter_json.h).
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/auth/role.h"
#include "domain/office/office.h"
#include "domain/outgoing/outgoing_letter.h"
#include "domain/outgoing/outgoing_number_format.h"
#include "domain/outgoing/word_diff.h"
#include "ports/archive.h"
#include "ports/directory.h"
#include "ports/document_renderer.h"
#include "ports/incoming_letter_repository.h"
#include "ports/outgoing.h"
#include "ports/platform.h"
#include "ports/signature.h"
#include "services/archive_service.h"
#include "services/workflow_service.h"

namespace naskah::services {

// What the reply letter's template is filled from.
struct OutgoingDocumentFacts {
  domain::Office office;
  domain::OutgoingLetter letter;
  domain::OutgoingContent content;  // of the version printed
  std::optional<domain::User> signer;  // the head who signs (or is to sign)
  bool final = false;                 // signed: number, TTE mark and footer; otherwise KONSEP
  std::string letterDate;             // YYYY-MM-DD printed on the Nomor line
  std::string verificationUrl;        // what the signer block's QR opens
  // A draft's Nomor line: "" prints "(diberikan saat ditandatangani)"; the archived copy of each
  // version names itself ("Konsep 12, versi 2"), so no two letters' versions share one record.
  std::string draftLabel;
};

// Maps the facts to the template data of templates/surat_balasan.xml (json/outgoing_letter_data.h).
using OutgoingLetterComposer = std::function<std::string(const OutgoingDocumentFacts&)>;

struct NewOutgoingDraft {
  std::int64_t incomingLetterId = 0;  // the letter answered; its case is the letter's case
  domain::OutgoingContent content;
};

struct OutgoingEdit {
  int baseVersion = 0;  // the version the edit was made on; a stale one is a conflict
  std::string note;     // the corrector's notes
  domain::OutgoingContent content;
};

struct OutgoingDiff {
  int from = 0;
  int to = 0;
  std::vector<domain::DiffRun> runs;
};

struct OutgoingPdf {
  std::string bytes;
  std::string fileName;
};

class OutgoingService {
 public:
  struct Ports {
    ports::OutgoingLetterRepository& letters;
    ports::IncomingLetterRepository& incoming;
    ports::OfficeRepository& offices;
    ports::UserRepository& users;
    ports::DocumentRenderer& renderer;
    ports::PdfSigner& signer;
    ArchiveService& archive;
    ports::ArchiveRepository& archiveRecords;
    ports::ArchiveFiles& archiveFiles;
    const ports::Clock& clock;
    // Moves the case on when the reply has reached every addressee; none: the case is not moved.
    WorkflowService* workflow = nullptr;
  };
  OutgoingService(Ports ports, OutgoingLetterComposer composer, domain::OutgoingNumberFormat numberFormat,
                  std::string publicBaseUrl);

  // Officer, supervisor or manager; kInvalidArgument naming every bad field; kNotFound for an
  // unknown incoming letter.
  domain::OutgoingLetter draft(const domain::Actor& actor, const NewOutgoingDraft& draft);
  // Everyone inside the office but the reporter. Roles that may not see the reporter's identity
  // (officers other than the drafter, auditors, admins) read it as kWithheld, here and in
  // list, versions, diff and the draft PDF; the signed PDF is the archived document as sent.
  domain::OutgoingLetter get(const domain::Actor& actor, std::int64_t id);
  std::vector<domain::OutgoingLetter> list(const domain::Actor& actor, const ports::OutgoingFilter& filter);
  std::vector<domain::OutgoingVersion> versions(const domain::Actor& actor, std::int64_t id);
  // Word diff of the comparable text of two versions; kNotFound for a version that does not exist.
  OutgoingDiff diff(const domain::Actor& actor, std::int64_t id, int from, int to);

  // A new version (domain::requireMayEdit); kFailedPrecondition when baseVersion is stale.
  domain::OutgoingLetter edit(const domain::Actor& actor, std::int64_t id, const OutgoingEdit& edit);
  // The drafter hands the draft (or the returned letter) to the paraf chain: `chain` names the
  // officials in order (at most three supervisors/managers); empty = the drafter's line of units
  // (seksi head, bidang head, sekretaris).
  domain::OutgoingLetter submit(const domain::Actor& actor, std::int64_t id, const std::vector<std::string>& chain);
  domain::OutgoingLetter paraf(const domain::Actor& actor, std::int64_t id);
  domain::OutgoingLetter returnToDrafter(const domain::Actor& actor, std::int64_t id, const std::string& reason);
  // The head signs: number, final PDF, PAdES signature, archive. When an earlier attempt took
  // the number but failed before archiving, signing again completes it with the same number.
  domain::OutgoingLetter sign(const domain::Actor& actor, std::int64_t id);
  // A draft: KONSEP rendering of the current version with the paraf table; signed: the archived bytes.
  OutgoingPdf pdf(const domain::Actor& actor, std::int64_t id, const std::string& paper);
  // Registrar or admin; one record per addressee (recipient, tembusan, reporter). The last one
  // makes the letter dispatched and, in the same transaction, takes the case's branch marked
  // "reply_dispatched" in its profile when the case stands at that step (docs/workflow.md).
  domain::OutgoingLetter dispatch(const domain::Actor& actor, std::int64_t id, const domain::DispatchRecord& record);

  void setPublicBaseUrl(std::string url);

 private:
  domain::OutgoingLetter mustFind(const domain::Actor& actor, std::int64_t id);
  // The reporter's identity as the letter's versions and its incoming letter name it, when the
  // actor may not see it (DESIGN.md: confidential); empty when they may.
  std::vector<std::string> identityHiddenFrom(const domain::Actor& actor, const domain::OutgoingLetter& letter);
  OutgoingDocumentFacts factsFor(const domain::OutgoingLetter& letter, const domain::OutgoingContent& content,
                                 bool final, const std::string& letterDate);
  std::string render(const OutgoingDocumentFacts& facts, const std::string& paper);
  std::vector<domain::ParafStep> defaultChain(const domain::OutgoingLetter& letter);
  std::vector<domain::ParafStep> namedChain(const domain::OutgoingLetter& letter, const std::vector<std::string>& names);
  domain::OutgoingLetter archiveSigned(const domain::Actor& actor, const domain::OutgoingLetter& letter);
  std::string unitCodeOf(const domain::User& user, const domain::Office& office);

  Ports ports_;
  OutgoingLetterComposer composer_;
  domain::OutgoingNumberFormat numberFormat_;
  std::mutex urlMutex_;
  std::string publicBaseUrl_;
};

}  // namespace naskah::services
