// Field inspections (seed 002 steps 5 and 6): a supervisor — or a manager or the head — sends
// officers to the place of a complaint; an officer of that team records the report (findings,
// mediation, recommendations) and uploads photos; the report prints as the Laporan Hasil
// Pemeriksaan. This class decides who may do what; entry points map JSON in and out
// (json/inspection_json.h) and the report's template data (json/inspection_report_data.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/auth/role.h"
#include "domain/inspection/field_inspection.h"
#include "domain/office/office.h"
#include "ports/directory.h"
#include "ports/incoming_letter_repository.h"
#include "ports/inspection.h"
#include "ports/platform.h"

namespace naskah::services {

struct InspectionPhotoContent {
  domain::inspection::InspectionPhoto photo;
  std::string content;
};

// What the report's template is filled from.
struct InspectionReportFacts {
  domain::Office office;
  domain::inspection::FieldInspection inspection;  // reported
  std::string number;        // domain::inspection::reportNumber
  std::string agendaNumber;  // of the complaint it answers
  std::vector<domain::User> officers;     // the team in order, the leader first
  std::optional<domain::User> assignedBy;  // who sent them: signs "Mengetahui"
  std::vector<std::string> photoPaths;     // the files of inspection.photos, in order, for the renderer
  std::string reportDate;                  // YYYY-MM-DD, office time of the report
};

class InspectionService {
 public:
  struct Ports {
    ports::InspectionRepository& inspections;
    ports::IncomingLetterRepository& letters;
    ports::UserRepository& users;
    ports::OfficeRepository& offices;
    ports::BlobStore& blobs;
    const ports::ImageProbe& images;
    const ports::Clock& clock;
  };
  // maxPhotoBytes: the upload limit, the same as for the agenda's scans.
  InspectionService(Ports ports, std::int64_t maxPhotoBytes);

  // Supervisor, manager or head sends active officers of the office to inspect the complaint of
  // an incoming letter. kInvalidArgument naming every bad field (an officer id that is no active
  // officer of the office included); kNotFound for an unknown letter; kFailedPrecondition when
  // the entry is void or its case closed.
  domain::inspection::FieldInspection assign(const domain::Actor& actor, std::int64_t letterId,
                                             const domain::inspection::InspectionAssignment& assignment);
  // Everyone inside the office but the reporter. kNotFound when absent.
  domain::inspection::FieldInspection get(const domain::Actor& actor, std::int64_t id);
  std::vector<domain::inspection::FieldInspection> listForLetter(const domain::Actor& actor, std::int64_t letterId);

  // An officer of the team records (or corrects) the report. expectedVersion (0 = current)
  // guards against a lost update: a stale one is kFailedPrecondition. Anyone else kPermissionDenied.
  domain::inspection::FieldInspection recordReport(const domain::Actor& actor, std::int64_t id,
                                                   const domain::inspection::InspectionReport& report,
                                                   std::int64_t expectedVersion);
  // An officer of the team adds a photo: PNG or JPEG judged from the bytes and printable, at most
  // the upload limit (kTooLarge), a file name without a path (kInvalidArgument), a one-line caption.
  domain::inspection::InspectionPhoto addPhoto(const domain::Actor& actor, std::int64_t id, const std::string& fileName,
                                               const std::string& caption, const std::string& content);
  // Photo n (1-based, upload order) with its bytes; readers as for get.
  InspectionPhotoContent photo(const domain::Actor& actor, std::int64_t id, int number);

  // The facts of the Laporan Hasil Pemeriksaan; readers as for get. kFailedPrecondition before
  // the report is recorded.
  InspectionReportFacts reportFacts(const domain::Actor& actor, std::int64_t id);

 private:
  domain::inspection::FieldInspection mustFind(const domain::Actor& actor, std::int64_t id);
  // The inspection, when the actor is an officer of its team and it may still change.
  domain::inspection::FieldInspection forTeamWork(const domain::Actor& actor, std::int64_t id, const char* action);

  Ports ports_;
  std::int64_t maxPhotoBytes_;
};

}  // namespace naskah::services
