#include "domain/outgoing/word_diff.h"

#include <gtest/gtest.h>

namespace naskah::domain {
namespace {

std::string joinWithout(const std::vector<DiffRun>& runs, DiffOp skip) {
  std::string out;
  for (const auto& run : runs) {
    if (run.op == skip) continue;
    if (!out.empty()) out += ' ';
    out += run.text;
  }
  return out;
}

TEST(WordDiff, IdenticalTextsAreOneEqualRun) {
  auto runs = diffText("Demikian kami sampaikan.", "Demikian  kami\nsampaikan.");
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0], (DiffRun{DiffOp::kEqual, "Demikian kami sampaikan.", 3}));
}

TEST(WordDiff, ReplacedWordIsDeletedThenInserted) {
  auto runs = diffText("bantuan sebesar Rp500.000,00 per orang", "bantuan sebesar Rp750.000,00 per orang");
  std::vector<DiffRun> expected{{DiffOp::kEqual, "bantuan sebesar", 2},
                                {DiffOp::kDelete, "Rp500.000,00", 1},
                                {DiffOp::kInsert, "Rp750.000,00", 1},
                                {DiffOp::kEqual, "per orang", 2}};
  EXPECT_EQ(runs, expected);
}

TEST(WordDiff, InsertionAtStartAndDeletionAtEnd) {
  auto runs = diffText("kami mohon Saudara segera", "Dengan hormat, kami mohon Saudara");
  std::vector<DiffRun> expected{{DiffOp::kInsert, "Dengan hormat,", 2},
                                {DiffOp::kEqual, "kami mohon Saudara", 3},
                                {DiffOp::kDelete, "segera", 1}};
  EXPECT_EQ(runs, expected);
}

TEST(WordDiff, EmptySides) {
  EXPECT_TRUE(diffText("", "").empty());
  EXPECT_EQ(diffText("", "a b"), (std::vector<DiffRun>{DiffRun{DiffOp::kInsert, "a b", 2}}));
  EXPECT_EQ(diffText("a b", " "), (std::vector<DiffRun>{DiffRun{DiffOp::kDelete, "a b", 2}}));
}

TEST(WordDiff, KeepsTheLongestCommonSubsequence) {
  // LCS of "a b c a b b a" and "c b a b a c" has 4 words.
  auto runs = diffText("a b c a b b a", "c b a b a c");
  int equal = 0;
  for (const auto& run : runs)
    if (run.op == DiffOp::kEqual) equal += run.words;
  EXPECT_EQ(equal, 4);
  EXPECT_EQ(joinWithout(runs, DiffOp::kInsert), "a b c a b b a");
  EXPECT_EQ(joinWithout(runs, DiffOp::kDelete), "c b a b a c");
}

TEST(WordDiff, LongTextsReconstructBothSidesWithMinimalEdits) {
  // 3000 words with every 100th changed and 10 words inserted in the middle.
  std::vector<std::string> from, to;
  for (int i = 0; i < 3000; ++i) {
    from.push_back("w" + std::to_string(i % 37));
    to.push_back(i % 100 == 0 ? "x" + std::to_string(i) : from.back());
    if (i == 1500)
      for (int k = 0; k < 10; ++k) to.push_back("baru");
  }
  auto runs = diffWords(from, to);
  int inserted = 0, deleted = 0;
  std::string joinedFrom, joinedTo;
  for (const auto& w : from) joinedFrom += (joinedFrom.empty() ? "" : " ") + w;
  for (const auto& w : to) joinedTo += (joinedTo.empty() ? "" : " ") + w;
  for (const auto& run : runs) {
    if (run.op == DiffOp::kInsert) inserted += run.words;
    if (run.op == DiffOp::kDelete) deleted += run.words;
  }
  EXPECT_EQ(deleted, 30);
  EXPECT_EQ(inserted, 40);
  EXPECT_EQ(joinWithout(runs, DiffOp::kInsert), joinedFrom);
  EXPECT_EQ(joinWithout(runs, DiffOp::kDelete), joinedTo);
}

TEST(WordDiff, NoTwoNeighbouringRunsShareAnOperation) {
  auto runs = diffText("satu dua tiga empat lima enam", "satu tiga dua empat enam lima tujuh");
  for (size_t i = 1; i < runs.size(); ++i) EXPECT_NE(runs[i].op, runs[i - 1].op);
  EXPECT_EQ(joinWithout(runs, DiffOp::kDelete), "satu tiga dua empat enam lima tujuh");
}

}  // namespace
}  // namespace naskah::domain
