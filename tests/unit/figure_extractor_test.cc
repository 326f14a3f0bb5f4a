#include "extractors/figure_extractor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

namespace bw {
namespace {

const FigureExtractor& Extractor() {
  static const LexiconSet* lexicons = new LexiconSet(LexiconSet::Embedded());
  static const FigureExtractor* extractor = new FigureExtractor(*lexicons);
  return *extractor;
}

struct FormCase {
  const char* text;
  const char* kind;
  double value;
  const char* currency;   // money only
  const char* qualifier;  // "" for none
  const char* span;
};

// Every form of the issue, one figure each, with its exact value.
const FormCase kForms[] = {
    {"10GW", "power", 10, "", "", "10GW"},
    {"NVIDIA will deploy 10 GW of systems", "power", 10, "", "", "10 GW"},
    {"a 10-gigawatt deal", "power", 10, "", "", "10-gigawatt"},
    {"about 10 gigawatts", "power", 10, "", "about", "10 gigawatts"},
    {"the first 1 gigawatt", "power", 1, "", "", "1 gigawatt"},
    {"1,000 MW of capacity", "power", 1, "", "", "1,000 MW"},
    {"500 megawatts", "power", 0.5, "", "", "500 megawatts"},
    {"部署10吉瓦", "power", 10, "", "", "10吉瓦"},
    {"部署 10 吉瓦", "power", 10, "", "", "10 吉瓦"},
    {"十吉瓦的算力", "power", 10, "", "", "十吉瓦"},
    {"1000兆瓦的机组", "power", 1, "", "", "1000兆瓦"},
    {"發電量5百萬瓩", "power", 5, "", "", "5百萬瓩"},
    {"120萬瓩", "power", 1.2, "", "", "120萬瓩"},
    {"50億瓦", "power", 5, "", "", "50億瓦"},
    {"10ギガワット", "power", 10, "", "", "10ギガワット"},
    {"１２ＧＷ", "power", 12, "", "", "１２ＧＷ"},
    {"one gigawatt", "power", 1, "", "", "one gigawatt"},
    {"140 太瓦时", "energy", 140000, "", "", "140 太瓦时"},
    {"5 TWh a year", "energy", 5000, "", "", "5 TWh"},
    {"20 GWh", "energy", 20, "", "", "20 GWh"},
    {"3亿千瓦时", "energy", 300, "", "", "3亿千瓦时"},
    {"2.5 吉瓦时", "energy", 2.5, "", "", "2.5 吉瓦时"},
    {"100億キロワット時", "energy", 10000, "", "", "100億キロワット時"},
    {"1テラワット時", "energy", 1000, "", "", "1テラワット時"},
    {"$100 billion", "money", 1e11, "USD", "", "$100 billion"},
    {"$100bn", "money", 1e11, "USD", "", "$100bn"},
    {"$100B", "money", 1e11, "USD", "", "$100B"},
    {"US$6.5 billion", "money", 6.5e9, "USD", "", "US$6.5 billion"},
    {"USD 40 billion", "money", 4e10, "USD", "", "USD 40 billion"},
    {"at $0.01 a share", "money", 0.01, "USD", "", "$0.01"},
    {"until AMD reaches $600", "money", 600, "USD", "", "$600"},
    {"1000亿美元", "money", 1e11, "USD", "", "1000亿美元"},
    {"3000 亿美元", "money", 3e11, "USD", "", "3000 亿美元"},
    {"65亿美元", "money", 6.5e9, "USD", "", "65亿美元"},
    {"224億美元", "money", 2.24e10, "USD", "", "224億美元"},
    {"一千亿美元", "money", 1e11, "USD", "", "一千亿美元"},
    {"二百五十六點八億美元", "money", 2.568e10, "USD", "", "二百五十六點八億美元"},
    {"1,000億ドル", "money", 1e11, "USD", "", "1,000億ドル"},
    {"1兆円", "money", 1e12, "JPY", "", "1兆円"},
    {"2兆ドル", "money", 2e12, "USD", "", "2兆ドル"},
    {"2万5,000円", "money", 25000, "JPY", "", "2万5,000円"},
    {"Rmb250bn", "money", 2.5e11, "CNY", "", "Rmb250bn"},
    {"1234.5 亿元人民币", "money", 1.2345e11, "CNY", "", "1234.5 亿元人民币"},
    {"新台幣500億元", "money", 5e10, "TWD", "", "新台幣500億元"},
    {"30億港元", "money", 3e9, "HKD", "", "30億港元"},
    {"1万8,000円", "money", 18000, "JPY", "", "1万8,000円"},
    {"1.6亿股", "shares", 1.6e8, "", "", "1.6亿股"},
    {"160 million shares", "shares", 1.6e8, "", "", "160 million shares"},
    {"1億6000万株", "shares", 1.6e8, "", "", "1億6000万株"},
    {"54%", "percent", 54, "", "", "54%"},
    {"百分之五十四", "percent", 54, "", "", "百分之五十四"},
    {"10パーセント", "percent", 10, "", "", "10パーセント"},
    {"3.8%", "percent", 3.8, "", "", "3.8%"},
    // Qualifiers.
    {"approximately $5 billion", "money", 5e9, "USD", "about", "$5 billion"},
    {"约 224 亿美元", "money", 2.24e10, "USD", "about", "224 亿美元"},
    {"約3兆円", "money", 3e12, "JPY", "about", "3兆円"},
    {"およそ5GW", "power", 5, "", "about", "5GW"},
    {"more than $300 billion", "money", 3e11, "USD", "over", "$300 billion"},
    {"超过 3000 亿美元", "money", 3e11, "USD", "over", "3000 亿美元"},
    {"1兆円以上", "money", 1e12, "JPY", "over", "1兆円"},
    {"at least 10 GW", "power", 10, "", "at_least", "10 GW"},
    {"至少10GW", "power", 10, "", "at_least", "10GW"},
    {"少なくとも10ギガワット", "power", 10, "", "at_least", "10ギガワット"},
    {"up to $100 billion", "money", 1e11, "USD", "up_to", "$100 billion"},
    {"最高1000亿美元", "money", 1e11, "USD", "up_to", "1000亿美元"},
    {"高达 1000 亿美元", "money", 1e11, "USD", "up_to", "1000 亿美元"},
    {"最大1000億ドル", "money", 1e11, "USD", "up_to", "1000億ドル"},
};

TEST(FigureExtractorTest, ReadsEveryForm) {
  for (const FormCase& c : kForms) {
    SCOPED_TRACE(c.text);
    std::vector<Figure> figures = Extractor().Extract(c.text);
    ASSERT_EQ(figures.size(), 1u);
    const Figure& f = figures[0];
    EXPECT_EQ(f.kind, c.kind);
    EXPECT_NEAR(f.value, c.value, std::abs(c.value) * 1e-9);
    EXPECT_EQ(f.currency, c.currency);
    EXPECT_EQ(f.qualifier, c.qualifier);
    EXPECT_EQ(f.span, c.span);
    EXPECT_EQ(std::string(c.text).substr(f.start, f.end - f.start), f.span);
  }
}

TEST(FigureExtractorTest, Ranges) {
  struct Case {
    const char* text;
    double low, high;
    const char* span;
  } cases[] = {
      {"星际之门项目：4.5-5.5 吉瓦", 4.5, 5.5, "4.5-5.5 吉瓦"},
      {"3～4ギガワット", 3, 4, "3～4ギガワット"},
      {"between 4.5 and 5.5 GW", 4.5, 5.5, "4.5 and 5.5 GW"},
      {"$50bn to $60bn", 5e10, 6e10, "$50bn to $60bn"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    std::vector<Figure> figures = Extractor().Extract(c.text);
    ASSERT_EQ(figures.size(), 1u);
    ASSERT_TRUE(figures[0].low && figures[0].high);
    EXPECT_DOUBLE_EQ(*figures[0].low, c.low);
    EXPECT_DOUBLE_EQ(*figures[0].high, c.high);
    EXPECT_DOUBLE_EQ(figures[0].value, (c.low + c.high) / 2);
    EXPECT_EQ(figures[0].span, c.span);
  }
}

TEST(FigureExtractorTest, NoFigureWhereThereIsNone) {
  const char* cases[] = {
      "每GW的实际部署", "GW级数据中心", "multi-gigawatt campus", "两位数吉瓦的需求", "三分之一",
      "the S&P 500 fell", "$NVDA and $AMD rallied", "五角大楼", "万元户", "千亿级市场",
      "tens of billions of dollars", "瓜分 1,333 枚 CGN 奖励", "333 CGN", "2025年10月12日 01:32",
      "Oct 12, 2025", "H100 and MI450 GPUs", "GPT-5", "100,000 GPUs", "6名获奖者",
      "a 5 pound bag", "数十吉瓦的项目", "两块楔子", "Series B", "2026 年至 2029 年",
      // A vague word before an English number word that is no digit: read on, do not stop.
      "學測數A超難", "数a卷", "幾A", "数one",
  };
  for (const char* text : cases) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(Extractor().Extract(text).empty());
  }
}

TEST(FigureExtractorTest, EntityOfEachFigure) {
  auto figures = Extractor().Extract(
      "AMD 将提供 6 吉瓦的 Instinct GPU，而博通将共同部署 10 吉瓦的客制化矽片。"
      "ソフトバンクは最大1兆円を出資する。");
  ASSERT_EQ(figures.size(), 3u);
  EXPECT_EQ(figures[0].entity, "AMD");
  EXPECT_EQ(figures[1].entity, "Broadcom");
  EXPECT_EQ(figures[2].entity, "SoftBank");
  EXPECT_EQ(Extractor().Entities("輝達與OpenAI、甲骨文和Stargate；Nvidia again"),
            (std::vector<std::string>{"NVIDIA", "OpenAI", "Oracle", "Stargate"}));
  EXPECT_TRUE(Extractor().Entities("Metadata and Oracles").empty());  // whole words only
}

TEST(FigureExtractorTest, ChineseTrillionIsFlaggedAmbiguous) {
  auto zh = Extractor().Extract("投资1兆美元");
  ASSERT_EQ(zh.size(), 1u);
  EXPECT_TRUE(zh[0].ambiguous);
  EXPECT_DOUBLE_EQ(zh[0].value, 1e12);
  auto ja = Extractor().Extract("1兆円");
  ASSERT_EQ(ja.size(), 1u);
  EXPECT_FALSE(ja[0].ambiguous);
}

// The seeds: every figure with its value, kind, currency and qualifier, and no other.
using Key = std::tuple<std::string, std::string, double, std::string, std::string>;

std::map<Key, int> SeedFigures(const char* name) {
  std::ifstream in(std::string(BW_SHARED_DIR) + "/seeds/" + name);
  std::stringstream s;
  s << in.rdbuf();
  std::map<Key, int> counts;
  for (const Figure& f : Extractor().Extract(s.str())) {
    ++counts[{f.kind, f.span, f.value, f.currency, f.qualifier}];
  }
  return counts;
}

TEST(FigureExtractorTest, UkiyoSeed) {
  std::map<Key, int> want = {
      {{"money", "1000亿美元", 1e11, "USD", "up_to"}, 1},
      {{"money", "1000亿美元", 1e11, "USD", ""}, 2},
      {{"power", "10GW", 10, "", "at_least"}, 1},
      {{"power", "10GW", 10, "", ""}, 3},
      {{"power", "6GW", 6, "", ""}, 4},
      {{"power", "1GW", 1, "", ""}, 4},
      {{"money", "$0.01", 0.01, "USD", ""}, 1},
      {{"money", "$600", 600, "USD", ""}, 1},
      {{"shares", "1.6亿股", 1.6e8, "", ""}, 1},
      {{"percent", "10%", 10, "", ""}, 1},
      {{"percent", "90%", 90, "", "over"}, 1},
      {{"percent", "70%", 70, "", ""}, 1},
  };
  EXPECT_EQ(SeedFigures("ukiyo-journal-ai-bubble-or-revolution.zh-Hans.txt"), want);
}

TEST(FigureExtractorTest, GateSeed) {
  std::map<Key, int> want = {
      {{"money", "3000 亿美元", 3e11, "USD", ""}, 3},
      {{"money", "3000 亿美元", 3e11, "USD", "over"}, 1},
      {{"money", "1000 亿美元", 1e11, "USD", "up_to"}, 1},
      {{"money", "65 亿美元", 6.5e9, "USD", ""}, 1},
      {{"money", "224 亿美元", 2.24e10, "USD", "about"}, 1},
      {{"power", "16 吉瓦", 16, "", ""}, 2},
      {{"power", "16 吉瓦", 16, "", "about"}, 2},
      {{"power", "10 吉瓦", 10, "", ""}, 2},
      {{"power", "6 吉瓦", 6, "", ""}, 2},
      {{"power", "4.5-5.5 吉瓦", 5, "", ""}, 1},
      {{"energy", "140 太瓦时", 140000, "", "about"}, 1},
      {{"shares", "1.6 亿股", 1.6e8, "", ""}, 1},
      {{"percent", "54%", 54, "", ""}, 4},
      {{"percent", "7%", 7, "", "about"}, 1},
      {{"percent", "165%", 165, "", "about"}, 1},
      {{"percent", "14%", 14, "", ""}, 1},
      {{"percent", "14%", 14, "", "over"}, 1},
      {{"percent", "25%", 25, "", "about"}, 1},
      {{"percent", "3.8%", 3.8, "", ""}, 1},
  };
  EXPECT_EQ(SeedFigures("gate-square-openai-300b-hardware.zh.txt"), want);
}

TEST(FigureExtractorTest, HostileInputIsBoundedAndFinite) {
  std::vector<std::string> inputs = {
      std::string(1 << 20, 'x'),                                  // 1 MB, no punctuation
      std::string(1000000, '9') + " GW",                          // a million digits
      "1e308 GW and 9999999999999999999亿美元 and 1.7976931348623157e308 dollars",
      std::string("\xFF\xFE 10GW \xC0\x80 $5 billion \xE4\xBA", 24),
      std::string(200000, '1') + "亿美元",
  };
  for (int i = 0; i < 200; ++i) inputs.back() += "百千万亿兆";
  for (const std::string& in : inputs) {
    for (const Figure& f : Extractor().Extract(in)) {
      EXPECT_TRUE(std::isfinite(f.value));
      EXPECT_LE(f.end, in.size());
      EXPECT_EQ(in.substr(f.start, f.end - f.start), f.span);
    }
  }
}

}  // namespace
}  // namespace bw
