#include "extractors/post_markup.h"

#include <string>

#include <gtest/gtest.h>

namespace bw {
namespace {

struct MarkupCase {
  std::string markup;
  std::string text;
};

TEST(PostMarkupTest, PlainTextOfApiMarkup) {
  const MarkupCase cases[] = {
      // Hacker News: paragraphs as <p> without closing tags, quotes as "&gt;".
      {"<p>&gt; nobody is making money on AI<p>Microsoft says AI adds to Azure growth.",
       "> nobody is making money on AI\nMicrosoft says AI adds to Azure growth."},
      {"you&#x27;re looking at <a href=\"https://x.io/a\" rel=\"nofollow\">https://x.io/a</a>",
       "you're looking at https://x.io/a"},
      // Mastodon: <p> paragraphs, <br>, hashtag links, a <blockquote>.
      {"<p>Genuinely impressed.<br>Turnaround down 40%.</p><p><a href=\"https://f.org/tags/AI\" class=\"mention "
       "hashtag\">#<span>AI</span></a></p>",
       "Genuinely impressed.\nTurnaround down 40%.\n#AI"},
      {"<blockquote><p>AI is a bubble</p></blockquote><p>No.</p>", "> AI is a bubble\nNo."},
      {"<p>a   b\n  c</p>", "a b c"},  // white space as a browser collapses it
      // X: entities only; the text's own line breaks stay.
      {"Oracle &amp; OpenAI sign $300B\n&gt; 20x revenue\n&gt; who pays?",
       "Oracle & OpenAI sign $300B\n> 20x revenue\n> who pays?"},
      {"&lt;3 &quot;AI&quot; &#39;boom&#39; &#x1F680;", "<3 \"AI\" 'boom' 🚀"},
      {"<script>alert(1)</script><p>text</p>", "text"},
      {"<p></p><p>  </p>", ""},
  };
  for (const MarkupCase& c : cases) {
    EXPECT_TRUE(LooksLikePostMarkup(c.markup)) << c.markup;
    EXPECT_EQ(PostMarkupText(c.markup), c.text) << c.markup;
  }
}

TEST(PostMarkupTest, TypedTextIsNotMarkup) {
  for (const char* text : {"GPU demand > supply & rising", "AI <3", "a<b and c>d", "R&D spend is up; AT&T too",
                           "> AI is a bubble\nNo.", "泡沫？<不是>", ""}) {
    EXPECT_FALSE(LooksLikePostMarkup(text)) << text;
  }
}

TEST(PostMarkupTest, DeepNestingDoesNotOverflow) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<blockquote>";
  deep += "<p>x</p>";
  const std::string text = PostMarkupText(deep);
  EXPECT_NE(text.find('x'), std::string::npos);
}

}  // namespace
}  // namespace bw
