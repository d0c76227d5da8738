#include "domain/audit/audit_chain.h"

namespace naskah::domain {
namespace {

void appendField(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += '\n';
}

}  // namespace

std::string chainInput(const AuditEvent& e) {
  std::string out = "naskah-audit-v1\n";
  appendField(out, std::to_string(e.sequence));
  appendField(out, e.at);
  appendField(out, e.actor);
  appendField(out, e.action);
  appendField(out, e.objectType);
  appendField(out, e.objectId);
  appendField(out, e.detailsJson);
  appendField(out, e.previousHash);
  return out;
}

void AuditChainVerifier::fail(std::int64_t sequence, std::string reason) {
  if (!break_) break_ = ChainBreak{sequence, std::move(reason)};
}

void AuditChainVerifier::add(const AuditEvent& e) {
  ++count_;
  if (break_) return;
  if (e.sequence != expectedSequence_) {
    fail(expectedSequence_, "event " + std::to_string(expectedSequence_) + " is missing (next found is " +
                                std::to_string(e.sequence) + ")");
    return;
  }
  if (e.previousHash != previousHash_) {
    fail(e.sequence, "event " + std::to_string(e.sequence) +
                         " does not link to the hash of the event before it");
    return;
  }
  if (hash_(chainInput(e)) != e.hash) {
    fail(e.sequence, "event " + std::to_string(e.sequence) + " was changed after it was written (hash mismatch)");
    return;
  }
  previousHash_ = e.hash;
  ++expectedSequence_;
}

void AuditChainVerifier::finish(std::int64_t recordedLastSequence, const std::string& recordedLastHash) {
  if (break_) return;
  std::int64_t last = expectedSequence_ - 1;
  if (recordedLastSequence > last) {
    fail(last + 1, "events " + std::to_string(last + 1) + " to " + std::to_string(recordedLastSequence) +
                       " are missing (the recorded head is " + std::to_string(recordedLastSequence) + ")");
  } else if (recordedLastSequence < last) {
    fail(recordedLastSequence + 1, "event " + std::to_string(recordedLastSequence + 1) +
                                       " was appended outside Naskah (beyond the recorded head)");
  } else if (last > 0 && recordedLastHash != previousHash_) {
    fail(last, "the recorded head hash does not match event " + std::to_string(last));
  }
}

}  // namespace naskah::domain
