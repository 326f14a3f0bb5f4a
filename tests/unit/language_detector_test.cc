#include "extractors/language_detector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace bw {
namespace {

constexpr const char* kSimplified =
    "OpenAI 已启动价值 3000 亿美元的硬体扩张计划，将其晶片供应商、金融家和能源供应商纳入反馈回路。"
    "然而，美国银行 10 月调查显示，54% 的基金经理人认为 AI 是泡沫。";
constexpr const char* kTraditional =
    "輝達與OpenAI宣布合作，將部署至少10GW的系統，投資金額最高達1000億美元。"
    "市場對相關股票的熱情持續高漲，一些經濟學家警告說估值過高。";
constexpr const char* kJapanese = "エヌビディアはオープンAIに最大1000億ドルを投資すると発表した。";
constexpr const char* kEnglish =
    "Nvidia said on Monday that it would invest up to $100 billion in OpenAI, as the "
    "artificial intelligence company builds data centers with the chipmaker's systems.";
// Brand names everywhere; each Han character weighs as much as a Latin word.
constexpr const char* kChineseWithBrands =
    "OpenAI 与 AMD 和博通达成的多年期协议构成了这个 3000 亿美元计划的核心。AMD 将提供 6 吉瓦的 "
    "Instinct GPU，并授予 OpenAI 股权认股权证。NVIDIA、Oracle、SoftBank、Microsoft 和 CoreWeave "
    "也参与其中。";
// The start of a real page: a Japanese site name, a language menu, cookie keys, then Chinese.
constexpr const char* kUkiyoSnippet =
    "跳转到主要内容\n"
    "ukiyo journal - 日本と世界をつなぐ新しいニュースメディア 标志\n"
    "全部文章 注册 登录 日本語 English Español Français 한국어 Deutsch ภาษาไทย\n"
    "cookie_banner_title cookie_banner_message 隐私政策 Cookie设置 analytics_cookies\n"
    "AI的未来是泡沫还是革命?—巨额投资背后的风险与可能性\n"
    "2025年10月10日发布的Nextbigfuture《AI Inference Boom or AI Ponzi Bubble》是对最近几周"
    "相继发生的OpenAI×NVIDIA×AMD的大型交易进行整理的文章，探讨这些交易是基于“推理”的实体业务，"
    "还是通过“循环资金”推动的泡沫。该文章在承认投资→芯片购买→股价上升→再投资的循环结构的同时，"
    "得出结论认为，由于存在数据中心新建/芯片出货/推理计费的实物累积，因此并非真正的“庞氏骗局”。\n";

struct Case {
  const char* name;
  std::string text;
  const char* hint;
  const char* lang;
  const char* script;
};

class LanguageDetectorTest : public ::testing::TestWithParam<Case> {
 protected:
  LanguageDetector detector_{LexiconSet::Embedded()};
};

TEST_P(LanguageDetectorTest, Detects) {
  const Case& c = GetParam();
  LanguageGuess g = detector_.Detect(c.text, c.hint);
  EXPECT_EQ(g.lang, c.lang);
  EXPECT_EQ(g.script, c.script);
}

std::string Repeat(std::string_view s, size_t bytes) {
  std::string out;
  while (out.size() < bytes) out += s;
  return out;
}

INSTANTIATE_TEST_SUITE_P(
    Language, LanguageDetectorTest,
    ::testing::Values(
        Case{"Simplified", kSimplified, "", "zh", "Hans"},
        Case{"Traditional", kTraditional, "", "zh", "Hant"},
        Case{"Japanese", kJapanese, "", "ja", "Jpan"},
        Case{"JapaneseHeadline", "ソフトバンク、米国でAI投資拡大", "", "ja", "Jpan"},
        // One kana in nine CJK letters: the threshold (10%) is set to keep these.
        Case{"JapaneseKanjiHeavyHeadline", "首相、衆院解散を表明", "", "ja", "Jpan"},
        // No kana at all: only the hint can tell a kanji-only headline from Chinese.
        Case{"KanjiOnlyWithJaHint", "日経平均株価続落", "ja", "ja", "Jpan"},
        Case{"English", kEnglish, "", "en", "Latn"},
        Case{"EnglishQuotingChinese",
             "The chipmaker, known in China as 英伟达, said the deal would be paid for in "
             "stages as each gigawatt of capacity is deployed.",
             "", "en", "Latn"},
        Case{"ChineseWithBrands", kChineseWithBrands, "", "zh", "Hans"},
        Case{"BrandHeavyChineseHeadline", "OpenAI、NVIDIA、AMD、Oracle 和 SoftBank 的 AI 泡沫",
             "", "zh", "Hans"},
        Case{"ChineseQuotingJapaneseSiteName", kUkiyoSnippet, "", "zh", "Hans"},
        Case{"WrongHintEnglishOnChinese", kSimplified, "en", "zh", "Hans"},
        Case{"WrongHintSimplifiedOnTraditional", kTraditional, "zh-CN", "zh", "Hant"},
        Case{"WrongHintTraditionalOnSimplified", kSimplified, "zh-TW", "zh", "Hans"},
        Case{"WrongHintChineseOnJapanese", kJapanese, "zh-CN", "ja", "Jpan"},
        Case{"WrongHintJapaneseOnLongChinese", kSimplified + std::string(kSimplified), "ja",
             "zh", "Hans"},
        Case{"German",
             "Der Chiphersteller Nvidia will bis zu 100 Milliarden Dollar in OpenAI investieren. "
             "Das Unternehmen teilte am Montag mit, dass die Partnerschaft den Bau von "
             "Rechenzentren mit einer Leistung von mindestens zehn Gigawatt umfasst.",
             "en", "und", ""},
        Case{"Portuguese",
             "A Nvidia anunciou que vai investir até 100 bilhões de dólares na OpenAI, enquanto a "
             "empresa de inteligência artificial constrói novos centros de dados com os sistemas "
             "da fabricante de chips.",
             "", "und", ""},
        Case{"French",
             "Nvidia a annoncé lundi qu'elle investirait jusqu'à 100 milliards de dollars dans "
             "OpenAI, alors que la société d'intelligence artificielle construit des centres de "
             "données équipés des systèmes du fabricant de puces.",
             "", "und", ""},
        Case{"Spanish",
             "Nvidia anunció el lunes que invertirá hasta 100.000 millones de dólares en OpenAI, "
             "mientras la empresa de inteligencia artificial construye centros de datos con los "
             "sistemas del fabricante de chips.",
             "", "und", ""},
        Case{"Korean", "엔비디아는 오픈AI에 최대 1000억 달러를 투자한다고 발표했다. 양사는 데이터센터 구축에 협력한다.",
             "ko", "und", ""},
        Case{"Russian",
             "Компания Nvidia объявила, что инвестирует до 100 миллиардов долларов в OpenAI и "
             "поставит оборудование для новых центров обработки данных.",
             "", "und", ""},
        Case{"Thai", "เอ็นวิดีเตรียมลงทุนสูงสุด 1 แสนล้านดอลลาร์ในโอเพนเอไอ เพื่อสร้างศูนย์ข้อมูล",
             "zh-CN", "und", ""},
        // A link's path and a handle are not prose: the words around them decide.
        Case{"EnglishPostWithLink",
             "Good read on chip supply chains https://www.ft.com/content/ai-bubble-fears-grow-ponzi-data", "",
             "en", "Latn"},
        Case{"EnglishPostWithHandles", "@nvidia_news @openai_updates @amd_investor_relations the deal is on", "",
             "en", "Latn"},
        Case{"OnlyALinkTakesTheHint", "https://www.example.com/news/technology/openai-stargate-deal", "ja", "ja",
             "Jpan"},
        Case{"ChineseWithLongLink", "看了这篇 https://www.example.com/news/technology/openai-stargate-deal-analysis",
             "", "zh", "Hans"},
        Case{"Empty", "", "", "und", ""},
        Case{"EmptyWithHint", "", "zh-TW", "zh", "Hant"},
        Case{"NoLettersWithHint", "2025-10-12 · 1000 · 54%", "ja-JP", "ja", "Jpan"},
        Case{"NoLettersUnknownHint", "2025-10-12", "fr", "und", ""},
        // Short texts: characters decide where they can, the hint where they cannot.
        Case{"ShortSimplifiedWrongHint", "这是一个测试", "en", "zh", "Hans"},
        Case{"ShortNeutralHanHongKongHint", "中文", "zh_Hant_HK", "zh", "Hant"},
        Case{"ShortNeutralHanNoHint", "中文", "", "zh", "Hans"},
        Case{"ShortNeutralHanTaiwanHint", "中文", "zh-TW", "zh", "Hant"},
        Case{"ShortNeutralHanScriptBeatsRegion", "中文", "zh-Hans-HK", "zh", "Hans"},
        Case{"ShortNeutralHanSingaporeHint", "中文", "zh-SG", "zh", "Hans"},
        Case{"ShortLatinWithChineseHint", "OpenAI GPT-5", "zh-TW", "zh", "Hant"},
        Case{"ShortLatinWithEnglishHint", "Hello world", "en-US", "en", "Latn"},
        Case{"ShortLatinNoHint", "Hello world", "", "und", ""},
        Case{"InvalidUtf8InChinese",
             "这是一个\xff\xfe关于人工智能\xc3投资的\xe4\xb8新闻报道，\x80\x80英伟达将向开放人工智能"
             "公司投资一千亿美元\xf0\x9f，市场对此反应热烈。",
             "", "zh", "Hans"},
        Case{"OnlyInvalidUtf8", "\xff\xfe\xfd\x80\xc3", "", "und", ""},
        // Only the first 64 KiB are read: Traditional Chinese first, then ~1 MB of English.
        Case{"OneMegabyteReadsFirst64KiB",
             Repeat(kTraditional, 70 * 1024) + Repeat(kEnglish, 1024 * 1024), "", "zh", "Hant"},
        // The 64 KiB cut falls inside a 3-byte character.
        Case{"CutInsideCharacter", "xx" + Repeat("这个们", 1024 * 1024), "", "zh", "Hans"}),
    [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

TEST(LanguageScriptLexiconTest, PairsAreSingleDistinctCharactersInOneScriptOnly) {
  LexiconSet lexicons = LexiconSet::Embedded();
  const auto& entries = lexicons.Entries("zh_script.txt");
  ASSERT_GE(entries.size(), 400u);
  std::set<std::string> simplified, traditional;
  for (const LexiconEntry& e : entries) {
    ASSERT_EQ(e.size(), 2u) << e[0];
    EXPECT_EQ(e[0].size(), 3u) << e[0];  // one BMP Han character each
    EXPECT_EQ(e[1].size(), 3u) << e[1];
    EXPECT_NE(e[0], e[1]);
    simplified.insert(e[0]);
    traditional.insert(e[1]);
  }
  for (const std::string& s : simplified) EXPECT_FALSE(traditional.contains(s)) << s;
  // Characters normal in both scripts must not be listed.
  for (const char* shared : {"后", "後", "干", "乾", "面", "里", "台", "着", "著", "于", "覆"}) {
    EXPECT_FALSE(simplified.contains(shared) || traditional.contains(shared)) << shared;
  }
  for (const char* s : {"这", "个", "们", "为", "来", "时", "国", "说", "会", "发", "资", "亿", "万"}) {
    EXPECT_TRUE(simplified.contains(s)) << s;
  }
}

TEST(LanguageCommonWordsTest, HasTheCommonestWordsInLowerCase) {
  std::vector<std::string> words = LexiconSet::Embedded().Terms("en_common_words.txt");
  EXPECT_GE(words.size(), 140u);
  for (const std::string& w : words) {
    for (char c : w) EXPECT_TRUE(c >= 'a' && c <= 'z') << w;
  }
  for (const char* w : {"the", "of", "and", "to", "in", "is", "that", "for", "it", "with"}) {
    EXPECT_NE(std::find(words.begin(), words.end(), w), words.end()) << w;
  }
}

// The real pages in shared/seeds (both Chinese, one with the Japanese site name and a language
// menu), when the shared folder is there.
TEST(LanguageSeedPagesTest, SeedPagesAreSimplifiedChinese) {
  std::filesystem::path seeds = std::filesystem::path(BW_SHARED_DIR) / "seeds";
  if (!std::filesystem::is_directory(seeds)) GTEST_SKIP() << "no " << seeds;
  LanguageDetector detector(LexiconSet::Embedded());
  int pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    LanguageGuess g = detector.Detect(text.str(), "");
    EXPECT_EQ(g.lang, "zh") << entry.path();
    EXPECT_EQ(g.script, "Hans") << entry.path();
    ++pages;
  }
  EXPECT_GT(pages, 0);
}

}  // namespace
}  // namespace bw
