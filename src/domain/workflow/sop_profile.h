// An SOP profile: one office's procedure (a seed SOP) as data — its role names mapped onto
// Naskah's roles, its steps with performer, mutu baku (time standard) and output document, and
// the branches between them. Loaded from samples/sop/*.json (json/sop_profile_json.h) and
// validated here, so that a profile built in code and one read from a file obey the same rules.
// The file format is described in docs/workflow.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/auth/role.h"
#include "domain/common/error.h"
#include "domain/letters/incoming_letter.h"
#include "domain/workflow/working_calendar.h"

namespace naskah::domain::workflow {

// The state of a closed case, and the `to` of a branch that closes it.
inline constexpr std::string_view kClosedState = "selesai";

enum class TimeUnit { kMinutes, kHours, kWorkingDays };
std::string_view toString(TimeUnit unit);  // "minutes", "hours", "working_days"
std::optional<TimeUnit> parseTimeUnit(std::string_view name);

// Mutu baku "waktu". Minutes and hours count office time, like working days.
struct TimeStandard {
  std::int64_t amount = 0;
  TimeUnit unit = TimeUnit::kMinutes;
  friend bool operator==(const TimeStandard&, const TimeStandard&) = default;
};
// How documents and the UI say it: "5 menit", "1 jam", "3 hari kerja".
std::string describe(const TimeStandard& standard);
// The moment the standard runs out when started at `start`, on the office calendar.
LocalDateTime dueFrom(const WorkingCalendar& calendar, const LocalDateTime& start, const TimeStandard& standard);

// Events Naskah itself raises, which may take a branch without anyone choosing it.
// "reply_dispatched": the reply letter of the case has been dispatched to every addressee.
inline constexpr std::string_view kReplyDispatchedEvent = "reply_dispatched";
// Every event a branch may name, for validation and messages.
const std::vector<std::string_view>& knownEvents();

// One way out of a step: the choice its performer makes ("setujui" / "kembalikan").
struct Branch {
  std::string condition;  // identifier, unique within the step; what a transition request names
  std::string label;      // what the UI button says, in Indonesian
  std::string to;         // a step id, or kClosedState to close the case
  // A known event (knownEvents()) that takes this branch by itself when the case stands at the
  // step, so the office does not record by hand what Naskah already knows; "" = users only.
  std::string event{};
};

struct Step {
  std::string id;         // identifier, unique in the profile: "koreksi_kepala_seksi"
  std::string name;       // the SOP's activity, in Indonesian
  std::string performer;  // an office role name: a key of SopProfile::roles
  // Office role names that may record the step for the performer, where the performer is no
  // Naskah user (a walk-in reporter, the Walikota) or cannot act in Naskah themselves.
  std::vector<std::string> recordedBy;
  std::optional<TimeStandard> timeStandard;  // none where the SOP writes "-"
  std::string output;       // document template name (tanda_terima, surat_balasan, ...), or empty
  std::string outputLabel;  // the SOP's output column, as written
  std::vector<Branch> next;  // at least one; a step with a branch to kClosedState is final
};

// How a case enters the procedure: by the channel its item arrived through.
struct Entry {
  std::string id;                     // "online", "offline"
  std::string label;                  // "Pengaduan online (FB, website, WA)"
  std::vector<std::string> channels;  // channel wire names (incoming_letter.h): "whatsapp", ...
  std::string step;                   // the first step of the office
  std::string intake;                 // the SOP's row for the reporter's own act, as written
};

// An office role name of the SOP ("Pejabat Es. IV & Es. III") and the Naskah roles whose users
// act as it. No Naskah role marks a party outside Naskah (the Walikota): steps it performs need
// recordedBy.
struct RoleMapping {
  std::string officeRole;
  std::vector<std::string> naskahRoles;  // wire names of domain::Role: "manager", "supervisor"
};

// Work the SOP repeats on a schedule rather than per case (003: "Laporan setiap bulan").
struct PeriodicTask {
  std::string id;
  std::string name;
  std::string performer;  // an office role name
  std::string period;     // "bulanan" (monthly); the only period so far
  std::optional<TimeStandard> timeStandard;
  std::string output;
  std::string outputLabel;
};

struct SopProfile {
  std::string id;     // "002-pengaduan-surat"; the name cases store
  std::string title;  // the SOP's title
  std::string seed;   // the seed file it transcribes: "002_9a8fd71e17f143c0.txt"
  std::string office; // whose procedure it is, as the SOP names it
  std::optional<TimeStandard> totalTimeStandard;  // the SOP's "Total Waktu" for a whole case
  std::vector<RoleMapping> roles;
  std::vector<Entry> entries;
  std::vector<Step> steps;
  std::vector<PeriodicTask> periodicTasks;
  std::vector<std::string> notes;  // why the transcription reads the SOP the way it does

  const Step* findStep(std::string_view stepId) const;
  // The entry taking that channel, or nullptr.
  const Entry* entryFor(Channel channel) const;
  // The Naskah roles an office role name maps to (unknown names and roles are skipped).
  std::vector<Role> rolesOf(std::string_view officeRole) const;
  // Who may take a step's transitions: the performer's roles, then those of recordedBy.
  std::vector<Role> rolesFor(const Step& step) const;
  bool isFinal(const Step& step) const;
  // The branch of the step that `event` takes, or nullptr.
  static const Branch* branchOn(const Step& step, std::string_view event);
};

// The branch condition a case of that scale takes at a scale-routed step (seed 004):
// "skala_kecil", "skala_menengah", "skala_besar", "umum".
std::string_view scaleCondition(Scale scale);

// Whether a branch condition is one of the four scale routes: a case takes only the route of
// the scale it was registered with (correcting the registered scale changes the route).
bool isScaleCondition(std::string_view condition);

// Adds every problem of the profile to violations, each named by its place ("steps.<id>.next[1]")
// and saying what is wrong: empty or repeated ids, an unknown office role or Naskah role, a
// branch to a step that does not exist, a step no entry reaches, a step from which the case can
// never close (a loop with no way out), no final step, a channel unknown or taken twice, a time
// standard that is not positive, an event that is not known or taken by two branches of a step, an output that is not one of knownTemplates (skipped when the
// list is empty). Loops are allowed when they have a way out (return for correction).
void collectViolations(const SopProfile& profile, Violations& violations,
                       const std::vector<std::string>& knownTemplates = {});
// Throws one Error(kInvalidArgument) "SOP profile <source>: ..." listing every problem.
void validate(const SopProfile& profile, std::string_view source, const std::vector<std::string>& knownTemplates = {});

}  // namespace naskah::domain::workflow
