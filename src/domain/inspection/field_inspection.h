// A field inspection (pemeriksaan lapangan, seed 002 step 6): the officers a supervisor sends to
// the place of a complaint, when and where, and what they bring back — findings, the mediation
// between the parties, recommendations and photos — which becomes the Laporan Hasil Pemeriksaan
// attached to the reply letter. Pure rules; storing, roles and audit are the service's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/error.h"

namespace naskah::domain::inspection {

// Scheduled when assigned; reported once an officer of the team records the report.
enum class InspectionStatus { kScheduled, kReported };
std::string_view toString(InspectionStatus status);  // "scheduled", "reported"
std::optional<InspectionStatus> parseInspectionStatus(std::string_view name);

inline constexpr std::size_t kMaxOfficers = 10;
inline constexpr std::size_t kMaxPhotos = 50;

// One row of the report's findings table.
struct Finding {
  std::string description;  // uraian temuan
  std::string remark;       // keterangan, optional
  friend bool operator==(const Finding&, const Finding&) = default;
};

// What the team brings back from the place.
struct InspectionReport {
  std::string startedAt;   // office time, "2026-11-10T08:00:00"
  std::string finishedAt;  // office time, not before startedAt
  std::vector<Finding> findings;             // at least one
  std::string mediation;                     // mediasi between the parties; "" when none took place
  std::vector<std::string> recommendations;  // saran dan rekomendasi, at least one
};

// What the supervisor (or a manager or the head) decides when sending officers out.
struct InspectionAssignment {
  std::vector<std::int64_t> officerIds;  // at least one; the first leads the team (ketua)
  std::string scheduledAt;               // office time
  std::string place;                     // lokasi
  std::string instructions;              // optional note to the team
};

struct InspectionOfficer {
  std::int64_t userId = 0;
  std::string username;
};

// A photo from the place; the bytes live in the blob store under sha256.
struct InspectionPhoto {
  int number = 0;            // 1, 2, … in upload order within the inspection
  std::string fileName;      // the client's name, kept as a label only
  std::string contentType;   // "image/png" or "image/jpeg", judged from the bytes
  std::int64_t sizeBytes = 0;
  std::string sha256;
  std::string caption;       // printed under the photo
  std::string uploadedBy;
  std::string uploadedAt;
};

struct FieldInspection {
  std::int64_t id = 0;
  std::int64_t officeId = 0;
  std::int64_t caseId = 0;
  std::int64_t incomingLetterId = 0;
  std::vector<InspectionOfficer> officers;  // the leader first
  std::string scheduledAt;
  std::string place;
  std::string instructions;
  std::string assignedBy;  // username
  std::string assignedAt;  // UTC
  InspectionStatus status = InspectionStatus::kScheduled;
  std::optional<InspectionReport> report;  // set once reported
  std::string reportedBy;
  std::string reportedAt;  // UTC
  std::vector<InspectionPhoto> photos;
  std::int64_t version = 1;  // bumps on every change; guards a report against a lost update
  bool caseClosed = false;   // the case it belongs to is closed: nothing changes any more

  bool hasOfficer(std::int64_t userId) const;
};

// Adds every problem of the assignment (or report) to violations, as validated() names them.
void collectViolations(const InspectionAssignment& assignment, Violations& violations);
void collectViolations(const InspectionReport& report, Violations& violations);

// The assignment with its time in the stored form ("…T08:00:00"); throws Error(kInvalidArgument)
// naming every bad field: officers (none, too many, one twice), scheduled_at, place, instructions.
InspectionAssignment validated(InspectionAssignment assignment);
// The report with its times in the stored form; throws Error(kInvalidArgument) naming every bad
// field: started_at, finished_at (also before started_at), findings[i].description, mediation,
// recommendations[i], and the limits of each.
InspectionReport validated(InspectionReport report);

// A photo's caption: one line of at most 300 bytes; throws Error(kInvalidArgument) on "caption".
void validateCaption(const std::string& caption);

// The report's number: "<classification>/LHP-<id>/<office code>/<year>", classification "000"
// when the letter has none (the number names the inspection, not a register: it needs no counter).
std::string reportNumber(std::int64_t inspectionId, const std::string& classificationCode,
                         const std::string& officeCode, int year);

}  // namespace naskah::domain::inspection
