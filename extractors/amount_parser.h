// AmountParser: the numbers of news text, without their units — ASCII digits
// with thousands separators and decimals, CJK numerals ("二百五十六點八"), CJK
// magnitudes between them ("1億6000万", "1万8,000", "一万億"), and English
// number words ("three quarters billion", "forty-five"). The numerals and words
// are data: lexicons/figures/numerals.txt and en_number_words.txt.
//
//   bw::AmountParser amounts(bw::LexiconSet::Embedded());
//   bool trillion = false;
//   amounts.Parse("1億6000万", &trillion);  // 1.6e8
#ifndef BUBBLEWATCH_EXTRACTORS_AMOUNT_PARSER_H_
#define BUBBLEWATCH_EXTRACTORS_AMOUNT_PARSER_H_

#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extractors/lexicon.h"
#include "extractors/word_table.h"

namespace bw {

class AmountParser {
 public:
  explicit AmountParser(const LexiconSet& lexicons);

  // The value of the amount `s`, or nullopt when it is not finite or absurd.
  // Sets *used_cjk_trillion when 兆 served as a magnitude.
  std::optional<double> Parse(std::string_view s, bool* used_cjk_trillion) const;

  // Reads English number words at `i` of `t` ("thirteen", "forty-five",
  // "three quarters billion"); returns their end, or `i` when there are none.
  // *article_only: the words were just "a"/"an".
  size_t ReadNumberWords(std::string_view t, size_t i, double* value, bool* article_only) const;

  // What a CJK character is to a number (`ch` is one UTF-8 character).
  bool IsDigit(std::string_view ch) const { return digits_.count(std::string(ch)) > 0; }
  bool IsSmall(std::string_view ch) const { return small_.count(std::string(ch)) > 0; }
  bool IsBig(std::string_view ch) const { return big_.count(std::string(ch)) > 0; }
  bool IsPoint(std::string_view ch) const { return points_.count(std::string(ch)) > 0; }

  // The numerals a CJK number can start with (digits and 十百千).
  std::vector<std::string> LeadingNumerals() const;

  // False when a word starting with `first` and `length` letters cannot be a number word.
  bool MayStartNumberWord(char first, size_t length) const {
    return length <= max_number_word_ && number_word_starts_[static_cast<unsigned char>(first | 0x20)];
  }

 private:
  std::unordered_map<std::string, double> digits_, small_, big_;
  std::unordered_set<std::string> points_;
  WordTable<std::pair<double, std::string>> number_words_{true};  // value, type
  std::bitset<256> number_word_starts_;  // lower-cased first letters
  size_t max_number_word_ = 0;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_AMOUNT_PARSER_H_
