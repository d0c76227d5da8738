#include "domain/outgoing/word_diff.h"

#include <algorithm>

namespace naskah::domain {
namespace {

using Words = std::vector<std::string>;

// LCS lengths of a[aLo, aHi) against every prefix of b[bLo, bHi) (forward), or against every
// suffix read backwards (reverse): row[j] is the LCS length with j words of b.
std::vector<int> lcsRow(const Words& a, size_t aLo, size_t aHi, const Words& b, size_t bLo, size_t bHi,
                        bool reverse) {
  size_t m = bHi - bLo;
  std::vector<int> previous(m + 1, 0), current(m + 1, 0);
  for (size_t i = 0; i < aHi - aLo; ++i) {
    const std::string& word = reverse ? a[aHi - 1 - i] : a[aLo + i];
    current[0] = 0;
    for (size_t j = 1; j <= m; ++j) {
      const std::string& other = reverse ? b[bHi - j] : b[bLo + j - 1];
      current[j] = word == other ? previous[j - 1] + 1 : std::max(previous[j], current[j - 1]);
    }
    std::swap(previous, current);
  }
  return previous;
}

struct Aligner {
  const Words& a;
  const Words& b;
  std::vector<std::pair<DiffOp, const std::string*>> ops;

  void deleteRange(size_t lo, size_t hi) {
    for (size_t i = lo; i < hi; ++i) ops.push_back({DiffOp::kDelete, &a[i]});
  }
  void insertRange(size_t lo, size_t hi) {
    for (size_t j = lo; j < hi; ++j) ops.push_back({DiffOp::kInsert, &b[j]});
  }

  void align(size_t aLo, size_t aHi, size_t bLo, size_t bHi) {
    while (aLo < aHi && bLo < bHi && a[aLo] == b[bLo]) {  // common prefix
      ops.push_back({DiffOp::kEqual, &a[aLo]});
      ++aLo;
      ++bLo;
    }
    size_t suffix = 0;
    while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - suffix - 1] == b[bHi - suffix - 1]) ++suffix;
    aHi -= suffix;
    bHi -= suffix;
    if (aLo == aHi) {
      insertRange(bLo, bHi);
    } else if (bLo == bHi) {
      deleteRange(aLo, aHi);
    } else if (aHi - aLo == 1) {
      auto found = std::find(b.begin() + bLo, b.begin() + bHi, a[aLo]);
      if (found == b.begin() + bHi) {
        deleteRange(aLo, aHi);
        insertRange(bLo, bHi);
      } else {
        size_t j = found - b.begin();
        insertRange(bLo, j);
        ops.push_back({DiffOp::kEqual, &a[aLo]});
        insertRange(j + 1, bHi);
      }
    } else {
      size_t mid = aLo + (aHi - aLo) / 2;
      auto forward = lcsRow(a, aLo, mid, b, bLo, bHi, false);
      auto backward = lcsRow(a, mid, aHi, b, bLo, bHi, true);
      size_t m = bHi - bLo, split = 0;
      int best = -1;
      for (size_t j = 0; j <= m; ++j)
        if (forward[j] + backward[m - j] > best) {
          best = forward[j] + backward[m - j];
          split = j;
        }
      align(aLo, mid, bLo, bLo + split);
      align(mid, aHi, bLo + split, bHi);
    }
    for (size_t k = 0; k < suffix; ++k) ops.push_back({DiffOp::kEqual, &a[aHi + k]});
  }
};

}  // namespace

std::string_view toString(DiffOp op) {
  switch (op) {
    case DiffOp::kEqual: return "equal";
    case DiffOp::kDelete: return "delete";
    case DiffOp::kInsert: return "insert";
  }
  return "equal";
}

std::vector<std::string> splitWords(std::string_view text) {
  std::vector<std::string> words;
  size_t pos = 0;
  auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (pos < text.size()) {
    while (pos < text.size() && isSpace(text[pos])) ++pos;
    size_t start = pos;
    while (pos < text.size() && !isSpace(text[pos])) ++pos;
    if (pos > start) words.emplace_back(text.substr(start, pos - start));
  }
  return words;
}

std::vector<DiffRun> diffWords(const std::vector<std::string>& from, const std::vector<std::string>& to) {
  Aligner aligner{from, to, {}};
  aligner.align(0, from.size(), 0, to.size());

  // Within each stretch between equal words, deletions first, then insertions; then join.
  std::vector<DiffRun> runs;
  auto append = [&](DiffOp op, const std::string& word) {
    if (runs.empty() || runs.back().op != op) {
      runs.push_back({op, word, 1});
    } else {
      runs.back().text += ' ';
      runs.back().text += word;
      ++runs.back().words;
    }
  };
  const auto& ops = aligner.ops;
  for (size_t i = 0; i < ops.size();) {
    if (ops[i].first == DiffOp::kEqual) {
      append(DiffOp::kEqual, *ops[i].second);
      ++i;
      continue;
    }
    size_t end = i;
    while (end < ops.size() && ops[end].first != DiffOp::kEqual) ++end;
    for (size_t k = i; k < end; ++k)
      if (ops[k].first == DiffOp::kDelete) append(DiffOp::kDelete, *ops[k].second);
    for (size_t k = i; k < end; ++k)
      if (ops[k].first == DiffOp::kInsert) append(DiffOp::kInsert, *ops[k].second);
    i = end;
  }
  return runs;
}

std::vector<DiffRun> diffText(std::string_view from, std::string_view to) {
  return diffWords(splitWords(from), splitWords(to));
}

}  // namespace naskah::domain
