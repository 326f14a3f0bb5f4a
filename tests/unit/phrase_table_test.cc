#include "extractors/phrase_table.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace bw {
namespace {

// Phrases that share their first bytes, are shorter and longer than 8 bytes
// (the prefix PhraseTable compares first) and start with one code point.
PhraseTable<int> Table() {
  PhraseTable<int> t;
  t.Add("not", 1);
  t.Add("not only", 2);
  t.Add("not only but", 3);       // 12 bytes: past the 8-byte head
  t.Add("not only bit", 4);       // same head as 3, differs at byte 11
  t.Add("泡沫", 5);
  t.Add("泡沫化", 6);
  t.Add("a", 7);
  t.Add("", 8);                   // ignored
  return t;
}

// Every phrase at `i`, longest first (the walk never stops early).
std::vector<int> AllAt(const PhraseTable<int>& t, std::string_view text, size_t i) {
  std::vector<int> out;
  t.ForEachAt(text, i, [&](std::string_view, const int& v) {
    out.push_back(v);
    return false;
  });
  return out;
}

TEST(PhraseTableTest, ListsThePhrasesAtAPositionLongestFirst) {
  struct Case {
    std::string_view text;
    size_t at;
    std::vector<int> want;
  } const kCases[] = {
      {"not only but also", 0, {3, 2, 1}},
      {"not only bit", 0, {4, 2, 1}},
      {"not only bus", 0, {2, 1}},     // head matches 3 and 4; the tail does not
      {"not only", 0, {2, 1}},         // text ends inside 3's head
      {"not onl", 0, {1}},
      {"no", 0, {}},                   // shorter than every phrase
      {"note", 0, {1}},                // a prefix; word edges are the caller's business
      {"xnot only", 1, {2, 1}},
      {"xnot only", 0, {}},            // no phrase starts with x
      {"AI泡沫化了", 2, {6, 5}},
      {"AI泡沫", 2, {5}},
      {"AI泡", 2, {}},
      {"a", 0, {7}},
      {"not", 3, {}},                  // past the end
      {"", 0, {}},
  };
  const PhraseTable<int> t = Table();
  for (const Case& c : kCases) {
    EXPECT_EQ(AllAt(t, c.text, c.at), c.want) << "'" << c.text << "' at " << c.at;
  }
  EXPECT_EQ(t.size(), 7u);
}

TEST(PhraseTableTest, StopsWhereTheCallbackSaysAndReplacesEqualPhrases) {
  PhraseTable<int> t = Table();
  std::vector<int> seen;
  EXPECT_TRUE(t.ForEachAt("not only but", 0, [&](std::string_view phrase, const int& v) {
    seen.push_back(v);
    return phrase == "not only";
  }));
  EXPECT_EQ(seen, (std::vector<int>{3, 2}));
  EXPECT_FALSE(t.ForEachAt("not", 0, [](std::string_view, const int&) { return false; }));

  t.Add("not", 9);
  EXPECT_EQ(AllAt(t, "not", 0), std::vector<int>{9});
  EXPECT_EQ(t.size(), 7u);
}

}  // namespace
}  // namespace bw
