// The audit trail as a hash chain: each event's hash covers its own content and the
// previous event's hash, so an edited, removed or reordered event breaks the chain.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace naskah::domain {

struct AuditEvent {
  std::int64_t sequence = 0;  // 1, 2, 3, … with no gaps
  std::string at;             // ISO 8601 UTC time
  std::string actor;          // username, or "system"
  std::string action;         // e.g. "incoming_letter.register"
  std::string objectType;
  std::string objectId;
  std::string detailsJson;    // before/after as a JSON text
  std::string previousHash;   // hex; kGenesisHash for the first event
  std::string hash;           // hex SHA-256 of chainInput()
};

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The exact bytes the hash covers. Fields are length-prefixed so no two events share an input.
std::string chainInput(const AuditEvent& event);

// Hex SHA-256 of a byte string, supplied by an adapter (the domain has no crypto).
using HashFunction = std::function<std::string(std::string_view)>;

struct ChainBreak {
  std::int64_t sequence;  // the first event that does not hold
  std::string reason;
};

// Feeds events in sequence order; remembers the first break. Streaming so a long trail
// needs no memory beyond one event.
class AuditChainVerifier {
 public:
  explicit AuditChainVerifier(HashFunction hash) : hash_(std::move(hash)) {}
  void add(const AuditEvent& event);
  // The head as recorded separately (last sequence and hash); catches a truncated tail.
  void finish(std::int64_t recordedLastSequence, const std::string& recordedLastHash);
  const std::optional<ChainBreak>& firstBreak() const { return break_; }
  std::int64_t eventsChecked() const { return count_; }

 private:
  void fail(std::int64_t sequence, std::string reason);
  HashFunction hash_;
  std::int64_t expectedSequence_ = 1;
  std::string previousHash_{kGenesisHash};
  std::int64_t count_ = 0;
  std::optional<ChainBreak> break_;
};

}  // namespace naskah::domain
