// The documents of the agenda printed from stored items: the tanda terima given to the
// reporter, the lembar disposisi that travels with the letter, and the buku agenda for a
// period. This class decides who may print what and gathers the stored facts; the entry
// point maps them to template data (json/document_data.h) and asks for the PDF.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/auth/role.h"
#include "domain/letters/incoming_letter.h"
#include "domain/office/office.h"
#include "ports/directory.h"
#include "ports/document_renderer.h"
#include "ports/workflow.h"
#include "services/registration_service.h"

namespace naskah::services {

// One agenda entry with the people its documents name.
struct LetterDocumentFacts {
  domain::Office office;
  domain::IncomingLetter letter;  // already redacted for the actor
  std::optional<domain::User> registrar;  // who registered it (petugas penerima)
  std::optional<domain::User> head;       // the office's head, who disposes (pendisposisi)
  std::string trackingUrl;                // what the QR opens
  // The disposition sheet: the office's standard instructions (its checkboxes) and what the
  // head disposed (first-level dispositions not recalled, oldest first, with their recipients).
  std::vector<std::string> standardInstructions;
  std::vector<ports::DispositionRecord> headDispositions;
  std::vector<domain::User> dispositionRecipients;  // in the order of headDispositions
  std::optional<domain::User> disposer;             // who sent them
};

struct AgendaBookFacts {
  domain::Office office;
  std::string from;  // YYYY-MM-DD, inclusive
  std::string to;    // YYYY-MM-DD, inclusive
  std::vector<domain::IncomingLetter> letters;  // oldest first, void entries included
};

class DocumentService {
 public:
  // publicBaseUrl: where the public reaches this server ("https://naskah.example.go.id"); the QR codes
  // of printed documents point under it.
  DocumentService(RegistrationService& registration, ports::OfficeRepository& offices, ports::UserRepository& users,
                  ports::DocumentRenderer& renderer, std::string publicBaseUrl);

  // The receipt: registrar and admin (they hand it to the reporter). kNotFound for an unknown id.
  LetterDocumentFacts receipt(const domain::Actor& actor, std::int64_t letterId);
  // The disposition sheet: whoever reads the agenda, identity redacted as for reading.
  LetterDocumentFacts dispositionSheet(const domain::Actor& actor, std::int64_t letterId);
  // Every entry received from..to (dates, inclusive; at most 366 days). Throws kInvalidArgument
  // naming from/to when they are not dates or out of order.
  AgendaBookFacts agendaBook(const domain::Actor& actor, const std::string& from, const std::string& to);

  std::string renderPdf(const ports::RenderInput& input) { return renderer_.renderPdf(input); }
  // Set when the server knows the port it bound.
  void setPublicBaseUrl(std::string url);
  // Where the disposition sheet reads what was disposed, and the office's standard instructions.
  void setDispositions(ports::WorkflowRepository& workflow, std::vector<std::string> standardInstructions);

 private:
  LetterDocumentFacts factsFor(const domain::Actor& actor, std::int64_t letterId);

  RegistrationService& registration_;
  ports::OfficeRepository& offices_;
  ports::UserRepository& users_;
  ports::DocumentRenderer& renderer_;
  ports::WorkflowRepository* workflow_ = nullptr;
  std::vector<std::string> standardInstructions_;
  std::mutex urlMutex_;
  std::string publicBaseUrl_;
};

}  // namespace naskah::services
