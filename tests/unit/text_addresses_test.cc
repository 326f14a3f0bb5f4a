#include "extractors/text_addresses.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace bw {
namespace {

// Each case lists the text and the addresses found in it, as written.
struct AddressCase {
  std::string text;
  std::vector<std::string> addresses;
};

std::vector<std::string> Found(const std::string& text) {
  std::vector<std::string> out;
  for (const TextSpan& s : FindTextAddresses(text)) out.push_back(text.substr(s.start, s.end - s.start));
  return out;
}

TEST(TextAddressesTest, FindsWebAddressesMailAndHandles) {
  const AddressCase cases[] = {
      // Web addresses: the path is part of it; the sentence's punctuation is not.
      {"Good read https://www.ft.com/content/ai-bubble-fears-grow", {"https://www.ft.com/content/ai-bubble-fears-grow"}},
      {"see HTTP://Example.com/A.", {"HTTP://Example.com/A"}},
      {"(via https://x.com/a/status/1)", {"https://x.com/a/status/1"}},
      {"wiki https://en.wikipedia.org/wiki/Bubble_(economics) says", {"https://en.wikipedia.org/wiki/Bubble_(economics)"}},
      {"links: www.example.com/ai-crash, and more", {"www.example.com/ai-crash"}},
      {"\"https://a.io/x?q=1&r=2\"", {"https://a.io/x?q=1&r=2"}},
      {"<https://a.io/b>", {"https://a.io/b"}},
      {"看了这篇https://36kr.com/p/ai-bubble写得不错", {"https://36kr.com/p/ai-bubble"}},
      {"リンク：https://example.jp/ai-baburu。", {"https://example.jp/ai-baburu"}},
      // Mail.
      {"write to tips@bubble.news.", {"tips@bubble.news"}},
      {"a.b+c@mail.example.org", {"a.b+c@mail.example.org"}},
      // Handles: Latin, Mastodon's, Bluesky's, and other scripts with an edge.
      {"RT @ponzi_watch: Nvidia earnings", {"@ponzi_watch"}},
      {"@Gargron@mastodon.social said so", {"@Gargron@mastodon.social"}},
      {"cc @alice.bsky.social.", {"@alice.bsky.social"}},
      {"转发@新浪财经 AI泡沫要破了", {"@新浪财经"}},
      {"@财经网：英伟达投资OpenAI", {"@财经网"}},
      {"＠bubble_bot 教えて", {"＠bubble_bot"}},
      {"@elonmusk说AI是泡沫", {"@elonmusk"}},
      {"@elonmusk说AI是泡沫，你怎么看", {"@elonmusk"}},
      {"@AI泡沫观察 求一份算力合同汇总", {"@AI泡沫观察"}},
      {"转发@泡沫观察", {"@泡沫观察"}},
      {"@新浪财经泡沫要破了", {"@新浪财经泡沫要破了"}},  // short, at the end: taken whole
      {"@新浪财经英伟达投资OpenAI的泡沫", {}},          // at the end, but too long to be a name
      {"//@股市评论:泡沫", {"@股市评论"}},
      {"see @a and https://b.io", {"@a", "https://b.io"}},
      // Not addresses.
      {"The AI bubble will burst", {}},
      {"meet @ 5pm", {}},
      {"bob@localhost", {}},
      {"what about http:// alone", {}},
      {"showwww.example.com", {}},  // not at a word's start
      {"#AIbubble to the moon", {}},
      {"$NVDA 🚀", {}},
      // A handle in another script with no edge within 30 characters: its end is unknown.
      {"@新浪财经英伟达投资OpenAI的交易是不是泡沫大家怎么看这个问题呢我觉得", {}},
      {"", {}},
  };
  for (const AddressCase& c : cases) {
    EXPECT_EQ(Found(c.text), c.addresses) << c.text;
  }
}

TEST(TextAddressesTest, SpansAreInOrderAndDoNotOverlap) {
  const std::string text = "x@y.com@z https://a.b/c@d.e @f@g.h i@j.kl";
  const std::vector<TextSpan> spans = FindTextAddresses(text);
  ASSERT_FALSE(spans.empty());
  for (size_t k = 0; k < spans.size(); ++k) {
    EXPECT_LT(spans[k].start, spans[k].end);
    EXPECT_LE(spans[k].end, text.size());
    if (k > 0) {
      EXPECT_LE(spans[k - 1].end, spans[k].start);
    }
  }
}

TEST(TextAddressesTest, InvalidUtf8EndsAHandle) {
  EXPECT_EQ(Found("@新浪\xFF rest"), std::vector<std::string>{"@新浪"});
  EXPECT_EQ(Found("@\xFF\xFE"), std::vector<std::string>{});
}

TEST(TextAddressesTest, BlankingKeepsOffsets) {
  std::string text = "AI bubble? https://t.co/ai-ponzi @ponzi 泡沫";
  const size_t size = text.size();
  BlankTextAddresses(text);
  EXPECT_EQ(text.size(), size);
  EXPECT_EQ(text, "AI bubble? " + std::string(21, ' ') + " " + std::string(6, ' ') + " 泡沫");
}

}  // namespace
}  // namespace bw
