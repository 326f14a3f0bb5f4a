#include "extractors/stance_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "extractors/stance_extractor.h"
#include "extractors/stance_model_trainer.h"

namespace bw {
namespace {

using Strings = std::vector<std::string>;

TEST(StanceModelTest, Features) {
  struct Case {
    const char* text;  // folded
    const char* lang;
    Strings want;
  };
  const Case kCases[] = {
      {"not a bubble.", "en", {"b:a bubble", "b:bubble .", "b:not a", "w:.", "w:a", "w:bubble", "w:not"}},
      {"it's $nvda 🚀", "en", {"b:$nvda 🚀", "b:it's $nvda", "w:$nvda", "w:it's", "w:🚀"}},
      {"up  up", "en", {"b:up up", "w:up"}},  // each feature once
      {"泡 沫", "zh", {"c:沫", "c:泡", "c:泡沫"}},  // white space dropped; byte order
      {"バブル", "ja", {"c:バ", "c:バブ", "c:バブル", "c:ブ", "c:ブル", "c:ル"}},
      {"ai泡", "zh", {"c:a", "c:ai", "c:ai泡", "c:i", "c:i泡", "c:泡"}},
      {"泡沫", "und", {"c:沫", "c:泡", "c:泡沫"}},  // the script decides
      {"no bubble", "und", {"b:no bubble", "w:bubble", "w:no"}},
      {"", "en", {}},
      {"   ", "zh", {}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::string(c.lang) + " '" + c.text + "'");
    EXPECT_EQ(StanceModel::Features(c.text, c.lang), c.want);
  }
}

StanceWeights Weights(std::vector<std::pair<std::string, std::array<float, 3>>> rows) {
  StanceWeights w;
  for (auto& [f, v] : rows) w.features[f] = v;
  return w;
}

TEST(StanceModelTest, ScoreIsASoftmaxOfScaledWeights) {
  const StanceModel model(Weights({{"w:ponzi", {2, 0, 0}}, {"w:supercycle", {0, 2, 0}}, {"w:is", {0, 0, 0.5f}}}));
  ASSERT_FALSE(model.empty());
  // One feature: scale 1.
  StanceModelScore s = model.Score("ponzi", "en");
  const double e2 = std::exp(2.0);
  EXPECT_NEAR(s.p[StanceModel::kBubble], e2 / (e2 + 2), 1e-12);
  EXPECT_NEAR(s.p[StanceModel::kRevolution], 1 / (e2 + 2), 1e-12);
  EXPECT_NEAR(s.Lean(), (1 - e2) / (e2 + 2), 1e-12);
  EXPECT_EQ(s.reasons, Strings{"ponzi"});
  // "ponzi is": three features (two words, one pair), so every weight is scaled by 1/sqrt(3).
  s = model.Score("ponzi is", "en");
  const double k = 1 / std::sqrt(3.0);
  const double z0 = std::exp(2 * k), z1 = 1.0, z2 = std::exp(0.5 * k);
  EXPECT_NEAR(s.p[StanceModel::kBubble], z0 / (z0 + z1 + z2), 1e-12);
  EXPECT_NEAR(s.p[StanceModel::kNeutral], z2 / (z0 + z1 + z2), 1e-12);
  EXPECT_EQ(s.reasons, Strings{"ponzi"});  // "is" pulls to neutral, not to bubble
  // Nothing known: the bias alone, three equal classes.
  s = model.Score("hello world", "en");
  EXPECT_NEAR(s.p[StanceModel::kNeutral], 1.0 / 3, 1e-12);
  EXPECT_TRUE(s.reasons.empty());
}

TEST(StanceModelTest, AnEmptyModelSaysNeutral) {
  const StanceModel model(LexiconSet{});
  EXPECT_TRUE(model.empty());
  EXPECT_TRUE(model.problems().empty());
  const StanceModelScore s = model.Score("ponzi", "en");
  EXPECT_EQ(s.p[StanceModel::kNeutral], 1.0);
  EXPECT_EQ(s.Lean(), 0.0);
}

TEST(StanceModelTest, ReadsTheModelFileAndNamesBadLines) {
  LexiconSet lex;
  lex.AddFile("stance/model.txt",
              "# comment\n<vote>\t2\n<quiet>\t0.5\n<bias>\t0.25\t0\t-0.25\nw:a\t1\t2\t3\n"
              "<quiet>\t2\nw:b\t1\tx\t3\nw:c\t1\t2\n<vote>\t-1\n");
  const StanceModel model(lex);
  EXPECT_EQ(model.vote(), 2.0);
  EXPECT_EQ(model.quiet(), 0.5);
  const Strings want_problems = {
      "stance/model.txt: '<quiet>\t2': quiet is not a number in [0, 1]",
      "stance/model.txt: 'w:b\t1\tx\t3': needs a feature and three numbers",
      "stance/model.txt: 'w:c\t1\t2': needs a feature and three numbers",
      "stance/model.txt: '<vote>\t-1': the vote is not a number >= 0",
  };
  EXPECT_EQ(model.problems(), want_problems);
  const StanceModelScore s = model.Score("a", "en");
  const double z0 = std::exp(1.25), z1 = std::exp(2.0), z2 = std::exp(2.75);
  EXPECT_NEAR(s.p[StanceModel::kRevolution], z1 / (z0 + z1 + z2), 1e-12);
}

TEST(StanceModelTest, SerializeRoundTrips) {
  StanceWeights w = Weights({{"w:b", {0.5f, -0.25f, 0}}, {"c:泡沫", {1, 0, -1}}});
  w.bias = {0.1, 0.2, -0.3};
  w.vote = 3;
  w.quiet = 0.75;
  const std::string text = StanceModel::Serialize(w);
  EXPECT_EQ(text, "<vote>\t3\n<quiet>\t0.75\n<bias>\t0.1\t0.2\t-0.3\nc:泡沫\t1\t0\t-1\nw:b\t0.5\t-0.25\t0\n");
  LexiconSet lex;
  lex.AddFile("stance/model.txt", text);
  const StanceModel read(lex);
  EXPECT_TRUE(read.problems().empty());
  EXPECT_EQ(read.vote(), 3.0);
  EXPECT_EQ(read.quiet(), 0.75);
  const StanceModel original(w);
  for (const char* t : {"b", "泡沫", "x"}) {
    SCOPED_TRACE(t);
    EXPECT_NEAR(read.Score(t, "und").p[0], original.Score(t, "und").p[0], 1e-12);
  }
}

// Tiny separable data: the trainer fits it, deterministically.
std::vector<StanceExample> TinySet() {
  std::vector<StanceExample> out;
  for (int i = 0; i < 5; ++i) {
    out.push_back({StanceModel::Features("ponzi scheme", "en"), StanceModel::kBubble});
    out.push_back({StanceModel::Features("real supercycle", "en"), StanceModel::kRevolution});
    out.push_back({StanceModel::Features("deal signed", "en"), StanceModel::kNeutral});
  }
  return out;
}

TEST(StanceModelTrainerTest, FitsSeparableData) {
  StanceTrainingOptions options;
  options.vote = 2.5;
  const StanceWeights w = TrainStanceModel(TinySet(), options);
  EXPECT_EQ(w.vote, 2.5);
  const StanceModel model(w);
  struct Case {
    const char* text;
    int want;
  };
  for (const Case& c : {Case{"ponzi", StanceModel::kBubble}, Case{"supercycle", StanceModel::kRevolution},
                        Case{"deal", StanceModel::kNeutral}}) {
    SCOPED_TRACE(c.text);
    const StanceModelScore s = model.Score(c.text, "en");
    EXPECT_GT(s.p[c.want], 0.6);
  }
  // Deterministic for a seed; another seed visits the examples in another order.
  EXPECT_EQ(StanceModel::Serialize(TrainStanceModel(TinySet(), options)), StanceModel::Serialize(w));
  options.seed = 2;
  EXPECT_NE(StanceModel::Serialize(TrainStanceModel(TinySet(), options)), StanceModel::Serialize(w));
}

// An example counts by its weight: the same words labelled two ways go to the
// label that weighs more, and the prior follows the weighted labels.
TEST(StanceModelTrainerTest, ExamplesCountByTheirWeight) {
  struct Case {
    double bubble_weight, neutral_weight;
    int want;
  };
  for (const Case& c : {Case{1.0, 0.25, StanceModel::kBubble}, Case{0.25, 1.0, StanceModel::kNeutral}}) {
    SCOPED_TRACE(c.bubble_weight);
    std::vector<StanceExample> set;
    for (int i = 0; i < 5; ++i) {
      set.push_back({StanceModel::Features("your kids", "en"), StanceModel::kBubble, c.bubble_weight});
      set.push_back({StanceModel::Features("your kids", "en"), StanceModel::kNeutral, c.neutral_weight});
    }
    const StanceModelScore s = StanceModel(TrainStanceModel(set, {})).Score("your kids", "en");
    const int other = c.want == StanceModel::kBubble ? StanceModel::kNeutral : StanceModel::kBubble;
    EXPECT_GT(s.p[c.want], 0.6);
    EXPECT_LT(s.p[other], 0.3);
  }
  // Weight 1 is the default: training is the same as without weights.
  std::vector<StanceExample> weighted = TinySet();
  for (StanceExample& e : weighted) e.weight = 1.0;
  EXPECT_EQ(StanceModel::Serialize(TrainStanceModel(weighted, {})), StanceModel::Serialize(TrainStanceModel(TinySet(), {})));
}

TEST(StanceModelTrainerTest, LeavesOutRareAndFlatFeatures) {
  StanceTrainingOptions options;
  std::vector<StanceExample> set = TinySet();
  set.push_back({{"w:once"}, StanceModel::kBubble});
  EXPECT_EQ(TrainStanceModel(set, options).features.count("w:once"), 1u);
  options.min_count = 2;
  const StanceWeights w = TrainStanceModel(set, options);
  EXPECT_EQ(w.features.count("w:once"), 0u);
  EXPECT_EQ(w.features.count("w:ponzi"), 1u);
  options.min_weight = 100;  // no weight spreads that far
  EXPECT_TRUE(TrainStanceModel(set, options).features.empty());
}

// How the model's vote joins the rules (StanceExtractor::Analyze).
class StanceModelVoteTest : public ::testing::Test {
 protected:
  static StanceOptions Options(const char* lang) {
    StanceOptions o;
    o.lang = lang;
    return o;
  }
  struct Case {
    const char* lang;
    const char* text;
    const char* feature;  // the made-up name's n-gram, which the model below is sure means revolution
  };
  // A model sure that the made-up company names of the cases mean revolution.
  static StanceExtractor SureOfZorblax(const LexiconSet& lexicons) {
    StanceWeights w;
    for (const char* feature : {"w:zorblax", "c:佐布拉", "c:ゾルブ"}) w.features[feature] = {-1, 30, -1};
    w.vote = 4;
    return StanceExtractor(lexicons, StanceModel(w));
  }
  const LexiconSet lexicons_ = LexiconSet::Embedded();
  const StanceExtractor rules_only_{lexicons_, StanceModel(StanceWeights{})};
};

// Where no cue word fires, a sure model decides on a text that names the subject;
// its evidence spans the text.
TEST_F(StanceModelVoteTest, TheModelSpeaksWhereNoCueFires) {
  const Case kCases[] = {
      {"en", "The zorblax of AI keeps humming along.", "w:zorblax"},
      {"zh", "佐布拉克的芯片照常运转。", "c:佐布拉"},
      {"zh", "佐布拉克的晶片照常運轉。", "c:佐布拉"},  // traditional, folded to the same feature
      {"ja", "ゾルブラックスのデータセンターは順調に動いている。", "c:ゾルブ"},
  };
  const StanceExtractor with_model = SureOfZorblax(lexicons_);
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::string(c.lang) + " " + c.text);
    ASSERT_EQ(rules_only_.Analyze(c.text, Options(c.lang)).label, StanceLabel::kNeutral);
    const Stance s = with_model.Analyze(c.text, Options(c.lang));
    EXPECT_EQ(s.label, StanceLabel::kRevolution);
    ASSERT_EQ(s.evidence.size(), 1u);
    const SentenceStance& e = s.evidence[0];
    EXPECT_EQ(e.rules, Strings{"model"});
    EXPECT_EQ(e.start, 0u);
    EXPECT_EQ(e.end, std::string_view(c.text).size());
    ASSERT_EQ(e.cues.size(), 1u);
    EXPECT_EQ(e.cues[0].text, "model: " + std::string(c.feature).substr(2));
    EXPECT_GT(e.score, 0.9);
  }
}

// On a text where no cue fires and that never names the subject (a Reddit
// question, a match report) the model was never trained: it does not vote.
TEST_F(StanceModelVoteTest, TheModelIsSilentOnTextsAboutNothingItKnows) {
  const Case kCases[] = {
      {"en", "The zorblax keeps humming along.", "w:zorblax"},
      {"zh", "佐布拉克公司照常运转。", "c:佐布拉"},
      {"zh", "佐布拉克公司照常運轉。", "c:佐布拉"},
      {"ja", "ゾルブラックスは順調に動いている。", "c:ゾルブ"},
  };
  const StanceExtractor with_model = SureOfZorblax(lexicons_);
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::string(c.lang) + " " + c.text);
    const Stance s = with_model.Analyze(c.text, Options(c.lang));
    EXPECT_EQ(s.label, StanceLabel::kNeutral);
    EXPECT_TRUE(s.evidence.empty());
    EXPECT_TRUE(s.model_unanchored);
    EXPECT_FALSE(rules_only_.Analyze(c.text, Options(c.lang)).model_unanchored);  // there is no model
  }
  // A cue that a veto sets aside (soap before bubble) does not anchor it.
  const Stance soap = with_model.Analyze("The zorblax soap makes a big bubble.", Options("en"));
  EXPECT_TRUE(soap.model_unanchored);
  EXPECT_EQ(soap.label, StanceLabel::kNeutral);
  // A cue word anchors it, even one a rule cancels: here the question makes "bubble" neutral.
  const Stance asked = with_model.Analyze("Is the zorblax a bubble?", Options("en"));
  EXPECT_FALSE(asked.model_unanchored);
  EXPECT_EQ(asked.label, StanceLabel::kRevolution);
}

// A model that finds a text neutral casts no vote, and quiets the cue words by
// its belief (a mention of "bubble" in talk about the debate).
TEST_F(StanceModelVoteTest, ANeutralModelQuietsTheCues) {
  StanceWeights w = Weights({{"w:unrelated", {0, 0, 1}}});
  w.bias = {0, 0, 5};  // p(neutral) = e^5 / (e^5 + 2), about 0.987
  w.vote = 4;
  const char* kTexts[][2] = {
      {"en", "The AI boom is a bubble."},
      {"zh", "当前的AI投资热潮是一个巨大的泡沫。"},
      {"ja", "AI投資はバブルだ。"},
  };
  for (const auto& [lang, text] : kTexts) {
    SCOPED_TRACE(text);
    ASSERT_EQ(rules_only_.Analyze(text, Options(lang)).label, StanceLabel::kBubble);
    w.quiet = 0;
    const Stance loud = StanceExtractor(lexicons_, StanceModel(w)).Analyze(text, Options(lang));
    EXPECT_EQ(loud.label, StanceLabel::kBubble);
    for (const SentenceStance& e : loud.evidence) EXPECT_TRUE(e.rules.empty() || e.rules[0] != "model");
    w.quiet = 1;
    const Stance quiet = StanceExtractor(lexicons_, StanceModel(w)).Analyze(text, Options(lang));
    EXPECT_EQ(quiet.label, StanceLabel::kNeutral);
    EXPECT_NEAR(quiet.bubble, loud.bubble * (1 - std::exp(5.0) / (std::exp(5.0) + 2)), 1e-9);
    EXPECT_NEAR(quiet.cue_scale, 1 - std::exp(5.0) / (std::exp(5.0) + 2), 1e-9);
    EXPECT_EQ(loud.cue_scale, 1.0);
    EXPECT_EQ(rules_only_.Analyze(text, Options(lang)).cue_scale, 1.0);
  }
}

// Against cue words, the vote counts like one more sentence of evidence.
TEST_F(StanceModelVoteTest, TheVoteAddsToTheCuesOfItsSide) {
  StanceWeights w = Weights({{"w:bubble", {30, -1, -1}}});
  w.vote = 0.5;
  const char* text = "The AI boom is a bubble.";
  const Stance rules = rules_only_.Analyze(text, Options("en"));
  const Stance both = StanceExtractor(lexicons_, StanceModel(w)).Analyze(text, Options("en"));
  const StanceModelScore m = StanceModel(w).Score("the ai boom is a bubble.", "en");
  EXPECT_NEAR(both.bubble, rules.bubble + std::tanh(0.5 * -m.Lean()), 1e-9);
  EXPECT_EQ(both.label, StanceLabel::kBubble);
  EXPECT_LT(both.score, rules.score);
}

TEST(ShippedStanceModelTest, ReadsCleanlyAndVotes) {
  const LexiconSet lexicons = LexiconSet::Embedded();
  const StanceModel model(lexicons);
  std::string all;
  for (const std::string& p : model.problems()) all += p + "\n";
  EXPECT_TRUE(model.problems().empty()) << all;
  EXPECT_FALSE(model.empty());
  EXPECT_GT(model.vote(), 0);
  EXPECT_FALSE(StanceExtractor(lexicons).model().empty());
}

}  // namespace
}  // namespace bw
