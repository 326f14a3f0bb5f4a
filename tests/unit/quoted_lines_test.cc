#include "extractors/quoted_lines.h"

#include <string>

#include <gtest/gtest.h>

namespace bw {
namespace {

struct QuotedCase {
  std::string text;
  size_t offset;
  bool quoted;
};

TEST(QuotedLinesTest, FindsTheLinesAReplyQuotes) {
  const std::string reply = "> AI is a bubble\nNo. Look at the backlog.";
  const QuotedCase cases[] = {
      {reply, 0, true},
      {reply, 5, true},
      {reply, 16, true},   // the line's '\n'
      {reply, 17, false},  // the reply
      {reply, reply.size(), false},
      {"  > indented quote", 10, true},
      {"\t>tabbed", 3, true},
      {">AI就是泡沫\n不是。", 1, true},
      {"＞AIはバブル\nいや", 4, true},
      {"&gt; X sends quotes like this", 6, true},
      {"> > a quote of a quote", 8, true},
      {"※ 引述《bullrun》之銘言：\n: 輝達訂單滿到2026\n訂單滿是因為…", 40, true},
      {"※ 引述《bullrun》之銘言：\n: 輝達訂單滿到2026\n訂單滿是因為…", 5, false},
      {"Note: not a quote", 6, false},
      {":colon without space", 3, false},
      {"first\n\n> third line", 9, true},
      {"first\n\n> third line", 6, false},  // the empty line
      // Anchors of replies, and '>' inside a line, are no quotes.
      {">>12\nAIはバブルだろ", 1, false},
      {"＞＞12 それな", 3, false},
      {"&gt;&gt;12 anchor", 3, false},
      {"GPU demand > supply", 12, false},
      {"", 0, false},
  };
  for (const QuotedCase& c : cases) {
    EXPECT_EQ(InQuotedLine(c.text, c.offset), c.quoted) << c.text << " @" << c.offset;
  }
}

TEST(QuotedLinesTest, WithoutQuotedLinesKeepsTheReply) {
  EXPECT_EQ(WithoutQuotedLines("> AI is a bubble\n\nNo. Look at the backlog."), "\nNo. Look at the backlog.");
  EXPECT_EQ(WithoutQuotedLines("a\n> b\n> c\nd"), "a\nd");
  EXPECT_EQ(WithoutQuotedLines("＞AIはバブル\nいや"), "いや");
  // Nothing quoted, or nothing but quotes: the text as it is.
  EXPECT_EQ(WithoutQuotedLines("AI is a bubble\nNo."), "AI is a bubble\nNo.");
  EXPECT_EQ(WithoutQuotedLines("> AI is a bubble\n> and a ponzi\n"), "> AI is a bubble\n> and a ponzi\n");
  EXPECT_EQ(WithoutQuotedLines(">>12\nAIはバブル"), ">>12\nAIはバブル");
  EXPECT_EQ(WithoutQuotedLines(""), "");
}

}  // namespace
}  // namespace bw
