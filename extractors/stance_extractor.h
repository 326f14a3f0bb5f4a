// StanceExtractor: judges, per sentence and per document, whether a text says
// the AI investment boom is a bubble (score < 0) or a lasting revolution
// (score > 0), and keeps the evidence: each sentence that moved the score,
// with the cues that fired and the rules that changed them.
//
// A sentence's score comes from the cue words of lexicons/stance/ and rules
// for what cue words alone get wrong: negation and its scope ("not a Ponzi",
// 并非泡沫, バブルではない, but not ではないか), "the question is not whether"
// frames, contrast (the clause after "but" decides), concessive clauses,
// balanced and rhetorical questions, reported views and their rebuttals,
// claims that are refuted ("the bubble argument falls apart"), names and
// epithets (「AI革命の旗手」), and contexts that cancel a cue (beer foam).
// A long text that rarely names AI, its chips, data centres or companies
// (StanceSubject) is about something else: it is neutral, `off_subject`.
// The document's score weighs the title and the author's conclusion above
// quoted opinions, and adds the vote of the StanceModel (stance_model.h) on
// the title and the start of the text, where a cue fired or the subject is
// named; what the model finds neutral quiets the cue words' evidence.
//
//   bw::StanceExtractor stance(bw::LexiconSet::Embedded());
//   bw::Stance s = stance.Analyze("这哪里是泡沫？订单已经排到2027年。", {.lang = "zh"});
//   // s.label == StanceLabel::kRevolution
#ifndef BUBBLEWATCH_EXTRACTORS_STANCE_EXTRACTOR_H_
#define BUBBLEWATCH_EXTRACTORS_STANCE_EXTRACTOR_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "extractors/lexicon.h"
#include "extractors/stance.h"
#include "extractors/stance_lexicon.h"
#include "extractors/stance_model.h"
#include "extractors/stance_subject.h"
#include "extractors/text_folder.h"
#include "extractors/text_segmenter.h"

namespace bw {

struct StanceOptions {
  std::string_view lang = "und";      // "en", "zh", "ja" or "und" (all lexicons)
  std::string_view kind = "article";  // "article" or "post"
  std::string_view title;             // weighs more than a sentence of the text
};

class StanceExtractor {
 public:
  // The cue lexicons and the StanceModel of `lexicons`.
  explicit StanceExtractor(const LexiconSet& lexicons);
  // The cue lexicons of `lexicons` with another model (an empty one: the rules alone).
  StanceExtractor(const LexiconSet& lexicons, StanceModel model);
  ~StanceExtractor();

  // REQUIRES: `text` and `options.title` are valid UTF-8. Paragraphs are
  // separated by '\n'. Safe to call from several threads.
  Stance Analyze(std::string_view text, const StanceOptions& options) const;

  const StanceLexicon& lexicon() const { return lexicon_; }
  const StanceModel& model() const { return model_; }

 private:
  struct Scored;
  struct Split;
  // Folds `text` (or the title) and cuts it into sentences and paragraphs.
  Split SplitSentences(std::string_view text, std::string_view lang) const;
  // How many sentences of `split` name the subject (StanceSubject), counting
  // no further than `limit`: the check only needs to know it is reached.
  size_t SubjectSentences(const Split& split, size_t limit) const;
  // Scores every sentence of `split`, the split of `text`; with `whole_post` a
  // veto's context may be anywhere in the text, not only in the cue's paragraph.
  std::vector<Scored> ScoreSentences(const Split& split, std::string_view text, std::string_view lang,
                                     bool in_title, bool whole_post) const;
  const TextSegmenter& SegmenterFor(std::string_view lang) const;
  // Adds the StanceModel's reading of the whole text and title to `stance`.
  void AddModelVote(std::string_view text, const StanceOptions& options, Stance& stance) const;

  StanceLexicon lexicon_;
  StanceSubject subject_;
  StanceModel model_;
  TextFolder folder_;
  std::map<std::string, std::unique_ptr<TextSegmenter>, std::less<>> segmenters_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_STANCE_EXTRACTOR_H_
