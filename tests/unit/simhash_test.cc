#include "extractors/simhash.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bw {
namespace {

// ---------------------------------------------------------------------------
// Texts: three articles about AI data centres and, for each, another article
// on the same topic that is not a copy.

// An English news article of 308 words.
constexpr char kEnglish[] = R"txt(March 14, 2025

Utilities across the American Midwest are struggling to keep pace with a wave of requests from companies building data centres for artificial intelligence, according to regulators and grid operators interviewed this week.

In Ohio alone, developers have asked to connect more than 30 gigawatts of new load by the end of the decade, roughly the peak demand of the entire state today. Most of the projects are tied to large language models, which need thousands of specialised chips running around the clock to train and serve.

"We have never seen anything like this," said Karen Whitfield, who oversees transmission planning at a regional grid operator. "A single campus can ask for as much power as a mid-sized city, and they want it in two years, not ten."

The rush has pushed some utilities to ask regulators for new tariffs that would require data centre operators to pay for a larger share of the lines and substations built to serve them. Consumer advocates argue that without such rules, ordinary households could end up covering the cost of infrastructure that only a handful of technology companies use.

Technology firms say the fears are overstated. A spokesperson for one of the largest cloud providers said the company had signed long-term contracts for wind, solar and nuclear power and was investing in more efficient cooling systems that cut water and electricity use.

Analysts are divided on whether the demand will materialise. Some warn that forecasts are inflated by speculative applications, with the same project counted several times as developers shop for the best site. Others point to record spending plans announced by chip makers and cloud companies as evidence that the boom has years left to run.

For now, regulators are taking a cautious approach. The Ohio commission is expected to rule on the proposed tariff in the summer.
)txt";

// Another English article on the same topic (294 words).
constexpr char kEnglishOther[] = R"txt(Phoenix, March 2, 2025

The desert around Phoenix has become one of the busiest places in the world to build data centres, and the boom in artificial intelligence is making it busier still. Local officials say applications for new server campuses have doubled in a year, most of them designed for the power-hungry chips used to train AI models.

The attraction is simple: cheap land, few earthquakes and a state government eager for investment. The problem is water. Many older facilities cool their servers by evaporating millions of litres a day, and Arizona is already cutting its share of the shrinking Colorado River.

"Every gallon that goes into a cooling tower is a gallon that does not go to a farm or a home," said Miguel Soto, a hydrologist at a university in Tempe. He said the industry had made progress but that the numbers published by companies were hard to check.

Operators insist the newest buildings are different. Several now use closed-loop systems that recirculate the same water, or air cooling that needs almost none, at the price of higher electricity use on the hottest afternoons. One developer said its latest campus would draw less water than a golf course.

City councils are writing new rules anyway. Chandler has limited data centres to certain industrial zones, and Mesa requires large users to report their water consumption every quarter. Residents at recent hearings complained about noise from backup generators and asked who would pay if the power grid had to be expanded.

Economists note that the projects bring construction jobs but employ relatively few people once they open. Supporters reply that the tax revenue pays for schools and roads. The debate is likely to continue as long as demand for computing power keeps growing.
)txt";

// A Chinese news article of 519 characters.
constexpr char kChinese[] = R"txt(2025年3月14日

新华社贵阳电 随着人工智能大模型的快速发展，贵州、内蒙古等西部地区的数据中心建设正在加速。记者从贵州省大数据发展管理局获悉，截至今年二月底，全省在建和投入运营的重点数据中心已达四十余个，标准机架超过八十万架。

业内人士表示，大模型训练需要成千上万块高性能芯片连续运行数周甚至数月，对电力和散热提出了极高要求。贵州气候凉爽、水电资源丰富，电价相对较低，因此吸引了多家互联网企业和电信运营商在此布局算力中心。

“过去企业选址主要看网络条件，现在首先要问的是能不能拿到稳定、便宜的电。”一家云计算公司负责人说。他介绍，公司今年计划在贵安新区新增一座智算中心，预计可提供相当于数万块图形处理器的算力。

不过，也有专家提醒，部分地区存在盲目上马项目的情况。一些数据中心建成后上架率不足三成，大量机柜处于闲置状态。专家建议，地方政府应当根据实际需求有序推进，避免重复建设，同时加快提升可再生能源在数据中心用电中的比重。

国家发展改革委此前发布的文件提出，到二〇二五年底，全国数据中心平均电能利用效率要降到一点五以下，新建大型数据中心要达到一点二五以下。分析人士认为，在政策引导和市场需求的双重推动下，西部地区有望成为全国重要的算力供给基地。
)txt";

// Another Chinese article on the same topic (426 characters).
constexpr char kChineseOther[] = R"txt(上海市经济和信息化委员会日前表示，今年将新建多个面向人工智能的公共算力平台，为中小企业提供价格较低的模型训练服务。据介绍，目前上海已投入使用的智能算力规模持续扩大，但仍难以满足企业的需求，不少创业公司反映排队等待算力的时间长达数周。

为缓解供需矛盾，上海计划与长三角其他城市合作，推动数据中心之间的算力调度，把训练任务分配到电价较低、资源相对空闲的地区。市经信委有关负责人说，算力调度平台上线后，企业可以像用电一样按需购买算力，不必自建机房。

与此同时，数据中心的能耗问题也受到关注。上海要求新建数据中心必须使用液冷等节能技术，并鼓励企业采购绿色电力。一些企业已经开始尝试利用数据中心的余热为周边楼宇供暖。

专家指出，人工智能产业的竞争归根结底是算力、算法和数据的竞争。上海在人才和应用场景方面具有优势，但在土地和能源方面受到限制，因此更需要通过跨区域合作来提高算力使用效率。有企业负责人表示，希望相关部门进一步降低算力使用成本，并加大对国产芯片的支持力度。
)txt";

// A Japanese news article of 446 characters.
constexpr char kJapanese[] = R"txt(2025年3月14日

北海道石狩市で、人工知能（AI）向けの大規模データセンターの建設が相次いでいる。寒冷な気候を生かして冷却にかかる電力を抑えられることに加え、近くに風力発電所や太陽光発電所が多く、再生可能エネルギーを調達しやすいことが理由だ。

市によると、現在計画中の施設を合わせた受電容量は合計で五十万キロワットを超える見通しで、市内の一般家庭の消費電力を大きく上回る。国内の大手通信会社や外資系のクラウド事業者が相次いで進出を表明しており、地元では雇用や税収の増加に期待が高まっている。

一方、課題も少なくない。送電網の増強には数年単位の時間と多額の費用がかかり、電力会社は「すべての要望に短期間で応えるのは難しい」と説明する。専門家からは、データセンターが特定の地域に集中すれば、災害時に通信が途絶えるおそれがあるとの指摘も出ている。

政府は地方へのデータセンター分散を後押しする補助金制度を設けており、経済産業省の担当者は「電力と通信を一体で整備し、地方の成長につなげたい」と話している。
)txt";

// Another Japanese article on the same topic (412 characters).
constexpr char kJapaneseOther[] = R"txt(生成AIの普及に伴い、国内のデータセンター向け電力需要が急増している。電力広域的運営推進機関の予測によると、全国の電力需要は長く続いた減少傾向から増加に転じる見込みで、その主な要因はデータセンターと半導体工場だという。

東京電力パワーグリッドの管内では、千葉県印西市や埼玉県などで大型施設の接続申し込みが急増している。担当者は「一件あたりの容量がこれまでとは桁違いで、変電所の新設が追いつかない」と話す。接続までに五年以上かかる案件もあり、事業者の間では電力を確保しやすい地方へ移る動きも出ている。

データセンター事業者は省エネ対策を急いでいる。サーバーを液体で直接冷やす方式や、AI処理に特化した省電力の半導体の導入が進む。ある事業者は「電力を確保できるかどうかが事業の成否を左右する」と語る。

政府は脱炭素との両立を目指し、原子力発電所の再稼働や再生可能エネルギーの拡大をデータセンター誘致と組み合わせる方針を打ち出している。
)txt";

// `text` with each `from` replaced by its `to`; every `from` must occur.
std::string Edit(std::string text, const std::vector<std::pair<std::string, std::string>>& edits) {
  for (const auto& [from, to] : edits) {
    size_t at = text.find(from);
    if (at == std::string::npos) {
      ADD_FAILURE() << "not in the text: " << from;
      continue;
    }
    for (; at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  }
  return text;
}

std::string WithHeader(std::string_view line, std::string_view text) {
  return std::string(line) + "\n\n" + std::string(text);
}
std::string WithFooter(std::string_view text, std::string_view line) {
  return std::string(text) + "\n" + std::string(line) + "\n";
}

// Lines a syndicating site adds: a header or footer of about 20 words, or a
// short credit line.
constexpr char kEnglishHeader[] =
    "This article was originally published by the Midwest Energy Report and is republished here "
    "with permission from its editors.";
constexpr char kEnglishFooter[] =
    "Reporting by Daniel Ortega in Columbus; additional reporting by Priya Nair in Chicago; "
    "editing by Susan Park and Mark Heinrich.";
constexpr char kEnglishCredit[] = "(c) 2025 Thomson Reuters";
constexpr char kChineseHeader[] = "本文转载自《经济参考报》，版权归原作者所有，如涉及版权问题请与本网联系。";
constexpr char kChineseFooter[] = "（责任编辑：王晓明　审校：李华）";
constexpr char kChineseCredit[] = "（来源：新华社）";
constexpr char kJapaneseHeader[] = "この記事は北海道新聞社の提供です。無断での転載や複製を禁じます。";
constexpr char kJapaneseFooter[] = "（札幌報道部　佐藤健一）";
constexpr char kJapaneseCredit[] = "（共同）";

// Quotes, dashes, commas and spacing of another house style.
std::string EnglishRestyled() {
  return Edit(kEnglish, {{"\"We have", "\u201cWe have"},
                         {"this,\" said", "this,\u201d said"},
                         {", and they want", " and they want"},
                         {"long-term", "long term"},
                         {"mid-sized", "mid\u2011sized"},
                         {". ", ".  "},
                         {"\n\n", "\n \n\t"}});
}
std::string ChineseRestyled() {
  return Edit(kChinese, {{"，", ", "}, {"“", "\""}, {"”", "\""}, {"、", " "}, {"\n\n", "\n"}});
}
std::string JapaneseRestyled() {
  return Edit(kJapanese,
              {{"（", "("}, {"）", ")"}, {"、", "，"}, {"「", "『"}, {"」", "』"}, {"\n\n", "\n"}});
}

enum class Want {
  kNear,   // IsNearDuplicate
  kFar,    // more than 10 bits apart
  kLimit,  // a 20-word line: more than 64-bit SimHash at 3 bits can promise
           // (simhash.h, Limits); only the distance is pinned
};

struct PairCase {
  const char* name;
  std::string a, b;
  int distance;  // as measured: stored fingerprints must not change unnoticed
  Want want;
};

TEST(SimHashTest, CopiesAreNearAndOtherArticlesAreFar) {
  const PairCase kCases[] = {
      // English, 308 words.
      {"en: day of the date", kEnglish, Edit(kEnglish, {{"March 14", "March 17"}}), 0, Want::kNear},
      {"en: date", kEnglish, Edit(kEnglish, {{"March 14, 2025", "April 2, 2026"}}), 1, Want::kNear},
      {"en: quotes, dashes, spacing", kEnglish, EnglishRestyled(), 0, Want::kNear},
      {"en: credit line", kEnglish, WithFooter(kEnglish, kEnglishCredit), 0, Want::kNear},
      {"en: all three", kEnglish,
       WithFooter(Edit(EnglishRestyled(), {{"March 14", "March 17"}}), kEnglishCredit), 0,
       Want::kNear},
      {"en: 20-word header", kEnglish, WithHeader(kEnglishHeader, kEnglish), 5, Want::kLimit},
      {"en: 20-word footer", kEnglish, WithFooter(kEnglish, kEnglishFooter), 6, Want::kLimit},
      {"en: header and footer", kEnglish,
       WithFooter(WithHeader(kEnglishHeader, kEnglish), kEnglishFooter), 7, Want::kLimit},
      {"en: another article", kEnglish, kEnglishOther, 25, Want::kFar},
      // Chinese, 519 characters.
      {"zh: day of the date", kChinese, Edit(kChinese, {{"3月14日", "3月17日"}}), 0, Want::kNear},
      {"zh: date", kChinese, Edit(kChinese, {{"2025年3月14日", "2026年4月2日"}}), 0, Want::kNear},
      {"zh: punctuation, spacing", kChinese, ChineseRestyled(), 0, Want::kNear},
      {"zh: credit line", kChinese, WithFooter(kChinese, kChineseCredit), 1, Want::kNear},
      {"zh: all three", kChinese,
       WithFooter(Edit(ChineseRestyled(), {{"3月14日", "3月17日"}}), kChineseCredit), 1,
       Want::kNear},
      {"zh: 36-character header", kChinese, WithHeader(kChineseHeader, kChinese), 4, Want::kLimit},
      {"zh: 16-character footer", kChinese, WithFooter(kChinese, kChineseFooter), 4, Want::kLimit},
      {"zh: header and footer", kChinese,
       WithFooter(WithHeader(kChineseHeader, kChinese), kChineseFooter), 4, Want::kLimit},
      {"zh: another article", kChinese, kChineseOther, 24, Want::kFar},
      // Japanese, 446 characters.
      {"ja: day of the date", kJapanese, Edit(kJapanese, {{"3月14日", "3月17日"}}), 0, Want::kNear},
      {"ja: date", kJapanese, Edit(kJapanese, {{"2025年3月14日", "2026年4月2日"}}), 0,
       Want::kNear},
      {"ja: punctuation, spacing", kJapanese, JapaneseRestyled(), 0, Want::kNear},
      {"ja: credit line", kJapanese, WithFooter(kJapanese, kJapaneseCredit), 3, Want::kNear},
      {"ja: all three", kJapanese,
       WithFooter(Edit(JapaneseRestyled(), {{"3月14日", "3月17日"}}), kJapaneseCredit), 3,
       Want::kNear},
      {"ja: 32-character header", kJapanese, WithHeader(kJapaneseHeader, kJapanese), 9,
       Want::kLimit},
      {"ja: 12-character footer", kJapanese, WithFooter(kJapanese, kJapaneseFooter), 6,
       Want::kLimit},
      {"ja: header and footer", kJapanese,
       WithFooter(WithHeader(kJapaneseHeader, kJapanese), kJapaneseFooter), 14, Want::kLimit},
      {"ja: another article", kJapanese, kJapaneseOther, 34, Want::kFar},
      // Across languages.
      {"en and zh", kEnglish, kChinese, 38, Want::kFar},
      {"zh and ja", kChinese, kJapanese, 31, Want::kFar},
  };
  for (const PairCase& c : kCases) {
    SCOPED_TRACE(c.name);
    ASSERT_NE(c.a, c.b);
    uint64_t a = SimHash64(c.a), b = SimHash64(c.b);
    EXPECT_EQ(HammingDistance(a, b), c.distance);
    switch (c.want) {
      case Want::kNear:
        EXPECT_TRUE(IsNearDuplicate(a, b));
        break;
      case Want::kFar:
        EXPECT_GT(HammingDistance(a, b), 10);
        EXPECT_FALSE(IsNearDuplicate(a, b));
        break;
      case Want::kLimit:
        break;
    }
  }
}

// The values are stored: a change of normalisation, shingles or hash must
// show here. (Checked against an independent implementation of simhash.h.)
TEST(SimHashTest, StableValues) {
  struct Case {
    const char* text;
    uint64_t fp;
  } cases[] = {
      {"The quick brown fox jumps over the lazy dog", 0x1b05e0064ba1e98eULL},
      {"THE QUICK BROWN FOX, JUMPS OVER THE LAZY DOG!", 0x1b05e0064ba1e98eULL},
      {"人工智能数据中心", 0xbf4ead3e36447c34ULL},
      {"データセンターの電力", 0x3233a4ced92c3e78ULL},
      {"AI", 0x47b8838e3b4f769cULL},  // shorter than a shingle: one feature
      {"a", 0x82a2a958a9bece5bULL},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(SimHash64(c.text), c.fp);
  }
}

TEST(SimHashTest, TextsWithoutContentAreZero) {
  for (const char* text : {"", " ", "\n\t\r\n", "... !? -- ()", "\xC2\xA0\xE2\x80\x94\xE2\x80\x9C",
                           "。、「」（）【】\xE3\x80\x80・", "！？，：", "\xF0\x9F\x99\x82\xE2\x9C\x85",
                           "\xEF\xBB\xBF", "\xFF\xFE\x80"}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(SimHash64(text), 0u);
  }
}

TEST(SimHashTest, NormalisationTable) {
  struct Case {
    const char* a;
    const char* b;
    bool same;
  } cases[] = {
      // White space, punctuation and ASCII case do not count.
      {"Data centres use power.", "data-centres USE power", true},
      {"“Quoted” – text…", "\"Quoted\" - text...", true},
      {"a\xC2\xA0" "b\xE2\x80\x8B" "c", "abc", true},  // NBSP, zero-width space
      {"人工知能（ＡＩ）、データ。", "人工知能(ai)データ", true},  // fullwidth forms
      {"「電力」の『確保』", "電力の確保", true},
      {"bad \xFF byte", "badbyte", true},  // invalid UTF-8 is skipped
      // Digits: each run is one "0", whatever its length or separators.
      {"March 14, 2025: 30 GW", "March 7, 1999: 1,250.5 GW", true},
      {"２０２５年３月", "2025年3月", true},
      {"Page 1", "Page", false},
      // Letters beyond ASCII keep their case and accents; marks that are
      // letters stay.
      {"ÉCOLE", "école", false},
      {"école", "ecole", false},
      {"人々", "人人", false},
      {"二〇二五年", "二二五年", false},
      // Order matters within and across shingles.
      {"power grid", "grid power", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.a) + " | " + c.b);
    EXPECT_EQ(SimHash64(c.a) == SimHash64(c.b), c.same);
  }
}

TEST(SimHashTest, HammingDistanceAndThreshold) {
  struct Case {
    uint64_t a, b;
    int distance;
    bool near;
  } cases[] = {
      {0, 0, 0, true},
      {0x0123456789abcdefULL, 0x0123456789abcdefULL, 0, true},
      {0, 1, 1, true},
      {0, 0x8000000000000001ULL, 2, true},
      {0, 0x8000000100000001ULL, 3, true},
      {0, 0x8000100100000001ULL, 4, false},
      {0xF0F0, 0x0F0F, 16, false},
      {0, ~uint64_t{0}, 64, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << std::hex << c.a << " " << c.b);
    EXPECT_EQ(HammingDistance(c.a, c.b), c.distance);
    EXPECT_EQ(HammingDistance(c.b, c.a), c.distance);
    EXPECT_EQ(IsNearDuplicate(c.a, c.b), c.near);
  }
}

TEST(SimHashTest, Bands) {
  EXPECT_EQ(SimHashBands(0x0123456789abcdefULL),
            (std::array<uint16_t, 4>{0xcdef, 0x89ab, 0x4567, 0x0123}));
  EXPECT_EQ(SimHashBands(0), (std::array<uint16_t, 4>{0, 0, 0, 0}));
  EXPECT_EQ(SimHashBands(~uint64_t{0}), (std::array<uint16_t, 4>{0xffff, 0xffff, 0xffff, 0xffff}));
}

bool ShareABand(uint64_t a, uint64_t b) {
  std::array<uint16_t, 4> x = SimHashBands(a), y = SimHashBands(b);
  for (int i = 0; i < 4; ++i) {
    if (x[i] == y[i]) return true;
  }
  return false;
}

// Every fingerprint within kNearDuplicateBits of another shares a band with it;
// one bit changed in each band is the smallest change that shares none.
TEST(SimHashTest, NearFingerprintsShareABand) {
  const uint64_t kFp = SimHash64(kEnglish);
  int checked = 0;
  for (int i = 0; i < 64; ++i) {
    for (int j = i; j < 64; ++j) {
      for (int k = j; k < 64; ++k) {
        uint64_t other = kFp ^ (uint64_t{1} << i) ^ (uint64_t{1} << j) ^ (uint64_t{1} << k);
        ASSERT_LE(HammingDistance(kFp, other), kNearDuplicateBits);
        ASSERT_TRUE(ShareABand(kFp, other)) << i << " " << j << " " << k;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 45760);  // C(66, 3): every choice of up to 3 bits, with repeats
  EXPECT_FALSE(ShareABand(kFp, kFp ^ 0x0001000100010001ULL));
}

// A long text is hashed in one pass; the result depends on the text only.
TEST(SimHashTest, LongTextIsDeterministic) {
  std::string big;
  while (big.size() < 256 * 1024) big += std::string(kEnglish) + kChinese + kJapanese;
  uint64_t fp = SimHash64(big);
  EXPECT_NE(fp, 0u);
  EXPECT_EQ(SimHash64(big), fp);
  EXPECT_TRUE(IsNearDuplicate(fp, SimHash64(big + kEnglishFooter)));
}

}  // namespace
}  // namespace bw
