#include "extractors/markup_limit.h"

#include <gtest/gtest.h>

namespace bw {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

MarkupLimits Depth(int max_depth) {
  MarkupLimits limits;
  limits.max_depth = max_depth;
  return limits;
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

TEST(LimitMarkupTest, PagesUnderTheCapAreUnchanged) {
  const std::string cases[] = {
      "",
      "plain text",
      "<html><head><title>t</title></head><body><div><p>a<p>b</div></body></html>",
      Repeat("<p>para", 5000),  // unclosed p: implied end tags, no depth
      Repeat("<li>item", 5000) + Repeat("<br>", 5000) + Repeat("<img src=x>", 100),
      Repeat("<div>", 4) + "<!-- " + Repeat("<div>", 1000) + " -->" + Repeat("</div>", 4),
      "<script>" + Repeat("<div>", 1000) + "</script><style>" + Repeat("<b>", 1000) + "</style>",
      Repeat("<span/>", 2000),
      "<div title=\"a > b <div>\">x</div>",
      "<" + Repeat("<", 100) + "< 3 <3",
  };
  for (const std::string& html : cases) {
    SCOPED_TRACE(html.substr(0, 60));
    EXPECT_EQ(LimitMarkup(html, Depth(8)), html);
  }
}

TEST(LimitMarkupTest, DropsStartTagsPastTheCapAndTheirEndTags) {
  EXPECT_EQ(LimitMarkup("<div><div><div>x</div></div></div>", Depth(2)), "<div><div>x</div></div>");
  EXPECT_EQ(LimitMarkup("<div><b><i>x</i></b>y</div>", Depth(1)), "<div>xy</div>");
  // Siblings at the cap are kept once their predecessor closes.
  EXPECT_EQ(LimitMarkup("<div><a>1</a><a>2</a></div>", Depth(2)), "<div><a>1</a><a>2</a></div>");
  std::string deep = Repeat("<div>", 600) + "text" + Repeat("</div>", 600) + "<p>after</p>";
  std::string capped = LimitMarkup(deep, Depth(512));
  EXPECT_EQ(Count(capped, "<div>"), 512u);
  EXPECT_EQ(Count(capped, "</div>"), 512u);
  EXPECT_NE(capped.find("text"), std::string::npos);
  EXPECT_NE(capped.find("<p>after</p>"), std::string::npos);
}

TEST(LimitMarkupTest, UnclosedAndTruncatedInputIsSafe) {
  EXPECT_EQ(LimitMarkup(Repeat("<div>", 10) + "<div class=\"never closed", Depth(4)),
            Repeat("<div>", 4));
  EXPECT_EQ(LimitMarkup("<div><!-- open comment <div>", Depth(0)), "<!-- open comment <div>");
  EXPECT_EQ(LimitMarkup("<script>never closed <div>", Depth(0)), "<script>never closed <div>");
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 37) % 256);
  LimitMarkup(bytes, Depth(3));  // no crash on arbitrary bytes
}

TEST(LimitMarkupTest, TagsPastTheBudgetAreDroppedTextKept) {
  MarkupLimits limits;
  limits.max_tags = 3;
  // Once the budget is spent every tag goes, end tags too (a stray </p> would
  // make an element of its own); what is still open stays open.
  EXPECT_EQ(LimitMarkup("<p>a</p><p>b</p><p>c</p><p>d</p><br>e", limits), "<p>a</p><p>b</p><p>cde");
  EXPECT_EQ(LimitMarkup("<div><i>1</i><i>2</i><i>3</i></div>", limits), "<div><i>1</i><i>23");
  std::string dense = Repeat("<i>x</i>", 100000);
  std::string limited = LimitMarkup(dense, MarkupLimits::ForSize(dense.size()));
  EXPECT_EQ(Count(limited, "<i>"), 20000u);
  EXPECT_EQ(Count(limited, "x"), 100000u);
}

TEST(LimitMarkupTest, BudgetGrowsWithThePage) {
  EXPECT_EQ(MarkupLimits::ForSize(0).max_tags, 20000u);
  EXPECT_EQ(MarkupLimits::ForSize(800000).max_tags, 20000u);
  EXPECT_EQ(MarkupLimits::ForSize(10 * 1000 * 1000).max_tags, 250000u);
  EXPECT_EQ(MarkupLimits::ForSize(10 * 1000 * 1000).max_depth, 512);
}

}  // namespace
}  // namespace bw
