#include "services/archive_service.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "domain/common/error.h"
#include "domain/letters/incoming_letter.h"

namespace naskah::services {
namespace {

using domain::Role;

bool isIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// Replaces every occurrence of each identity item, ignoring ASCII case ("AHMAD" in a
// letter's address block is the same name as "Ahmad").
std::string masked(std::string text, const std::vector<std::string>& identity) {
  for (const auto& item : identity) {
    if (item.size() < 3) continue;  // a two-letter item would mask ordinary words
    auto equal = [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    };
    for (auto it = std::search(text.begin(), text.end(), item.begin(), item.end(), equal); it != text.end();
         it = std::search(text.begin(), text.end(), item.begin(), item.end(), equal)) {
      std::size_t at = static_cast<std::size_t>(it - text.begin());
      text.replace(at, item.size(), kWithheld);
    }
  }
  return text;
}

bool hasControl(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 && c != '\n' && c != '\t' && c != '\r'; });
}

}  // namespace

const std::vector<std::string>& archiveKinds() {
  static const std::vector<std::string> kKinds{"surat_balasan",    "surat_dinas",  "laporan_pemeriksaan",
                                               "lembar_disposisi", "tanda_terima", "surat_masuk_scan",
                                               "formulir_pengaduan", "rekapitulasi", "berita_acara"};
  return kKinds;
}

std::string allArchiveKindNames() {
  std::string out;
  for (const auto& k : archiveKinds()) out += (out.empty() ? "" : ", ") + k;
  return out;
}

void requireArchiveReader(const domain::Actor& actor) {
  domain::requireRole(actor, {Role::kAuditor, Role::kHead, Role::kManager, Role::kSupervisor, Role::kAdmin},
                      "read the archive");
}

void withholdIdentity(ports::ArchiveRecord& record) {
  // Stored fields are masked already (archive()); the identity list itself is what is left.
  record.metadata.reporterIdentity.clear();
}

ArchiveService::ArchiveService(ports::ArchiveRepository& repository, ports::ArchiveFiles& files,
                               const ports::Clock& clock)
    : repository_(repository), files_(files), clock_(clock) {}

ports::ArchiveRepository::AddResult ArchiveService::archive(const domain::Actor& actor, ports::ArchiveMetadata m,
                                                            const std::string& content, const std::string& auditNote) {
  domain::requireRole(actor, {Role::kRegistrar, Role::kHead, Role::kManager, Role::kSupervisor, Role::kOfficer,
                              Role::kAdmin},
                      "archive documents");
  Violations v;
  if (std::find(archiveKinds().begin(), archiveKinds().end(), m.kind) == archiveKinds().end())
    v.add("kind", "has unknown value \"" + m.kind.substr(0, 40) + "\"; use one of: " + allArchiveKindNames());
  if (!isIsoDate(m.letterDate)) v.add("letter_date", "must be a date YYYY-MM-DD");
  if (!m.channel.empty() && !domain::parseChannel(m.channel))
    v.add("channel", "has unknown value; use one of: " + domain::allChannelNames());
  if (content.empty()) v.add("content", "is empty");
  if (m.contentType != "application/pdf" && m.contentType != "image/png" && m.contentType != "image/jpeg")
    v.add("content_type", "must be application/pdf, image/png or image/jpeg");
  for (const auto* field : {&m.subject, &m.sender, &m.recipient, &m.signer, &m.outgoingNumber, &m.agendaNumber,
                            &m.classificationCode, &m.status})
    if (hasControl(*field) || field->find('\n') != std::string::npos) {
      v.add("metadata", "holds a control character or a line break");
      break;
    }
  for (const auto& line : m.tembusan)
    if (line.empty() || line.find('\n') != std::string::npos) v.add("tembusan", "has an empty or multi-line entry");
  v.throwIfAny("the document cannot be archived");

  const auto& identity = m.reporterIdentity;
  m.subject = masked(m.subject, identity);
  m.text = masked(m.text, identity);
  m.sender = masked(m.sender, identity);
  m.recipient = masked(m.recipient, identity);
  for (auto& line : m.tembusan) line = masked(line, identity);
  m.reporterIdentity.erase(std::remove_if(m.reporterIdentity.begin(), m.reporterIdentity.end(),
                                          [](const std::string& s) { return s.empty() || s.find('\n') != std::string::npos; }),
                           m.reporterIdentity.end());

  // The file first: once put() returns it is on disk for good, so the row can name it.
  ports::NewArchiveRecord record;
  record.sha256 = files_.put(content, m.contentType);
  record.officeId = actor.officeId;
  record.sizeBytes = static_cast<std::int64_t>(content.size());
  record.archivedBy = actor.username;
  record.archivedAt = clock_.nowUtc();
  record.metadata = std::move(m);
  const auto& md = record.metadata;
  std::vector<ports::FieldChange> changes{{"kind", "", md.kind}, {"sha256", "", record.sha256},
                                          {"size_bytes", "", std::to_string(record.sizeBytes)}};
  if (!md.outgoingNumber.empty()) changes.push_back({"outgoing_number", "", md.outgoingNumber});
  if (md.supersedesId) changes.push_back({"supersedes_id", "", std::to_string(md.supersedesId)});
  ports::AuditEntry audit{actor.username, "archive.add", "archive_document", "", changes, auditNote};
  auto result = repository_.add(record, audit);
  if (!domain::roleSeesReporterIdentity(actor.role)) withholdIdentity(result.record);
  return result;
}

ports::ArchiveRecord ArchiveService::get(const domain::Actor& actor, std::int64_t id) {
  requireArchiveReader(actor);
  auto record = repository_.find(actor.officeId, id);
  if (!record) throw Error(ErrorCode::kNotFound, "archived document " + std::to_string(id) + " does not exist");
  if (!domain::roleSeesReporterIdentity(actor.role)) withholdIdentity(*record);
  return *record;
}

ArchivedFile ArchiveService::file(const domain::Actor& actor, std::int64_t id) {
  ArchivedFile out{get(actor, id), ""};
  out.content = files_.get(out.record.sha256, out.record.metadata.contentType);
  return out;
}

FsckReport ArchiveService::fsck() {
  FsckReport report;
  std::map<std::string, std::int64_t> sizeOnDisk;
  std::set<std::string> indexedPaths;
  auto stored = files_.list();
  for (const auto& f : stored) sizeOnDisk[f.path] = f.sizeBytes;
  for (const auto& row : repository_.indexedFiles()) {
    ++report.recordsChecked;
    std::string path = files_.pathOf(row.sha256, row.contentType);
    std::string where = "record " + std::to_string(row.id);
    auto it = sizeOnDisk.find(path);
    if (it == sizeOnDisk.end()) {
      report.problems.push_back({"missing", path, where + " names a file that is not there"});
      continue;
    }
    if (!indexedPaths.insert(path).second) continue;  // several offices, one content
    if (it->second != row.sizeBytes) {
      report.problems.push_back({"size_mismatch", path,
                                 where + ": " + std::to_string(it->second) + " bytes on disk, " +
                                     std::to_string(row.sizeBytes) + " recorded"});
      continue;
    }
    std::string actual = files_.hashOf(path);
    if (actual != row.sha256)
      report.problems.push_back({"corrupted", path, where + ": the content hashes to " + actual});
  }
  for (const auto& f : stored) {
    ++report.filesChecked;
    if (indexedPaths.count(f.path)) continue;
    bool temporary = f.path.find(".tmp") != std::string::npos;
    report.problems.push_back({temporary ? "temporary" : "orphan", f.path,
                               temporary ? "left by an interrupted write; safe to delete"
                                         : "no archive record names this file"});
  }
  return report;
}

}  // namespace naskah::services
