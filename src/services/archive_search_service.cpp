#include "services/archive_search_service.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "domain/common/error.h"
#include "domain/letters/incoming_letter.h"
#include "services/agenda_csv.h"
#include "services/archive_service.h"

namespace naskah::services {
namespace {

bool isIsoDay(const std::string& s) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  return s[4] == '-' && s[7] == '-' && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

bool isToken(const std::string& s) {
  return s.size() <= 60 && std::all_of(s.begin(), s.end(), [](unsigned char c) {
           return std::isalnum(c) || c == '_' || c == '.' || c == '-';
         });
}

int wordCount(const std::string& text) {
  int words = 0;
  bool inWord = false;
  for (unsigned char c : text) {
    bool space = std::isspace(c);
    if (!space && !inWord) ++words;
    inWord = !space;
  }
  return words;
}

}  // namespace

void checkArchiveQuery(const ports::ArchiveQuery& q, Violations& v) {
  if (!q.from.empty() && !isIsoDay(q.from)) v.add("from", "must be a date YYYY-MM-DD");
  if (!q.to.empty() && !isIsoDay(q.to)) v.add("to", "must be a date YYYY-MM-DD");
  if (isIsoDay(q.from) && isIsoDay(q.to) && q.from > q.to) v.add("to", "is before from");
  if (!q.kind.empty() && std::find(archiveKinds().begin(), archiveKinds().end(), q.kind) == archiveKinds().end())
    v.add("kind", "has unknown value \"" + q.kind.substr(0, 40) + "\"; use one of: " + allArchiveKindNames());
  if (!q.channel.empty() && !domain::parseChannel(q.channel))
    v.add("channel", "has unknown value \"" + q.channel.substr(0, 40) + "\"; use one of: " + domain::allChannelNames());
  if (!isToken(q.classificationCode)) v.add("classification_code", "must be a code such as 400.9.1");
  if (!isToken(q.status)) v.add("status", "must be one word such as final");
  if (wordCount(q.text) > kMaxArchiveWords)
    v.add("q", "has more than " + std::to_string(kMaxArchiveWords) + " words");
  for (const auto* field : {&q.text, &q.sender, &q.recipient, &q.signer})
    if (field->size() > 500) v.add("q", "is longer than 500 bytes");
  if (q.perPage < 1 || q.perPage > kMaxArchivePerPage)
    v.add("per_page", "must be between 1 and " + std::to_string(kMaxArchivePerPage));
  if (q.page < 1)
    v.add("page", "must be 1 or more");
  else if (q.perPage >= 1 && static_cast<long long>(q.page - 1) * q.perPage >= ports::kArchiveRankWindow)
    v.add("page", "goes past the first " + std::to_string(ports::kArchiveRankWindow) +
                      " hits; add words or filters to narrow the search");
}

ports::ArchiveHits ArchiveSearchService::search(const domain::Actor& actor, ports::ArchiveQuery query) {
  requireArchiveReader(actor);
  Violations v;
  checkArchiveQuery(query, v);
  v.throwIfAny("the search is not valid");
  query.officeId = actor.officeId;
  bool seesIdentity = domain::roleSeesReporterIdentity(actor.role);
  query.searchIdentity = seesIdentity;
  auto hits = repository_.search(query);
  if (!seesIdentity)
    for (auto& hit : hits.items) withholdIdentity(hit.record);
  return hits;
}

ports::ArchiveHits ArchiveSearchService::searchAll(const domain::Actor& actor, ports::ArchiveQuery query, int limit) {
  ports::ArchiveHits all;
  query.perPage = kMaxArchivePerPage;
  limit = std::min(limit, ports::kArchiveRankWindow);
  for (query.page = 1; static_cast<int>(all.items.size()) < limit; ++query.page) {
    auto page = search(actor, query);
    all.total = page.total;
    all.totalIsLowerBound = page.totalIsLowerBound;
    for (auto& hit : page.items)
      if (static_cast<int>(all.items.size()) < limit) all.items.push_back(std::move(hit));
    if (page.items.size() < static_cast<size_t>(query.perPage) ||
        query.page * query.perPage >= ports::kArchiveRankWindow)
      break;
  }
  return all;
}

std::string plainSnippet(const std::string& html) {
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    auto startsWith = [&](std::string_view s) { return html.compare(i, s.size(), s) == 0; };
    if (startsWith(ports::kHighlightOpen)) out += '[', i += ports::kHighlightOpen.size();
    else if (startsWith(ports::kHighlightClose)) out += ']', i += ports::kHighlightClose.size();
    else if (startsWith("&amp;")) out += '&', i += 5;
    else if (startsWith("&lt;")) out += '<', i += 4;
    else if (startsWith("&gt;")) out += '>', i += 4;
    else if (startsWith("&quot;")) out += '"', i += 6;
    else out += html[i++];
  }
  return out;
}

std::string archiveCsv(const ports::ArchiveHits& hits) {
  std::string out =
      "id,kind,outgoing_number,agenda_number,letter_date,subject,sender,recipient,signer,classification_code,"
      "channel,status,tembusan,case_id,supersedes_id,sha256,size_bytes,archived_at,score,snippet\r\n";
  for (const auto& hit : hits.items) {
    const auto& r = hit.record;
    const auto& m = r.metadata;
    std::string tembusan;
    for (const auto& t : m.tembusan) tembusan += (tembusan.empty() ? "" : "; ") + t;
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", hit.score);
    std::vector<std::string> cells{std::to_string(r.id), m.kind, m.outgoingNumber, m.agendaNumber, m.letterDate,
                                   m.subject, m.sender, m.recipient, m.signer, m.classificationCode, m.channel,
                                   m.status, tembusan, m.caseId ? std::to_string(m.caseId) : "",
                                   m.supersedesId ? std::to_string(m.supersedesId) : "", r.sha256,
                                   std::to_string(r.sizeBytes), r.archivedAt, score, plainSnippet(hit.snippet)};
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + csvCell(std::move(cells[i]));
    out += line + "\r\n";
  }
  return out;
}

}  // namespace naskah::services
