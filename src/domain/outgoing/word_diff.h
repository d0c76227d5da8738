// A word-level diff between two texts, as a corrector reads it: the longest common
// subsequence of words is kept ("equal"), the rest is deleted from the old text or inserted
// from the new one. Linear memory (Hirschberg), so a long letter never needs a quadratic table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace naskah::domain {

enum class DiffOp { kEqual, kDelete, kInsert };

std::string_view toString(DiffOp op);  // "equal", "delete", "insert"

// A run of consecutive words with one operation, joined by single spaces.
struct DiffRun {
  DiffOp op = DiffOp::kEqual;
  std::string text;
  int words = 0;
  bool operator==(const DiffRun&) const = default;
};

// Splits on any whitespace (space, tab, newline); empty words are never produced.
std::vector<std::string> splitWords(std::string_view text);

// The runs that turn `from` into `to`. Equal runs are maximal, and where both a deletion and
// an insertion replace words, the deletion run comes first. Applying the runs (equal + insert)
// gives `to`; (equal + delete) gives `from`.
std::vector<DiffRun> diffWords(const std::vector<std::string>& from, const std::vector<std::string>& to);

// Convenience: diffWords(splitWords(from), splitWords(to)).
std::vector<DiffRun> diffText(std::string_view from, std::string_view to);

}  // namespace naskah::domain
