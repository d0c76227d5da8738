#include "render/layout/layout_engine.h"

#include <algorithm>
#include <cmath>

#include "domain/common/error.h"
#include "render/layout/bar_chart.h"
#include "render/layout/line_breaker.h"
#include "render/layout/module_grid.h"
#include "render/qr/qr_matrix.h"

namespace naskah::render {
namespace {

constexpr double kEpsilon = 0.01;

// Content laid out off the page flow, at (0, 0), to be placed as one piece.
struct Box {
  PageOps ops;
  double heightPt = 0;
};

// Places blocks down a column of pages. An unbounded flow has one endless page: it is how
// table cells, list items and keep-together groups are measured before being placed.
class Flow {
 public:
  Flow(const FontLibrary& fonts, double topPt, double bottomPt, bool unbounded)
      : fonts_(fonts), top_(topPt), bottom_(bottomPt), unbounded_(unbounded), y_(topPt) {
    pages_.emplace_back();
  }

  void placeBlocks(const BlockList& blocks, double x, double width) {
    for (const Block& block : blocks) placeBlock(block, x, width);
  }

  std::vector<PageOps>& pages() { return pages_; }
  double y() const { return y_; }

 private:
  bool fits(double height) const { return unbounded_ || y_ + height <= bottom_ + kEpsilon; }
  bool atTop() const { return y_ <= top_ + kEpsilon; }
  PageOps& page() { return pages_.back(); }

  void newPage() {
    pages_.emplace_back();
    y_ = top_;
  }

  // Moves to a new page unless the height fits here (or nothing would be gained).
  void ensureRoom(double height) {
    if (!fits(height) && !atTop()) newPage();
  }

  Box measure(const BlockList& blocks, double width) const {
    Flow flow(fonts_, 0, 0, true);
    flow.placeBlocks(blocks, 0, width);
    return Box{std::move(flow.pages_.front()), flow.y_};
  }

  void placeBox(const Box& box, double x) {
    page().append(box.ops, x, y_);
    y_ += box.heightPt;
  }

  void placeBlock(const Block& block, double x, double width) {
    if (block.spaceBeforePt > 0 && !atTop()) y_ += block.spaceBeforePt;
    std::visit([&](const auto& content) { place(content, x, width); }, block.content);
    y_ += block.spaceAfterPt;
  }

  // ---- paragraphs -------------------------------------------------------------------

  double lineHeight(const Paragraph& paragraph) const { return paragraph.sizePt * paragraph.leading; }

  double baselineOffset(const Paragraph& paragraph) const {
    const FontFile& face = fonts_.face(FontFace::kRegular);
    double ascent = face.ascent / 1000 * paragraph.sizePt;
    double descent = face.descent / 1000 * paragraph.sizePt;
    return (lineHeight(paragraph) - ascent - descent) / 2 + ascent;
  }

  void drawLine(const Paragraph& paragraph, const Line& line, bool first, double x, double width) {
    double indent = paragraph.leftIndentPt + (first ? paragraph.firstIndentPt : 0);
    double available = width - indent;
    double start = x + indent;
    double extra = 0;
    if (paragraph.align == Align::kJustify && !line.endsParagraph && line.spaces > 0) {
      extra = std::max(0.0, (available - line.widthPt) / line.spaces);
    } else if (paragraph.align == Align::kCenter) {
      start += (available - line.widthPt) / 2;
    } else if (paragraph.align == Align::kRight) {
      start += available - line.widthPt;
    }
    double baseline = y_ + baselineOffset(paragraph);
    double size = paragraph.sizePt;
    for (const LinePiece& piece : line.pieces) {
      double advance = piece.widthPt + piece.spaces * extra;
      if (piece.isCheckbox) {
        double side = size * 0.62;
        double top = baseline - side - size * 0.02;
        double left = start + (checkboxWidth(size) - side) / 2;
        page().rects.push_back(RectOp{left, top, side, side, false, 0, 0.6});
        if (piece.checked) {
          page().lines.push_back(LineOp{left + side * 0.18, top + side * 0.55, left + side * 0.42,
                                        top + side * 0.82, 1.2});
          page().lines.push_back(LineOp{left + side * 0.42, top + side * 0.82, left + side * 0.85,
                                        top + side * 0.15, 1.2});
        }
      } else {
        page().texts.push_back(TextOp{start, baseline, piece.face, size, piece.text, extra,
                                      paragraph.gray, 0});
        if (piece.underline) {
          double underlineY = baseline + size * 0.12;
          page().lines.push_back(LineOp{start, underlineY, start + advance, underlineY, size * 0.06});
        }
      }
      start += advance;
    }
    y_ += lineHeight(paragraph);
  }

  void place(const Paragraph& paragraph, double x, double width) {
    double first = width - paragraph.leftIndentPt - paragraph.firstIndentPt;
    double rest = width - paragraph.leftIndentPt;
    std::vector<Line> lines = breakLines(paragraph, first, rest, fonts_);
    double height = lineHeight(paragraph);
    size_t next = 0;
    while (next < lines.size()) {
      size_t remaining = lines.size() - next;
      size_t room = unbounded_ ? remaining
                               : static_cast<size_t>(std::max(0.0, (bottom_ - y_ + kEpsilon) / height));
      size_t take = std::min(room, remaining);
      if (take < remaining) {
        // Widow/orphan control: never leave a single line of a paragraph behind or ahead.
        if (remaining - take < 2 && remaining >= 3) take = remaining - 2;
        if (take < 2 && !atTop()) take = 0;
        if (take == 0 && atTop()) take = std::max<size_t>(1, room);
      }
      for (size_t i = 0; i < take; ++i) drawLine(paragraph, lines[next + i], next + i == 0, x, width);
      next += take;
      if (next < lines.size()) newPage();
    }
  }

  // ---- tables -----------------------------------------------------------------------

  std::vector<double> columnWidths(const Table& table, double width) const {
    double fixed = 0, shares = 0;
    for (const ColumnWidth& column : table.columns) {
      fixed += column.fixedPt;
      shares += column.share;
    }
    double left = width - fixed;
    if (left < -1) {
      throw Error(ErrorCode::kInvalidArgument,
                  "tabel lebih lebar (" + std::to_string(static_cast<int>(fixed)) +
                      " pt) daripada ruang yang tersedia (" + std::to_string(static_cast<int>(width)) +
                      " pt)");
    }
    std::vector<double> widths;
    for (const ColumnWidth& column : table.columns) {
      widths.push_back(column.share > 0 ? std::max(0.0, left) * column.share / shares : column.fixedPt);
    }
    return widths;
  }

  struct RowLayout {
    std::vector<Box> cells;
    std::vector<double> cellX, cellWidth;
    double heightPt = 0;
  };

  RowLayout layoutRow(const Table& table, const TableRow& row, const std::vector<double>& widths) const {
    RowLayout layout;
    size_t column = 0;
    double cx = 0;
    for (const TableCell& cell : row.cells) {
      double cellWidth = 0;
      for (int k = 0; k < cell.colspan && column < widths.size(); ++k) cellWidth += widths[column++];
      layout.cells.push_back(measure(cell.blocks, cellWidth - 2 * table.paddingPt));
      layout.cellX.push_back(cx);
      layout.cellWidth.push_back(cellWidth);
      layout.heightPt = std::max(layout.heightPt, layout.cells.back().heightPt + 2 * table.paddingPt);
      cx += cellWidth;
    }
    return layout;
  }

  void placeRow(const Table& table, const TableRow& row, const RowLayout& layout, double x) {
    for (size_t i = 0; i < layout.cells.size(); ++i) {
      double cellX = x + layout.cellX[i];
      if (row.cells[i].shaded) {
        page().rects.push_back(RectOp{cellX, y_, layout.cellWidth[i], layout.heightPt, true, 0.88, 0});
      }
      double offset = table.paddingPt;
      if (row.cells[i].valign == Align::kCenter) {
        offset = (layout.heightPt - layout.cells[i].heightPt) / 2;
      }
      page().append(layout.cells[i].ops, cellX + table.paddingPt, y_ + offset);
      if (table.borders) {
        page().rects.push_back(RectOp{cellX, y_, layout.cellWidth[i], layout.heightPt, false, 0, 0.5});
      }
    }
    y_ += layout.heightPt;
  }

  void place(const Table& table, double x, double width) {
    std::vector<double> widths = columnWidths(table, width);
    std::vector<RowLayout> headers;
    for (int i = 0; i < table.headerRows && i < static_cast<int>(table.rows.size()); ++i) {
      headers.push_back(layoutRow(table, table.rows[i], widths));
    }
    double headerHeight = 0;
    for (const RowLayout& header : headers) headerHeight += header.heightPt;
    size_t firstBody = headers.size();
    for (size_t i = 0; i < table.rows.size(); ++i) {
      bool isHeader = i < firstBody;
      RowLayout layout = isHeader ? headers[i] : layoutRow(table, table.rows[i], widths);
      // The header rows travel with the first body row: never a header alone at a page end.
      double needed = layout.heightPt;
      if (i == 0 && isHeader && firstBody < table.rows.size()) {
        needed = headerHeight + layoutRow(table, table.rows[firstBody], widths).heightPt;
      }
      if (!fits(needed) && !atTop()) {
        newPage();
        if (!isHeader) {
          for (size_t h = 0; h < headers.size(); ++h) placeRow(table, table.rows[h], headers[h], x);
        }
      }
      placeRow(table, table.rows[i], layout, x);
    }
  }

  // ---- other blocks -----------------------------------------------------------------

  void place(const List& list, double x, double width) {
    if (list.numbered && !list.numberSingle && list.items.size() == 1) {
      placeBlocks(list.items.front(), x, width);
      return;
    }
    int number = list.start;
    for (const BlockList& item : list.items) {
      Box body = measure(item, width - list.indentPt);
      Paragraph label;
      label.sizePt = list.sizePt;
      Run run;
      run.text = list.numbered ? std::to_string(number++) + "." : "\x95";  // CP1252 bullet
      label.runs.push_back(run);
      // Align the label with the first line of the item.
      if (!item.empty()) {
        if (const auto* first = std::get_if<Paragraph>(&item.front().content)) {
          label.sizePt = first->sizePt;
          label.leading = first->leading;
        }
      }
      Box labelBox = measure(BlockList{Block{label}}, list.indentPt);
      ensureRoom(std::max(body.heightPt, labelBox.heightPt));
      page().append(labelBox.ops, x, y_);
      page().append(body.ops, x + list.indentPt, y_);
      y_ += std::max(body.heightPt, labelBox.heightPt);
    }
  }

  static double alignedX(Align align, double x, double width, double itemWidth) {
    if (align == Align::kCenter) return x + (width - itemWidth) / 2;
    if (align == Align::kRight) return x + width - itemWidth;
    return x;
  }

  void place(const Image& image, double x, double width) {
    auto decoded = loadImage(image.path);
    double w = image.widthPt, h = image.heightPt;
    if (w <= 0) w = h * decoded->width / decoded->height;
    if (h <= 0) h = w * decoded->height / decoded->width;
    ensureRoom(h);
    page().images.push_back(ImageOp{alignedX(image.align, x, width, w), y_, w, h, image.path, decoded});
    y_ += h;
  }

  void place(const QrCode& qr, double x, double width) {
    QrMatrix matrix = encodeQr(qr.data);
    ensureRoom(qr.sizePt);
    double module = qr.sizePt / matrix.size;
    double left = alignedX(qr.align, x, width, qr.sizePt);
    page().grids.push_back(moduleGrid(matrix, left, y_, module));
    y_ += qr.sizePt;
  }

  void place(const Rule& rule, double x, double width) {
    double height = rule.isDouble ? rule.thicknessPt * 3 + 2.5 : rule.thicknessPt + 2;
    ensureRoom(height);
    if (rule.isDouble) {
      double thick = rule.thicknessPt * 2.5;
      page().lines.push_back(LineOp{x, y_ + thick / 2, x + width, y_ + thick / 2, thick});
      double thinY = y_ + thick + 1.8;
      page().lines.push_back(LineOp{x, thinY, x + width, thinY, rule.thicknessPt * 0.6});
    } else {
      page().lines.push_back(LineOp{x, y_ + 1, x + width, y_ + 1, rule.thicknessPt});
    }
    y_ += height;
  }

  void place(const PageBreak&, double, double) {
    if (!unbounded_ && !atTop()) newPage();
  }

  void place(const Space& space, double, double) {
    if (atTop() && !unbounded_) return;  // space never opens a page
    if (!fits(space.heightPt)) {
      newPage();
      return;
    }
    y_ += space.heightPt;
  }

  void place(const Group& group, double x, double width) {
    double left = x + group.leftPt;
    double innerWidth = group.widthPt > 0 ? group.widthPt : width - group.leftPt;
    if (!group.keepTogether && !group.border && group.minHeightPt <= 0) {
      placeBlocks(group.children, left, innerWidth);
      return;
    }
    Box box = measure(group.children, innerWidth - 2 * group.paddingPt);
    double height = std::max(box.heightPt + 2 * group.paddingPt, group.minHeightPt);
    ensureRoom(height);
    if (group.border) page().rects.push_back(RectOp{left, y_, innerWidth, height, false, 0, 0.6});
    page().append(box.ops, left + group.paddingPt, y_ + group.paddingPt);
    y_ += height;
  }

  void place(const BarChart& chart, double x, double width) {
    ensureRoom(chart.heightPt);
    page().append(drawBarChart(chart, width, fonts_), x, y_);
    y_ += chart.heightPt;
  }

  const FontLibrary& fonts_;
  double top_, bottom_;
  bool unbounded_;
  double y_;
  std::vector<PageOps> pages_;
};

std::string substitute(std::string text, const std::string& key, const std::string& value) {
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
    text.replace(at, key.size(), value);
  }
  return text;
}

Paragraph numbered(Paragraph paragraph, int page, int pages) {
  for (Run& run : paragraph.runs) {
    run.text = substitute(run.text, "{page}", std::to_string(page));
    run.text = substitute(run.text, "{pages}", std::to_string(pages));
  }
  return paragraph;
}

// Runs before headers and footers are added, so the first text of a page is body text.
void addContinuationWords(LaidOutDocument& laid, const PageSetup& setup, const FontLibrary& fonts) {
  for (size_t i = 0; i + 1 < laid.pages.size(); ++i) {
    const auto& next = laid.pages[i + 1].texts;
    auto first = std::find_if(next.begin(), next.end(), [](const TextOp& op) { return !op.text.empty(); });
    if (first == next.end()) continue;
    std::string word = first->text.substr(0, first->text.find(' ')) + "...";
    double size = first->sizePt;
    double width = fonts.textWidth(FontFace::kRegular, word, size);
    laid.pages[i].texts.push_back(TextOp{setup.widthPt - setup.marginRightPt - width,
                                         setup.heightPt - setup.marginBottomPt + size * 0.85,
                                         FontFace::kRegular, size, word, 0, 0, 0});
  }
}

}  // namespace

LaidOutDocument layoutDocument(const Document& document, const FontLibrary& fonts) {
  const PageSetup& setup = document.page;
  double contentWidth = setup.widthPt - setup.marginLeftPt - setup.marginRightPt;
  Flow flow(fonts, setup.marginTopPt, setup.heightPt - setup.marginBottomPt, false);
  flow.placeBlocks(document.body, setup.marginLeftPt, contentWidth);

  LaidOutDocument result;
  result.widthPt = setup.widthPt;
  result.heightPt = setup.heightPt;
  result.title = document.title;
  result.pages = std::move(flow.pages());
  int pages = static_cast<int>(result.pages.size());
  if (document.continuationWords) addContinuationWords(result, setup, fonts);
  for (int i = 0; i < pages; ++i) {
    PageOps& page = result.pages[i];
    auto placeRunning = [&](const RunningText& running, bool isHeader) {
      if (!running.present || i + 1 < running.fromPage) return;
      Flow box(fonts, 0, 0, true);
      box.placeBlocks(BlockList{Block{numbered(running.paragraph, i + 1, pages)}}, 0, contentWidth);
      double top = isHeader ? std::max(14.0, setup.marginTopPt - box.y() - 12)
                            : setup.heightPt - setup.marginBottomPt + 14;
      page.append(box.pages().front(), setup.marginLeftPt, top);
    };
    placeRunning(document.header, true);
    placeRunning(document.footer, false);
    if (!document.watermark.empty()) {
      double size = std::min(setup.widthPt, setup.heightPt) / 5;
      double textWidth = fonts.textWidth(FontFace::kBold, document.watermark, size);
      double angle = std::atan2(setup.heightPt, setup.widthPt);
      double cx = setup.widthPt / 2, cy = setup.heightPt / 2;
      // Start so that the text's centre sits on the page centre, along the diagonal.
      // The baseline is moved down-right by half the cap height so the letters, not the
      // baseline, are centred.
      double halfCap = size * 0.36;
      double x = cx - std::cos(angle) * textWidth / 2 + std::sin(angle) * halfCap;
      double y = cy + std::sin(angle) * textWidth / 2 + std::cos(angle) * halfCap;
      page.watermark = TextOp{x, y, FontFace::kBold, size, document.watermark, 0, 0.82,
                              angle * 180 / M_PI};
    }
  }
  return result;
}

}  // namespace naskah::render
