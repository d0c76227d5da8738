#include "services/outgoing_service.h"

#include <algorithm>

#include "domain/common/error.h"

namespace naskah::services {

using domain::OutgoingStatus;
using domain::Role;

namespace {

void requireReader(const domain::Actor& actor) {
  domain::requireRole(actor, {Role::kRegistrar, Role::kHead, Role::kManager, Role::kSupervisor, Role::kOfficer,
                              Role::kAuditor, Role::kAdmin},
                      "read outgoing letters");
}

ports::AuditEntry entry(const domain::Actor& actor, const std::string& action, std::int64_t id,
                        std::vector<ports::FieldChange> changes = {}, std::string note = "") {
  return ports::AuditEntry{actor.username, action, "outgoing_letter", id ? std::to_string(id) : "",
                           std::move(changes), std::move(note)};
}

std::string statusName(OutgoingStatus s) { return std::string(domain::toString(s)); }

std::string withheld(std::string text, const std::vector<std::string>& identity) {
  for (const auto& secret : identity)
    for (size_t pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + std::string(kWithheld).size()))
      text.replace(pos, secret.size(), kWithheld);
  return text;
}

void withhold(domain::OutgoingContent& c, const std::vector<std::string>& identity) {
  if (identity.empty()) return;
  for (auto* text : {&c.recipient, &c.subject, &c.closing, &c.reporter}) *text = withheld(*text, identity);
  for (auto* list : {&c.recipientAddress, &c.paragraphs, &c.tembusan})
    for (auto& item : *list) item = withheld(item, identity);
}

// "400.9/3/DAFDUK/2026" → "400-9-3-DAFDUK-2026", safe in a file name.
std::string fileStem(std::string text) {
  for (char& c : text)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '-';
  return text;
}

}  // namespace

OutgoingService::OutgoingService(Ports ports, OutgoingLetterComposer composer,
                                 domain::OutgoingNumberFormat numberFormat, std::string publicBaseUrl)
    : ports_(ports), composer_(std::move(composer)), numberFormat_(std::move(numberFormat)) {
  setPublicBaseUrl(std::move(publicBaseUrl));
}

void OutgoingService::setPublicBaseUrl(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  std::lock_guard<std::mutex> lock(urlMutex_);
  publicBaseUrl_ = std::move(url);
}

domain::OutgoingLetter OutgoingService::mustFind(const domain::Actor& actor, std::int64_t id) {
  requireReader(actor);
  auto letter = ports_.letters.find(actor.officeId, id);
  if (!letter) throw Error(ErrorCode::kNotFound, "outgoing letter " + std::to_string(id) + " does not exist");
  return *letter;
}

std::string OutgoingService::unitCodeOf(const domain::User& user, const domain::Office& office) {
  if (!user.unitId) return office.code;
  auto units = ports_.offices.listUnits(office.id);
  auto byId = [&](std::int64_t id) -> const domain::Unit* {
    for (const auto& u : units)
      if (u.id == id) return &u;
    return nullptr;
  };
  const domain::Unit* unit = byId(*user.unitId);
  // The issuing unit is the top of the drafter's line (the bidang, not its seksi).
  while (unit && unit->parentId) {
    const domain::Unit* parent = byId(*unit->parentId);
    if (!parent) break;
    unit = parent;
  }
  return unit ? unit->code : office.code;
}

domain::OutgoingLetter OutgoingService::draft(const domain::Actor& actor, const NewOutgoingDraft& d) {
  domain::requireRole(actor, {Role::kOfficer, Role::kSupervisor, Role::kManager}, "draft reply letters");
  Violations v;
  if (d.incomingLetterId <= 0) v.add("incoming_letter_id", "is required: the letter this one answers");
  domain::validateContent(d.content, v);
  v.throwIfAny("the draft is not valid");
  auto incoming = ports_.incoming.find(actor.officeId, d.incomingLetterId);
  if (!incoming)
    throw Error(ErrorCode::kNotFound, "incoming letter " + std::to_string(d.incomingLetterId) + " does not exist");
  if (incoming->isVoid)
    throw Error(ErrorCode::kFailedPrecondition, "entry " + incoming->agendaNumber + " is void: it is not answered");
  auto office = ports_.offices.findOffice(actor.officeId);
  auto user = ports_.users.findUser(actor.userId);
  if (!office || !user) throw Error(ErrorCode::kNotFound, "the office or user of " + actor.username + " does not exist");

  ports::NewOutgoingLetter n;
  n.officeId = actor.officeId;
  n.caseId = incoming->caseId;
  n.incomingLetterId = incoming->id;
  n.unitCode = unitCodeOf(*user, *office);
  n.first.number = 1;
  n.first.author = actor.username;
  n.first.authorRole = actor.role;
  n.first.createdAt = ports_.clock.nowUtc();
  n.first.content = d.content;
  return ports_.letters.create(
      n, entry(actor, "outgoing.draft", 0,
               {{"incoming_letter_id", "", std::to_string(incoming->id)}, {"subject", "", d.content.subject}}));
}

std::vector<std::string> OutgoingService::identityHiddenFrom(const domain::Actor& actor,
                                                             const domain::OutgoingLetter& letter) {
  std::vector<std::string> identity;
  if (domain::roleSeesReporterIdentity(actor.role) || actor.username == letter.drafter) return identity;
  auto add = [&](const std::string& name) {
    if (name.size() >= 3 && std::find(identity.begin(), identity.end(), name) == identity.end())
      identity.push_back(name);
  };
  for (const auto& version : ports_.letters.versions(letter.officeId, letter.id)) add(version.content.reporter);
  if (auto incoming = ports_.incoming.find(letter.officeId, letter.incomingLetterId)) {
    const auto& r = incoming->fields.reporter;
    for (const auto* part : {&r.name, &r.address, &r.phone, &r.email}) add(*part);
  }
  // The longest first, so that "Sdr. Ahmad" is replaced whole before "Ahmad".
  std::sort(identity.begin(), identity.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return identity;
}

domain::OutgoingLetter OutgoingService::get(const domain::Actor& actor, std::int64_t id) {
  auto letter = mustFind(actor, id);
  withhold(letter.content, identityHiddenFrom(actor, letter));
  return letter;
}

std::vector<domain::OutgoingLetter> OutgoingService::list(const domain::Actor& actor, const ports::OutgoingFilter& f) {
  requireReader(actor);
  ports::OutgoingFilter filter = f;
  filter.officeId = actor.officeId;
  filter.limit = std::clamp(filter.limit, 1, 500);
  auto letters = ports_.letters.list(filter);
  for (auto& letter : letters) withhold(letter.content, identityHiddenFrom(actor, letter));
  return letters;
}

std::vector<domain::OutgoingVersion> OutgoingService::versions(const domain::Actor& actor, std::int64_t id) {
  auto letter = mustFind(actor, id);
  auto identity = identityHiddenFrom(actor, letter);
  auto all = ports_.letters.versions(actor.officeId, id);
  for (auto& version : all) withhold(version.content, identity);
  return all;
}

OutgoingDiff OutgoingService::diff(const domain::Actor& actor, std::int64_t id, int from, int to) {
  auto all = versions(actor, id);
  auto find = [&](int number, const char* field) -> const domain::OutgoingVersion& {
    for (const auto& v : all)
      if (v.number == number) return v;
    throw Error(ErrorCode::kNotFound,
                "outgoing letter " + std::to_string(id) + " has no version " + std::to_string(number),
                {{field, "must be a version between 1 and " + std::to_string(all.size())}});
  };
  const auto& a = find(from, "from");
  const auto& b = find(to, "to");
  return OutgoingDiff{from, to, domain::diffText(domain::comparableText(a.content), domain::comparableText(b.content))};
}

domain::OutgoingLetter OutgoingService::edit(const domain::Actor& actor, std::int64_t id, const OutgoingEdit& e) {
  auto letter = mustFind(actor, id);
  domain::requireMayEdit(letter, actor);
  Violations v;
  if (e.baseVersion <= 0) v.add("base_version", "is required: the version this edit was made on");
  if (e.note.size() > 4000 || e.note.find('\0') != std::string::npos) v.add("note", "is longer than 4000 bytes");
  domain::validateContent(e.content, v);
  v.throwIfAny("the correction is not valid");
  if (e.baseVersion != letter.currentVersion)
    throw Error(ErrorCode::kFailedPrecondition,
                "version " + std::to_string(e.baseVersion) + " is not the current one (" +
                    std::to_string(letter.currentVersion) + "): reload the letter and correct that version");
  if (e.content == letter.content)
    throw Error(ErrorCode::kInvalidArgument, "the correction changes nothing",
                {{"content", "is the same as version " + std::to_string(letter.currentVersion)}});
  domain::OutgoingVersion version;
  version.author = actor.username;
  version.authorRole = actor.role;
  version.createdAt = ports_.clock.nowUtc();
  version.note = e.note;
  version.content = e.content;
  return ports_.letters.addVersion(
      actor.officeId, id, e.baseVersion, letter.status, version,
      entry(actor, "outgoing.edit", id,
            {{"version", std::to_string(e.baseVersion), std::to_string(e.baseVersion + 1)}}, e.note));
}

std::vector<domain::ParafStep> OutgoingService::defaultChain(const domain::OutgoingLetter& letter) {
  auto drafter = ports_.users.findUserByName(letter.drafter);
  auto units = ports_.offices.listUnits(letter.officeId);
  auto users = ports_.users.listUsers(letter.officeId);
  std::vector<domain::ParafStep> chain;
  auto addHeadOf = [&](std::int64_t unitId, Role role) {
    for (const auto& u : users)
      if (u.isActive && u.unitId && *u.unitId == unitId && u.role == role && u.username != letter.drafter &&
          chain.size() < domain::kMaxParafSteps) {
        chain.push_back({0, static_cast<int>(chain.size()) + 1, u.username, u.position, domain::ParafState::kPending, ""});
        return;
      }
  };
  // Up the drafter's line: the seksi's head (supervisor), the bidang's head (manager), …
  std::optional<std::int64_t> unitId = drafter ? drafter->unitId : std::nullopt;
  while (unitId) {
    const domain::Unit* unit = nullptr;
    for (const auto& u : units)
      if (u.id == *unitId) unit = &u;
    if (!unit) break;
    // A seksi (a unit under another) is headed by a supervisor, a bidang by a manager.
    addHeadOf(unit->id, unit->parentId ? Role::kSupervisor : Role::kManager);
    unitId = unit->parentId;
  }
  // … and the sekretaris, who checks every letter before the head signs.
  for (const auto& unit : units)
    if (unit.kind == "sekretariat") {
      bool already = false;
      for (const auto& u : users)
        if (u.unitId && *u.unitId == unit.id && u.role == Role::kManager)
          for (const auto& s : chain) already = already || s.username == u.username;
      if (!already) addHeadOf(unit.id, Role::kManager);
    }
  return chain;
}

std::vector<domain::ParafStep> OutgoingService::namedChain(const domain::OutgoingLetter& letter,
                                                           const std::vector<std::string>& names) {
  Violations v;
  std::vector<domain::ParafStep> chain;
  if (names.size() > static_cast<size_t>(domain::kMaxParafSteps))
    v.add("paraf", "names more than three officials (Permendagri 54/2009)");
  for (size_t i = 0; i < names.size() && i < static_cast<size_t>(domain::kMaxParafSteps); ++i) {
    std::string field = "paraf[" + std::to_string(i) + "]";
    auto user = ports_.users.findUserByName(names[i]);
    if (!user || user->officeId != letter.officeId || !user->isActive) {
      v.add(field, "is not an active user of the office");
      continue;
    }
    if (user->role != Role::kSupervisor && user->role != Role::kManager) {
      v.add(field, "must be a supervisor or manager");
      continue;
    }
    if (user->username == letter.drafter) v.add(field, "is the drafter");
    for (const auto& s : chain)
      if (s.username == user->username) v.add(field, "is named twice");
    chain.push_back({0, static_cast<int>(i) + 1, user->username, user->position, domain::ParafState::kPending, ""});
  }
  v.throwIfAny("the paraf chain is not valid");
  return chain;
}

domain::OutgoingLetter OutgoingService::submit(const domain::Actor& actor, std::int64_t id,
                                               const std::vector<std::string>& names) {
  auto letter = mustFind(actor, id);
  if (actor.username != letter.drafter)
    throw Error(ErrorCode::kPermissionDenied, "only the drafter (" + letter.drafter + ") submits the letter");
  if (letter.status != OutgoingStatus::kDraft && letter.status != OutgoingStatus::kReturned)
    throw Error(ErrorCode::kFailedPrecondition,
                "the letter is " + statusName(letter.status) + ": only a draft or a returned letter is submitted");
  auto chain = names.empty() ? defaultChain(letter) : namedChain(letter, names);
  if (chain.empty())
    throw Error(ErrorCode::kFailedPrecondition,
                "no supervisor or manager above the drafter was found: name the paraf officials",
                {{"paraf", "is required for this drafter"}});
  std::string listed;
  for (const auto& s : chain) listed += (listed.empty() ? "" : ", ") + s.username;
  return ports_.letters.submit(actor.officeId, id, letter.status, chain,
                               entry(actor, "outgoing.submit", id,
                                     {{"status", statusName(letter.status), "in_correction"}, {"paraf", "", listed}}));
}

domain::OutgoingLetter OutgoingService::paraf(const domain::Actor& actor, std::int64_t id) {
  auto letter = mustFind(actor, id);
  const auto& step = domain::requireMayParaf(letter, actor);
  auto next = domain::statusAfterParaf(letter);
  return ports_.letters.giveParaf(
      actor.officeId, id, step.round, step.order, ports_.clock.nowUtc(), next,
      entry(actor, "outgoing.paraf", id,
            {{"status", statusName(letter.status), statusName(next)}, {"paraf", "", std::to_string(step.order)}},
            "version " + std::to_string(letter.currentVersion)));
}

domain::OutgoingLetter OutgoingService::returnToDrafter(const domain::Actor& actor, std::int64_t id,
                                                        const std::string& reason) {
  auto letter = mustFind(actor, id);
  domain::requireMayReturn(letter, actor);
  if (reason.find_first_not_of(" \t\n") == std::string::npos || reason.size() > 4000)
    throw Error(ErrorCode::kInvalidArgument, "a return needs its reason",
                {{"reason", "is required (at most 4000 bytes)"}});
  return ports_.letters.returnToDrafter(
      actor.officeId, id, letter.status, reason, actor.username,
      entry(actor, "outgoing.return", id, {{"status", statusName(letter.status), "returned"}}, reason));
}

OutgoingDocumentFacts OutgoingService::factsFor(const domain::OutgoingLetter& letter,
                                                const domain::OutgoingContent& content, bool final,
                                                const std::string& letterDate) {
  OutgoingDocumentFacts facts;
  auto office = ports_.offices.findOffice(letter.officeId);
  if (!office) throw Error(ErrorCode::kInternal, "the office of outgoing letter " + std::to_string(letter.id) + " is missing");
  facts.office = *office;
  facts.letter = letter;
  facts.content = content;
  facts.final = final;
  facts.letterDate = letterDate;
  if (!letter.signedBy.empty()) facts.signer = ports_.users.findUserByName(letter.signedBy);
  if (!facts.signer)
    for (auto& user : ports_.users.listUsers(letter.officeId))
      if (user.role == Role::kHead && user.isActive) {
        facts.signer = user;
        break;
      }
  std::lock_guard<std::mutex> lock(urlMutex_);
  facts.verificationUrl = publicBaseUrl_ + "/api/v1/verify";
  return facts;
}

std::string OutgoingService::render(const OutgoingDocumentFacts& facts, const std::string& paper) {
  return ports_.renderer.renderPdf({"surat_balasan", composer_(facts), facts.office.letterhead, paper});
}

domain::OutgoingLetter OutgoingService::sign(const domain::Actor& actor, std::int64_t id) {
  domain::requireRole(actor, {Role::kHead}, "sign outgoing letters");
  auto letter = mustFind(actor, id);
  bool resuming = letter.status == OutgoingStatus::kSigned && letter.archiveId == 0;
  if (!resuming && letter.status != OutgoingStatus::kAwaitingSignature)
    throw Error(ErrorCode::kFailedPrecondition,
                "the letter is " + statusName(letter.status) + ": the head signs only after every paraf");
  if (!resuming) {
    // Everything that can fail is tried before the number is taken, so a failure leaves no gap.
    std::string today = ports_.clock.nowOffice().substr(0, 10);
    auto trial = factsFor(letter, letter.content, true, today);
    trial.letter.number = "0";
    ports_.signer.sign(render(trial, "F4"), ports::SignRequest{"uji", trial.office.city, "", ""});
    auto office = trial.office;
    ports::OutgoingNumbering numbering{std::stoi(today.substr(0, 4)), std::stoi(today.substr(5, 2)), office.code,
                                       &numberFormat_};
    letter = ports_.letters.takeNumber(actor.officeId, id, numbering, actor.username, ports_.clock.nowUtc(), today,
                                       entry(actor, "outgoing.sign", id, {{"status", "awaiting_signature", "signed"}}));
  }
  return archiveSigned(actor, letter);
}

domain::OutgoingLetter OutgoingService::archiveSigned(const domain::Actor& actor, const domain::OutgoingLetter& letter) {
  auto facts = factsFor(letter, letter.content, true, letter.letterDate);
  std::string pdf = render(facts, "F4");
  std::string signerName = facts.signer ? facts.signer->fullName : letter.signedBy;
  std::string signedPdf = ports_.signer.sign(
      pdf, ports::SignRequest{"Surat balasan " + letter.number, facts.office.city, "", ""});

  ports::ArchiveMetadata base;
  base.kind = "surat_balasan";
  base.letterDate = letter.letterDate;
  base.subject = letter.content.subject;
  base.sender = facts.office.name;
  base.recipient = letter.content.recipient;
  base.classificationCode = letter.content.classificationCode;
  base.tembusan = letter.content.tembusan;
  base.caseId = letter.caseId;
  if (auto incoming = ports_.incoming.find(letter.officeId, letter.incomingLetterId)) {
    base.agendaNumber = incoming->agendaNumber;
    // The channel the complaint came in by, so that an auditor's channel filter finds the reply.
    base.channel = std::string(domain::toString(incoming->fields.channel));
    const auto& r = incoming->fields.reporter;
    for (const auto* part : {&r.name, &r.address, &r.phone, &r.email})
      if (!part->empty()) base.reporterIdentity.push_back(*part);
  }
  if (!letter.content.reporter.empty()) base.reporterIdentity.push_back(letter.content.reporter);

  // The version chain: every version as its KONSEP, each superseding the one before, and the
  // signed final superseding the last.
  std::int64_t previous = 0;
  for (const auto& version : ports_.letters.versions(letter.officeId, letter.id)) {
    auto draftFacts = factsFor(letter, version.content, false, letter.letterDate);
    draftFacts.letter.number.clear();
    draftFacts.draftLabel =
        "Konsep surat keluar " + std::to_string(letter.id) + ", versi " + std::to_string(version.number);
    ports::ArchiveMetadata m = base;
    m.subject = version.content.subject;
    m.recipient = version.content.recipient;
    m.tembusan = version.content.tembusan;
    m.status = version.number == 1 ? "konsep" : "koreksi";
    m.signer = version.author;
    m.supersedesId = previous;
    m.text = "Versi " + std::to_string(version.number) + " oleh " + version.author + "\n" +
             (version.note.empty() ? "" : "Catatan: " + version.note + "\n") + domain::comparableText(version.content);
    previous = ports_.archive.archive(actor, m, render(draftFacts, "F4")).record.id;
  }
  ports::ArchiveMetadata m = base;
  m.outgoingNumber = letter.number;
  m.status = "final";
  m.signer = signerName;
  m.supersedesId = previous;
  m.text = "Nomor " + letter.number + "\n" + domain::comparableText(letter.content) + signerName + "\n";
  auto record = ports_.archive.archive(actor, m, signedPdf).record;
  return ports_.letters.attachArchive(letter.officeId, letter.id, record.id,
                                      entry(actor, "outgoing.archive", letter.id,
                                            {{"archive_id", "", std::to_string(record.id)},
                                             {"sha256", "", record.sha256}}));
}

OutgoingPdf OutgoingService::pdf(const domain::Actor& actor, std::int64_t id, const std::string& paper) {
  auto letter = mustFind(actor, id);
  if (letter.archiveId != 0) {
    auto record = ports_.archiveRecords.find(letter.officeId, letter.archiveId);
    if (!record)
      throw Error(ErrorCode::kInternal, "the archived copy of outgoing letter " + letter.number + " is missing");
    return {ports_.archiveFiles.get(record->sha256, record->metadata.contentType),
            "surat-balasan-" + fileStem(letter.number) + ".pdf"};
  }
  if (letter.status == OutgoingStatus::kSigned)
    throw Error(ErrorCode::kFailedPrecondition,
                "outgoing letter " + letter.number + " is signed but not yet archived: sign again to complete it");
  auto content = letter.content;
  withhold(content, identityHiddenFrom(actor, letter));
  auto facts = factsFor(letter, content, false, ports_.clock.nowOffice().substr(0, 10));
  return {render(facts, paper), "konsep-surat-balasan-" + std::to_string(letter.id) + "-v" +
                                    std::to_string(letter.currentVersion) + ".pdf"};
}

domain::OutgoingLetter OutgoingService::dispatch(const domain::Actor& actor, std::int64_t id,
                                                 const domain::DispatchRecord& record) {
  domain::requireRole(actor, {Role::kRegistrar, Role::kAdmin}, "record dispatches");
  auto letter = mustFind(actor, id);
  auto all = domain::addressees(letter.content);
  Violations v;
  if (std::find(all.begin(), all.end(), record.recipient) == all.end()) {
    std::string names;
    for (const auto& a : all) names += (names.empty() ? "" : "; ") + a;
    v.add("recipient", "must be one of the letter's addressees: " + names);
  }
  const auto& channels = domain::dispatchChannels();
  if (std::find(channels.begin(), channels.end(), record.channel) == channels.end())
    v.add("channel", "must be one of: pos, kurir, email, whatsapp, diantar_langsung, srikandi");
  if (record.proof.find_first_not_of(" \t") == std::string::npos || record.proof.size() > 2000)
    v.add("proof", "is required: receipt number, tracking code or who received it (at most 2000 bytes)");
  v.throwIfAny("the dispatch record is not valid");
  if (letter.status != OutgoingStatus::kSigned && letter.status != OutgoingStatus::kDispatched)
    throw Error(ErrorCode::kFailedPrecondition,
                "the letter is " + statusName(letter.status) + ": only a signed letter is dispatched");
  if (letter.archiveId == 0)
    throw Error(ErrorCode::kFailedPrecondition, "the signed letter is not archived yet: sign again to complete it");
  domain::DispatchRecord r = record;
  r.dispatchedBy = actor.username;
  r.dispatchedAt = ports_.clock.nowUtc();
  // The reporter has the answer once every addressee has the letter: the case moves on with it.
  // Whether this record is the last is known only inside the store's transaction, so the move is
  // prepared for every record and taken only with the last.
  std::optional<ports::CaseAdvance> advance;
  if (letter.caseId > 0 && ports_.workflow)
    advance = ports_.workflow->advanceOn(actor, letter.caseId, domain::workflow::kReplyDispatchedEvent,
                                         "reply " + letter.number + " dispatched to every addressee");
  return ports_.letters.addDispatch(
      actor.officeId, id, r, all.size(),
      entry(actor, "outgoing.dispatch", id, {{"recipient", "", r.recipient}, {"channel", "", r.channel}}, r.proof),
      advance);
}

}  // namespace naskah::services
