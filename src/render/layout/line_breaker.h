// Breaks a paragraph's runs into lines that fit a width (greedy, on spaces).
#pragma once

#include <string>
#include <vector>

#include "render/fonts/font_library.h"
#include "render/markup/document.h"

namespace naskah::render {

struct LinePiece {
  std::string text;        // CP1252; spaces inside count towards justification
  FontFace face = FontFace::kRegular;
  bool underline = false;
  bool isCheckbox = false;
  bool checked = false;
  double widthPt = 0;      // natural width
  int spaces = 0;
};

struct Line {
  std::vector<LinePiece> pieces;
  double widthPt = 0;      // natural width
  int spaces = 0;
  bool endsParagraph = false;  // last line, or before a <br/>: never justified
};

// Width of the box drawn for an inline checkbox at a font size.
double checkboxWidth(double sizePt);

// Lines of a paragraph; the first line is `firstWidthPt` wide, the others `widthPt`.
// A word wider than a line is split between characters.
std::vector<Line> breakLines(const Paragraph& paragraph, double firstWidthPt, double widthPt,
                             const FontLibrary& fonts);

}  // namespace naskah::render
