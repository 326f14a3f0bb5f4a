// LanguageDetector: which of bubblewatch's languages a text is written in,
// judged from its characters, not from what the page claims.
//
//   zh / Hans  Chinese in simplified characters
//   zh / Hant  Chinese in traditional characters
//   ja / Jpan  Japanese (Han with kana)
//   en / Latn  English
//   und / ""   anything else (other Latin languages, Cyrillic, Hangul, too little text)
//
// Han text is Japanese when kana make up a real share of its CJK letters (a
// Chinese page that quotes a Japanese name stays Chinese). Simplified versus
// traditional is decided by counting characters that exist in only one of the
// two scripts, from lexicons/zh_script.txt. The html lang attribute is used as
// a hint only where the characters cannot decide (e.g. Han text with no
// script-specific character at all).
//
//   bw::LanguageDetector detector(bw::LexiconSet::Embedded());
//   bw::LanguageGuess g = detector.Detect("这是一个测试", "en");  // {"zh", "Hans"}
#ifndef BUBBLEWATCH_EXTRACTORS_LANGUAGE_DETECTOR_H_
#define BUBBLEWATCH_EXTRACTORS_LANGUAGE_DETECTOR_H_

#include <string>
#include <string_view>
#include <unordered_set>

#include "extractors/lexicon.h"

namespace bw {

struct LanguageGuess {
  std::string lang = "und";  // "zh", "ja", "en" or "und"
  std::string script;        // "Hans", "Hant", "Jpan", "Latn" or "" for und
};

class LanguageDetector {
 public:
  // Reads the simplified-only and traditional-only characters of
  // lexicons/zh_script.txt from `lexicons`.
  explicit LanguageDetector(const LexiconSet& lexicons);

  // `utf8` is the text (invalid UTF-8 is tolerated); `lang_hint` the html lang
  // attribute or a source's configured language ("zh-TW", "ja", "" ...).
  // Reads at most the first 64 KiB of text: enough to decide, and bounded.
  LanguageGuess Detect(std::string_view utf8, std::string_view lang_hint) const;

 private:
  std::unordered_set<char32_t> simplified_only_;
  std::unordered_set<char32_t> traditional_only_;
  std::unordered_set<std::string> english_words_;  // from lexicons/en_common_words.txt
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_LANGUAGE_DETECTOR_H_
