#include "extractors/stance_extractor.h"
#include "extractors/stance_lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bw {
namespace {

// The rules alone, without the StanceModel: these tests pin what each rule
// does, and a learned vote would blur it (stance_model_test covers the model
// and how its vote joins the rules).
const StanceExtractor& Extractor() {
  static const LexiconSet* lexicons = new LexiconSet(LexiconSet::Embedded());
  static const StanceExtractor* extractor = new StanceExtractor(*lexicons, StanceModel(StanceWeights{}));
  return *extractor;
}

// The options of one call (assigned field by field: -Wextra warns about
// designated initializers that leave a field out).
StanceOptions Options(std::string_view lang, std::string_view kind = "article", std::string_view title = {}) {
  StanceOptions o;
  o.lang = lang;
  o.kind = kind;
  o.title = title;
  return o;
}

constexpr StanceLabel kBubble = StanceLabel::kBubble;
constexpr StanceLabel kRevolution = StanceLabel::kRevolution;
constexpr StanceLabel kNeutral = StanceLabel::kNeutral;

struct RuleCase {
  const char* lang;
  const char* text;
  StanceLabel want;
  const char* kind = "article";
};

Stance Analyze(const RuleCase& c) {
  return Extractor().Analyze(c.text, Options(c.lang, c.kind));
}

std::string Trace(const RuleCase& c) {
  return std::string(c.lang) + " [" + c.kind + "] " + c.text + "  (want " + std::string(StanceLabelName(c.want)) +
         ")";
}

void ExpectLabels(std::span<const RuleCase> cases) {
  for (const RuleCase& c : cases) {
    SCOPED_TRACE(Trace(c));
    EXPECT_EQ(StanceLabelName(Analyze(c).label), StanceLabelName(c.want));
  }
}

// Plain cue words, and news facts with figures that take no side.
const RuleCase kPlain[] = {
    {"en", "The AI boom is a bubble, and it will end badly.", kBubble},
    {"en", "Generative AI is a once-in-a-generation platform shift, and the demand is real.", kRevolution},
    {"en", "AMD will supply 6 GW to OpenAI.", kNeutral},
    {"en", "Microsoft plans to spend $80 billion on data centers this fiscal year.", kNeutral},
    {"zh", "当前的AI投资热潮是一个巨大的泡沫。", kBubble},
    {"zh", "这是一场真正的生产力革命，算力需求是真实的。", kRevolution},
    {"zh", "AMD将向OpenAI供应6吉瓦的GPU算力。", kNeutral},
    {"zh", "微软计划本财年在数据中心上投入800亿美元。", kNeutral},
    {"zh", "當前的AI投資熱潮是一個巨大的泡沫。", kBubble},  // traditional
    {"zh", "超微將向OpenAI供應6吉瓦的GPU算力。", kNeutral},
    {"ja", "今のAI投資は明らかにバブルだ。", kBubble},
    {"ja", "生成AIは産業革命に匹敵する構造変化だ。", kRevolution},
    {"ja", "AMDはOpenAIに6ギガワット分のGPUを供給する。", kNeutral},
    {"ja", "マイクロソフトは今年度、データセンターに800億ドルを投じる計画だ。", kNeutral},
};

TEST(StanceExtractorTest, PlainCues) { ExpectLabels(kPlain); }

// Negation flips a cue; a negator in another clause, out of scope, or
// negating something else does not.
const RuleCase kNegation[] = {
    {"en", "This is not a bubble.", kRevolution},
    {"en", "There is no sign of a bubble in the order books.", kRevolution},
    {"en", "Nvidia did not say how the chips would be paid for, which looks like a bubble to me.", kBubble},
    {"en", "Investors have never seen anything like this bubble.", kBubble},
    {"en", "OpenAI does not disclose its losses, and the spending looks unsustainable.", kBubble},
    {"zh", "这不是泡沫。", kRevolution},
    {"zh", "在我看来，AI投资并非泡沫。", kRevolution},
    {"zh", "没有一家公司说得清这些投入何时能回本，这就是泡沫。", kBubble},
    {"zh", "英伟达没有透露具体金额，但市场显然已经过热。", kBubble},
    {"zh", "這不是泡沫。", kRevolution},
    {"zh", "在我看來，AI投資並非泡沫。", kRevolution},
    {"zh", "沒有一家公司說得清這些投入何時能回本，這就是泡沫。", kBubble},
    {"ja", "これはバブルではない。", kRevolution},
    {"ja", "AI関連株はバブルではありません。", kRevolution},
    {"ja", "需要は本物ではない。", kBubble},
    {"ja", "誰にも止められない熱狂が続いている。", kBubble},
    {"ja", "バブルだと思う。理由は一つではない。", kBubble},
};

TEST(StanceExtractorTest, Negation) { ExpectLabels(kNegation); }

// "The question is not whether …, but when it bursts": the frame sets the
// bubble aside only to assert it harder.
const RuleCase kShift[] = {
    {"en", "The question is not whether there is a bubble, but when it bursts.", kBubble},
    {"en", "The question isn't if the bubble will pop, but when.", kBubble},
    {"zh", "问题不在于有没有泡沫，而在于它何时破裂。", kBubble},
    {"zh", "問題不在於有沒有泡沫，而在於它何時破裂。", kBubble},
    {"ja", "問題はバブルかどうかではなく、いつ弾けるかだ。", kBubble},
    {"ja", "バブルかどうかより、いつ弾けるかが問題だ。", kBubble},
};

TEST(StanceExtractorTest, QuestionIsNotWhether) { ExpectLabels(kShift); }

// "Not A but B", 并非…而是, 与其说…不如说, ではなく, というより: B is the view.
const RuleCase kNotButRather[] = {
    {"en", "This is not a bubble but the start of an industrial revolution.", kRevolution},
    {"en", "It is not a revolution; it is a bubble.", kBubble},
    {"en", "Rather than a bubble, this looks like a supercycle.", kRevolution},
    {"en", "This is less a revolution than a speculative bubble.", kBubble},
    {"zh", "这并非泡沫，而是一场新的工业革命。", kRevolution},
    {"zh", "这不是技术革命，而是一场资本游戏。", kBubble},
    {"zh", "与其说这是泡沫，不如说是一轮基础设施建设期。", kRevolution},
    {"zh", "与其说是一场技术革命，不如说是一场击鼓传花的游戏。", kBubble},
    {"zh", "這並非泡沫，而是一場新的工業革命。", kRevolution},
    {"zh", "與其說是一場技術革命，不如說是一場擊鼓傳花的遊戲。", kBubble},
    {"ja", "これはバブルではなく、新しい産業革命だ。", kRevolution},
    {"ja", "これは革命ではなく、ただのバブルだ。", kBubble},
    {"ja", "革命というより、投機的なバブルに近い。", kBubble},
    {"ja", "バブルというより、本物の構造変化だ。", kRevolution},
};

TEST(StanceExtractorTest, NotButRather) { ExpectLabels(kNotButRather); }

// Negation-looking phrases that assert (ではないか, 否定できない, "can't rule
// out") and わけではない, which does negate.
const RuleCase kAffirm[] = {
    {"ja", "今のAI相場はバブルではないか。", kBubble},
    {"ja", "AI投資は過熱しているのではないか。", kBubble},
    {"ja", "AI関連株がバブルである可能性も否定できない。", kBubble},
    {"ja", "AI投資がバブルだというわけではない。", kRevolution},
    {"zh", "不排除AI估值出现泡沫的可能。", kBubble},
    {"zh", "不能说没有泡沫。", kBubble},
    {"en", "We cannot rule out a bubble in AI stocks.", kBubble},
    {"en", "If this isn't a bubble, I don't know what is.", kBubble},
};

TEST(StanceExtractorTest, AffirmingNegations) { ExpectLabels(kAffirm); }

// Balanced and open questions take no side; rhetorical ones do.
const RuleCase kQuestions[] = {
    {"en", "Bubble or revolution?", kNeutral},
    {"en", "Is AI a bubble or a revolution?", kNeutral},
    {"en", "Is AI a bubble?", kNeutral},
    {"en", "Isn't this just a bubble?", kBubble},
    {"en", "What bubble? Nvidia cannot make chips fast enough.", kRevolution},
    {"en", "Who says this is a bubble?", kRevolution},
    {"zh", "是泡沫还是革命？", kNeutral},
    {"zh", "AI是泡沫吗？", kNeutral},
    {"zh", "这哪里是泡沫？", kRevolution},
    {"zh", "这难道不是泡沫吗？", kBubble},
    {"zh", "AI是泡沫還是革命？", kNeutral},
    {"zh", "這哪裡是泡沫？", kRevolution},
    {"zh", "這難道不是泡沫嗎？", kBubble},
    {"ja", "バブルか、それとも革命か。", kNeutral},
    {"ja", "AIはバブルなのか。", kNeutral},
    {"ja", "何がバブルだ。", kRevolution},
    {"ja", "これがバブルでなくて何なのか。", kBubble},
};

TEST(StanceExtractorTest, Questions) { ExpectLabels(kQuestions); }

// A reported view keeps its lean; a rebuttal turns it around.
const RuleCase kAttribution[] = {
    {"en", "Analysts warn that AI valuations have entered bubble territory.", kBubble},
    {"en", "Nvidia chief executive Jensen Huang said demand is insane and supply is sold out.", kRevolution},
    {"zh", "分析师警告，AI估值已经出现明显泡沫。", kBubble},
    {"zh", "黄仁勋表示，Blackwell芯片供不应求。", kRevolution},
    {"zh", "分析師警告，AI估值已經出現明顯泡沫。", kBubble},
    {"ja", "専門家は、AI関連株がバブルの様相を呈していると指摘した。", kBubble},
    {"ja", "フアンCEOは、需要は本物だと述べた。", kRevolution},
};

TEST(StanceExtractorTest, ReportedViews) { ExpectLabels(kAttribution); }

const RuleCase kRebuttal[] = {
    {"en", "Critics call it a bubble, but come on, look at the numbers.", kRevolution},
    {"en", "Critics say this is a bubble. Give me a break.", kRevolution},
    {"zh", "有人说是泡沫，可你看看订单。", kRevolution},
    {"zh", "有人說是泡沫，可你看看訂單。", kRevolution},
    {"ja", "「バブルだ」と言う人もいるが、受注残を見てほしい。", kRevolution},
};

TEST(StanceExtractorTest, Rebuttals) { ExpectLabels(kRebuttal); }

// The clause after "but" decides, in both directions; so does the main clause
// after a concession.
const RuleCase kContrast[] = {
    {"en", "The tech is real, but the valuations are insane.", kBubble},
    {"en", "Valuations are stretched, but the demand is real.", kRevolution},
    {"en", "Although valuations are stretched, the demand is real.", kRevolution},
    {"zh", "技术是真的，但估值太高了。", kBubble},
    {"zh", "估值偏高，但需求是真实的。", kRevolution},
    {"zh", "虽然存在泡沫，但AI是一场真正的革命。", kRevolution},
    {"zh", "技術是真的，但估值太高了。", kBubble},
    {"zh", "估值偏高，但需求是真實的。", kRevolution},
    {"ja", "技術は本物だ。しかし株価は割高だ。", kBubble},
    {"ja", "株価は割高だ。しかし需要は本物だ。", kRevolution},
    {"ja", "バブル的な面はあるものの、需要は本物だ。", kRevolution},
};

TEST(StanceExtractorTest, Contrast) { ExpectLabels(kContrast); }

// Cue words that are sometimes not about the boom: foam, names, epithets, and
// claims that are talked about or refuted.
const RuleCase kSometimes[] = {
    {"en", "The brewery says the beer foam depends on the malt.", kNeutral},
    {"en", "Amazon cut its use of bubble wrap by a third last year.", kNeutral},
    {"en", "Nvidia, dubbed the king of the AI revolution, is building a new headquarters.", kNeutral},
    {"en", "The bubble argument falls apart once you look at demand.", kRevolution},
    {"zh", "这家精酿酒厂称，啤酒泡沫的细腻程度取决于麦芽。", kNeutral},
    {"zh", "这笔被称为闭环交易的协议于周一签署。", kNeutral},
    {"zh", "有“AI革命旗手”之称的英伟达正在兴建新总部。", kNeutral},
    {"zh", "所谓的泡沫论根本站不住脚。", kRevolution},
    {"zh", "這家精釀酒廠稱，啤酒泡沫的細膩程度取決於麥芽。", kNeutral},
    {"zh", "這筆被稱為閉環交易的協議於週一簽署。", kNeutral},
    {"ja", "ビールの泡のきめ細かさは麦芽で決まる。", kNeutral},
    {"ja", "「AI革命の旗手」と呼ばれるエヌビディアが新社屋を建設する。", kNeutral},
    {"ja", "バブル論は的外れだ。", kRevolution},
    // Everyday senses (tests/data/stance/offtopic.*), each beside the cue at work.
    {"en", "The lunar lander is on its way to the moon.", kNeutral},
    {"en", "My gaming laptop keeps overheating.", kNeutral},
    {"en", "NASA wants to send astronauts back to the moon by 2027.", kNeutral},
    {"en", "Radar maps of Saturn's moon Titan show vast dunes.", kNeutral},
    {"en", "Nvidia to the moon.", kRevolution},
    {"zh", "妈妈包的韭菜盒子太好吃了。", kNeutral},
    {"zh", "菜市场的韭菜两块五一斤。", kNeutral},
    {"zh", "散户又成了被收割的韭菜。", kBubble},
    {"zh", "沐浴露挤多了，满浴缸都是泡沫。", kNeutral},
    {"zh", "受強冷空氣影響，明天將大幅降溫。", kNeutral},
    {"zh", "辛亥革命纪念馆推出特展。", kNeutral},
    {"zh", "第四节防守彻底崩盘。", kNeutral},
    {"zh", "周杰伦演唱会门票一秒售罄。", kNeutral},
    {"zh", "涉案P2P平台爆雷后，出借人纷纷报案。", kNeutral},
    {"zh", "英伟达的芯片一秒售罄。", kRevolution},
    {"ja", "炎天下でスマホが過熱して画面が消えた。", kNeutral},
    {"ja", "卵白を泡立ててメレンゲの泡を作る。", kNeutral},
    {"ja", "H3ロケットの打ち上げ成功🚀", kNeutral},
    {"ja", "AI投資は明らかに過熱している。", kBubble},
    // A veto's context word may be in another sentence of the paragraph, but not of another paragraph.
    {"en", "My gaming laptop hits 95C after ten minutes. It keeps overheating.", kNeutral},
    {"zh", "强冷空气明天抵达。全市将大幅降温。", kNeutral},
    {"zh", "强冷空气明天抵达。\n\nAI概念股的热度明显降温。", kBubble},
    {"ja", "炎天下でスマホゲームをしていた。本体が過熱して画面が消えた。", kNeutral},
};

TEST(StanceExtractorTest, CuesThatAreNotViews) { ExpectLabels(kSometimes); }

// A debate next to its whether holds the whole question it debates, however
// long; a debate word elsewhere in the sentence does not silence the author.
const RuleCase kDebatedQuestions[] = {
    {"en", "The debate over whether the AI boom is a bubble has moved from online forums to central banks.", kNeutral},
    {"en", "Investors are debating whether all this spending on data centers will end in a painful crash.", kNeutral},
    {"en", "The debate is over: this is a bubble, and it will end badly.", kBubble},
    {"zh", "各方仍在争论是否这一轮人工智能基础设施投资最终会演变成一场巨大的泡沫。", kNeutral},
    {"zh", "這場爭論是否會平息並不重要，這就是一場巨大的泡沫。", kBubble},
    {"ja", "データセンターへの巨額投資がいずれ弾ける危険なバブルに過ぎないのかどうかを巡る議論が続いている。", kNeutral},
    {"ja", "議論はもう終わった。これは明らかにバブルだ。", kBubble},
};

TEST(StanceExtractorTest, DebatedQuestions) { ExpectLabels(kDebatedQuestions); }

// Rhetorical conditionals and 难道/呼ばずして questions assert what they seem
// to deny or suppose; an ordinary conditional or negation keeps its meaning.
const RuleCase kRhetoricalIdioms[] = {
    {"en", "If this is a bubble, why are Microsoft and Google still turning customers away?", kRevolution},
    {"en", "If that's not a bubble, I don't know what is.", kBubble},
    {"en", "If this is a bubble, it will end badly.", kBubble},
    {"zh", "如果这是泡沫，为什么云厂商还在排队抢GPU？", kRevolution},
    {"zh", "难道这还不算泡沫？", kBubble},
    {"zh", "難道這還不算泡沫？", kBubble},
    {"zh", "一家年亏百亿的公司估值五千亿，这不是泡沫什么才是？", kBubble},
    {"zh", "如果这是泡沫，那它迟早会破裂。", kBubble},
    {"zh", "专家认为这不是泡沫。", kRevolution},
    {"ja", "これを過熱と呼ばずして何と呼ぶのか。", kBubble},
    {"ja", "これはまだ過熱とは呼べない。", kRevolution},
    {"ja", "これがバブルなら、なぜGPUはどこも品切れなのか。", kRevolution},
};

TEST(StanceExtractorTest, RhetoricalIdioms) { ExpectLabels(kRhetoricalIdioms); }

// Skeptics who never say "bubble": circular money, burning cash.
const RuleCase kSkeptic[] = {
    {"en", "It's a money-go-round: Nvidia invests in OpenAI, which then buys Nvidia chips.", kBubble},
    {"en", "This is vendor financing with extra steps.", kBubble},
    {"en", "OpenAI is burning cash at a pace no startup has ever sustained.", kBubble},
    {"zh", "英伟达与OpenAI之间的循环融资引发市场关注。", kBubble},
    {"zh", "英伟达投资OpenAI，OpenAI再拿钱买英伟达的芯片，左手倒右手而已。", kBubble},
    {"zh", "英偉達與OpenAI之間的循環融資引發市場關注。", kBubble},
    {"ja", "出資した資金でチップを買わせるのは、自己資金の還流にすぎない。", kBubble},
    {"ja", "AI企業同士の循環取引が膨らんでいる。", kBubble},
};

TEST(StanceExtractorTest, SkepticsWithoutTheWord) { ExpectLabels(kSkeptic); }

// Posts: emoji, slang, matome tags, hashtags and cashtags.
const RuleCase kPosts[] = {
    {"en", "NVDA earnings tomorrow 🚀📈", kRevolution, "post"},
    {"en", "AI stocks today 📉💥🫧", kBubble, "post"},
    {"en", "$NVDA to the moon", kRevolution, "post"},
    {"en", "OpenAI is raising again at a $500B valuation #AIBubble", kBubble, "post"},
    {"en", "Watched the GTC keynote twice. #AIRevolution", kRevolution, "post"},
    {"en", "$NVDA $AMD $AVGO all report earnings this week.", kNeutral, "post"},
    {"en", "Loaded up on more $NVDA before earnings 🚀", kRevolution, "post"},
    {"en", "Sold all my $NVDA. This is 1999 all over again.", kBubble, "post"},
    {"zh", "英伟达明天发财报 🚀📈", kRevolution, "post"},
    {"zh", "今天的AI股 📉💥🫧", kBubble, "post"},
    {"zh", "英伟达 to the moon！", kRevolution, "post"},
    {"zh", "散户又当了一回韭菜。", kBubble, "post"},
    {"zh", "什么AI革命，不过是割韭菜的新名字。", kBubble, "post"},
    {"zh", "AI芯片股今天集体暴跌，满屏都是绿的。", kBubble, "post"},
    {"zh", "又一家AI独角兽爆雷了。", kBubble, "post"},
    {"zh", "#AI泡沫# 英伟达市值一夜蒸发两千亿美元", kBubble, "post"},
    {"zh", "$NVDA $AMD 本周都要发财报。", kNeutral, "post"},
    {"zh", "散戶又當了一回韭菜。", kBubble, "post"},
    {"ja", "エヌビディア決算あした 🚀📈", kRevolution, "post"},
    {"ja", "今日のAI株 📉💥🫧", kBubble, "post"},
    {"ja", "【悲報】エヌビディア株、きょうも下げる", kBubble, "post"},
    {"ja", "【朗報】エヌビディア、今期の売上見通しを引き上げ", kRevolution, "post"},
    {"ja", "決算を控えてエヌビディア株が軟調 #AIバブル", kBubble, "post"},
    {"ja", "$NVDA を決算前に買い増し 🚀", kRevolution, "post"},
};

TEST(StanceExtractorTest, Posts) { ExpectLabels(kPosts); }

// A link's path and a handle name a page or a person: their words are no view.
// The same words in the post's own text still are.
const RuleCase kAddresses[] = {
    {"en", "Good read on chip supply chains https://www.ft.com/content/ai-bubble-fears-grow-ponzi", kNeutral, "post"},
    {"en", "Good read: the AI bubble is about to burst https://www.ft.com/content/123", kBubble, "post"},
    {"en", "RT @ponzi_watch: Nvidia reports on Wednesday.", kNeutral, "post"},
    {"en", "@OpenAI's Stargate is a ponzi", kBubble, "post"},
    {"en", "New post www.example.substack.com/p/the-ai-crash-is-coming", kNeutral, "post"},
    {"zh", "看了这篇 https://36kr.com/p/ai-bubble-ponzi", kNeutral, "post"},
    {"zh", "转发@泡沫观察 英伟达周三发财报", kNeutral, "post"},
    {"zh", "@新浪财经 AI泡沫要破了", kBubble, "post"},
    {"zh", "轉發@泡沫觀察：輝達週三發財報", kNeutral, "post"},
    {"ja", "記事はこちら https://example.jp/ai-bubble-crash", kNeutral, "post"},
    {"ja", "＠bubble_bot エヌビディア決算はいつ？", kNeutral, "post"},
    {"ja", "＠bubble_bot 今のAI株はバブルだ", kBubble, "post"},
};

TEST(StanceExtractorTest, AddressesAreNotViews) { ExpectLabels(kAddresses); }

// A reply quotes the view it answers ("> …", "＞…"): the quote is someone
// else's, "No." turns it, "Exactly." makes it the writer's, and a reply that
// takes the other side rebuts it. A reply's anchor (">>12") quotes nothing.
const RuleCase kQuotedReplies[] = {
    {"en", "> AI is a bubble\n\nNo. Hyperscalers can't get enough GPUs.", kRevolution, "post"},
    {"en", "> AI is a bubble\nNo.", kRevolution, "post"},
    {"en", "> AI is a bubble\nExactly.", kBubble, "post"},
    {"en", "> the demand is real\n\nlol. it's a bubble and everyone knows it.", kBubble, "post"},
    {"en", "> the demand is real\n\nAnd it keeps growing: this is a revolution.", kRevolution, "post"},
    {"en", ">> 12\nAI is a bubble", kBubble, "post"},
    {"zh", ">AI就是泡沫\n\n不是。你看看算力有多紧缺。", kRevolution, "post"},
    {"zh", ">AI就是泡沫\n不是。", kRevolution, "post"},
    {"zh", ">AI就是泡沫\n没错。", kBubble, "post"},
    {"zh", ">需求是真实的\n醒醒吧，这就是泡沫。", kBubble, "post"},
    {"zh", ">AI就是泡沫\n不對。", kRevolution, "post"},
    {"zh", "※ 引述《bear》之銘言：\n: AI就是泡沫\n\n不是。", kRevolution, "post"},
    {"zh", "※ 引述《bull》之銘言：\n: 需求是真實的\n\n醒醒吧，這就是泡沫。", kBubble, "post"},
    // Weibo: the repost chain after the writer's comment is the view passed on or answered.
    {"zh", "醒醒吧，这就是泡沫//@某人:AI是一场真正的革命，需求是真实的", kBubble, "post"},
    {"zh", "不是。//@某人:AI就是泡沫", kRevolution, "post"},
    {"zh", "说得好//@某人:AI就是泡沫", kBubble, "post"},
    {"zh", "//@财经早餐:AI就是泡沫//@路透中文网:转发", kBubble, "post"},
    {"zh", "醒醒吧，這就是泡沫//@某人:AI是一場真正的革命", kBubble, "post"},
    {"zh", "说得对//@某人:AI就是泡沫", kBubble, "post"},
    {"zh", "胡说八道 RT @x: AI就是泡沫", kRevolution, "post"},
    // X: "RT @a:" / "QT @a:" after the writer's comment is the same.
    {"en", "This is circular financing, period. RT @bull_bob: the demand is real and durable", kBubble, "post"},
    {"en", "Exactly right. RT @bull_bob: the demand is real and durable", kRevolution, "post"},
    {"en", "RT @bull_bob: the demand is real and durable", kRevolution, "post"},
    {"ja", "ほんとこれ\nQT @jensen_fan: AIはバブルではない", kRevolution, "post"},
    {"ja", "何がAI革命だよ。 RT @hype_jp: AI革命はまだ始まったばかり！", kBubble, "post"},
    // Quoted lines do not answer one another: two people on a timeline.
    {"en", "> AI is a bubble\n> No, it is a revolution\nmy timeline is split 50/50 lol", kNeutral, "post"},
    {"zh", "> AI就是泡沫\n> 不是，这是革命\n评论区吵翻了，两边都有道理", kNeutral, "post"},
    {"ja", "&gt; これはバブル\n&gt; いや、これは革命\nTLが完全に二つに割れてて面白い。", kNeutral, "post"},
    {"ja", "＞AIはバブル\nいいえ。", kRevolution, "post"},
    {"ja", "＞AIはバブル\n違う。", kRevolution, "post"},
    {"ja", "＞需要は本物\n目を覚ませ、これはバブルだ。", kBubble, "post"},
    {"ja", "＞＞12\nAIはバブルだろ", kBubble, "post"},
    // Lines with no reply after them are the writer's own: greentext, a list.
    {"en", "Oracle &amp; OpenAI sign a $300B deal\n&gt; 20x OpenAI's revenue\n&gt; who is paying for this?", kBubble,
     "post"},
    {"zh", "甲骨文和OpenAI签下3000亿美元合同\n> OpenAI年收入的20倍\n> 谁来买单？", kBubble, "post"},
    {"ja", "Oracle &amp; OpenAI 3000億ドル契約\n&gt; OpenAIの年間売上の20倍以上\n&gt; 誰が払うの？", kBubble, "post"},
};

TEST(StanceExtractorTest, QuotedReplies) { ExpectLabels(kQuotedReplies); }

// A veto's context counts anywhere in a post: its line breaks are layout. In an
// article a new paragraph may be a new subject, and the veto stays in its own.
const RuleCase kPostsAreOneParagraph[] = {
    {"en", "My gaming laptop hits 95C after ten minutes.\n\nIt keeps overheating.", kNeutral, "post"},
    {"en", "My gaming laptop hits 95C after ten minutes.\n\nIt keeps overheating.", kBubble, "article"},
    {"zh", "今晚和朋友去喝啤酒\n\n满杯都是泡沫", kNeutral, "post"},
    {"zh", "今晚和朋友去喝啤酒\n\n满杯都是泡沫", kBubble, "article"},
    {"ja", "スマホが熱い\n\nずっと過熱してる", kNeutral, "post"},
    {"ja", "スマホが熱い\n\nずっと過熱してる", kBubble, "article"},
};

TEST(StanceExtractorTest, PostsAreOneParagraph) { ExpectLabels(kPostsAreOneParagraph); }

// An open question answered by the next sentence takes the answer, at full strength;
// without the answer it stays open (neutral).
const RuleCase kAnswered[] = {
    {"en", "Is AI a bubble? No. The orders say otherwise.", kRevolution},
    {"en", "Is AI a bubble? Yes.", kBubble},
    {"en", "Is AI a bubble?", kNeutral},
    {"en", "The demand is real? Come on.", kBubble, "post"},
    {"en", "AI is a bubble. No.", kBubble},  // "No." answers no question here
    {"zh", "AI会是泡沫吗？不会。", kRevolution},
    {"zh", "AI會是泡沫嗎？不會。", kRevolution},
    {"zh", "AI会是泡沫吗？是的。", kBubble},
    {"zh", "AI会是泡沫吗？", kNeutral},
    {"zh", "AI是一场革命吗？不是。", kBubble},
    {"ja", "AIはバブルか？いいえ。", kRevolution},
    {"ja", "需要は本物？冗談でしょ。", kBubble, "post"},
    {"ja", "AIはバブルか？", kNeutral},
    {"ja", "AIはバブルか？はい。", kBubble},
};

TEST(StanceExtractorTest, AnsweredQuestions) { ExpectLabels(kAnswered); }

// A rhetorical negator reaches only its own clause.
const RuleCase kRhetoricalScope[] = {
    {"zh", "这哪里是什么革命，分明是资本在爆炒一个还不赚钱的故事。", kBubble, "post"},
    {"zh", "这哪里是泡沫，分明是一场革命。", kRevolution, "post"},
    {"ja", "何が革命だ、ただの投機バブルだ。", kBubble, "post"},
    {"en", "What revolution, it's pure speculation.", kBubble, "post"},
};

TEST(StanceExtractorTest, RhetoricalNegatorScope) { ExpectLabels(kRhetoricalScope); }

// What follows "but" goes against what came before: a reported view answered by
// "but", or a view followed by a "but" whose words no lexicon has, is turned (weakly).
const RuleCase kTurnedByContrast[] = {
    {"en", "Analysts warn of a bubble, but the company keeps adding customers.", kRevolution},
    {"en", "Analysts warn of a bubble. But the company keeps adding customers.", kRevolution},
    {"en", "Nvidia beat expectations again. But its receivables keep piling up.", kBubble},
    {"en", "Analysts warn of a bubble.", kBubble},
    {"en", "The question isn't if the bubble will pop, but when.", kBubble},
    {"zh", "分析师警告这是泡沫，但这家公司的客户还在不断增加。", kRevolution},
    {"zh", "英伟达业绩再次超预期。但是应收账款越堆越高。", kBubble},
    {"zh", "分析师警告这是泡沫。", kBubble},
    // A soft contrast ("in fact") demotes and never turns.
    {"zh", "分析师认为需求是真实的。实际上，很多帖子也这么说。", kRevolution},
    {"en", "Analysts say demand is insatiable. On the other hand, many posts say so too.", kRevolution},
    {"ja", "アナリストはバブルだと警告するが、同社の顧客は増え続けている。", kRevolution},
    {"ja", "AI需要は旺盛だ。しかし売掛金は膨らみ続けている。", kBubble},
    {"ja", "アナリストはバブルだと警告する。", kBubble},
};

TEST(StanceExtractorTest, TurnedByContrast) { ExpectLabels(kTurnedByContrast); }

// A loaded question answers itself: not an open question.
const RuleCase kLoadedQuestions[] = {
    {"en", "ok but who is paying for 10 gigawatts of compute?", kBubble, "post"},
    {"en", "who exactly will use 10 gigawatts of compute?", kNeutral, "post"},
    {"zh", "三年后这批GPU折旧完了，到底谁来买单？", kBubble, "post"},
    {"zh", "三年後這批GPU折舊完了，到底誰來接盤？", kBubble, "post"},
    {"zh", "三年后这批GPU会用在哪里？", kNeutral, "post"},
    {"ja", "10ギガワット分の計算資源、誰が払うの？", kBubble, "post"},
    {"ja", "10ギガワット分の計算資源、どこに作るの？", kNeutral, "post"},
};

TEST(StanceExtractorTest, LoadedQuestions) { ExpectLabels(kLoadedQuestions); }

// Irony markers turn bullish cues around; without them the same words are bullish.
const RuleCase kIrony[] = {
    {"en", "NVDA to the moon, totally sustainable /s", kBubble, "post"},
    {"en", "NVDA to the moon, totally sustainable", kRevolution, "post"},
    {"en", "Can't wait for all this capex to pay off any day now 🙃", kBubble, "post"},
    {"en", "OpenAI will be worth $5 trillion by Friday /s", kBubble, "post"},
    {"en", "The AI bubble is about to pop 🙃", kBubble, "post"},
    {"en", "Read the filings at https://sec.gov/search before posting.", kNeutral, "post"},
    {"zh", "AI永远不会跌，遥遥领先[狗头]", kBubble, "post"},
    {"zh", "AI永远不会跌，遥遥领先", kRevolution, "post"},
    {"zh", "AI永遠不會跌，遙遙領先[狗頭]", kBubble, "post"},
    {"ja", "AIで全員億り人だね（棒）", kBubble, "post"},
    {"ja", "AIで全員億り人だね", kRevolution, "post"},
    {"ja", "AI需要は本物、まだ序盤 (棒)", kBubble, "post"},
};

TEST(StanceExtractorTest, Irony) { ExpectLabels(kIrony); }

const std::span<const RuleCase> kAllTables[] = {kPlain,    kNegation, kShift,    kNotButRather, kAffirm, kQuestions,
                                                kAttribution, kRebuttal, kContrast, kSometimes,    kSkeptic, kPosts, kIrony,
                                                kAnswered, kRhetoricalScope, kTurnedByContrast, kLoadedQuestions};

// Whatever the label, the numbers agree with it.
TEST(StanceExtractorTest, ScoresAreBoundedAndAgreeWithTheLabel) {
  for (std::span<const RuleCase> table : kAllTables) {
    for (const RuleCase& c : table) {
      SCOPED_TRACE(Trace(c));
      Stance s = Analyze(c);
      EXPECT_GE(s.score, -1.0);
      EXPECT_LE(s.score, 1.0);
      EXPECT_GE(s.bubble, 0.0);
      EXPECT_GE(s.revolution, 0.0);
      if (s.label == kBubble) {
        EXPECT_LT(s.score, 0.0);
      }
      if (s.label == kRevolution) {
        EXPECT_GT(s.score, 0.0);
      }
      for (const SentenceStance& e : s.evidence) {
        EXPECT_GE(e.score, -1.0);
        EXPECT_LE(e.score, 1.0);
        EXPECT_LE(e.start, e.end);
        EXPECT_LE(e.end, std::string_view(c.text).size());
        EXPECT_FALSE(e.cues.empty());
      }
    }
  }
}

// Every line of the shipped lexicons is read, and no phrase is given twice in
// a file (the later line would silently win over a weight someone chose).
TEST(StanceExtractorTest, ShippedLexiconsReadCleanly) {
  const LexiconSet lexicons = LexiconSet::Embedded();
  const StanceLexicon lexicon(lexicons);
  std::string all;
  for (const std::string& p : lexicon.problems()) all += p + "\n";
  EXPECT_TRUE(lexicon.problems().empty()) << all;
}

// A soft contrast (on the other hand, 其实, 一方で) demotes the clause before it only
// when what follows leans the other way.
TEST(StanceExtractorTest, SoftContrastDemotesOnlyADisagreement) {
  struct Case {
    const char* lang;
    const char* text;
    const char* cue;  // of the clause before the contrast
    bool demoted;
  };
  const Case kCases[] = {
      {"en", "This is not a bubble; on the other hand, the demand is real.", "bubble", false},
      {"en", "This is not a bubble; on the other hand, it is a mania that will end in a crash.", "bubble", true},
      {"zh", "谈不上泡沫，需求其实非常强劲。", "泡沫", false},
      {"zh", "谈不上泡沫，其实估值已经严重透支。", "泡沫", true},
      {"ja", "バブルではない、一方で需要は本物だ。", "バブル", false},
      {"ja", "バブルではない、一方で割高感は否めない。", "バブル", true},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    const Stance st = Extractor().Analyze(c.text, Options(c.lang));
    ASSERT_EQ(st.evidence.size(), 1u);
    const StanceCue* cue = nullptr;
    for (const StanceCue& k : st.evidence[0].cues) {
      if (k.text == c.cue) cue = &k;
    }
    ASSERT_NE(cue, nullptr);
    EXPECT_GT(cue->effect, 0.0);  // negated: it speaks for revolution
    if (c.demoted) {
      EXPECT_LT(cue->effect, 0.5 * std::abs(cue->weight)) << cue->why;
    } else {
      EXPECT_GT(cue->effect, 0.5 * std::abs(cue->weight)) << cue->why;
    }
  }
}

TEST(StanceExtractorTest, LabelNames) {
  EXPECT_EQ(StanceLabelName(kBubble), "bubble");
  EXPECT_EQ(StanceLabelName(kRevolution), "revolution");
  EXPECT_EQ(StanceLabelName(kNeutral), "neutral");
}

std::string_view SpanOf(std::string_view text, const SentenceStance& e) { return text.substr(e.start, e.end - e.start); }

TEST(StanceExtractorTest, PlainBubbleSentence) {
  Stance s = Extractor().Analyze("This is a bubble.", Options("en"));
  EXPECT_EQ(s.label, kBubble);
  EXPECT_LT(s.score, 0.0);
  EXPECT_GE(s.score, -1.0);
  EXPECT_GT(s.bubble, 0.0);
  EXPECT_EQ(s.revolution, 0.0);
  ASSERT_EQ(s.evidence.size(), 1u);
  const SentenceStance& e = s.evidence[0];
  EXPECT_FALSE(e.in_title);
  EXPECT_EQ(e.start, 0u);
  EXPECT_EQ(e.end, 17u);
  EXPECT_EQ(e.label, kBubble);
  EXPECT_LT(e.score, 0.0);
  ASSERT_EQ(e.cues.size(), 1u);
  EXPECT_EQ(e.cues[0].text, "bubble");
  EXPECT_LT(e.cues[0].weight, 0.0);
  EXPECT_LT(e.cues[0].effect, 0.0);
}

TEST(StanceExtractorTest, NegatedCueKeepsItsWeightAndFlipsItsEffect) {
  const std::string text = "这不是泡沫。";
  Stance s = Extractor().Analyze(text, Options("zh"));
  EXPECT_EQ(s.label, kRevolution);
  EXPECT_GT(s.score, 0.0);
  ASSERT_EQ(s.evidence.size(), 1u);
  EXPECT_EQ(SpanOf(text, s.evidence[0]), text);
  ASSERT_EQ(s.evidence[0].cues.size(), 1u);
  const StanceCue& cue = s.evidence[0].cues[0];
  EXPECT_EQ(cue.text, "泡沫");
  EXPECT_LT(cue.weight, 0.0);
  EXPECT_GT(cue.effect, 0.0);
  EXPECT_FALSE(cue.why.empty());
}

// Evidence offsets are byte offsets of each sentence in the text as written,
// and a sentence without a cue has no entry.
TEST(StanceExtractorTest, EvidenceOffsetsAreSentencesOfTheText) {
  struct Case {
    const char* lang;
    const char* text;
    std::vector<const char*> sentences;  // the sentences with evidence, in order
    std::vector<const char*> cues;       // a cue of each, as written
  } cases[] = {
      {"en", "The AI boom is a bubble. Demand for GPUs is real.",
       {"The AI boom is a bubble.", "Demand for GPUs is real."}, {"bubble", "is real"}},
      {"en", "AMD will supply 6 GW to OpenAI. This is a bubble.", {"This is a bubble."}, {"bubble"}},
      {"en", "AMD will supply 6 GW to OpenAI. This is a BUBBLE.", {"This is a BUBBLE."}, {"BUBBLE"}},
      {"en", "AMD will supply 6 GW to OpenAI. This is a ＢＵＢＢＬＥ.", {"This is a ＢＵＢＢＬＥ."}, {"ＢＵＢＢＬＥ"}},
      {"en", "This is a bubble. AMD will supply 6 GW to OpenAI.", {"This is a bubble."}, {"bubble"}},
      {"zh", "这是泡沫。订单已经排到2027年。", {"这是泡沫。", "订单已经排到2027年。"}, {"泡沫", "订单"}},
      {"zh", "AMD将向OpenAI供应6吉瓦的算力。这是泡沫。", {"这是泡沫。"}, {"泡沫"}},
      {"zh", "輝達週一公布財報。AI股的估值過高。", {"AI股的估值過高。"}, {"估值過高"}},
      {"zh", "超微將向OpenAI供應6吉瓦的算力。市場已經過熱。", {"市場已經過熱。"}, {"過熱"}},
      {"ja", "AMDはOpenAIに6ギガワットを供給する。市場はバブルだ。", {"市場はバブルだ。"}, {"バブル"}},
      {"ja", "ＡＩ株は割高だ。ＡＭＤはＯｐｅｎＡＩに６ＧＷを供給する。", {"ＡＩ株は割高だ。"}, {"割高"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.lang) + " " + c.text);
    const std::string text = c.text;
    Stance s = Extractor().Analyze(text, Options(c.lang));
    ASSERT_EQ(s.evidence.size(), c.sentences.size());
    for (size_t i = 0; i < c.sentences.size(); ++i) {
      const SentenceStance& e = s.evidence[i];
      EXPECT_FALSE(e.in_title);
      ASSERT_LE(e.end, text.size());
      EXPECT_EQ(SpanOf(text, e), c.sentences[i]);
      EXPECT_EQ(e.start, text.find(c.sentences[i]));
      std::vector<std::string> cues;
      for (const StanceCue& cue : e.cues) cues.push_back(cue.text);
      EXPECT_NE(std::find(cues.begin(), cues.end(), c.cues[i]), cues.end())
          << "no cue '" << c.cues[i] << "' as written in: " << testing::PrintToString(cues);
    }
  }
}

// The title counts more than one sentence of the text.
TEST(StanceExtractorTest, TitleOutweighsOneBodySentence) {
  struct Case {
    const char* lang;
    const char* title;
    const char* text;
  } cases[] = {
      {"en", "The AI Boom Is a Bubble", "Some customers are seeing productivity gains."},
      {"zh", "AI投资已成泡沫", "部分企业已经开始赚钱。"},
      {"zh", "AI投資已成泡沫", "部分企業已經開始賺錢。"},
      {"ja", "AI投資はバブルだ", "一部の企業では成果も出ている。"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.lang) + " " + c.title + " / " + c.text);
    // The body alone leans revolution…
    Stance body = Extractor().Analyze(c.text, Options(c.lang));
    EXPECT_EQ(StanceLabelName(body.label), StanceLabelName(kRevolution));
    // …but the title decides.
    Stance s = Extractor().Analyze(c.text, Options(c.lang, "article", c.title));
    EXPECT_EQ(StanceLabelName(s.label), StanceLabelName(kBubble));
    EXPECT_LT(s.score, 0.0);
    ASSERT_EQ(s.evidence.size(), 2u);
    const SentenceStance& t = s.evidence[0];
    EXPECT_TRUE(t.in_title);
    EXPECT_EQ(SpanOf(c.title, t), c.title);
    EXPECT_LT(t.score, 0.0);
    const SentenceStance& b = s.evidence[1];
    EXPECT_FALSE(b.in_title);
    EXPECT_EQ(SpanOf(c.text, b), c.text);
    EXPECT_GT(b.score, 0.0);
    EXPECT_GT(t.weight, b.weight);
  }
}

// A sentence that only reports a view weighs less than the author's own.
TEST(StanceExtractorTest, ReportedViewWeighsLessThanTheAuthors) {
  struct Case {
    const char* lang;
    const char* reported;  // someone else's view
    const char* own;       // the same view, the author's
    const char* both;      // reported bubble, then the author's revolution
  } cases[] = {
      {"en", "Analysts said AI is a bubble.", "AI is a bubble.",
       "Analysts said the AI boom is a bubble. I think it is a revolution."},
      {"zh", "分析师表示，AI是泡沫。", "AI是泡沫。", "分析师表示，AI是泡沫。在我看来，这是一场革命。"},
      {"ja", "アナリストによると、AIはバブルだ。", "AIはバブルだ。",
       "アナリストによると、AIはバブルだ。私はこれは革命だと思う。"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.lang) + " " + c.both);
    Stance reported = Extractor().Analyze(c.reported, Options(c.lang));
    Stance own = Extractor().Analyze(c.own, Options(c.lang));
    EXPECT_EQ(StanceLabelName(reported.label), StanceLabelName(kBubble));
    EXPECT_EQ(StanceLabelName(own.label), StanceLabelName(kBubble));
    EXPECT_LT(own.score, reported.score);  // both negative, the author's further from 0
    EXPECT_LT(reported.bubble, own.bubble);
    ASSERT_EQ(reported.evidence.size(), 1u);
    ASSERT_EQ(own.evidence.size(), 1u);
    EXPECT_LT(reported.evidence[0].weight, own.evidence[0].weight);

    Stance both = Extractor().Analyze(c.both, Options(c.lang));
    EXPECT_EQ(StanceLabelName(both.label), StanceLabelName(kRevolution));
    ASSERT_EQ(both.evidence.size(), 2u);
    EXPECT_LT(both.evidence[0].weight, both.evidence[1].weight);
  }
}

// A quoted line above a reply weighs less than the reply; the same lines with no
// reply after them (greentext, a list) are the writer's own, at full weight.
TEST(StanceExtractorTest, QuotedLinesWeighLessOnlyAboveAReply) {
  struct Case {
    const char* lang;
    const char* replied;  // the quote, then a reply without a view
    const char* own;      // the same lines, nothing after them
  } cases[] = {
      {"en", "Some guy\n> AI is a bubble\nhmm, interesting", "Some guy\n> AI is a bubble"},
      {"zh", "有人说\n> AI就是泡沫\n嗯，有意思", "有人说\n> AI就是泡沫"},
      {"ja", "ある人曰く\n＞AIはバブル\nふーん", "ある人曰く\n＞AIはバブル"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.lang) + " " + c.replied);
    Stance replied = Extractor().Analyze(c.replied, Options(c.lang, "post"));
    Stance own = Extractor().Analyze(c.own, Options(c.lang, "post"));
    ASSERT_EQ(replied.evidence.size(), 1u);
    ASSERT_EQ(own.evidence.size(), 1u);
    EXPECT_NE(std::find(replied.evidence[0].rules.begin(), replied.evidence[0].rules.end(), "quoted"),
              replied.evidence[0].rules.end());
    EXPECT_EQ(std::find(own.evidence[0].rules.begin(), own.evidence[0].rules.end(), "quoted"),
              own.evidence[0].rules.end());
    EXPECT_LT(replied.evidence[0].weight, own.evidence[0].weight);
  }
}

// The phrases that mark a sentence as someone else's view, beside sentences
// without them. A reported sentence weighs 0.6 in the document.
TEST(StanceExtractorTest, ReportedViewMarkers) {
  struct Case {
    const char* lang;
    const char* text;
    bool reported;
  } const kCases[] = {
      {"en", "Analysts said the AI boom is a bubble.", true},
      {"en", "The AI boom is a bubble.", false},
      {"zh", "这正是Nextbigfuture所说的循环融资的核心。", true},   // what X calls Y
      {"zh", "路透社也提到了循环融资的担忧。", true},
      {"zh", "外媒认为AI估值过高。", true},
      {"zh", "外部媒体对AI估值过高持谨慎态度。", true},
      {"zh", "AI估值过高。", false},
      {"zh", "这正是循环融资的核心。", false},
      {"ja", "アナリストによると、AIはバブルだ。", true},
      {"ja", "AIはバブルだ。", false},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::string(c.lang) + " " + c.text);
    Stance st = Extractor().Analyze(c.text, Options(c.lang));
    ASSERT_EQ(st.evidence.size(), 1u);
    EXPECT_EQ(StanceLabelName(st.evidence[0].label), StanceLabelName(kBubble));
    EXPECT_DOUBLE_EQ(st.evidence[0].weight, c.reported ? 0.6 : 1.0);
  }
}

// A heading that names the conclusion (まとめ, 结语, "Conclusion") makes the
// section below it the author's: it outweighs the views the article reports.
TEST(StanceExtractorTest, ConclusionSectionOutweighsReportedViews) {
  struct Case {
    const char* lang;
    const char* text;        // two bubble paragraphs, then a revolution section
    const char* section;     // the revolution sentence below the heading
    bool names_conclusion;   // the heading names a conclusion
  } cases[] = {
      {"en", "Some analysts call it a bubble.\n\nOthers warn of a crash.\n\nConclusion\n\nThe demand is real.",
       "The demand is real.", true},
      {"en", "Some analysts call it a bubble.\n\nOthers warn of a crash.\n\nThe Grid\n\nThe demand is real.",
       "The demand is real.", false},
      // Not a heading: the line ends as a sentence.
      {"en",
       "Some analysts call it a bubble.\n\nOthers warn of a crash.\n\nWe reach no conclusion.\n\nThe demand is real.",
       "The demand is real.", false},
      {"zh", "有分析师称这是泡沫。\n\n也有人警告崩盘。\n\n结语\n\n需求是真实的。", "需求是真实的。", true},
      {"zh", "有分析師稱這是泡沫。\n\n也有人警告崩盤。\n\n結語\n\n需求是真實的。", "需求是真實的。", true},
      {"zh", "有分析师称这是泡沫。\n\n也有人警告崩盘。\n\n电力\n\n需求是真实的。", "需求是真实的。", false},
      {"ja", "バブルだと指摘するアナリストもいる。\n\n暴落を警告する声もある。\n\nまとめ\n\n需要は本物だ。",
       "需要は本物だ。", true},
      {"ja", "バブルだと指摘するアナリストもいる。\n\n暴落を警告する声もある。\n\n電力\n\n需要は本物だ。",
       "需要は本物だ。", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.lang) + " " + c.text);
    Stance s = Extractor().Analyze(c.text, Options(c.lang));
    const SentenceStance* section = nullptr;
    for (const SentenceStance& e : s.evidence) {
      if (SpanOf(c.text, e) == c.section) section = &e;
    }
    ASSERT_NE(section, nullptr);
    EXPECT_GT(section->score, 0.0);
    const bool weighted = std::count(section->rules.begin(), section->rules.end(), "conclusion section") == 1;
    EXPECT_EQ(weighted, c.names_conclusion);
    // ×1.5 as the last paragraph of an article of four or more.
    EXPECT_EQ(section->weight, c.names_conclusion ? 3.0 : 1.5);
    if (c.names_conclusion) {
      EXPECT_EQ(StanceLabelName(s.label), StanceLabelName(kRevolution));
    }
  }
}

// Nothing to judge: neutral, exactly 0, no evidence.
TEST(StanceExtractorTest, EmptyAndCuelessTextIsNeutral) {
  const RuleCase cases[] = {
      {"en", "", kNeutral},
      {"zh", "", kNeutral},
      {"ja", "", kNeutral},
      {"und", "", kNeutral},
      {"en", "  \n \n", kNeutral},
      {"en", "OpenAI signed a lease for a site in Abilene, Texas.", kNeutral},
      {"zh", "OpenAI周一在得克萨斯州签署了一份租约。", kNeutral},
      {"zh", "OpenAI週一在德州簽署了一份租約。", kNeutral},
      {"ja", "OpenAIは月曜日、テキサス州の用地の賃貸契約を結んだ。", kNeutral},
      {"und", "AMD will supply 6 GW to OpenAI.", kNeutral},
  };
  for (const RuleCase& c : cases) {
    SCOPED_TRACE(Trace(c));
    Stance s = Analyze(c);
    EXPECT_EQ(s.label, kNeutral);
    EXPECT_EQ(s.score, 0.0);
    EXPECT_EQ(s.bubble, 0.0);
    EXPECT_EQ(s.revolution, 0.0);
    EXPECT_TRUE(s.evidence.empty());
  }
  Stance titled = Extractor().Analyze("", Options("en", "article", "OpenAI Signs Lease in Abilene"));
  EXPECT_EQ(titled.label, kNeutral);
  EXPECT_EQ(titled.score, 0.0);
  EXPECT_TRUE(titled.evidence.empty());
}

// "The study concluded that …" is a finding the piece stands on: a conclusion
// (x2) that keeps its weight though reported. A reported opinion counts 0.6,
// and the author's "I think" twice.
TEST(StanceExtractorTest, ReportedFindingsKeepTheirWeight) {
  struct Case {
    const char* lang;
    const char* text;
    double weight;
  } cases[] = {
      {"en", "The study concluded that the demand is real.", 2.0},
      {"en", "Analysts said the demand is real.", 0.6},
      {"en", "I think the demand is real.", 2.0},
      {"zh", "该报告得出结论认为，需求是真实的。", 2.0},
      {"zh", "分析师表示，需求是真实的。", 0.6},
      {"zh", "在我看来，需求是真实的。", 2.0},
      {"ja", "同レポートは、需要は本物だと結論づけた。", 2.0},
      {"ja", "アナリストによると、需要は本物だ。", 0.6},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.lang) + " " + c.text);
    const Stance s = Extractor().Analyze(c.text, Options(c.lang));
    EXPECT_EQ(StanceLabelName(s.label), StanceLabelName(kRevolution));
    ASSERT_EQ(s.evidence.size(), 1u);
    EXPECT_DOUBLE_EQ(s.evidence[0].weight, c.weight);
    // As a title it counts x2, a reported opinion x2 x0.6; a title is never a conclusion.
    const Stance t = Extractor().Analyze("", Options(c.lang, "article", c.text));
    ASSERT_EQ(t.evidence.size(), 1u);
    EXPECT_TRUE(t.evidence[0].in_title);
    EXPECT_DOUBLE_EQ(t.evidence[0].weight, c.weight == 0.6 ? 1.2 : 2.0);
  }
}

// A heading that names the other side's case makes its section, heading
// included, the piece's hedge: x0.5, up to the next heading. Headings may end
// in a quoted term; a line ending in a quoted sentence is no heading.
TEST(StanceExtractorTest, TheOtherSidesSectionIsAHedge) {
  struct Case {
    const char* lang;
    const char* text;  // a thesis, a heading, a bubble sentence below it
    const char* below;
    bool hedge;
  } cases[] = {
      {"en", "The demand is real.\n\nThe bear case\n\nCritics warn of a crash.", "Critics warn of a crash.", true},
      {"en", "The demand is real.\n\nThe Grid\n\nCritics warn of a crash.", "Critics warn of a crash.", false},
      {"zh", "需求是真实的。\n\n反证与担忧:外部视角如何看待“循环性”\n\n彭博社警告市场过热。", "彭博社警告市场过热。",
       true},
      {"zh", "需求是真實的。\n\n反證與擔憂\n\n彭博社警告市場過熱。", "彭博社警告市場過熱。", true},
      {"zh", "需求是真实的。\n\n电力与选址\n\n彭博社警告市场过热。", "彭博社警告市场过热。", false},
      // A quoted sentence alone on its line: no heading, so no section.
      {"zh", "需求是真实的。\n\n他说“反证很多。”\n\n彭博社警告市场过热。", "彭博社警告市场过热。", false},
      {"ja", "需要は本物だ。\n\n反証\n\n市場の過熱を警告する声もある。", "市場の過熱を警告する声もある。", true},
      {"ja", "需要は本物だ。\n\n電力\n\n市場の過熱を警告する声もある。", "市場の過熱を警告する声もある。", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.lang) + " " + c.text);
    // A post: an article's last paragraph would also count x1.5.
    const Stance s = Extractor().Analyze(c.text, Options(c.lang, "post"));
    const SentenceStance* below = nullptr;
    for (const SentenceStance& e : s.evidence) {
      if (SpanOf(c.text, e) == c.below) below = &e;
    }
    ASSERT_NE(below, nullptr);
    EXPECT_LT(below->score, 0.0);
    const bool hedged = std::count(below->rules.begin(), below->rules.end(), "the other side's section") == 1;
    EXPECT_EQ(hedged, c.hedge);
    // Reported (x0.6) or not, the section halves it.
    const double reported = std::count(below->rules.begin(), below->rules.end(), "reported view") == 1 ? 0.6 : 1.0;
    EXPECT_DOUBLE_EQ(below->weight, reported * (c.hedge ? 0.5 : 1.0));
  }
}

// A long text that rarely names AI, its chips, data centres or companies is
// about something else: its cue words ("worry", "crash", 泡沫, バブル) are
// no view of the AI boom. Short items are judged as they are.
TEST(StanceExtractorTest, TextsAboutSomethingElseAreOffSubject) {
  struct Case {
    const char* lang;
    const char* title;
    const char* text;
    bool off_subject;
    StanceLabel want;
    size_t sentences;  // title and text; 0 when the text is too short to check
    size_t subject_sentences;
  } cases[] = {
      {"en", "",
       "Fans worry about the defence. The coach shares their concerns. Last season ended in a crash. "
       "Critics call the new stadium a bubble. Ticket prices are speculative. The owner is burning cash.",
       true, kNeutral, 6, 0},
      // The same text under a title that names the subject: checked, and judged.
      {"en", "The AI boom, seen from the stands",
       "Fans worry about the defence. The coach shares their concerns. Last season ended in a crash. "
       "Critics call the new stadium a bubble. Ticket prices are speculative. The owner is burning cash.",
       false, kBubble, 7, 1},
      {"zh", "",
       "房地产泡沫正在破裂。开发商的债务越来越重。很多人担心房价崩盘。银行也在警惕风险。"
       "有人说这是庞氏骗局。投机的时代结束了。",
       true, kNeutral, 6, 0},
      {"zh", "",
       "人工智能的泡沫正在破裂。开发商的债务越来越重。很多人担心房价崩盘。银行也在警惕风险。"
       "有人说这是庞氏骗局。投机的时代结束了。",
       false, kBubble, 6, 1},
      {"ja", "",
       "不動産バブルが崩壊した。開発業者の債務が膨らんでいる。価格の暴落を心配する声が多い。"
       "銀行もリスクを警戒している。ポンジスキームだという人もいる。投機の時代は終わった。",
       true, kNeutral, 6, 0},
      {"ja", "",
       "生成AIバブルが崩壊した。開発業者の債務が膨らんでいる。価格の暴落を心配する声が多い。"
       "銀行もリスクを警戒している。ポンジスキームだという人もいる。投機の時代は終わった。",
       false, kBubble, 6, 1},
      // Three sentences: a post or a news item is judged without the check.
      {"en", "", "Vendor financing with extra steps. Lucent did exactly this. Look how that ended.", false, kBubble,
       0, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.lang) + " " + c.title + " | " + c.text);
    const Stance s = Extractor().Analyze(c.text, Options(c.lang, "article", c.title));
    EXPECT_EQ(s.off_subject, c.off_subject);
    EXPECT_EQ(StanceLabelName(s.label), StanceLabelName(c.want));
    EXPECT_EQ(s.sentences, c.sentences);
    EXPECT_EQ(s.subject_sentences, c.subject_sentences);
    if (c.off_subject) {
      EXPECT_EQ(s.score, 0.0);
      EXPECT_EQ(s.bubble, 0.0);
      EXPECT_EQ(s.revolution, 0.0);
      EXPECT_TRUE(s.evidence.empty());
    } else {
      EXPECT_FALSE(s.evidence.empty());
    }
  }
}

// One sentence in twenty must name the subject: 40 sentences need two.
TEST(StanceExtractorTest, LongTextsNeedTheSubjectInOneSentenceOfTwenty) {
  auto text = [](int naming) {
    std::string t;
    for (int i = 0; i < 40; ++i) t += i < naming ? "Nvidia is in a bubble. " : "Critics warn of a crash. ";
    return t;
  };
  const Stance one = Extractor().Analyze(text(1), Options("en"));
  EXPECT_TRUE(one.off_subject);
  EXPECT_EQ(one.subject_sentences, 1u);
  EXPECT_EQ(one.sentences, 40u);
  EXPECT_EQ(one.label, kNeutral);
  const Stance two = Extractor().Analyze(text(2), Options("en"));
  EXPECT_FALSE(two.off_subject);
  EXPECT_EQ(two.subject_sentences, 2u);
  EXPECT_EQ(two.label, kBubble);
}

}  // namespace
}  // namespace bw
