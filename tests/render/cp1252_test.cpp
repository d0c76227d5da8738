#include "render/text/cp1252.h"

#include <gtest/gtest.h>

#include "domain/common/error.h"

namespace naskah::render {
namespace {

TEST(Cp1252, IndonesianTextWithQuotesAndDashesSurvives) {
  EXPECT_EQ(utf8ToCp1252("Rp750.000,00"), "Rp750.000,00");
  EXPECT_EQ(utf8ToCp1252("\xE2\x80\x9C" "a" "\xE2\x80\x9D"), "\x93" "a" "\x94");
  EXPECT_EQ(utf8ToCp1252("10\xE2\x80\x93" "12"), "10\x96" "12");
  EXPECT_EQ(utf8ToCp1252("Andr\xC3\xA9"), "Andr\xE9");
  EXPECT_EQ(utf8ToCp1252("\xE4\xB8\xAD"), "?");  // outside CP1252
  EXPECT_THROW(utf8ToCp1252("\xC3"), Error);
}

}  // namespace
}  // namespace naskah::render
