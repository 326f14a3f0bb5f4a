#include "extractors/quoted_lines.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace bw {
namespace {

struct QuotedCase {
  std::string text;
  std::vector<std::string> quoted;  // the quoted lines, as written
};

std::vector<std::string> Quoted(const std::string& text) {
  std::vector<std::string> out;
  for (const TextSpan& s : FindQuotedLines(text)) out.push_back(text.substr(s.start, s.end - s.start));
  return out;
}

TEST(QuotedLinesTest, FindsTheLinesAReplyQuotes) {
  const QuotedCase cases[] = {
      {"> AI is a bubble\nNo. Look at the backlog.", {"> AI is a bubble"}},
      {"  > indented quote\nreply", {"  > indented quote"}},
      {"\t>tabbed\nreply", {"\t>tabbed"}},
      {">AI就是泡沫\n不是。", {">AI就是泡沫"}},
      {"＞AIはバブル\nいや", {"＞AIはバブル"}},
      {"&gt; X sends quotes like this\nand a reply", {"&gt; X sends quotes like this"}},
      {"> > a quote of a quote\nreply", {"> > a quote of a quote"}},
      {"※ 引述《bullrun》之銘言：\n: 輝達訂單滿到2026\n訂單滿是因為…", {": 輝達訂單滿到2026"}},
      {"first\n\n> third line\nfourth", {"> third line"}},
      {"> one\n> two\n\nreply\n> three\nreply two", {"> one", "> two", "> three"}},
      {"> quote\r\nreply", {"> quote\r"}},
      {"> quote\n>>12\n", {"> quote"}},  // an anchor line is the reply's own text
      // With no reply after them, the lines are the writer's own: greentext, a list.
      {"Oracle &amp; OpenAI\n&gt; 20x its revenue\n&gt; who pays?", {}},
      {"> AI is a bubble", {}},
      {"> AI is a bubble\n\n  \n", {}},
      {"reply first\n> then a quote", {}},
      // Anchors of replies, and '>' inside a line, are no quotes.
      {">>12\nAIはバブルだろ", {}},
      {"＞＞12 それな\n本文", {}},
      {"&gt;&gt;12 anchor\ntext", {}},
      {"GPU demand > supply\nyes", {}},
      {">90%的基金经理认为AI是泡沫\n所以呢", {}},  // "more than", not a quote
      {"＞50% のファンドマネージャー\n本文", {}},
      {"Note: not a quote\nreply", {}},
      {":colon without space\nreply", {}},
      {"", {}},
  };
  for (const QuotedCase& c : cases) {
    EXPECT_EQ(Quoted(c.text), c.quoted) << c.text;
  }
}

TEST(QuotedLinesTest, FindsTheRepostChainAfterTheComment) {
  struct ChainCase {
    std::string text;
    std::string chain;
  } cases[] = {
      {"醒醒吧//@某人:AI是革命", "//@某人:AI是革命"},
      {"不是。//@A:AI就是泡沫//@B:转发", "//@A:AI就是泡沫//@B:转发"},
      {"agreed //@bob:the demand is real", "//@bob:the demand is real"},
      {"This. RT @grid_nerd: these are announcement gigawatts", "RT @grid_nerd: these are announcement gigawatts"},
      {"何がAI革命だよ。 RT @tech_hype_jp: AI革命はまだ始まったばかり！", "RT @tech_hype_jp: AI革命はまだ始まったばかり！"},
      {"so true QT @a: x //@b: y", "QT @a: x //@b: y"},
      {"comment //@a: x RT @b: y", "//@a: x RT @b: y"},
      {"ART @home is not a chain", ""},
      // A plain repost: the chain is all the writer says.
      {"RT @business: Broadcom and OpenAI agree to deploy 10 GW", ""},
      {"//@财经早餐:甲骨文与OpenAI签约//@路透中文网:【大单】", ""},
      {"  //@A:泡沫", ""},
      // Inside a web address, or no chain at all.
      {"看 https://t.cn/A6x//@abc 这个", ""},
      {"@A: 回复", ""},
      {"", ""},
  };
  for (const ChainCase& c : cases) {
    const TextSpan span = FindRepostChain(c.text);
    EXPECT_EQ(c.text.substr(span.start, span.end - span.start), c.chain) << c.text;
  }
}

TEST(QuotedLinesTest, WithoutQuotedLinesKeepsTheReply) {
  EXPECT_EQ(WithoutQuotedLines("> AI is a bubble\n\nNo. Look at the backlog."), "\nNo. Look at the backlog.");
  EXPECT_EQ(WithoutQuotedLines("a\n> b\n> c\nd"), "a\nd");
  EXPECT_EQ(WithoutQuotedLines("＞AIはバブル\nいや"), "いや");
  // Nothing quoted (or no reply to the quotes): the text as it is.
  EXPECT_EQ(WithoutQuotedLines("AI is a bubble\nNo."), "AI is a bubble\nNo.");
  EXPECT_EQ(WithoutQuotedLines("> AI is a bubble\n> and a ponzi\n"), "> AI is a bubble\n> and a ponzi\n");
  EXPECT_EQ(WithoutQuotedLines(">>12\nAIはバブル"), ">>12\nAIはバブル");
  EXPECT_EQ(WithoutQuotedLines(""), "");
  EXPECT_EQ(WithoutQuotedLines("醒醒吧//@某人:AI是革命"), "醒醒吧//@某人:AI是革命");
  EXPECT_EQ(WithoutQuotedLines("//@某人:AI是革命"), "//@某人:AI是革命");
}

}  // namespace
}  // namespace bw
