// FigureExtractor: finds every figure in a text — gigawatts, energy, money,
// shares, percentages — in English, Chinese (simplified and traditional) and
// Japanese, with qualifiers ("up to", 约, 以上), ranges ("4.5-5.5 吉瓦"), and
// the company or project each belongs to.
//
// The text is scanned once with RE2 patterns built from the word lists in
// lexicons/figures/ (units, currencies, scale words, CJK numerals, qualifiers)
// and lexicons/entities.txt, over a copy in which full-width ASCII is folded
// to ASCII; spans and offsets refer to the original text. A number needs a
// unit, a currency or a scale word to be a figure: "S&P 500", dates, counts
// and bare units ("每GW", "GW级") give none.
//
//   bw::FigureExtractor extractor(bw::LexiconSet::Embedded());
//   std::vector<bw::Figure> figures = extractor.Extract("英伟达将投资最多1000亿美元");
//   // one money figure: 1e11 USD, qualifier up_to, entity NVIDIA
#ifndef BUBBLEWATCH_EXTRACTORS_FIGURE_EXTRACTOR_H_
#define BUBBLEWATCH_EXTRACTORS_FIGURE_EXTRACTOR_H_

#include <re2/re2.h>

#include <bitset>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extractors/amount_parser.h"
#include "extractors/figure.h"
#include "extractors/lexicon.h"
#include "extractors/word_table.h"

namespace bw {

class FigureExtractor {
 public:
  explicit FigureExtractor(const LexiconSet& lexicons);
  ~FigureExtractor();

  // Every figure of `text` (valid or not UTF-8), in text order. With
  // `entities`, also the entities the text mentions (as Entities does) from the
  // same scan.
  std::vector<Figure> Extract(std::string_view text,
                              std::vector<std::string>* entities = nullptr) const;

  // The canonical names of the entities `text` mentions, in order of first mention.
  std::vector<std::string> Entities(std::string_view text) const;

 private:
  struct Unit {
    std::string kind;
    double factor;
  };
  struct Currency {
    std::string code;
    bool prefix, suffix;
    double factor;  // 0.01 for cents
    bool loose;     // also a measure word: money only at the end of a phrase
  };
  struct Qualifier {
    std::string value;
    bool before;
  };

  // The key of the longest prefix currency ending at `pos` of `t` ("US$", "新台幣");
  // "" when none, or when it is the suffix of a number before it ("4人民币5美元").
  std::string PrefixCurrencyBefore(std::string_view t, size_t pos) const;
  // True when what follows `i` ends a phrase (for loose currency words: 块).
  bool PhraseEndsAt(std::string_view t, size_t i) const;
  // The scale word ("billion", "bn") at `i` of `t`, or "".
  std::string ScaleAt(std::string_view t, size_t i) const;
  const std::pair<double, bool>* ScaleOf(std::string_view word) const;
  struct Mention {
    size_t start, end;
    const std::string* name;  // canonical
  };
  // Every entity mention of `text`, in order (one RE2 pass).
  std::vector<Mention> Mentions(std::string_view text) const;
  // The entity mentioned nearest to [start, end) in its sentence, before it preferred.
  std::string EntityNear(std::string_view text, const std::vector<Mention>& mentions,
                         size_t start, size_t end) const;
  std::string QualifierAround(std::string_view text, size_t start, size_t end) const;

  AmountParser amounts_;
  WordTable<Unit> units_{false};
  WordTable<Currency> currencies_{true};
  WordTable<std::pair<double, bool>> scales_{false};       // multiplier, money only
  WordTable<std::pair<double, bool>> scale_words_{true};   // the same, any case, 3+ letters
  std::vector<std::pair<std::string, Qualifier>> qualifiers_;        // longest first
  WordTable<double> minor_units_{false};                              // 角 0.1, cents 0.01
  std::vector<std::string> connectors_;                              // "and", 又, と, 零
  std::vector<std::string> phrase_ends_, range_separators_, between_words_, percent_prefixes_,
      vague_words_;
  std::map<std::string, std::string> entity_aliases_;               // alias -> canonical
  std::bitset<65536> numeral_pairs_;  // first two bytes of CJK numerals and percent words
  std::unique_ptr<RE2> entity_re_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_FIGURE_EXTRACTOR_H_
