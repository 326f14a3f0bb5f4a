#include "extractors/amount_parser.h"

#include <gtest/gtest.h>

namespace bw {
namespace {

const AmountParser& Parser() {
  static const LexiconSet* lexicons = new LexiconSet(LexiconSet::Embedded());
  static const AmountParser* parser = new AmountParser(*lexicons);
  return *parser;
}

TEST(AmountParserTest, Numbers) {
  struct Case {
    const char* text;
    double want;
    bool trillion;
  } cases[] = {
      {"1,000", 1000, false},       {"1234.5", 1234.5, false},     {"1.6亿", 1.6e8, false},
      {"3000 亿", 3e11, false},     {"1億6000万", 1.6e8, false},   {"1万8,000", 18000, false},
      {"2万5,000", 25000, false},   {"一千亿", 1e11, false},       {"二百五十六點八億", 2.568e10, false},
      {"十五", 15, false},          {"百八十億", 1.8e10, false},   {"千二百億", 1.2e11, false},
      {"两千零五", 2005, false},    {"一万億", 1e12, false},        {"1万亿", 1e12, false},
      {"5百萬", 5e6, false},        {"1兆", 1e12, true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    bool trillion = false;
    auto v = Parser().Parse(c.text, &trillion);
    ASSERT_TRUE(v.has_value());
    EXPECT_NEAR(*v, c.want, c.want * 1e-12);
    EXPECT_EQ(trillion, c.trillion);
  }
  bool t = false;
  EXPECT_FALSE(Parser().Parse(std::string(40, '9'), &t).has_value());  // a digit string, not a number
}

TEST(AmountParserTest, EnglishNumberWords) {
  struct Case {
    const char* text;
    double want;
    size_t end;
    bool article;
  } cases[] = {
      {"thirteen dollars", 13, 8, false},
      {"forty-five cents", 45, 10, false},
      {"three thousand dollars", 3000, 14, false},
      {"three quarters billion", 7.5e8, 22, false},
      {"half million usd", 5e5, 12, false},
      {"a quarter million", 2.5e5, 17, false},
      {"a dollar", 1, 1, true},
      {"hundred and twenty yen", 120, 18, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    double v = 0;
    bool article = false;
    EXPECT_EQ(Parser().ReadNumberWords(c.text, 0, &v, &article), c.end);
    EXPECT_DOUBLE_EQ(v, c.want);
    EXPECT_EQ(article, c.article);
  }
  double v = 0;
  bool article = false;
  EXPECT_EQ(Parser().ReadNumberWords("dollars", 0, &v, &article), 0u);
}

}  // namespace
}  // namespace bw
