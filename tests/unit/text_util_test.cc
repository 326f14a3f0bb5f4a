#include "extractors/text_util.h"

#include <gtest/gtest.h>

namespace bw {
namespace {

TEST(CollapseWhitespaceTest, Table) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"", ""},
      {"  a  b\t\nc  ", "a b c"},
      {"a\xC2\xA0\xC2\xA0" "b", "a b"},                        // NBSPs
      {"ソフトバンク\xE3\x80\x80" "AI投資", "ソフトバンク\xE3\x80\x80" "AI投資"},  // lone U+3000 kept
      {"甲\xE3\x80\x80\xE3\x80\x80乙", "甲 乙"},              // a run of them is layout
      {"甲\xE3\x80\x80 乙", "甲 乙"},
      {"\xE3\x80\x80\xE3\x80\x80本文", "本文"},               // indentation trimmed
      {"末尾\xE3\x80\x80", "末尾"},
      {"a\xE2\x80\x8B" "b", "a b"},                           // zero-width space
      {"bad \xFF byte", "bad \xFF byte"},                     // invalid bytes pass through
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(CollapseWhitespace(c.in), c.want);
  }
}

TEST(CountCharsTest, CountsCjkTwiceForDensity) {
  CharCounts c = CountChars("AI泡沫カタカナ");
  EXPECT_EQ(c.code_points, 8u);
  EXPECT_EQ(c.cjk, 6u);
}

}  // namespace
}  // namespace bw
