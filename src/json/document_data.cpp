#include "json/document_data.h"

#include <chrono>
#include <set>
#include <sstream>

#include "Poco/JSON/Array.h"
#include "Poco/JSON/Object.h"
#include "domain/common/indonesian_text.h"
#include "domain/workflow/disposition.h"

namespace naskah::json {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string text(const Object::Ptr& object) {
  std::ostringstream out;
  object->stringify(out);
  return out.str();
}

std::string orDash(const std::string& value) { return value.empty() ? "-" : value; }

std::string datePart(const std::string& isoDateTime) { return isoDateTime.substr(0, 10); }

// "09.42": Indonesian writes the time with a dot.
std::string clockTime(const std::string& isoDateTime) {
  if (isoDateTime.size() < 16) return "-";
  return isoDateTime.substr(11, 2) + "." + isoDateTime.substr(14, 2);
}

Object::Ptr person(const domain::User& user) {
  Object::Ptr o = new Object;
  o->set("nama", user.fullName);
  if (!user.nip.empty()) o->set("nip", user.nip);
  return o;
}

unsigned lastDayOfMonth(const std::string& isoDate) {
  using namespace std::chrono;
  year_month_day_last last{year{std::stoi(isoDate.substr(0, 4))},
                           month_day_last{month{static_cast<unsigned>(std::stoi(isoDate.substr(5, 2)))}}};
  return static_cast<unsigned>(last.day());
}

}  // namespace

std::string receiptData(const services::LetterDocumentFacts& facts) {
  const auto& letter = facts.letter;
  const auto& fields = letter.fields;
  Object::Ptr o = new Object;
  o->set("nomor_agenda", letter.agendaNumber);
  o->set("diterima", datePart(fields.receivedAt));
  o->set("jam", clockTime(fields.receivedAt));
  o->set("saluran", std::string(domain::label(fields.channel)));
  Object::Ptr reporter = new Object;
  reporter->set("nama", fields.reporter.name.empty() ? fields.sender : fields.reporter.name);
  o->set("pelapor", reporter);
  o->set("perihal", fields.subject);
  o->set("jenis", std::string(domain::label(fields.complaintKind)));
  o->set("kode_pelacakan", letter.trackingCode);
  o->set("url_pelacakan", facts.trackingUrl);
  o->set("kota", orDash(facts.office.city));
  if (facts.registrar)
    o->set("petugas", person(*facts.registrar));
  else {
    domain::User registrar;
    registrar.username = registrar.fullName = letter.registeredBy;
    o->set("petugas", person(registrar));
  }
  return text(o);
}

std::string dispositionSheetData(const services::LetterDocumentFacts& facts) {
  const auto& letter = facts.letter;
  const auto& fields = letter.fields;
  Object::Ptr o = new Object;
  Object::Ptr surat = new Object;
  surat->set("dari", letter.fields.sender);
  surat->set("nomor", orDash(fields.senderLetterNumber));
  surat->set("tanggal", fields.senderLetterDate.empty() ? datePart(fields.receivedAt) : fields.senderLetterDate);
  surat->set("perihal", fields.subject);
  o->set("surat", surat);
  Object::Ptr agenda = new Object;
  agenda->set("nomor", letter.agendaNumber);
  agenda->set("diterima", datePart(fields.receivedAt));
  agenda->set("klasifikasi", orDash(fields.classificationCode));
  o->set("agenda", agenda);
  Array sifat;
  for (auto urgency : {domain::Urgency::kSangatSegera, domain::Urgency::kSegera, domain::Urgency::kRahasia}) {
    Object::Ptr item = new Object;
    item->set("nama", std::string(domain::label(urgency)));
    if (fields.urgency == urgency) item->set("dipilih", true);
    sifat.add(item);
  }
  o->set("sifat", sifat);
  // What the head disposed: recipients, the instructions ticked, notes, the earliest deadline.
  Array recipients;
  std::set<std::string> ticked;
  std::string notes, deadline, disposedOn;
  for (size_t i = 0; i < facts.headDispositions.size(); ++i) {
    const auto& d = facts.headDispositions[i];
    const auto& who = facts.dispositionRecipients[i];
    recipients.add(who.position.empty() ? who.fullName : who.position + " (" + who.fullName + ")");
    ticked.insert(d.instructions.begin(), d.instructions.end());
    if (!d.note.empty() && notes.find(d.note) == std::string::npos) notes += (notes.empty() ? "" : " ") + d.note;
    if (deadline.empty() || d.deadline < deadline) deadline = d.deadline;
    if (disposedOn.empty()) disposedOn = datePart(d.createdAt);
  }
  o->set("kepada", recipients);
  Array instructions;
  const auto& standard = facts.standardInstructions.empty() ? domain::workflow::defaultStandardInstructions()
                                                            : facts.standardInstructions;
  for (const auto& instruction : standard) {
    Object::Ptr item = new Object;
    item->set("teks", instruction);
    if (ticked.count(instruction)) item->set("dipilih", true);
    instructions.add(item);
  }
  o->set("instruksi", instructions);
  if (!notes.empty()) o->set("catatan", notes);
  if (!deadline.empty()) o->set("batas_waktu", datePart(deadline));
  if (!disposedOn.empty()) o->set("tanggal", disposedOn);
  o->set("url", facts.trackingUrl);
  o->set("kode_pelacakan", letter.trackingCode);
  Object::Ptr head = new Object;
  const auto& disposer = facts.disposer ? facts.disposer : facts.head;
  if (disposer) {
    head->set("jabatan", disposer->position.empty() ? "KEPALA DINAS" : disposer->position);
    head->set("nama", disposer->fullName);
    if (!disposer->nip.empty()) head->set("nip", disposer->nip);
  } else {
    head->set("jabatan", "KEPALA DINAS");
    head->set("nama", "................................");
  }
  o->set("pendisposisi", head);
  return text(o);
}

std::string agendaBookData(const services::AgendaBookFacts& facts) {
  Object::Ptr o = new Object;
  o->set("kantor", facts.office.name + (facts.office.government.empty() ? "" : " - " + facts.office.government));
  std::string from = domain::formatIndonesianDate(facts.from);
  std::string to = domain::formatIndonesianDate(facts.to);
  bool wholeMonth = facts.from.substr(0, 7) == facts.to.substr(0, 7) && facts.from.substr(8) == "01" &&
                    std::stoul(facts.to.substr(8)) == lastDayOfMonth(facts.to);
  o->set("periode", wholeMonth ? from.substr(from.find(' ') + 1) : from + " s.d. " + to);
  Array entries;
  for (const auto& letter : facts.letters) {
    const auto& fields = letter.fields;
    Object::Ptr entry = new Object;
    entry->set("nomor", letter.agendaNumber);
    entry->set("diterima", datePart(fields.receivedAt));
    entry->set("pengirim", letter.fields.sender);
    if (!fields.senderLetterDate.empty()) entry->set("tanggal_surat", fields.senderLetterDate);
    entry->set("nomor_surat", orDash(fields.senderLetterNumber));
    entry->set("perihal", fields.subject);
    entry->set("lampiran", orDash(fields.enclosures));
    entry->set("diteruskan", "");
    std::string note = letter.isVoid ? "BATAL: " + letter.voidReason : std::string(domain::label(fields.urgency));
    entry->set("keterangan", note == "Biasa" ? std::string(domain::label(fields.channel)) : note);
    entries.add(entry);
  }
  o->set("entri", entries);
  return text(o);
}

}  // namespace naskah::json
