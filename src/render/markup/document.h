// The document tree that the markup parser builds and the layout engine consumes.
// Lengths are PDF points; text is CP1252 (see text/cp1252.h).
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace naskah::render {

enum class Align { kLeft, kCenter, kRight, kJustify };

// One piece of inline text with one style. A checkbox or a forced line break is a run too.
struct Run {
  enum class Kind { kText, kCheckbox, kLineBreak };
  Kind kind = Kind::kText;
  std::string text;
  bool bold = false;
  bool italic = false;
  bool underline = false;
  bool checked = false;
};

struct Paragraph {
  std::vector<Run> runs;
  Align align = Align::kLeft;
  double sizePt = 12;
  double leading = 1.15;        // line height as a multiple of the font size
  double firstIndentPt = 0;     // extra indent of the first line (negative = hanging)
  double leftIndentPt = 0;
  double gray = 0;              // 0 = black
};

struct Block;
using BlockList = std::vector<Block>;

struct TableCell {
  BlockList blocks;
  int colspan = 1;
  bool shaded = false;
  Align valign = Align::kLeft;  // kLeft = top, kCenter = middle
};

struct TableRow {
  std::vector<TableCell> cells;
};

// A column width: fixed (points) or a share of what is left ("2*").
struct ColumnWidth {
  double fixedPt = 0;
  double share = 0;
};

struct Table {
  std::vector<ColumnWidth> columns;
  std::vector<TableRow> rows;
  int headerRows = 0;        // repeated at the top of every page the table continues on
  bool borders = true;
  double paddingPt = 3;
};

struct List {
  bool numbered = true;
  bool numberSingle = true;  // false: a list of one item prints without "1." (Tembusan)
  int start = 1;
  double indentPt = 18;
  double sizePt = 12;
  std::vector<BlockList> items;
};

struct Image {
  std::string path;  // absolute
  double widthPt = 0;   // 0 = from heightPt and the aspect ratio
  double heightPt = 0;
  Align align = Align::kLeft;
};

struct QrCode {
  std::string data;  // UTF-8, as encoded in the symbol
  double sizePt = 57;
  Align align = Align::kLeft;
};

struct Rule {
  double thicknessPt = 0.75;
  bool isDouble = false;  // the kop's thick-over-thin rule
};

struct PageBreak {};

struct Space {
  double heightPt = 12;
};

// A container: indents its children, can draw a frame (a box for handwriting), can hold
// a minimum height, and can refuse to be split across pages.
struct Group {
  BlockList children;
  double leftPt = 0;
  double widthPt = 0;  // 0 = all the remaining width
  double minHeightPt = 0;
  double paddingPt = 0;
  bool border = false;
  bool keepTogether = false;
};

struct BarChart {
  struct Bar {
    std::string label;
    double value = 0;
  };
  std::vector<Bar> bars;
  double heightPt = 170;
  double sizePt = 8;
};

struct Block {
  std::variant<Paragraph, Table, List, Image, QrCode, Rule, PageBreak, Space, Group, BarChart> content;
  double spaceBeforePt = 0;
  double spaceAfterPt = 0;
};

// Text repeated on pages: "{page}" and "{pages}" are replaced at the end of layout.
struct RunningText {
  Paragraph paragraph;
  int fromPage = 1;
  bool present = false;
};

struct PageSetup {
  double widthPt = 609.45;   // F4
  double heightPt = 935.43;
  double marginTopPt = 56.7;
  double marginBottomPt = 70.9;
  double marginLeftPt = 85.0;
  double marginRightPt = 56.7;
};

struct Document {
  PageSetup page;
  std::string title;
  std::string watermark;  // e.g. "KONSEP"; empty = none
  // Tata Naskah Dinas "kata penyambung": the first word of the next page, followed by
  // "...", at the bottom right of every page but the last.
  bool continuationWords = false;
  RunningText header;
  RunningText footer;
  BlockList body;
};

}  // namespace naskah::render
