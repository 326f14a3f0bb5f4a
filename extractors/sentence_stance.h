// ScoreSentenceStance: the stance of one sentence, by the cue words of a
// stance table and the rules that correct them (see StanceExtractor). Part of
// the StanceExtractor; separate so each rule can be read in one place.
#ifndef BUBBLEWATCH_EXTRACTORS_SENTENCE_STANCE_H_
#define BUBBLEWATCH_EXTRACTORS_SENTENCE_STANCE_H_

#include <string_view>

#include "extractors/stance.h"
#include "extractors/stance_lexicon.h"
#include "extractors/text_folder.h"
#include "extractors/text_segmenter.h"

namespace bw {

// What the document-level rules need to know about a sentence.
struct SentenceStanceResult {
  SentenceStance stance;          // offsets into the original (unfolded) text
  bool attributed = false;        // reports someone else's view
  bool conclusion = false;        // marked as the author's conclusion
  bool finding = false;           // "the study concluded": a conclusion even when reported
  bool names_conclusion = false;  // "Conclusion", まとめ: a conclusion if it is a heading
  bool names_counter = false;     // "The bear case", 反证: the other side if it is a heading
  bool rebuts_previous = false;   // "That's nonsense." with nothing of its own to rebut
  bool opens_with_contrast = false;  // "But …": the sentence before it is demoted
  bool soft_contrast = false;     // its contrasts are all soft (实际上): they never turn what came before
  bool question = false;
  double question_factor = 1;     // what an open or balanced question scaled the cues by
  int answer = 0;                 // the sentence is only "No." (-1) or "Yes." (+1)
  bool opens_with_alternative = false;  // "Or a revolution?" answers the question before it
  // A cue fired that no veto set aside (啤酒 before 泡沫): a rule may still cancel it, but the
  // sentence speaks of the boom's words, so the StanceModel may read the text.
  bool live_cue = false;
};

struct SentenceContext {
  const StanceLexicon& lexicon;
  const PhraseTable<StanceTerm>& table;
  std::string_view lang;
  std::string_view original;  // the text before folding
  const FoldedText& folded;
  // Segments folded.text into words, a sentence at a time and only where a
  // cue needs it: dictionary segmentation of Chinese and Japanese costs more
  // than the rest of the rules, and most sentences of a page hold no cue.
  const TextSegmenter& segmenter;
};

// `span` is a sentence of context.folded.text, and `paragraph` the paragraph
// that holds it: a veto's context word may be anywhere in it ("My gaming laptop
// hits 95°C. Is it just overheating?").
SentenceStanceResult ScoreSentenceStance(const SentenceContext& context, TextSpan span, TextSpan paragraph);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_SENTENCE_STANCE_H_
