// Markup parsing shares one XML name pool per thread across documents (markup_parser.cpp).
// A document that brings more new names than the pool has room for must still parse, and
// the documents after it too.
#include <gtest/gtest.h>

#include <string>

#include "domain/common/error.h"
#include "render/markup/markup_parser.h"

namespace naskah::render {
namespace {

// A paragraph whose element carries `count` attributes named with `prefix` (ignored by the
// layout, but each a new name for the XML parser).
std::string markupWithNames(const std::string& prefix, int count) {
  std::string text = "<document><p";
  for (int i = 0; i < count; ++i) text += " " + prefix + std::to_string(i) + "=\"x\"";
  return text + ">Isi surat " + prefix + "</p></document>";
}

TEST(MarkupNames, DocumentsThatTogetherOverflowTheNamePoolStillParse) {
  for (const std::string prefix : {"a", "b", "c"}) {
    Document document = parseMarkup(MarkupSource{markupWithNames(prefix, 2500), "uji", ".", "", ""});
    EXPECT_FALSE(document.body.empty()) << prefix;
  }
  Document plain = parseMarkup(MarkupSource{"<document><p>Biasa</p></document>", "uji", ".", "", ""});
  EXPECT_FALSE(plain.body.empty());
}

TEST(MarkupNames, ADocumentWithMoreNamesThanAnyPoolHoldsIsAClearErrorAndLeavesNoDamage) {
  try {
    parseMarkup(MarkupSource{markupWithNames("z", 5000), "uji", ".", "", ""});
    FAIL() << "5,000 names parsed";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(error.what()).find("uji"), std::string::npos) << error.what();
  }
  Document plain = parseMarkup(MarkupSource{"<document><p>Biasa</p></document>", "uji", ".", "", ""});
  EXPECT_FALSE(plain.body.empty());
}

}  // namespace
}  // namespace naskah::render
