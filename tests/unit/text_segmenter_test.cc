#include "extractors/text_segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace bw {
namespace {

std::vector<std::string> SentencesOf(std::string_view lang, std::string_view text) {
  TextSegmenter segmenter{std::string(lang)};
  std::vector<std::string> out;
  for (TextSpan s : segmenter.Sentences(text)) out.emplace_back(text.substr(s.start, s.end - s.start));
  return out;
}

struct SentenceCase {
  const char* lang;
  const char* text;
  std::vector<std::string> want;
};

TEST(TextSegmenterTest, Sentences) {
  const SentenceCase cases[] = {
      {"en", "Not a bubble. Look at the orders!", {"Not a bubble.", "Look at the orders!"}},
      {"en", "U.S. officials met on Monday.", {"U.S. officials met on Monday."}},
      // Posts without capitals still break at a full stop…
      {"en", "the air pocket never showed up. guidance raised again",
       {"the air pocket never showed up.", "guidance raised again"}},
      {"en", "lol what. no way", {"lol what.", "no way"}},
      // …but not after an abbreviation, an initial or inside a number.
      {"en", "chips vs. the grid, e.g. power", {"chips vs. the grid, e.g. power"}},
      {"en", "it costs 1.5 trillion", {"it costs 1.5 trillion"}},
      {"en", "first line\nsecond line", {"first line", "second line"}},
      {"zh", "这不是泡沫。需求是真实的！", {"这不是泡沫。", "需求是真实的！"}},
      {"ja", "バブルではない。需要は本物だ。", {"バブルではない。", "需要は本物だ。"}},
      {"en", "", {}},
  };
  for (const SentenceCase& c : cases) {
    SCOPED_TRACE(std::string(c.lang) + " " + c.text);
    EXPECT_EQ(SentencesOf(c.lang, c.text), c.want);
  }
}

}  // namespace
}  // namespace bw
