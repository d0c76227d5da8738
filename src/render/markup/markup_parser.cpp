#include "render/markup/markup_parser.h"

#include <Poco/DOM/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NamedNodeMap.h>
#include <Poco/DOM/Node.h>
#include <Poco/DOM/Text.h>
#include <Poco/Exception.h>
#include <Poco/XML/NamePool.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/XMLReader.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "domain/common/error.h"
#include "render/template_binder.h"
#include "render/text/cp1252.h"

namespace naskah::render {
namespace {

using Poco::XML::Element;
using Poco::XML::Node;

// Style that flows from a container into the paragraphs inside it.
struct Inherited {
  double sizePt = 12;
  Align align = Align::kLeft;
  double leading = 1.15;
};

struct InlineStyle {
  bool bold = false;
  bool italic = false;
  bool underline = false;
};

class Parser {
 public:
  explicit Parser(const MarkupSource& source) : source_(source) {}

  Document parse(const Element& root) {
    if (root.nodeName() != "document") fail(root, "elemen akar harus <document>");
    Document doc;
    if (attr(root, "orientation") == "landscape") std::swap(doc.page.widthPt, doc.page.heightPt);
    lengthAttr(root, "margin-top", doc.page.marginTopPt);
    lengthAttr(root, "margin-bottom", doc.page.marginBottomPt);
    lengthAttr(root, "margin-left", doc.page.marginLeftPt);
    lengthAttr(root, "margin-right", doc.page.marginRightPt);
    doc.title = utf8ToCp1252(attr(root, "title"));
    doc.watermark = utf8ToCp1252(attr(root, "watermark"));
    doc.continuationWords = truthy(attr(root, "continuation"));
    Inherited inherited = inheritedFrom(root, Inherited{});
    for (Node* node = root.firstChild(); node; node = node->nextSibling()) {
      if (node->nodeType() != Node::ELEMENT_NODE) continue;
      auto* element = static_cast<Element*>(node);
      if (element->nodeName() == "header" || element->nodeName() == "footer") {
        RunningText& running = element->nodeName() == "header" ? doc.header : doc.footer;
        running.present = true;
        running.fromPage = intAttr(*element, "from", 1);
        Inherited own = inheritedFrom(*element, inherited);
        own.sizePt = element->hasAttribute("size") ? own.sizePt : 10;
        running.paragraph = paragraphFrom(*element, own);
      }
    }
    doc.body = blocksOf(root, inherited, {"header", "footer"});
    return doc;
  }

 private:
  [[noreturn]] void fail(const Node& node, const std::string& message) const {
    // Poco's DOM keeps no line numbers, and the bound markup's lines are not the template's:
    // name the template's first line that writes this element.
    if (!source_.templateText.empty() && node.nodeType() == Node::ELEMENT_NODE) {
      size_t at = source_.templateText.find("<" + node.nodeName());
      if (at != std::string::npos)
        throw Error(ErrorCode::kInvalidArgument, source_.templateName + ", baris " +
                                                     std::to_string(lineOfOffset(source_.templateText, at)) + ": " +
                                                     message);
    }
    throw Error(ErrorCode::kInvalidArgument, source_.name + ": " + message);
  }

  static std::string attr(const Element& element, const std::string& name) {
    return element.getAttribute(name);
  }

  void lengthAttr(const Element& element, const std::string& name, double& out) const {
    if (!element.hasAttribute(name)) return;
    try {
      out = parseLength(element.getAttribute(name));
    } catch (const Error& error) {
      fail(element, "<" + element.nodeName() + " " + name + "=\"" + element.getAttribute(name) +
                        "\">: " + error.what());
    }
  }

  double lengthOr(const Element& element, const std::string& name, double fallback) const {
    lengthAttr(element, name, fallback);
    return fallback;
  }

  int intAttr(const Element& element, const std::string& name, int fallback) const {
    if (!element.hasAttribute(name)) return fallback;
    const std::string& text = element.getAttribute(name);
    char* end = nullptr;
    long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0') {
      fail(element, "<" + element.nodeName() + " " + name + "> harus bilangan bulat, bukan \"" +
                        text + "\"");
    }
    return static_cast<int>(value);
  }

  static bool truthy(const std::string& value) {
    return value == "true" || value == "1" || value == "ya" || value == "yes" || value == "x";
  }

  Align alignOf(const Element& element, const std::string& name, Align fallback) const {
    if (!element.hasAttribute(name)) return fallback;
    const std::string& value = element.getAttribute(name);
    if (value == "left") return Align::kLeft;
    if (value == "center") return Align::kCenter;
    if (value == "right") return Align::kRight;
    if (value == "justify") return Align::kJustify;
    if (name == "valign" && value == "top") return Align::kLeft;
    if (name == "valign" && value == "middle") return Align::kCenter;
    fail(element, "nilai " + name + " tidak dikenal: \"" + value + "\"");
  }

  Inherited inheritedFrom(const Element& element, Inherited base) const {
    lengthAttr(element, "size", base.sizePt);
    base.align = alignOf(element, "align", base.align);
    if (element.hasAttribute("leading")) base.leading = std::atof(attr(element, "leading").c_str());
    return base;
  }

  static bool isInline(const Node& node) {
    if (node.nodeType() == Node::TEXT_NODE || node.nodeType() == Node::CDATA_SECTION_NODE) {
      return true;
    }
    if (node.nodeType() != Node::ELEMENT_NODE) return false;
    static const std::set<std::string> kInline{"b", "i", "u", "br", "check", "span"};
    return kInline.count(node.nodeName()) > 0;
  }

  // Collapses XML formatting whitespace the way HTML does.
  static void appendText(std::vector<Run>& runs, const std::string& utf8, const InlineStyle& style,
                         bool& lastWasSpace) {
    std::string text;
    for (char c : utf8) {
      bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (space) {
        if (!lastWasSpace) text += ' ';
        lastWasSpace = true;
      } else {
        text += c;
        lastWasSpace = false;
      }
    }
    if (text.empty()) return;
    Run run;
    run.text = utf8ToCp1252(text);
    run.bold = style.bold;
    run.italic = style.italic;
    run.underline = style.underline;
    runs.push_back(std::move(run));
  }

  void inlineRuns(const Node& node, InlineStyle style, std::vector<Run>& runs,
                  bool& lastWasSpace) const {
    if (node.nodeType() == Node::TEXT_NODE || node.nodeType() == Node::CDATA_SECTION_NODE) {
      appendText(runs, node.getNodeValue(), style, lastWasSpace);
      return;
    }
    const auto& element = static_cast<const Element&>(node);
    const std::string& name = element.nodeName();
    if (name == "br") {
      Run run;
      run.kind = Run::Kind::kLineBreak;
      runs.push_back(run);
      lastWasSpace = true;
      return;
    }
    if (name == "check") {
      Run run;
      run.kind = Run::Kind::kCheckbox;
      run.checked = truthy(attr(element, "checked"));
      runs.push_back(run);
      lastWasSpace = false;
      return;
    }
    if (name == "b") style.bold = true;
    if (name == "i") style.italic = true;
    if (name == "u") style.underline = true;
    for (Node* child = element.firstChild(); child; child = child->nextSibling()) {
      if (!isInline(*child)) {
        fail(element, "<" + child->nodeName() + "> tidak boleh berada di dalam <" + name + ">");
      }
      inlineRuns(*child, style, runs, lastWasSpace);
    }
  }

  static void trimRuns(std::vector<Run>& runs) {
    while (!runs.empty() && runs.front().kind == Run::Kind::kText) {
      std::string& text = runs.front().text;
      size_t start = text.find_first_not_of(' ');
      if (start == std::string::npos) {
        runs.erase(runs.begin());
        continue;
      }
      text.erase(0, start);
      break;
    }
    while (!runs.empty() && runs.back().kind == Run::Kind::kText) {
      std::string& text = runs.back().text;
      size_t end = text.find_last_not_of(' ');
      if (end == std::string::npos) {
        runs.pop_back();
        continue;
      }
      text.erase(end + 1);
      break;
    }
  }

  // A paragraph from all inline children of an element (used for <p>, <li>, <td>, ...).
  Paragraph paragraphFrom(const Element& element, const Inherited& inherited) const {
    Paragraph paragraph;
    paragraph.sizePt = inherited.sizePt;
    paragraph.align = inherited.align;
    paragraph.leading = inherited.leading;
    paragraph.firstIndentPt = lengthOr(element, "indent", 0);
    paragraph.leftIndentPt = lengthOr(element, "left", 0);
    // hanging="8mm": the first line starts where the paragraph would, the rest 8 mm further in
    // (numbered points written by hand, "a. ... b. ...").
    if (element.hasAttribute("hanging")) {
      double hanging = lengthOr(element, "hanging", 0);
      paragraph.leftIndentPt += hanging;
      paragraph.firstIndentPt -= hanging;
    }
    if (element.hasAttribute("gray")) paragraph.gray = std::atof(attr(element, "gray").c_str());
    InlineStyle style;
    style.bold = truthy(attr(element, "bold"));
    style.italic = truthy(attr(element, "italic"));
    style.underline = truthy(attr(element, "underline"));
    bool lastWasSpace = true;
    for (Node* child = element.firstChild(); child; child = child->nextSibling()) {
      if (!isInline(*child)) {
        fail(element, "<" + child->nodeName() + "> tidak boleh berada di dalam <" +
                          element.nodeName() + ">");
      }
      inlineRuns(*child, style, paragraph.runs, lastWasSpace);
    }
    trimRuns(paragraph.runs);
    return paragraph;
  }

  // Block children; consecutive inline content becomes one paragraph.
  BlockList blocksOf(const Element& parent, const Inherited& inherited,
                     const std::set<std::string>& skip = {}) const {
    BlockList blocks;
    std::vector<Run> pending;
    bool lastWasSpace = true;
    auto flush = [&] {
      trimRuns(pending);
      if (!pending.empty()) {
        Paragraph paragraph;
        paragraph.sizePt = inherited.sizePt;
        paragraph.align = inherited.align;
        paragraph.leading = inherited.leading;
        paragraph.runs = std::move(pending);
        blocks.push_back(Block{std::move(paragraph)});
      }
      pending.clear();
      lastWasSpace = true;
    };
    for (Node* node = parent.firstChild(); node; node = node->nextSibling()) {
      if (isInline(*node)) {
        inlineRuns(*node, InlineStyle{}, pending, lastWasSpace);
        continue;
      }
      if (node->nodeType() != Node::ELEMENT_NODE) continue;
      const auto& element = static_cast<const Element&>(*node);
      if (skip.count(element.nodeName())) continue;
      flush();
      blocks.push_back(blockFrom(element, inherited));
    }
    flush();
    return blocks;
  }

  Block blockFrom(const Element& element, const Inherited& parentInherited) const {
    Inherited inherited = inheritedFrom(element, parentInherited);
    const std::string& name = element.nodeName();
    Block block{PageBreak{}};
    if (name == "p") {
      block.content = paragraphFrom(element, inherited);
    } else if (name == "table") {
      block.content = tableFrom(element, inherited);
    } else if (name == "kv") {
      block.content = keyValueFrom(element, inherited);
    } else if (name == "list") {
      block.content = listFrom(element, inherited);
    } else if (name == "image") {
      block.content = imageFrom(element);
    } else if (name == "qr") {
      QrCode qr;
      qr.data = attr(element, "data");
      if (qr.data.empty()) fail(element, "<qr> tanpa atribut data");
      qr.sizePt = lengthOr(element, "size", qr.sizePt);
      qr.align = alignOf(element, "align", Align::kLeft);
      block.content = qr;
    } else if (name == "rule") {
      Rule rule;
      rule.thicknessPt = lengthOr(element, "thickness", rule.thicknessPt);
      rule.isDouble = truthy(attr(element, "double"));
      block.content = rule;
    } else if (name == "pagebreak") {
      block.content = PageBreak{};
    } else if (name == "space") {
      block.content = Space{lengthOr(element, "height", 12)};
    } else if (name == "block" || name == "keep" || name == "box") {
      Group group;
      group.children = blocksOf(element, inherited);
      group.leftPt = lengthOr(element, "left", 0);
      group.widthPt = lengthOr(element, "width", 0);
      group.minHeightPt = lengthOr(element, "min-height", lengthOr(element, "height", 0));
      group.border = name == "box" || truthy(attr(element, "border"));
      group.paddingPt = lengthOr(element, "padding", group.border ? 4 : 0);
      group.keepTogether = name == "keep" || name == "box" || truthy(attr(element, "keep"));
      block.content = std::move(group);
    } else if (name == "chart") {
      block.content = chartFrom(element, inherited);
    } else {
      fail(element, "elemen tidak dikenal: <" + name + ">");
    }
    block.spaceBeforePt = lengthOr(element, "space-before", 0);
    block.spaceAfterPt = lengthOr(element, "space-after", 0);
    return block;
  }

  std::vector<ColumnWidth> columnsFrom(const Element& element) const {
    std::vector<ColumnWidth> columns;
    std::string spec = attr(element, "widths");
    if (spec.empty()) fail(element, "<" + element.nodeName() + "> tanpa atribut widths");
    size_t start = 0;
    while (start <= spec.size()) {
      size_t comma = spec.find(',', start);
      std::string item = spec.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      while (!item.empty() && item.front() == ' ') item.erase(0, 1);
      while (!item.empty() && item.back() == ' ') item.pop_back();
      ColumnWidth column;
      if (!item.empty() && item.back() == '*') {
        column.share = item.size() == 1 ? 1 : std::atof(item.c_str());
        if (column.share <= 0) fail(element, "lebar kolom tidak valid: \"" + item + "\"");
      } else {
        try {
          column.fixedPt = parseLength(item);
        } catch (const Error&) {
          fail(element, "lebar kolom tidak valid: \"" + item + "\"");
        }
      }
      columns.push_back(column);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return columns;
  }

  Table tableFrom(const Element& element, const Inherited& inherited) const {
    Table table;
    table.columns = columnsFrom(element);
    table.headerRows = intAttr(element, "header-rows", 0);
    table.borders = attr(element, "borders") != "none" && attr(element, "borders") != "false";
    table.paddingPt = lengthOr(element, "padding", table.borders ? 3 : 0);
    for (Node* node = element.firstChild(); node; node = node->nextSibling()) {
      if (node->nodeType() != Node::ELEMENT_NODE) continue;
      const auto& rowElement = static_cast<const Element&>(*node);
      if (rowElement.nodeName() != "tr") fail(rowElement, "<table> hanya boleh berisi <tr>");
      Inherited rowInherited = inheritedFrom(rowElement, inherited);
      TableRow row;
      int span = 0;
      for (Node* cellNode = rowElement.firstChild(); cellNode; cellNode = cellNode->nextSibling()) {
        if (cellNode->nodeType() != Node::ELEMENT_NODE) continue;
        const auto& cellElement = static_cast<const Element&>(*cellNode);
        if (cellElement.nodeName() != "td" && cellElement.nodeName() != "th") {
          fail(cellElement, "<tr> hanya boleh berisi <td> atau <th>");
        }
        TableCell cell;
        cell.colspan = intAttr(cellElement, "colspan", 1);
        cell.shaded = cellElement.nodeName() == "th" || truthy(attr(cellElement, "shaded"));
        cell.valign = alignOf(cellElement, "valign", Align::kLeft);
        Inherited cellInherited = inheritedFrom(cellElement, rowInherited);
        cell.blocks = blocksOf(cellElement, cellInherited);
        if (cellElement.nodeName() == "th") {
          for (Block& block : cell.blocks) {
            if (auto* paragraph = std::get_if<Paragraph>(&block.content)) {
              for (Run& run : paragraph->runs) run.bold = true;
            }
          }
        }
        span += cell.colspan;
        row.cells.push_back(std::move(cell));
      }
      if (span != static_cast<int>(table.columns.size())) {
        fail(rowElement, "baris tabel punya " + std::to_string(span) + " kolom, seharusnya " +
                             std::to_string(table.columns.size()));
      }
      table.rows.push_back(std::move(row));
    }
    return table;
  }

  // Nomor / Sifat / Lampiran / Hal: a borderless table key | ":" | value.
  Table keyValueFrom(const Element& element, const Inherited& inherited) const {
    Table table;
    double keyWidth = lengthOr(element, "key-width", 70);
    table.columns = {ColumnWidth{keyWidth, 0}, ColumnWidth{inherited.sizePt * 0.8, 0},
                     ColumnWidth{0, 1}};
    table.borders = false;
    table.paddingPt = 0;
    for (Node* node = element.firstChild(); node; node = node->nextSibling()) {
      if (node->nodeType() != Node::ELEMENT_NODE) continue;
      const auto& rowElement = static_cast<const Element&>(*node);
      if (rowElement.nodeName() != "row") fail(rowElement, "<kv> hanya boleh berisi <row>");
      Inherited left = inherited;
      left.align = Align::kLeft;
      auto textCell = [&](const std::string& utf8) {
        Paragraph paragraph;
        paragraph.sizePt = left.sizePt;
        paragraph.leading = left.leading;
        Run run;
        run.text = utf8ToCp1252(utf8);
        paragraph.runs.push_back(run);
        TableCell cell;
        cell.blocks.push_back(Block{paragraph});
        return cell;
      };
      TableRow row;
      row.cells.push_back(textCell(attr(rowElement, "key")));
      row.cells.push_back(textCell(":"));
      TableCell value;
      value.blocks.push_back(Block{paragraphFrom(rowElement, inheritedFrom(rowElement, left))});
      row.cells.push_back(std::move(value));
      table.rows.push_back(std::move(row));
    }
    return table;
  }

  List listFrom(const Element& element, const Inherited& inherited) const {
    List list;
    list.numbered = attr(element, "type") != "bullet";
    list.start = intAttr(element, "start", 1);
    list.numberSingle = attr(element, "number-single") != "false";
    list.indentPt = lengthOr(element, "indent", inherited.sizePt * 1.5);
    list.sizePt = inherited.sizePt;
    for (Node* node = element.firstChild(); node; node = node->nextSibling()) {
      if (node->nodeType() != Node::ELEMENT_NODE) continue;
      const auto& item = static_cast<const Element&>(*node);
      if (item.nodeName() != "li") fail(item, "<list> hanya boleh berisi <li>");
      list.items.push_back(blocksOf(item, inheritedFrom(item, inherited)));
    }
    return list;
  }

  Image imageFrom(const Element& element) const {
    Image image;
    std::string src = attr(element, "src");
    if (src.empty()) fail(element, "<image> tanpa atribut src");
    std::filesystem::path path(src);
    if (path.is_relative()) path = std::filesystem::path(source_.imageBaseDir) / path;
    image.path = path.lexically_normal().string();
    image.widthPt = lengthOr(element, "width", 0);
    image.heightPt = lengthOr(element, "height", 0);
    if (image.widthPt <= 0 && image.heightPt <= 0) {
      fail(element, "<image> perlu width atau height");
    }
    image.align = alignOf(element, "align", Align::kLeft);
    return image;
  }

  BarChart chartFrom(const Element& element, const Inherited& inherited) const {
    BarChart chart;
    chart.heightPt = lengthOr(element, "height", chart.heightPt);
    chart.sizePt = lengthOr(element, "size", 8);
    for (Node* node = element.firstChild(); node; node = node->nextSibling()) {
      if (node->nodeType() != Node::ELEMENT_NODE) continue;
      const auto& bar = static_cast<const Element&>(*node);
      if (bar.nodeName() != "bar") fail(bar, "<chart> hanya boleh berisi <bar>");
      char* end = nullptr;
      std::string valueText = attr(bar, "value");
      double value = std::strtod(valueText.c_str(), &end);
      if (valueText.empty() || *end != '\0' || value < 0) {
        fail(bar, "<bar value=\"" + valueText + "\"> harus angka tidak negatif");
      }
      chart.bars.push_back({utf8ToCp1252(attr(bar, "label")), value});
    }
    return chart;
  }

  const MarkupSource& source_;
};

// Poco gives every DOM document a name pool of its own, seeded from /dev/urandom (a system
// call per document). Markup uses a few dozen element and attribute names, so one pool per
// thread serves every document; a full pool (a template inventing hundreds of names) is
// replaced and the parse repeated.
class ThreadNamePool {
 public:
  ThreadNamePool() : pool_(new Poco::XML::NamePool(kSize)) {}
  ~ThreadNamePool() { pool_->release(); }
  ThreadNamePool(const ThreadNamePool&) = delete;
  ThreadNamePool& operator=(const ThreadNamePool&) = delete;

  Poco::XML::NamePool* get() const { return pool_; }
  void renew() {
    auto* fresh = new Poco::XML::NamePool(kSize);
    pool_->release();
    pool_ = fresh;
  }

 private:
  static constexpr unsigned long kSize = 4093;
  Poco::XML::NamePool* pool_;
};

Poco::XML::AutoPtr<Poco::XML::Document> parseDom(const std::string& text) {
  thread_local ThreadNamePool names;
  for (int attempt = 0;; ++attempt) {
    Poco::XML::DOMParser parser(names.get());
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
    try {
      return parser.parseString(text);
    } catch (const Poco::PoolOverflowException&) {
      if (attempt > 0) throw;
      names.renew();
    }
  }
}

}  // namespace

double parseLength(const std::string& text) {
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end == text.c_str()) {
    throw Error(ErrorCode::kInvalidArgument, "panjang tidak valid: \"" + text + "\"");
  }
  std::string unit(end);
  if (unit.empty() || unit == "pt") return value;
  if (unit == "mm") return value * 72.0 / 25.4;
  if (unit == "cm") return value * 720.0 / 25.4;
  if (unit == "in") return value * 72.0;
  throw Error(ErrorCode::kInvalidArgument, "satuan panjang tidak dikenal: \"" + text + "\"");
}

Document parseMarkup(const MarkupSource& source) {
  Poco::XML::AutoPtr<Poco::XML::Document> dom;
  try {
    dom = parseDom(source.text);
  } catch (const Poco::XML::SAXParseException& error) {
    throw Error(ErrorCode::kInvalidArgument, source.name + ", baris " +
                                                 std::to_string(error.getLineNumber()) + ": " +
                                                 error.message());
  } catch (const Poco::Exception& error) {
    throw Error(ErrorCode::kInvalidArgument, source.name + ": " + error.displayText());
  }
  Element* root = dom->documentElement();
  if (!root) throw Error(ErrorCode::kInvalidArgument, source.name + ": dokumen kosong");
  return Parser(source).parse(*root);
}

}  // namespace naskah::render
