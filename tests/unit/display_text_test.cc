#include "pipeline/cli/display_text.h"

#include <gtest/gtest.h>

namespace bw::cli {
namespace {

TEST(MarkedLine, MarksBecomeBracketsOrAnsiOnOneLine) {
  EXPECT_EQ(MarkedLine("人工智能\x01泡沫\x02正在形成", Marks::kBrackets), "人工智能[泡沫]正在形成");
  EXPECT_EQ(MarkedLine("\x01NVIDIA\x02 rose", Marks::kAnsi), "\x1b[1;7mNVIDIA\x1b[0m rose");
  EXPECT_EQ(MarkedLine("  first\n\nsecond\t third  ", Marks::kBrackets), "first second third");
  EXPECT_EQ(MarkedLine("a \x01" "b\x02 c", Marks::kBrackets), "a [b] c");
  // A page's escape sequences and C1 controls never reach the terminal.
  EXPECT_EQ(MarkedLine("red\x1b[31m text\xC2\x9B" "2J", Marks::kAnsi), "red [31m text 2J");
  EXPECT_EQ(MarkedLine("", Marks::kAnsi), "");
  EXPECT_EQ(MarkedLine("\xC2\xA9 caf\xC3\xA9", Marks::kBrackets), "\xC2\xA9 caf\xC3\xA9");
}

TEST(BracketMarks, OnlyTheMarksChange) {
  EXPECT_EQ(BracketMarks("a\n\x01" "b\x02\tc"), "a\n[b]\tc");
}

TEST(PrintableText, KeepsLinesAndTabsOnly) {
  EXPECT_EQ(PrintableText("line one\nline\ttwo\r\n\x1b]0;title\x07"),
            "line one\nline\ttwo \n ]0;title ");
  EXPECT_EQ(PrintableText("泡沫\xC2\x85!"), "泡沫 !");
}

}  // namespace
}  // namespace bw::cli
