#include "domain/letters/tracking_code.h"

#include <gtest/gtest.h>

#include <set>

using namespace naskah::domain;

TEST(TrackingCode, HasReadableShapeAndValidates) {
  auto code = makeTrackingCode({1, 2, 3, 4, 5, 6, 7, 8});
  ASSERT_EQ(code.size(), 15u);
  EXPECT_EQ(code.substr(0, 4), "ADU-");
  EXPECT_TRUE(isValidTrackingCode(code));
  std::string lower = code;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_TRUE(isValidTrackingCode(lower));
}

TEST(TrackingCode, EverySingleCharacterTypoIsCaught) {
  auto code = makeTrackingCode({9, 8, 7, 6, 5, 4, 3, 2});
  const std::string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  for (size_t pos : {4u, 5u, 6u, 7u, 9u, 10u, 11u, 12u, 14u}) {
    for (char c : alphabet) {
      if (c == code[pos]) continue;
      std::string typo = code;
      typo[pos] = c;
      EXPECT_FALSE(isValidTrackingCode(typo)) << typo;
    }
  }
}

TEST(TrackingCode, DifferentRandomBytesGiveDifferentCodes) {
  std::set<std::string> codes;
  for (int i = 0; i < 256; ++i) codes.insert(makeTrackingCode({static_cast<std::uint8_t>(i), 1, 2, 3, 4, 0, 0, 0}));
  EXPECT_EQ(codes.size(), 256u);
}
