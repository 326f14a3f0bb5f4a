// StanceModel: a learned estimate of a text's stance, beside the cue words of
// the stance lexicons. It is a multinomial logistic regression over the
// words and word pairs of English and the character 1- to 3-grams of Chinese
// and Japanese, trained on the labelled sets of tests/data/stance/ by
// tools/stance_train and shipped as data (lexicons/stance/model.txt), so a new
// model needs no C++ change.
//
// Why both: a lexicon only knows the phrases someone wrote into it, and on
// text by new writers most sentences carry none ("the capex has to earn its
// keep", 烧钱换增长). The model hears that vocabulary. StanceExtractor adds its
// reading of a document (title and lede) as one more piece of evidence beside
// the sentences the rules scored, so the rules still show what they found
// (negation scope, questions, rebuttals) and decide long texts.
//
//   bw::StanceModel model(bw::LexiconSet::Embedded());
//   bw::StanceModelScore s = model.Score("vendor financing with extra steps", "en");
//   // s.p[StanceModel::kBubble] > s.p[StanceModel::kRevolution]
//
// Input text must be folded first (TextFolder): the features are read from
// lower-cased, full-width-free, simplified text, as the model was trained.
#ifndef BUBBLEWATCH_EXTRACTORS_STANCE_MODEL_H_
#define BUBBLEWATCH_EXTRACTORS_STANCE_MODEL_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractors/hash_slots.h"
#include "extractors/lexicon.h"

namespace bw {

// The weights of a model: per feature one weight for each class.
struct StanceWeights {
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::array<double, 3> bias{};
  std::unordered_map<std::string, std::array<float, 3>, Hash, std::equal_to<>> features;
  // How much the model's vote counts in a sentence, against a lexicon cue of weight 1.
  double vote = 1.0;
  // How far the model's belief that a text is neutral quiets what the lexicon's
  // cues found in it: their weight is scaled by 1 - quiet * p(neutral).
  double quiet = 0.0;
};

struct StanceModelScore {
  std::array<double, 3> p{0, 0, 1};  // probabilities, indexed by StanceModel::kBubble, …
  // The features that pushed hardest toward the more likely of bubble and
  // revolution, strongest first (at most three), for `analyze --explain`.
  std::vector<std::string> reasons;

  // p[revolution] - p[bubble], in [-1, 1]: the model's lean.
  double Lean() const;
};

class StanceModel {
 public:
  // Class indexes, in StanceLabel's order.
  static constexpr int kBubble = 0;
  static constexpr int kRevolution = 1;
  static constexpr int kNeutral = 2;

  // The model of "stance/model.txt" in `lexicons`; empty when there is none
  // or it does not parse (a broken file must not stop analysis: the rules
  // still work alone).
  explicit StanceModel(const LexiconSet& lexicons);
  explicit StanceModel(StanceWeights weights);

  bool empty() const { return features_.empty(); }
  double vote() const { return vote_; }
  double quiet() const { return quiet_; }
  // Lines of the model file that were skipped, each with why.
  const std::vector<std::string>& problems() const { return problems_; }

  // REQUIRES: `folded` is folded, valid UTF-8. `lang` picks the features
  // ("en": words; "zh", "ja": characters; otherwise by the text's script).
  StanceModelScore Score(std::string_view folded, std::string_view lang) const;

  // The features of `folded`, each once, as the model and its trainer read them:
  // "w:word" and "b:word word" for English, "c:" + 1 to 3 characters for
  // Chinese and Japanese (white space dropped).
  static std::vector<std::string> Features(std::string_view folded, std::string_view lang);

  // The model file's text for `weights` (the format lexicons/stance/README.md
  // describes). Weights are written with 4 significant digits.
  static std::string Serialize(const StanceWeights& weights);

 private:
  struct Feature {
    std::array<float, 3> w;
    std::string name;  // for the reasons
  };

  void Load(StanceWeights weights);

  double vote_ = 1.0;
  double quiet_ = 0.0;
  std::array<double, 3> bias_{};
  std::vector<Feature> features_;
  HashSlots index_;  // the hash of a feature's name -> its place in features_
  std::vector<std::string> problems_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_STANCE_MODEL_H_
