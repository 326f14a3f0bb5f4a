#include "extractors/nesting_limit.h"

#include <gtest/gtest.h>

namespace bw {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

TEST(CapNestingDepthTest, PagesUnderTheCapAreUnchanged) {
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
    EXPECT_EQ(CapNestingDepth(html, 8), html);
  }
}

TEST(CapNestingDepthTest, DropsStartTagsPastTheCapAndTheirEndTags) {
  EXPECT_EQ(CapNestingDepth("<div><div><div>x</div></div></div>", 2), "<div><div>x</div></div>");
  EXPECT_EQ(CapNestingDepth("<div><b><i>x</i></b>y</div>", 1), "<div>xy</div>");
  // Siblings at the cap are kept once their predecessor closes.
  EXPECT_EQ(CapNestingDepth("<div><a>1</a><a>2</a></div>", 2), "<div><a>1</a><a>2</a></div>");
  std::string deep = Repeat("<div>", 600) + "text" + Repeat("</div>", 600) + "<p>after</p>";
  std::string capped = CapNestingDepth(deep, 512);
  EXPECT_EQ(Count(capped, "<div>"), 512u);
  EXPECT_EQ(Count(capped, "</div>"), 512u);
  EXPECT_NE(capped.find("text"), std::string::npos);
  EXPECT_NE(capped.find("<p>after</p>"), std::string::npos);
}

TEST(CapNestingDepthTest, UnclosedAndTruncatedInputIsSafe) {
  EXPECT_EQ(CapNestingDepth(Repeat("<div>", 10) + "<div class=\"never closed", 4),
            Repeat("<div>", 4));
  EXPECT_EQ(CapNestingDepth("<div><!-- open comment <div>", 0), "<!-- open comment <div>");
  EXPECT_EQ(CapNestingDepth("<script>never closed <div>", 0), "<script>never closed <div>");
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 37) % 256);
  CapNestingDepth(bytes, 3);  // no crash on arbitrary bytes
}

}  // namespace
}  // namespace bw
