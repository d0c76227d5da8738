// Walks the demo's reply letters (samples/replies.json) through the real reply cycle, so that a
// new data folder's archive holds signed finals with their version chains: the officer drafts,
// the supervisor corrects, the paraf chain endorses in order, the head signs (number, PAdES,
// archive) and the registrar dispatches to every addressee. Every step goes through
// OutgoingService as a user's request would, with its checks and audit events.
#pragma once

#include <string>
#include <vector>

#include "cli/runtime.h"

namespace naskah::cli {

struct ReplySummary {
  std::vector<std::string> numbers;  // the outgoing numbers the signed finals took, in order
};

// Needs the demo office and its incoming items (loadSamples) and the head's signing key in
// DATA/pki. A samples folder without replies.json walks nothing. Throws naskah::Error with the
// file, the reply's index and the step that failed in its message.
ReplySummary walkSampleReplies(System& system, const std::string& samplesDir);

}  // namespace naskah::cli
