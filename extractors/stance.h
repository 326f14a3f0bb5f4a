// Stance: whether a text says the AI investment boom is a bubble or a lasting
// revolution, per sentence and per document, with the evidence (DESIGN.md).
#ifndef BUBBLEWATCH_EXTRACTORS_STANCE_H_
#define BUBBLEWATCH_EXTRACTORS_STANCE_H_

#include <string>
#include <string_view>
#include <vector>

namespace bw {

enum class StanceLabel { kBubble, kRevolution, kNeutral };

// "bubble", "revolution", "neutral".
std::string_view StanceLabelName(StanceLabel label);

// One lexicon phrase that fired in a sentence.
struct StanceCue {
  std::string text;    // as written in the sentence (not folded); for the StanceModel's
                       // vote, "model: " and the n-grams that pushed it hardest
  double weight = 0;   // the lexicon weight
  double effect = 0;   // what it added after the rules (negation, contrast, …)
  std::string why;     // the rules that changed it, for `analyze --explain`
};

// One sentence (or the title) that moved the document's stance.
struct SentenceStance {
  bool in_title = false;  // offsets are into the title, not the text
  size_t start = 0;       // UTF-8 byte offsets into the text (or title)
  size_t end = 0;
  double score = 0;       // in [-1, 1]; negative leans bubble
  double weight = 1;      // its weight in the document (title, conclusion, quotes)
  StanceLabel label = StanceLabel::kNeutral;
  std::vector<StanceCue> cues;
  std::vector<std::string> rules;  // sentence-level rules that fired ("balanced question", …)
};

struct Stance {
  StanceLabel label = StanceLabel::kNeutral;
  double score = 0;       // in [-1, 1]
  double bubble = 0;      // weighted bubble evidence
  double revolution = 0;  // weighted revolution evidence
  // What the StanceModel's belief that the text is neutral scaled the cue
  // sentences' evidence by (1 - quiet * p(neutral)); 1 without a model. It is
  // why `bubble` and `revolution` can be less than the weighted sentences.
  double cue_scale = 1;
  // A long text must name the subject (AI, its chips, data centres, the
  // companies of the boom; StanceSubject) in enough of its sentences. When it
  // does not, it is about something else: `off_subject`, neutral, score 0 and
  // no evidence, whatever its cue words say. The counts are of the title's and
  // the text's sentences, and 0 for short texts, which are not checked; on a
  // text found on the subject, counting stopped once enough were found.
  bool off_subject = false;
  // A short text where no cue word fired (or only ones a veto set aside: 啤酒泡沫)
  // and that never names the subject gives the StanceModel nothing to read: it
  // casts no vote there (true when there is a model and it was kept silent so).
  bool model_unanchored = false;
  size_t sentences = 0;
  size_t subject_sentences = 0;
  std::vector<SentenceStance> evidence;  // sentences where a cue fired: title first, then text order
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_STANCE_H_
