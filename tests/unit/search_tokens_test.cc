#include "extractors/search_tokens.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace bw {

void PrintTo(const SearchToken& t, std::ostream* os) {
  *os << "{\"" << t.text << "\", " << t.start << ", " << t.end << "}";
}

namespace {

struct Case {
  const char* in;
  std::vector<SearchToken> want;
};

void RunTable(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(SearchTokens(c.in), c.want);
  }
}

TEST(SearchTokensTest, AlphabeticWordsAreCaseFolded) {
  RunTable({
      {"", {}},
      {"   ", {}},
      {"Hello, World!", {{"hello", 0, 5}, {"world", 7, 12}}},
      {"NVIDIA's GPUs", {{"nvidia", 0, 6}, {"s", 7, 8}, {"gpus", 9, 13}}},
      {"AI-driven", {{"ai", 0, 2}, {"driven", 3, 9}}},
      {"Straße", {{"strasse", 0, 7}}},  // full case folding: ß is ss
      {"ÉCOLE", {{"école", 0, 6}}},
      {"Москва", {{"москва", 0, 12}}},
      {"ΣΊΣΥΦΟΣ", {{"σίσυφοσ", 0, 14}}},
      {"snake_case", {{"snake", 0, 5}, {"case", 6, 10}}},
  });
}

TEST(SearchTokensTest, FullWidthIsFolded) {
  RunTable({
      {"ＯｐｅｎＡＩ", {{"openai", 0, 18}}},
      {"ＧＰＴ５", {{"gpt5", 0, 12}}},
      {"１２３", {{"123", 0, 9}}},
      {"３．５", {{"3.5", 0, 9}}},
      {"ＡＩ，泡沫", {{"ai", 0, 6}, {"泡沫", 9, 15}}},
  });
}

TEST(SearchTokensTest, ChineseBecomesBigrams) {
  RunTable({
      {"数据中心", {{"数据", 0, 6}, {"据中", 3, 9}, {"中心", 6, 12}}},
      {"數據中心", {{"數據", 0, 6}, {"據中", 3, 9}, {"中心", 6, 12}}},  // not simplified
      {"泡沫", {{"泡沫", 0, 6}}},
      {"泡", {{"泡", 0, 3}}},
      {"美，泡沫", {{"美", 0, 3}, {"泡沫", 6, 12}}},
      {"“AI泡沫”——真的吗？",
       {{"ai", 3, 5}, {"泡沫", 5, 11}, {"真的", 20, 26}, {"的吗", 23, 29}}},
      {"〆切", {{"〆切", 0, 6}}},
  });
}

TEST(SearchTokensTest, JapaneseKanaAndKanji) {
  RunTable({
      {"データセンター",
       {{"デー", 0, 6}, {"ータ", 3, 9}, {"タセ", 6, 12}, {"セン", 9, 15}, {"ンタ", 12, 18},
        {"ター", 15, 21}}},
      {"投資する", {{"投資", 0, 6}, {"資す", 3, 9}, {"する", 6, 12}}},
      {"AIバブルは崩壊", {{"ai", 0, 2}, {"バブ", 2, 8}, {"ブル", 5, 11}, {"ルは", 8, 14},
                          {"は崩", 11, 17}, {"崩壊", 14, 20}}},
      // Half-width katakana: ﾃ ﾞ ｰ ﾀ, the voiced mark joined to its kana.
      {"ﾃﾞｰﾀ", {{"デー", 0, 9}, {"ータ", 6, 12}}},
      // A combining voiced mark (U+3099) joined to its kana.
      {"カ\u3099ス", {{"ガス", 0, 9}}},
      // The katakana middle dot separates names.
      {"ドナルド・トランプ", {{"ドナ", 0, 6}, {"ナル", 3, 9}, {"ルド", 6, 12}, {"トラ", 15, 21},
                               {"ラン", 18, 24}, {"ンプ", 21, 27}}},
  });
}

TEST(SearchTokensTest, KoreanBecomesBigrams) {
  RunTable({
      {"인공지능 투자", {{"인공", 0, 6}, {"공지", 3, 9}, {"지능", 6, 12}, {"투자", 13, 19}}},
      {"AI 거품", {{"ai", 0, 2}, {"거품", 3, 9}}},
  });
}

TEST(SearchTokensTest, ScriptChangeEndsToken) {
  RunTable({
      {"GPU算力", {{"gpu", 0, 3}, {"算力", 3, 9}}},
      {"算力GPU", {{"算力", 0, 6}, {"gpu", 6, 9}}},
      {"2024年", {{"2024", 0, 4}, {"年", 4, 7}}},
      {"第3季度", {{"第", 0, 3}, {"3", 3, 4}, {"季度", 4, 10}}},
  });
}

TEST(SearchTokensTest, DigitsAndDecimals) {
  RunTable({
      {"gpt5 10GW", {{"gpt5", 0, 4}, {"10gw", 5, 9}}},
      {"1.5 3.14% $1,000 v1.2.3 end.",
       {{"1.5", 0, 3}, {"3.14", 4, 8}, {"1", 11, 12}, {"000", 13, 16}, {"v1.2.3", 17, 23},
        {"end", 24, 27}}},
      {"Q3.", {{"q3", 0, 2}}},
      {"1..5", {{"1", 0, 1}, {"5", 3, 4}}},
      {"a.1", {{"a", 0, 1}, {"1", 2, 3}}},
      {"1.5GW", {{"1.5gw", 0, 5}}},
      {"投资1.5万亿", {{"投资", 0, 6}, {"1.5", 6, 9}, {"万亿", 9, 15}}},
  });
}

TEST(SearchTokensTest, SymbolsAndEmojiSeparate) {
  RunTable({
      {"AI🚀bubble 😀", {{"ai", 0, 2}, {"bubble", 6, 12}}},
      {"泡沫😀泡沫", {{"泡沫", 0, 6}, {"泡沫", 10, 16}}},
      {"a+b=c", {{"a", 0, 1}, {"b", 2, 3}, {"c", 4, 5}}},
      {"«Hé» — ok", {{"hé", 2, 5}, {"ok", 12, 14}}},
  });
}

TEST(SearchTokensTest, IgnorablesAndMarks) {
  RunTable({
      {"inter\u00ADnational", {{"international", 0, 15}}},  // soft hyphen skipped
      {"ab\u200Bcd", {{"ab", 0, 2}, {"cd", 5, 7}}},          // zero-width space separates
      {"cafe\u0301", {{"cafe\u0301", 0, 6}}},                 // combining accent kept, not composed
      {"葛\U000E0100城", {{"葛城", 0, 10}}},                   // variation selector skipped
  });
}

TEST(SearchTokensTest, InvalidUtf8IsSkipped) {
  RunTable({
      {"ab\xFF" "cd", {{"ab", 0, 2}, {"cd", 3, 5}}},
      {"泡\xE6\xB2", {{"泡", 0, 3}}},  // a cut-off character at the end
      {"\xC3", {}},
      {"数\x80据", {{"数", 0, 3}, {"据", 4, 7}}},
      {"\xED\xA0\x80x", {{"x", 3, 4}}},  // an encoded surrogate
      {"\xC0\xAF" "a", {{"a", 2, 3}}},    // an overlong '/'
  });
}

TEST(SearchTokenStreamTest, RunEndUnigramsAreColocated) {
  SearchTokenStream s("数据中心，泡 AI", /*run_end_unigrams=*/true);
  struct Want {
    const char* text;
    size_t start, end;
    bool colocated;
  } want[] = {{"数据", 0, 6, false}, {"据中", 3, 9, false}, {"中心", 6, 12, false},
              {"心", 9, 12, true},   {"泡", 15, 18, false}, {"ai", 19, 21, false}};
  for (const Want& w : want) {
    ASSERT_TRUE(s.Next()) << w.text;
    EXPECT_EQ(s.text(), w.text);
    EXPECT_EQ(s.start(), w.start) << w.text;
    EXPECT_EQ(s.end(), w.end) << w.text;
    EXPECT_EQ(s.colocated(), w.colocated) << w.text;
  }
  EXPECT_FALSE(s.Next());
  EXPECT_FALSE(s.Next());
}

TEST(SearchTokenStreamTest, SameTokensAsVectorForm) {
  const char* text = "NVIDIA（英伟达）的ＧＰＵ算力：1.5 GW、データセンター";
  std::vector<SearchToken> streamed;
  SearchTokenStream s(text);
  while (s.Next()) streamed.push_back({std::string(s.text()), s.start(), s.end()});
  EXPECT_EQ(streamed, SearchTokens(text));
  EXPECT_EQ(streamed.size(), 14u);
}

TEST(SearchTokensTest, OffsetsAlwaysInsideInput) {
  // Every prefix of a mixed text, so that characters are cut at every byte.
  const std::string text = "ＡＩ泡沫 ﾃﾞｰﾀ 1.5 Straße 인공지능 😀 カ\u3099";
  for (size_t n = 0; n <= text.size(); ++n) {
    const std::string prefix = text.substr(0, n);
    for (const SearchToken& t : SearchTokens(prefix)) {
      EXPECT_LT(t.start, t.end);
      EXPECT_LE(t.end, n);
      EXPECT_FALSE(t.text.empty());
    }
  }
}

}  // namespace
}  // namespace bw
