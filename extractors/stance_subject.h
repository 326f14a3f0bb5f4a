// StanceSubject: whether a piece of text names the subject of the stance
// proposition: AI, the chips and data centres it runs on, and the companies
// whose deals the debate is about (lexicons/stance/subject.txt).
//
// The cue words of the stance lexicons are everyday words ("concerns",
// "crash", "to the moon", "WeWork"): in a football report or a laptop review
// they fire as readily as in an article on the AI boom. The StanceExtractor
// asks this class which sentences of a long text name the subject, and judges
// a text that rarely does to be about something else.
//
//   bw::StanceSubject subject(bw::LexiconSet::Embedded());
//   subject.Mentions("openai buys nvidia gpus");     // true
//   subject.Mentions("chips and salsa on game day");  // false
#ifndef BUBBLEWATCH_EXTRACTORS_STANCE_SUBJECT_H_
#define BUBBLEWATCH_EXTRACTORS_STANCE_SUBJECT_H_

#include <string_view>

#include "extractors/lexicon.h"
#include "extractors/phrase_table.h"

namespace bw {

class StanceSubject {
 public:
  explicit StanceSubject(const LexiconSet& lexicons);

  // True when `folded` (text folded by TextFolder: lower case, simplified
  // Chinese) holds a subject phrase. Latin phrases match whole words: "ai"
  // is not found in "said", but is in "AI的" and "#AI".
  bool Mentions(std::string_view folded) const;

  size_t size() const { return table_.size(); }

 private:
  struct Phrase {
    bool prefix = false;  // written with a trailing '*': any ending matches
  };
  PhraseTable<Phrase> table_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_STANCE_SUBJECT_H_
