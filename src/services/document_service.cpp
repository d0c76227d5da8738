#include "services/document_service.h"

#include <chrono>

#include "domain/common/error.h"

namespace naskah::services {

using domain::Role;

namespace {

// The buku agenda is printed per month or per year; a longer range is a mistake, not a report.
constexpr int kMaxAgendaBookDays = 366;

int dayNumber(const std::string& isoDate) {
  using namespace std::chrono;
  year_month_day date{year{std::stoi(isoDate.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(isoDate.substr(5, 2)))},
                      day{static_cast<unsigned>(std::stoi(isoDate.substr(8, 2)))}};
  return sys_days{date}.time_since_epoch().count();
}

}  // namespace

DocumentService::DocumentService(RegistrationService& registration, ports::OfficeRepository& offices,
                                 ports::UserRepository& users, ports::DocumentRenderer& renderer,
                                 std::string publicBaseUrl)
    : registration_(registration), offices_(offices), users_(users), renderer_(renderer) {
  setPublicBaseUrl(std::move(publicBaseUrl));
}

void DocumentService::setPublicBaseUrl(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  std::lock_guard<std::mutex> lock(urlMutex_);
  publicBaseUrl_ = std::move(url);
}

LetterDocumentFacts DocumentService::factsFor(const domain::Actor& actor, std::int64_t letterId) {
  LetterDocumentFacts facts;
  facts.letter = registration_.get(actor, letterId);  // checks the reading role and redacts
  auto office = offices_.findOffice(facts.letter.officeId);
  if (!office) throw Error(ErrorCode::kInternal, "the office of entry " + facts.letter.agendaNumber + " is missing");
  facts.office = *office;
  facts.registrar = users_.findUserByName(facts.letter.registeredBy);
  for (auto& user : users_.listUsers(facts.office.id))
    if (user.role == Role::kHead && user.isActive) {
      facts.head = user;
      break;
    }
  std::lock_guard<std::mutex> lock(urlMutex_);
  facts.trackingUrl = publicBaseUrl_ + "/api/v1/track/" + facts.letter.trackingCode;
  return facts;
}

LetterDocumentFacts DocumentService::receipt(const domain::Actor& actor, std::int64_t letterId) {
  domain::requireRole(actor, {Role::kRegistrar, Role::kAdmin}, "print receipts");
  auto facts = factsFor(actor, letterId);
  if (facts.letter.isVoid)
    throw Error(ErrorCode::kFailedPrecondition,
                "entry " + facts.letter.agendaNumber + " is void: no receipt is given for it");
  return facts;
}

LetterDocumentFacts DocumentService::dispositionSheet(const domain::Actor& actor, std::int64_t letterId) {
  auto facts = factsFor(actor, letterId);
  if (facts.letter.isVoid)
    throw Error(ErrorCode::kFailedPrecondition,
                "entry " + facts.letter.agendaNumber + " is void: it is not disposed");
  facts.standardInstructions = standardInstructions_;
  if (!workflow_) return facts;
  for (auto& d : workflow_->dispositionsOfCase(facts.letter.caseId)) {
    if (d.parentId || d.recalledAt) continue;  // the sheet is the head's; the rest go down the tree
    auto recipient = users_.findUser(d.toUserId);
    if (!recipient) continue;
    if (!facts.disposer) facts.disposer = users_.findUser(d.fromUserId);
    facts.dispositionRecipients.push_back(*recipient);
    facts.headDispositions.push_back(std::move(d));
  }
  return facts;
}

void DocumentService::setDispositions(ports::WorkflowRepository& workflow, std::vector<std::string> standardInstructions) {
  workflow_ = &workflow;
  standardInstructions_ = std::move(standardInstructions);
}

AgendaBookFacts DocumentService::agendaBook(const domain::Actor& actor, const std::string& from,
                                            const std::string& to) {
  Violations v;
  if (!domain::isIsoDate(from)) v.add("from", "must be a date like 2026-11-01");
  if (!domain::isIsoDate(to)) v.add("to", "must be a date like 2026-11-30");
  if (v.empty()) {
    int days = dayNumber(to) - dayNumber(from);
    if (days < 0) v.add("to", "must not be before from");
    else if (days >= kMaxAgendaBookDays) v.add("to", "must be within 366 days of from");
  }
  v.throwIfAny("the period of the agenda book is not valid");

  AgendaBookFacts book;
  book.from = from;
  book.to = to;
  ports::LetterFilter filter;
  filter.receivedFrom = from;
  filter.receivedTo = to;
  filter.oldestFirst = true;
  filter.perPage = 500;
  for (filter.page = 1;; ++filter.page) {
    auto page = registration_.list(actor, filter);  // checks the reading role and redacts
    book.letters.insert(book.letters.end(), page.items.begin(), page.items.end());
    if (page.items.size() < static_cast<size_t>(filter.perPage)) break;
  }
  auto office = offices_.findOffice(actor.officeId);
  if (!office) throw Error(ErrorCode::kNotFound, "the office of " + actor.username + " does not exist");
  book.office = *office;
  return book;
}

}  // namespace naskah::services
