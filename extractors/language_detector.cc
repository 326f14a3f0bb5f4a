#include "extractors/language_detector.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>

#include "extractors/text_addresses.h"

namespace bw {
namespace {

constexpr size_t kMaxBytes = 64 * 1024;
// Fewer letters than this cannot outvote the page's own lang attribute for Latin text.
constexpr int kMinLetters = 20;
// Japanese prose is 30-70% kana and even terse headlines ("首相、衆院解散を表明") about 10%;
// a Chinese page quoting a Japanese name has a few percent at most.
constexpr double kMinKanaShare = 0.10;
// Below this many Han characters a kanji-only Japanese headline looks just like Chinese, so a
// "ja" hint is believed.
constexpr int kShortHanText = 50;
// English prose is 40-50% function words; German, French, Spanish, Portuguese stay under 10%
// against lexicons/en_common_words.txt; short English headlines reach 15-30%.
constexpr double kMinEnglishShare = 0.15;
constexpr int kMaxWordsChecked = 2000;
// Han/kana characters per Latin word above which non-English Latin words are taken for names
// inside CJK text.
constexpr double kMinCjkPerLatinWord = 0.25;
constexpr size_t kMaxWordLength = 32;  // longer words cannot be in the word list

constexpr char kScriptFile[] = "zh_script.txt";
constexpr char kEnglishFile[] = "en_common_words.txt";

// The letters of the text, tallied by what can tell the languages apart.
struct Counts {
  int han = 0, kana = 0, hangul = 0;
  int latin_letters = 0, latin_words = 0, other_letters = 0, other_words = 0;
  int simplified = 0, traditional = 0;  // script-specific Han characters
  int words_checked = 0, english_words = 0;

  int Letters() const { return han + kana + hangul + latin_letters + other_letters; }
};

enum class Hint { kNone, kZhHans, kZhHant, kJa, kEn };

// Maps an html lang value ("zh-TW", "zh_Hant_HK", "ja-JP", "en") to what it claims.
Hint ParseHint(std::string_view hint) {
  std::string h;
  for (char c : hint.substr(0, 32)) {
    h += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::string_view tag = h;
  std::string_view primary = tag.substr(0, tag.find('-'));
  if (primary == "ja") return Hint::kJa;
  if (primary == "en") return Hint::kEn;
  if (primary != "zh") return Hint::kNone;
  bool traditional_region = false;
  for (size_t dash = tag.find('-'); dash != std::string_view::npos;) {
    size_t next = tag.find('-', dash + 1);
    std::string_view subtag = tag.substr(dash + 1, next == tag.npos ? tag.npos : next - dash - 1);
    if (subtag == "hans") return Hint::kZhHans;  // an explicit script beats the region
    if (subtag == "hant") return Hint::kZhHant;
    if (subtag == "tw" || subtag == "hk" || subtag == "mo") traditional_region = true;
    dash = next;
  }
  return traditional_region ? Hint::kZhHant : Hint::kZhHans;  // plain "zh" is mainland usage
}

LanguageGuess Guess(std::string lang, std::string script) {
  return {std::move(lang), std::move(script)};
}

LanguageGuess FromHint(Hint hint) {
  switch (hint) {
    case Hint::kZhHans: return Guess("zh", "Hans");
    case Hint::kZhHant: return Guess("zh", "Hant");
    case Hint::kJa: return Guess("ja", "Jpan");
    case Hint::kEn: return Guess("en", "Latn");
    case Hint::kNone: break;
  }
  return {};
}

// Han text: Japanese when kana are a real share of it, else Chinese in whichever script has more
// script-specific characters (the hint, then simplified, breaks a tie).
LanguageGuess CjkGuess(const Counts& c, Hint hint) {
  double kana_share = static_cast<double>(c.kana) / (c.han + c.kana);
  if (kana_share >= kMinKanaShare) return Guess("ja", "Jpan");
  if (hint == Hint::kJa && c.han < kShortHanText) return Guess("ja", "Jpan");
  if (c.simplified != c.traditional) {
    return Guess("zh", c.simplified > c.traditional ? "Hans" : "Hant");
  }
  return Guess("zh", hint == Hint::kZhHant ? "Hant" : "Hans");
}

// Latin text: English when function words are a real share of its words. Other Latin words
// beside a real amount of Han are names and terms inside CJK text ("OpenAI、NVIDIA、AMD 和
// Oracle 的 AI 泡沫"). Too short a text to judge takes the page's word for it.
LanguageGuess LatinGuess(const Counts& c, Hint hint) {
  if (c.Letters() < kMinLetters && hint != Hint::kNone) return FromHint(hint);
  double english_share = static_cast<double>(c.english_words) / std::max(c.words_checked, 1);
  if (english_share >= kMinEnglishShare) return Guess("en", "Latn");
  int cjk = c.han + c.kana;
  if (cjk > 0 && cjk >= c.latin_words * kMinCjkPerLatinWord) return CjkGuess(c, hint);
  return {};
}

}  // namespace

LanguageDetector::LanguageDetector(const LexiconSet& lexicons) {
  auto single_code_point = [](const std::string& s) -> char32_t {
    int32_t i = 0, n = static_cast<int32_t>(s.size());
    UChar32 c = U_SENTINEL;
    U8_NEXT(s.data(), i, n, c);
    return (c >= 0 && i == n) ? static_cast<char32_t>(c) : 0;
  };
  for (const LexiconEntry& e : lexicons.Entries(kScriptFile)) {
    if (e.size() < 2) continue;
    char32_t simplified = single_code_point(e[0]), traditional = single_code_point(e[1]);
    if (simplified == 0 || traditional == 0) continue;
    simplified_only_.insert(simplified);
    traditional_only_.insert(traditional);
  }
  for (std::string& w : lexicons.Terms(kEnglishFile)) english_words_.insert(std::move(w));
}

LanguageGuess LanguageDetector::Detect(std::string_view utf8, std::string_view lang_hint) const {
  // Cut at 64 KiB, backing up to the start of a code point.
  size_t limit = std::min(utf8.size(), kMaxBytes);
  while (limit < utf8.size() && limit > 0 && (static_cast<uint8_t>(utf8[limit]) & 0xC0) == 0x80) {
    --limit;
  }

  Counts c;
  UScriptCode word_script = USCRIPT_INVALID_CODE;  // script of the word being read, if any
  std::string word;                                // the Latin word being read, lower-cased ASCII
  bool word_listed = true;                         // false once it cannot be in the word list
  auto end_word = [&] {
    if (word_script == USCRIPT_LATIN) {
      ++c.latin_words;
      if (c.words_checked < kMaxWordsChecked) {
        ++c.words_checked;
        if (word_listed && english_words_.contains(word)) ++c.english_words;
      }
    } else if (word_script != USCRIPT_INVALID_CODE) {
      ++c.other_words;
    }
    word_script = USCRIPT_INVALID_CODE;
    word.clear();
    word_listed = true;
  };

  const char* s = utf8.data();
  int32_t i = 0, n = static_cast<int32_t>(limit);
  // A link's path and a handle are no prose: "Good read https://ft.com/content/ai-bubble-fears"
  // is English by its first four words.
  const std::vector<TextSpan> addresses = FindTextAddresses(utf8.substr(0, limit));
  auto next_address = addresses.begin();
  while (i < n) {
    while (next_address != addresses.end() && next_address->start < static_cast<size_t>(i)) ++next_address;
    if (next_address != addresses.end() && next_address->start == static_cast<size_t>(i)) {
      end_word();
      i = static_cast<int32_t>(next_address->end);
      ++next_address;
      continue;
    }
    UChar32 ch;
    U8_NEXT(s, i, n, ch);  // invalid bytes come back negative
    if (ch < 0) {
      end_word();
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(ch, &status);
    if (U_FAILURE(status) || script == USCRIPT_INHERITED) continue;  // a mark goes with its letter
    if (!u_isUAlphabetic(ch)) script = USCRIPT_COMMON;
    switch (script) {
      case USCRIPT_HAN:
        end_word();
        ++c.han;
        if (simplified_only_.contains(static_cast<char32_t>(ch))) ++c.simplified;
        if (traditional_only_.contains(static_cast<char32_t>(ch))) ++c.traditional;
        break;
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA:  // the long-vowel mark ー is Common script: it comes with kana anyway
        end_word();
        ++c.kana;
        break;
      case USCRIPT_HANGUL:  // a syllable block weighs like a Han character
        end_word();
        ++c.hangul;
        break;
      case USCRIPT_COMMON:  // digits, punctuation, spaces, symbols
      case USCRIPT_UNKNOWN:
        end_word();
        break;
      default:  // an alphabet: letters add up to words
        if (script != word_script) end_word();
        word_script = script;
        if (script == USCRIPT_LATIN) {
          ++c.latin_letters;
          if (ch < 0x80 && word.size() < kMaxWordLength) {
            word += static_cast<char>(u_tolower(ch));
          } else {
            word_listed = false;  // the word list is short ASCII words
          }
        } else {
          ++c.other_letters;
        }
        break;
    }
  }
  end_word();

  Hint hint = ParseHint(lang_hint);
  if (c.Letters() == 0) return FromHint(hint);
  // Each Han or kana character weighs as much as a whole Latin word, so a Chinese article full of
  // brand names (OpenAI, NVIDIA, GPU) stays Chinese.
  int cjk = c.han + c.kana;
  int top = std::max({cjk, c.latin_words, c.hangul, c.other_words});
  if (cjk == top) return CjkGuess(c, hint);
  if (c.latin_words == top) return LatinGuess(c, hint);
  return {};  // Hangul, Cyrillic, Greek, Arabic, Thai ...
}

}  // namespace bw
