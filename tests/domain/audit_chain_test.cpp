#include "domain/audit/audit_chain.h"

#include <gtest/gtest.h>

#include <functional>

using namespace naskah::domain;

namespace {

// Any deterministic function serves the chain logic; the store uses SHA-256.
std::string fakeHash(std::string_view data) { return std::to_string(std::hash<std::string_view>{}(data)); }

std::vector<AuditEvent> chain(int count) {
  std::vector<AuditEvent> events;
  std::string previous(kGenesisHash);
  for (int i = 1; i <= count; ++i) {
    AuditEvent e{i, "2026-11-23T02:00:0" + std::to_string(i) + "Z", "tu", "incoming_letter.register",
                 "incoming_letter", std::to_string(i), "{}", previous, ""};
    e.hash = fakeHash(chainInput(e));
    previous = e.hash;
    events.push_back(e);
  }
  return events;
}

std::optional<ChainBreak> verify(const std::vector<AuditEvent>& events, std::int64_t headSeq, std::string headHash) {
  AuditChainVerifier verifier(fakeHash);
  for (const auto& e : events) verifier.add(e);
  verifier.finish(headSeq, headHash);
  return verifier.firstBreak();
}

}  // namespace

TEST(AuditChain, IntactChainVerifies) {
  auto events = chain(5);
  EXPECT_FALSE(verify(events, 5, events.back().hash));
}

TEST(AuditChain, EditedEventIsNamed) {
  auto events = chain(5);
  events[2].actor = "someone else";
  auto broken = verify(events, 5, events.back().hash);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->sequence, 3);
}

TEST(AuditChain, RemovedEventInTheMiddleIsNamed) {
  auto events = chain(5);
  events.erase(events.begin() + 1);
  auto broken = verify(events, 5, events.back().hash);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->sequence, 2);
}

TEST(AuditChain, TruncatedTailIsCaughtByTheRecordedHead) {
  auto events = chain(5);
  std::string headHash = events.back().hash;
  events.pop_back();
  auto broken = verify(events, 5, headHash);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->sequence, 5);
}

TEST(AuditChain, RecomputedHashStillBreaksTheNextLink) {
  auto events = chain(4);
  events[1].detailsJson = "{\"forged\":true}";
  events[1].hash = fakeHash(chainInput(events[1]));
  auto broken = verify(events, 4, events.back().hash);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->sequence, 3);
}
