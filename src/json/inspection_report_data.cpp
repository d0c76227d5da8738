#include "json/inspection_report_data.h"

#include <sstream>

#include "Poco/JSON/Array.h"
#include "Poco/JSON/Object.h"

namespace naskah::json {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// Where the report leaves something out, the printed page shows a dash rather than a gap.
std::string orDash(const std::string& value) { return value.empty() ? "-" : value; }

Object::Ptr signer(const std::string& position, const domain::User& user) {
  Object::Ptr o = new Object;
  if (!position.empty()) o->set("jabatan", position);
  o->set("nama", user.fullName.empty() ? user.username : user.fullName);
  o->set("nip", user.nip);
  return o;
}

}  // namespace

std::string inspectionReportData(const services::InspectionReportFacts& facts) {
  const auto& f = facts.inspection;
  const auto& report = *f.report;
  Object::Ptr o = new Object;
  o->set("nomor", facts.number);
  o->set("nomor_agenda", orDash(facts.agendaNumber));
  o->set("lokasi", f.place);
  o->set("mulai", report.startedAt.substr(0, 10));
  o->set("selesai", report.finishedAt.substr(0, 10));
  Array team;
  for (size_t i = 0; i < facts.officers.size(); ++i) {
    Object::Ptr member = new Object;
    member->set("nama", facts.officers[i].fullName);
    member->set("peran", i == 0 ? "ketua" : "anggota");
    team.add(member);
  }
  o->set("petugas", team);
  Array findings;
  for (size_t i = 0; i < report.findings.size(); ++i) {
    Object::Ptr row = new Object;
    row->set("no", std::to_string(i + 1));
    row->set("uraian", report.findings[i].description);
    row->set("keterangan", orDash(report.findings[i].remark));
    findings.add(row);
  }
  o->set("temuan", findings);
  o->set("mediasi", orDash(report.mediation));
  Array recommendations;
  for (const auto& r : report.recommendations) recommendations.add(r);
  o->set("rekomendasi", recommendations);
  // Two photos a row, as the template's table has two columns; an odd last one stands alone.
  // The first row keeps with the section's heading ("dokumentasi"), the others follow.
  Array first, later;
  for (size_t i = 0; i < f.photos.size(); i += 2) {
    Array photos;
    for (size_t j = i; j < i + 2; ++j) {
      Object::Ptr photo = new Object;
      if (j < f.photos.size()) {
        photo->set("berkas", facts.photoPaths.at(j));
        photo->set("keterangan", f.photos[j].caption);
      }
      photos.add(photo);
    }
    Object::Ptr row = new Object;
    row->set("foto", photos);
    (i == 0 ? first : later).add(row);
  }
  o->set("dokumentasi", first);
  o->set("foto_lanjutan", later);
  o->set("tanggal", facts.reportDate);
  o->set("kota", orDash(facts.office.city));
  if (facts.assignedBy)
    o->set("mengetahui", signer(facts.assignedBy->position.empty() ? "Kepala Seksi" : facts.assignedBy->position,
                                *facts.assignedBy));
  else {
    domain::User unknown;  // the assigner left the directory: a line to sign by hand
    unknown.fullName = "................................";
    o->set("mengetahui", signer("Kepala Seksi", unknown));
  }
  o->set("ketua", signer("", facts.officers.front()));
  std::ostringstream out;
  o->stringify(out);
  return out.str();
}

}  // namespace naskah::json
