// The layout engine on documents built in code: line breaking, justification, widows and
// orphans, keep-together and page breaks, read from the positioned ops.
#include "render/layout/layout_engine.h"

#include <gtest/gtest.h>

#include <string>

#include "domain/common/error.h"
#include "render/markup/markup_parser.h"

namespace naskah::render {
namespace {

Paragraph words(int count, Align align = Align::kLeft) {
  Paragraph paragraph;
  paragraph.align = align;
  render::Run run;
  for (int i = 0; i < count; ++i) run.text += (i ? " " : "") + std::string("kata") + std::to_string(i);
  paragraph.runs.push_back(run);
  return paragraph;
}

Document pageOf(double heightPt) {
  Document document;
  document.page.heightPt = heightPt;
  return document;
}

// Baselines of the text ops on a page, in order.
std::vector<double> baselines(const PageOps& page) {
  std::vector<double> ys;
  for (const TextOp& op : page.texts) {
    if (ys.empty() || op.y != ys.back()) ys.push_back(op.y);
  }
  return ys;
}

const FontLibrary& fonts() { return FontLibrary::instance(); }

TEST(LayoutEngine, JustifiedLinesStretchSpacesButTheLastLineDoesNot) {
  Document document = pageOf(935);
  document.body.push_back(Block{words(60, Align::kJustify)});
  LaidOutDocument laid = layoutDocument(document, fonts());
  ASSERT_EQ(laid.pages.size(), 1u);
  const auto& texts = laid.pages[0].texts;
  ASSERT_GE(texts.size(), 3u);
  EXPECT_GT(texts.front().wordSpacePt, 0);
  EXPECT_EQ(texts.back().wordSpacePt, 0);
}

TEST(LayoutEngine, ParagraphNeverLeavesASingleLineAtThePageBottom) {
  // Room for the filler and one more line only: the next paragraph must start on page 2.
  Document document = pageOf(56.7 + 70.9 + 10 * 13.8 + 2);
  document.body.push_back(Block{words(1)});
  for (int i = 0; i < 8; ++i) document.body.push_back(Block{words(1)});
  document.body.push_back(Block{words(40)});  // three or more lines
  LaidOutDocument laid = layoutDocument(document, fonts());
  ASSERT_EQ(laid.pages.size(), 2u);
  EXPECT_EQ(baselines(laid.pages[0]).size(), 9u);
}

TEST(LayoutEngine, ParagraphNeverCarriesASingleLineToTheNextPage) {
  Document document = pageOf(56.7 + 70.9 + 4 * 13.8 + 2);  // four lines per page
  Paragraph paragraph = words(1);
  render::Run run;
  run.kind = Run::Kind::kLineBreak;
  for (int i = 0; i < 4; ++i) {  // five lines
    paragraph.runs.push_back(run);
    render::Run word;
    word.text = "baris";
    paragraph.runs.push_back(word);
  }
  document.body.push_back(Block{paragraph});
  LaidOutDocument laid = layoutDocument(document, fonts());
  ASSERT_EQ(laid.pages.size(), 2u);
  EXPECT_EQ(baselines(laid.pages[0]).size(), 3u);
  EXPECT_EQ(baselines(laid.pages[1]).size(), 2u);
}

TEST(LayoutEngine, KeepGroupMovesWholeToTheNextPage) {
  Document document = pageOf(56.7 + 70.9 + 6 * 13.8 + 2);  // six lines per page
  for (int i = 0; i < 4; ++i) document.body.push_back(Block{words(1)});
  Group group;
  group.keepTogether = true;
  for (int i = 0; i < 3; ++i) group.children.push_back(Block{words(1)});
  document.body.push_back(Block{group});
  LaidOutDocument laid = layoutDocument(document, fonts());
  ASSERT_EQ(laid.pages.size(), 2u);
  EXPECT_EQ(baselines(laid.pages[0]).size(), 4u);
  EXPECT_EQ(baselines(laid.pages[1]).size(), 3u);
}

TEST(LayoutEngine, ExplicitPageBreakStartsANewPageButNotAnEmptyOne) {
  Document document = pageOf(935);
  document.body.push_back(Block{PageBreak{}});
  document.body.push_back(Block{words(1)});
  document.body.push_back(Block{PageBreak{}});
  document.body.push_back(Block{words(1)});
  EXPECT_EQ(layoutDocument(document, fonts()).pages.size(), 2u);
}

TEST(LayoutEngine, FooterCountsPages) {
  Document document = pageOf(935);
  document.body.push_back(Block{words(1)});
  document.body.push_back(Block{PageBreak{}});
  document.body.push_back(Block{words(1)});
  document.footer.present = true;
  render::Run run;
  run.text = "Halaman {page} dari {pages}";
  document.footer.paragraph.runs.push_back(run);
  LaidOutDocument laid = layoutDocument(document, fonts());
  ASSERT_EQ(laid.pages.size(), 2u);
  EXPECT_EQ(laid.pages[1].texts.back().text, "Halaman 2 dari 2");
}

TEST(LayoutEngine, TableWiderThanThePageIsAnError) {
  Document document = pageOf(935);
  Table table;
  table.columns = {ColumnWidth{400, 0}, ColumnWidth{400, 0}};
  document.body.push_back(Block{table});
  EXPECT_THROW(layoutDocument(document, fonts()), Error);
}

TEST(LayoutEngine, HangingIndentKeepsTheFirstLineOutAndTheRestIn) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += " kata" + std::to_string(i);
  Document document = parseMarkup(MarkupSource{"<document><p hanging=\"10mm\">a." + text + "</p><p>b.</p></document>",
                                               "uji", ".", "", ""});
  LaidOutDocument laid = layoutDocument(document, fonts());
  ASSERT_EQ(laid.pages.size(), 1u);
  const auto& texts = laid.pages[0].texts;
  ASSERT_GE(texts.size(), 4u);
  double first = texts.front().x, second = texts[1].x, plain = texts.back().x;
  EXPECT_NEAR(first, plain, 0.01);                 // the first line starts at the margin
  EXPECT_NEAR(second - first, 10 * 72 / 25.4, 0.01);  // the rest 10 mm in
}

}  // namespace
}  // namespace naskah::render
