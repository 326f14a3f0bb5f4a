// TextFolder: folds text so that one lexicon entry matches every way of
// writing it, and remembers where each folded byte came from.
//
// Folding lower-cases ASCII, maps full-width ASCII (ＡＩ, ？) and curly quotes
// to plain ASCII, turns Unicode spaces into ' ', and — for Chinese — maps
// traditional characters to simplified ones (lexicons/zh_fold.txt), so that
// "這哪裡是泡沫" matches the entry "这哪里是泡沫".
//
//   bw::TextFolder folder(bw::LexiconSet::Embedded());
//   bw::FoldedText f = folder.Fold("ＡＩ泡沫？", /*chinese=*/true);
//   // f.text == "ai泡沫?"; f.origin[2] == 6 (the byte of 泡 in the input)
#ifndef BUBBLEWATCH_EXTRACTORS_TEXT_FOLDER_H_
#define BUBBLEWATCH_EXTRACTORS_TEXT_FOLDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractors/lexicon.h"

namespace bw {

struct FoldedText {
  std::string text;
  // origin[k] is the byte offset in the input of the character that folded
  // byte k belongs to; origin[text.size()] is the input's size.
  std::vector<uint32_t> origin;

  // The input offset where folded byte `k` begins (k may be text.size()).
  uint32_t Origin(size_t k) const { return origin[k]; }
};

class TextFolder {
 public:
  explicit TextFolder(const LexiconSet& lexicons);

  // REQUIRES: `text` is valid UTF-8.
  FoldedText Fold(std::string_view text, bool chinese) const;

  // Fold, with every web address, e-mail address and @handle blanked to
  // spaces (FindTextAddresses): the text as the stance readers read it. A
  // link's path ("…/ai-bubble-fears") or a handle ("@ponzi_watch") says
  // nothing its writer chose.
  FoldedText FoldProse(std::string_view text, bool chinese) const;

 private:
  std::unordered_map<uint32_t, std::string> chinese_;  // traditional code point -> simplified UTF-8
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_TEXT_FOLDER_H_
