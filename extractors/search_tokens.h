// Search tokens: how text is cut into the terms of the full-text index, so
// that one index serves English and other alphabetic scripts as well as
// Chinese, Japanese and Korean, which are written without spaces.
//
//   std::vector<bw::SearchToken> t = bw::SearchTokens("ＧＰＵ算力, 1.5 GW");
//   // "gpu" [0,9), "算力" [9,15), "1.5" [17,20), "gw" [21,23)
//
//   bw::SearchTokenStream s(text);  // the same tokens, one at a time, without
//   while (s.Next()) Use(s.text(), s.start(), s.end());  // allocating per token
//
// The rules:
// - A run of letters, combining marks and digits of an alphabetic script
//   (Latin, Cyrillic, Greek, Arabic, ...) is one token, width-folded (full-width
//   ＯｐｅｎＡＩ and ５ become openai and 5) and case-folded by ICU's full case
//   folding (Straße and STRASSE both become strasse). Digits stay in the run:
//   "GPT5" is "gpt5", "10GW" is "10gw", so the query "10 GW" does not find "10GW".
// - A full stop between two digits stays in the token: "1.5" is one token, so
//   the query "1.5" does not find "1" or "5" alone, nor "1,5" or "1-5", and the
//   query "5" does not find "1.5". Any other punctuation separates tokens:
//   "1,000" is "1" and "000" (still found by the quoted query "1,000", a
//   phrase), "Nvidia's" is "nvidia" and "s", "AI-driven" is "ai" and "driven".
// - A run of Han, Hiragana, Katakana (with the prolonged sound mark ー and the
//   iteration marks 々 ゝ ヽ) and Hangul becomes overlapping bigrams:
//   数据中心 is 数据, 据中, 中心. A run of one such character is that character.
//   Half-width katakana are folded to full-width (ﾃﾞｰﾀ is データ), and a
//   voiced sound mark written apart is joined to its kana. Nothing else is
//   folded: traditional 數據 is not simplified 数据, and hiragana is not katakana.
//   A query finds a CJK word of two or more characters wherever it occurs,
//   since its bigrams occur in the same order in the text.
// - A change of script ends a token: "GPU算力" is "gpu" and "算力".
// - White space, punctuation, symbols and emoji separate tokens. Default
//   ignorable characters (soft hyphen, zero-width joiner, variation
//   selectors) are skipped without separating, but a zero-width space separates.
// - Invalid UTF-8 bytes separate tokens like punctuation.
// Offsets always point at the input bytes, folded or not (ＧＰＵ is 9 bytes).
//
// Limits: text is not normalised to NFC, so a letter written with a separate
// combining accent does not find the same letter written as one code point;
// accents are kept (café does not find cafe); Thai, Lao, Khmer and Burmese,
// written without spaces, become one token per phrase. Case folding follows
// the ICU version, so an index should be rebuilt when ICU's Unicode version
// changes.
//
// Single CJK characters: a bigram index cannot find 泡 inside 泡沫. With
// `run_end_unigrams`, the stream adds after the last bigram of each run the
// run's last character alone, flagged colocated() (the full-text index puts it
// at the same position as that bigram, so phrases are unchanged). Then every
// occurrence of a character starts a bigram, ends a run or is a run by itself,
// and the prefix query 泡* finds all of them. The plain query 泡 finds only a
// 泡 that stands alone or ends a run, so a search for one CJK character should
// be a prefix query.
#ifndef BUBBLEWATCH_EXTRACTORS_SEARCH_TOKENS_H_
#define BUBBLEWATCH_EXTRACTORS_SEARCH_TOKENS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bw {

struct SearchToken {
  std::string text;  // folded
  size_t start = 0;  // byte offsets into the input: [start, end)
  size_t end = 0;
  bool operator==(const SearchToken&) const = default;
};

// The tokens of `text` in order (without run-end unigrams).
std::vector<SearchToken> SearchTokens(std::string_view text);

// The tokens of a text one at a time. The text must outlive the stream.
class SearchTokenStream {
 public:
  explicit SearchTokenStream(std::string_view text, bool run_end_unigrams = false)
      : in_(text), run_end_unigrams_(run_end_unigrams) {}
  SearchTokenStream(const SearchTokenStream&) = delete;
  SearchTokenStream& operator=(const SearchTokenStream&) = delete;

  // Moves to the next token; false when there is none left.
  bool Next();

  // The current token's folded text, valid until the next call to Next().
  std::string_view text() const { return *text_; }
  size_t start() const { return start_; }
  size_t end() const { return end_; }
  // True for a run-end unigram (see above), which shares its position with
  // the token before it.
  bool colocated() const { return colocated_; }

 private:
  // One input character, folded: code point and input bytes [start, end).
  struct Char {
    char32_t c = 0;
    size_t start = 0, end = 0;
  };

  void ReadWord(const Char& first);
  void SetCjk(const Char& a, const Char* b);

  std::string_view in_;
  bool run_end_unigrams_;
  size_t pos_ = 0;  // the next input byte to read

  bool in_cjk_ = false;  // inside a CJK run; its last character is last_cjk_
  size_t run_chars_ = 0;
  Char last_cjk_;

  std::string buf_, folded_;  // reused for every token
  const std::string* text_ = &buf_;
  size_t start_ = 0, end_ = 0;
  bool colocated_ = false;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_SEARCH_TOKENS_H_
