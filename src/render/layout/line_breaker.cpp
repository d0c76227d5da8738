#include "render/layout/line_breaker.h"

namespace naskah::render {
namespace {

// The unit of breaking: a word (no spaces), a single space, a checkbox or a forced break.
struct Atom {
  enum class Kind { kWord, kSpace, kCheckbox, kBreak } kind;
  std::string text;
  FontFace face;
  bool underline;
  bool checked;
  double widthPt;
};

std::vector<Atom> atomsOf(const Paragraph& paragraph, const FontLibrary& fonts) {
  std::vector<Atom> atoms;
  for (const Run& run : paragraph.runs) {
    FontFace face = faceOf(run.bold, run.italic);
    if (run.kind == Run::Kind::kLineBreak) {
      atoms.push_back({Atom::Kind::kBreak, "", face, false, false, 0});
      continue;
    }
    if (run.kind == Run::Kind::kCheckbox) {
      atoms.push_back({Atom::Kind::kCheckbox, "", face, false, run.checked,
                       checkboxWidth(paragraph.sizePt)});
      continue;
    }
    size_t i = 0;
    while (i < run.text.size()) {
      if (run.text[i] == ' ') {
        atoms.push_back({Atom::Kind::kSpace, " ", face, run.underline, false,
                         fonts.textWidth(face, " ", paragraph.sizePt)});
        ++i;
        continue;
      }
      size_t end = run.text.find(' ', i);
      if (end == std::string::npos) end = run.text.size();
      std::string word = run.text.substr(i, end - i);
      double width = fonts.textWidth(face, word, paragraph.sizePt);
      atoms.push_back({Atom::Kind::kWord, std::move(word), face, run.underline, false, width});
      i = end;
    }
  }
  return atoms;
}

class LineBuilder {
 public:
  LineBuilder(double firstWidth, double width) : firstWidth_(firstWidth), width_(width) {}

  double available() const { return lines_.empty() ? firstWidth_ : width_; }
  double used() const { return usedPt_; }
  bool empty() const { return current_.empty(); }

  void add(const Atom& atom) {
    current_.push_back(atom);
    usedPt_ += atom.widthPt;
  }

  void finish(bool endsParagraph) {
    while (!current_.empty() && current_.back().kind == Atom::Kind::kSpace) current_.pop_back();
    Line line;
    line.endsParagraph = endsParagraph;
    for (const Atom& atom : current_) {
      bool isCheckbox = atom.kind == Atom::Kind::kCheckbox;
      if (line.pieces.empty() || isCheckbox || line.pieces.back().isCheckbox ||
          line.pieces.back().face != atom.face || line.pieces.back().underline != atom.underline) {
        LinePiece piece;
        piece.face = atom.face;
        piece.underline = atom.underline;
        piece.isCheckbox = isCheckbox;
        piece.checked = atom.checked;
        line.pieces.push_back(piece);
      }
      LinePiece& piece = line.pieces.back();
      piece.text += atom.text;
      piece.widthPt += atom.widthPt;
      line.widthPt += atom.widthPt;
      if (atom.kind == Atom::Kind::kSpace) {
        ++piece.spaces;
        ++line.spaces;
      }
    }
    lines_.push_back(std::move(line));
    current_.clear();
    usedPt_ = 0;
  }

  std::vector<Line> take() { return std::move(lines_); }

 private:
  double firstWidth_, width_;
  double usedPt_ = 0;
  std::vector<Atom> current_;
  std::vector<Line> lines_;
};

}  // namespace

double checkboxWidth(double sizePt) { return sizePt * 0.8; }

std::vector<Line> breakLines(const Paragraph& paragraph, double firstWidthPt, double widthPt,
                             const FontLibrary& fonts) {
  std::vector<Atom> atoms = atomsOf(paragraph, fonts);
  LineBuilder builder(firstWidthPt, widthPt);
  size_t i = 0;
  while (i < atoms.size()) {
    const Atom& atom = atoms[i];
    if (atom.kind == Atom::Kind::kBreak) {
      builder.finish(true);
      ++i;
      continue;
    }
    if (atom.kind == Atom::Kind::kSpace) {
      if (!builder.empty()) builder.add(atom);  // a line never starts with a space
      ++i;
      continue;
    }
    // A segment: the words and checkboxes up to the next space or break.
    size_t end = i;
    double segmentWidth = 0;
    while (end < atoms.size() && (atoms[end].kind == Atom::Kind::kWord ||
                                  atoms[end].kind == Atom::Kind::kCheckbox)) {
      segmentWidth += atoms[end].widthPt;
      ++end;
    }
    if (!builder.empty() && builder.used() + segmentWidth > builder.available() + 0.01) {
      builder.finish(false);
    }
    if (builder.empty() && segmentWidth > builder.available() + 0.01) {
      // Too long for any line (a long URL or number): split it between characters.
      for (size_t k = i; k < end; ++k) {
        const Atom& part = atoms[k];
        if (part.kind != Atom::Kind::kWord) {
          if (builder.used() + part.widthPt > builder.available()) builder.finish(false);
          builder.add(part);
          continue;
        }
        for (char c : part.text) {
          std::string one(1, c);
          double w = fonts.textWidth(part.face, one, paragraph.sizePt);
          if (!builder.empty() && builder.used() + w > builder.available() + 0.01) builder.finish(false);
          builder.add({Atom::Kind::kWord, one, part.face, part.underline, false, w});
        }
      }
    } else {
      for (size_t k = i; k < end; ++k) builder.add(atoms[k]);
    }
    i = end;
  }
  if (!builder.empty() || atoms.empty() || atoms.back().kind != Atom::Kind::kBreak) builder.finish(true);
  return builder.take();
}

}  // namespace naskah::render
