#include "json/outgoing_letter_data.h"

#include <sstream>

#include "Poco/JSON/Array.h"
#include "Poco/JSON/Object.h"

namespace naskah::json {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// Jabatan in the signer block are written in capitals (Tata Naskah Dinas). ASCII only: names
// of offices are.
std::string upper(std::string text) {
  for (char& c : text)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return text;
}

Array::Ptr array(const std::vector<std::string>& items) {
  Array::Ptr a = new Array;
  for (const auto& item : items) a->add(item);
  return a;
}

}  // namespace

std::string outgoingLetterData(const services::OutgoingDocumentFacts& facts) {
  const auto& c = facts.content;
  Object::Ptr o = new Object;
  if (facts.final && !facts.letter.number.empty())
    o->set("nomor", facts.letter.number);
  else if (!facts.final && !facts.draftLabel.empty())
    o->set("nomor", "(" + facts.draftLabel + ")");
  o->set("sifat", std::string(domain::label(c.urgency)));
  if (c.enclosureCount > 0) {
    Object::Ptr lampiran = new Object;
    lampiran->set("jumlah", c.enclosureCount);
    lampiran->set("satuan", c.enclosureUnit);
    o->set("lampiran", lampiran);
  }
  o->set("hal", c.subject);
  o->set("tempat", facts.office.city.empty() ? std::string("-") : facts.office.city);
  o->set("tanggal", facts.letterDate);
  Object::Ptr tujuan = new Object;
  tujuan->set("kepada", c.recipient);
  tujuan->set("alamat", array(c.recipientAddress));
  o->set("tujuan", tujuan);
  o->set("paragraf", array(c.paragraphs));
  o->set("penutup", c.closing);
  if (!c.tembusan.empty()) o->set("tembusan", array(c.tembusan));

  Object::Ptr signer = new Object;
  std::string position = facts.signer ? facts.signer->position : std::string("Kepala");
  switch (c.capacity) {
    case domain::SignerCapacity::kAtasNama:
      signer->set("an", upper(c.onBehalfOf));
      break;
    case domain::SignerCapacity::kUntukBeliau:
      signer->set("an", upper(c.onBehalfOf));
      signer->set("ub", upper(c.intermediary));
      break;
    case domain::SignerCapacity::kPlt:
      signer->set("status", "Plt.");
      break;
    case domain::SignerCapacity::kPlh:
      signer->set("status", "Plh.");
      break;
    case domain::SignerCapacity::kOwn:
      break;
  }
  signer->set("jabatan", upper(position));
  signer->set("nama", facts.signer ? facts.signer->fullName : std::string("-"));
  signer->set("nip", facts.signer ? facts.signer->nip : std::string("-"));
  if (facts.final) {
    signer->set("tte", true);
    signer->set("verifikasi", facts.verificationUrl);
    o->set("tte_verifikasi", facts.verificationUrl);
  } else {
    o->set("konsep", true);
    if (!facts.letter.paraf.empty()) {
      Array::Ptr paraf = new Array;
      for (const auto& step : facts.letter.paraf) {
        Object::Ptr p = new Object;
        p->set("no", step.order);
        p->set("jabatan", step.position.empty() ? step.username : step.position);
        if (step.state == domain::ParafState::kGiven && step.givenAt.size() >= 10)
          p->set("diparaf", step.givenAt.substr(0, 10));
        paraf->add(p);
      }
      signer->set("paraf", paraf);
    }
  }
  o->set("penandatangan", signer);
  std::ostringstream out;
  o->stringify(out);
  return out.str();
}

}  // namespace naskah::json
