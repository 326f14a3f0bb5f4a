// StanceLexicon: the stance phrases and cue words of lexicons/stance/, one
// table per language, ready for the StanceExtractor.
//
// Each file (common.txt for every language; en.txt, zh.txt, ja.txt) holds
// lines of TAB-separated fields:  PHRASE  ROLE  [NUMBER]  [NUMBER or PHRASE]
// The roles and their numbers are described in lexicons/stance/README.md.
// Chinese phrases are written in simplified characters; traditional text is
// folded before matching (TextFolder). Latin phrases are lower case and match
// whole words; a trailing '*' matches any ending ("overvalu*").
//
//   bw::StanceLexicon lex(bw::LexiconSet::Embedded());
//   const bw::PhraseTable<bw::StanceTerm>& zh = lex.Table("zh");
#ifndef BUBBLEWATCH_EXTRACTORS_STANCE_LEXICON_H_
#define BUBBLEWATCH_EXTRACTORS_STANCE_LEXICON_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/lexicon.h"
#include "extractors/phrase_table.h"

namespace bw {

enum class StanceRole {
  kCue,                  // weight: negative = bubble, positive = revolution
  kMask,                 // matched and ignored ("bubble wrap", "not only")
  kNegator,              // negates cues that follow within N words (default 3)
  kPostNegator,          // negates cues before it within N words (Japanese ではない)
  kPostNegatorContrast,  // as kPostNegator, and what follows is the author's view (ではなく)
  kAffirm,               // a negation-looking phrase that asserts (ではないか, 难道不是); scales its clause
  kHedge,                // scales the cues of its clause (may, 可能, かもしれない)
  kIntensifier,          // scales the next cue within two words
  kShift,                // "the question is not whether": its clause is not negated by it
  kWhether,              // whether, 是否, かどうか: an open question; cues of its clause are set aside
  kContrast,             // but, 但是, しかし: what follows dominates
  kConcessive,           // although, 虽然: its clause is demoted
  kAlternative,          // or, 还是, それとも: a balanced either/or
  kRhetoricalNegator,    // 哪里是, 何が, "what bubble": flips the cues after it in the sentence
  kLoadedQuestion,       // "who is paying for", 谁来买单, 誰が払う: a question that answers itself; weight = its lean
  kIrony,                // /s, 🙃, （棒）, [狗头]: the sentence means the opposite of its bullish cues
  kAnswer,               // "No.", 不会。, いいえ。 answering the question before it: -1 no, +1 yes
  kRebut,                // come on, 你看看, 冗談: flips the view reported before it (1: not the words just before it)
  kAttribution,          // warns, 分析师, によれば: a reported view; weight is its own lean
  kTopic,                // a claim talked about ("bubble fears", 泡沫论); weight alone, claim sign
  kRefute,               // falls apart, 站不住脚, 的外れ: the topic's claim is wrong
  kConclusion,           // in short, 总之, 在我看来: the author's own conclusion
  kFinding,              // concluded, 得出结论, と結論: a conclusion, and reported, one the piece stands on
  kConclusionHeading,    // "Conclusion", 结语, まとめ as a heading: the section below is the author's
  kCounterHeading,       // "The bear case", 反证, 反論 as a heading: the section below is the other side
  kEpithet,              // dubbed, と呼ばれる, 之称: nearby cues are a name, not a view
  kDebate,               // debate over, 争论, を巡る: nearby cues are what is debated, not a view
  kBalance,              // both sides, 各执一词, 意見が分かれ: the sentence weighs both sides
};

struct StanceTerm {
  StanceRole role = StanceRole::kCue;
  double weight = 0;    // the first number (see the role)
  double second = 0;    // the second number: a topic's claim sign, a refuter's strength
  bool prefix = false;  // written with a trailing '*'
};

class StanceLexicon {
 public:
  explicit StanceLexicon(const LexiconSet& lexicons);

  // The table for "en", "zh" or "ja"; any other language gets all three.
  // Chinese and Japanese tables also hold the English phrases, which CJK
  // posts quote often.
  const PhraseTable<StanceTerm>& Table(std::string_view lang) const;

  // True when `sentence` (folded) holds a phrase that cancels the cue `cue`
  // (beer foam: 啤酒 cancels 泡沫).
  bool Vetoed(std::string_view cue, std::string_view sentence) const;

  // Lines that could not be read ("stance/en.txt: 'bubble	cu': unknown role"),
  // for `analyze --explain`.
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  void Load(const LexiconSet& lexicons, std::string_view file, PhraseTable<StanceTerm>& table);

  PhraseTable<StanceTerm> en_, zh_, ja_, any_;
  std::map<std::string, std::vector<std::string>, std::less<>> vetoes_;  // cue -> contexts
  std::vector<std::string> problems_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_STANCE_LEXICON_H_
