// TextSegmenter: sentences and words of UTF-8 text by ICU's break rules, with
// byte offsets into the text.
//
// Sentences follow ICU's sentence rules for the language (English with the
// standard abbreviation list, so "U.S. officials" is one sentence) and also
// end at every line break: a block of extracted text never runs into the next.
// Text written without capitals, as posts are, also breaks at ". " before a
// lower-case word ("never showed up. guidance raised"), unless the word before
// the full stop is an abbreviation ("e.g.", "vs.").
// Words follow ICU's word rules, which segment Chinese and Japanese with a
// dictionary.
//
//   bw::TextSegmenter seg("en");
//   std::vector<bw::TextSpan> s = seg.Sentences("Not a bubble. Look at the orders!");
//   // s == {{0, 13}, {14, 33}}
//   bw::WordBreaks w = seg.Words("not a bubble");  // w.IsBoundary(3) is true
#ifndef BUBBLEWATCH_EXTRACTORS_TEXT_SEGMENTER_H_
#define BUBBLEWATCH_EXTRACTORS_TEXT_SEGMENTER_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace bw {

struct TextSpan {
  size_t start = 0;
  size_t end = 0;
  bool operator==(const TextSpan&) const = default;
};

struct WordBreaks {
  std::vector<uint8_t> boundary;       // boundary[i]: a word boundary at byte i (size = text + 1)
  std::vector<uint32_t> word_starts;   // starts of words (not spaces or punctuation), ascending

  bool IsBoundary(size_t i) const { return i < boundary.size() && boundary[i] != 0; }
  // How many words start at or before byte `i`.
  size_t WordIndex(size_t i) const;
};

class TextSegmenter {
 public:
  // `lang` is "en", "zh", "ja" or anything else (root rules).
  explicit TextSegmenter(std::string_view lang);
  ~TextSegmenter();
  TextSegmenter(const TextSegmenter&) = delete;
  TextSegmenter& operator=(const TextSegmenter&) = delete;

  // The sentences of `text`, trimmed of white space, none empty. Case
  // matters ("in 2026. How" breaks, "in 2026. how" does not): pass the text
  // as written. REQUIRES: `text` is valid UTF-8. Safe to call from several threads.
  std::vector<TextSpan> Sentences(std::string_view text) const;

  // The word boundaries of `text`. REQUIRES: valid UTF-8. Thread-safe.
  WordBreaks Words(std::string_view text) const;

 private:
  std::unique_ptr<icu::BreakIterator> sentence_;
  std::unique_ptr<icu::BreakIterator> word_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_TEXT_SEGMENTER_H_
