#include "extractors/figure_extractor.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "extractors/text_util.h"

namespace bw {
namespace {

constexpr double kMaxValue = 1e100;      // beyond this a "number" is a digit string, not a figure
constexpr size_t kQualifierWindow = 16;  // bytes searched before a figure for a qualifier

// The text with full-width ASCII folded to ASCII and U+3000 to a space, and
// for every byte of it the offset of the byte it came from.
struct FoldedText {
  std::string text;
  std::vector<uint32_t> origin;  // origin[i] for text[i]; origin[size] = original size
};

FoldedText Fold(std::string_view s) {
  FoldedText f;
  f.text.resize(s.size());
  f.origin.resize(s.size() + 1);
  size_t out = 0;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII: copied as it is
      f.text[out] = s[i];
      f.origin[out++] = static_cast<uint32_t>(i++);
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    char folded = 0;
    if (c >= 0xFF01 && c <= 0xFF5E && c != 0xFF0C) {  // "，" stays CJK punctuation
      folded = static_cast<char>(c - 0xFF01 + 0x21);
    } else if (c == 0x3000) {
      folded = ' ';
    } else if (c < 0) {
      folded = '?';  // invalid byte: never part of a figure
    }
    if (folded) {
      f.text[out] = folded;
      f.origin[out++] = static_cast<uint32_t>(start);
    } else {
      for (int32_t k = start; k < i; ++k) {
        f.text[out] = s[k];
        f.origin[out++] = static_cast<uint32_t>(start);
      }
    }
  }
  f.text.resize(out);
  f.origin.resize(out + 1);
  f.origin[out] = static_cast<uint32_t>(s.size());
  return f;
}



size_t SkipSpace(std::string_view t, size_t i) {
  return i < t.size() && t[i] == ' ' ? i + 1 : i;
}

}  // namespace

FigureExtractor::~FigureExtractor() = default;

FigureExtractor::FigureExtractor(const LexiconSet& lex) : amounts_(lex) {
  for (const LexiconEntry& e : lex.Entries("figures/units.txt")) {
    if (e.size() >= 3) units_.Add(e[0], {e[1], std::strtod(e[2].c_str(), nullptr)});
  }
  for (const LexiconEntry& e : lex.Entries("figures/currencies.txt")) {
    if (e.size() >= 3) {
      double factor = e.size() >= 4 ? std::strtod(e[3].c_str(), nullptr) : 1.0;
      bool loose = e[2] == "loose";
      currencies_.Add(e[0], {e[1], e[2] == "prefix" || e[2] == "both",
                             e[2] == "suffix" || e[2] == "both" || loose, factor, loose});
    }
  }
  for (const LexiconEntry& e : lex.Entries("figures/scales.txt")) {
    if (e.size() < 3) continue;
    std::pair<double, bool> v{std::strtod(e[1].c_str(), nullptr), e[2] == "money"};
    scales_.Add(e[0], v);
    if (e[0].size() > 2) scale_words_.Add(e[0], v);
  }
  for (const LexiconEntry& e : lex.Entries("figures/minor_units.txt")) {
    if (e.size() >= 2) minor_units_.Add(e[0], std::strtod(e[1].c_str(), nullptr));
  }
  connectors_ = lex.Terms("figures/connectors.txt");
  auto mark = [&](const std::string& w) {
    if (w.size() >= 2) numeral_pairs_[static_cast<unsigned char>(w[0]) << 8 | static_cast<unsigned char>(w[1])] = true;
  };
  for (const std::string& w : amounts_.LeadingNumerals()) mark(w);
  phrase_ends_ = lex.Terms("figures/phrase_ends.txt");
  range_separators_ = lex.Terms("figures/range_separators.txt");
  between_words_ = lex.Terms("figures/between.txt");
  percent_prefixes_ = lex.Terms("figures/percent_prefixes.txt");
  for (const std::string& w : percent_prefixes_) mark(w);
  vague_words_ = lex.Terms("figures/vague.txt");
  for (const LexiconEntry& e : lex.Entries("figures/qualifiers.txt")) {
    if (e.size() >= 3) qualifiers_.push_back({e[0], {e[1], e[2] == "before"}});
  }
  std::sort(qualifiers_.begin(), qualifiers_.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  std::string alternation;
  std::vector<std::string> aliases;
  for (const LexiconEntry& e : lex.Entries("entities.txt")) {
    if (e.size() < 2) continue;
    entity_aliases_[e[0]] = e[1];
    aliases.push_back(e[0]);
  }
  std::sort(aliases.begin(), aliases.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const std::string& a : aliases) {
    alternation += (alternation.empty() ? "" : "|") + RE2::QuoteMeta(a);
  }
  if (!alternation.empty()) entity_re_ = std::make_unique<RE2>("(" + alternation + ")");
}

std::vector<Figure> FigureExtractor::Extract(std::string_view original,
                                             std::vector<std::string>* entities) const {
  std::vector<Figure> out;
  const FoldedText folded = Fold(original);
  const std::string_view t = folded.text;
  const std::vector<Mention> mentions = Mentions(original);
  if (entities != nullptr) {
    entities->clear();
    for (const Mention& m : mentions) {
      if (std::find(entities->begin(), entities->end(), *m.name) == entities->end()) {
        entities->push_back(*m.name);
      }
    }
  }

  // Characters that may continue an amount after its first digit.
  auto amount_char = [&](size_t i, std::string_view* ch) {
    *ch = Utf8CharAt(t, i);
    if (ch->empty()) return false;
    if (ch->size() == 1) {
      char c = (*ch)[0];
      return IsAsciiDigit(c) || ((c == ',' || c == '.') && i + 1 < t.size() && IsAsciiDigit(t[i + 1]));
    }
    std::string s(*ch);
    return amounts_.IsDigit(s) || amounts_.IsSmall(s) || amounts_.IsBig(s) || amounts_.IsPoint(s);
  };
  auto unit_or_currency_at = [&](size_t i, std::string* unit, std::string* currency) {
    const auto* u_hit = units_.LongestAt(t, i);
    *unit = u_hit ? u_hit->first : "";
    std::string cur;
    const auto* c_hit = currencies_.LongestAt(t, i);
    // A shorter currency word may fit where the longest does not (loose words).
    for (size_t len = c_hit ? c_hit->first.size() : 0; c_hit && len > 0; --len) {
      const Currency* c = currencies_.Find(t.substr(i, len));
      if (c == nullptr || !c->suffix) continue;
      if (c->loose && !PhraseEndsAt(t, i + len)) continue;
      cur = AsciiLower(t.substr(i, len));
      break;
    }
    // An ASCII word must end at a word boundary: "GW" but not "GWP".
    auto ends_word = [&](const std::string& w) {
      size_t e = i + w.size();
      return w.empty() || !IsAsciiLetter(w.back()) || e >= t.size() || !IsAsciiLetter(t[e]);
    };
    if (!ends_word(*unit)) unit->clear();
    if (!ends_word(cur)) cur.clear();
    if (cur.size() > unit->size()) {
      unit->clear();
    } else if (!unit->empty()) {
      cur.clear();
    }
    *currency = cur;
  };
  // Reads an amount from i; returns its end, or i when there is none. Stops
  // before a unit ("1000兆瓦": 兆瓦 is a unit, not 兆 and 瓦).
  auto read_amount = [&](size_t i, double* value, bool* trillion) {
    if (i < t.size() && IsAsciiLetter(t[i]) && (i == 0 || !IsAsciiLetter(t[i - 1]))) {
      bool article = false;
      size_t e = amounts_.ReadNumberWords(t, i, value, &article);
      return article ? i : e;
    }
    size_t j = i;
    std::string_view ch;
    while (j < t.size()) {
      std::string unit, currency;
      if (j > i) {
        unit_or_currency_at(j, &unit, &currency);
        if (!unit.empty() || !currency.empty()) break;
      }
      if (amount_char(j, &ch)) {
        j += ch.size();
      } else if (t[j] == ' ' && j > i && j + 1 < t.size()) {
        // "3000 亿": a space only before a CJK magnitude.
        std::string next(Utf8CharAt(t, j + 1));
        if (!amounts_.IsBig(next)) break;
        j += 1;
      } else {
        break;
      }
    }
    while (j > i && (t[j - 1] == ',' || t[j - 1] == '.' || t[j - 1] == ' ')) --j;
    if (j == i) return i;
    auto v = amounts_.Parse(t.substr(i, j - i), trillion);
    if (!v) return i;
    *value = *v;
    return j;
  };

  size_t i = 0;
  while (i < t.size()) {
    const unsigned char b0 = static_cast<unsigned char>(t[i]);
    // Most bytes are neither a digit, a letter, nor the start of a CJK numeral:
    // skip them without decoding (two-byte filter of the lexicon's numerals).
    if (b0 >= 0x80 && (i + 1 >= t.size() || !numeral_pairs_[b0 << 8 | static_cast<unsigned char>(t[i + 1])])) {
      ++i;
      while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) ++i;
      continue;
    }
    if (b0 < 0x80 && !IsAsciiDigit(t[i]) && !IsAsciiLetter(t[i])) {
      ++i;
      continue;
    }
    std::string_view ch = Utf8CharAt(t, i);
    bool ascii_digit = IsAsciiDigit(t[i]);
    bool cjk_digit = !ascii_digit && b0 >= 0x80 && (amounts_.IsDigit(std::string(ch)) ||
                                                   amounts_.IsSmall(std::string(ch)));
    // A CJK numeral inside a run of them was read with the run.
    if (cjk_digit && i > 0) {
      size_t p = i;
      while (p > 0 && (static_cast<unsigned char>(t[p - 1]) & 0xC0) == 0x80) --p;
      if (p > 0) --p;
      std::string prev(Utf8CharAt(t, p));
      if (p < i && (amounts_.IsDigit(prev) || amounts_.IsSmall(prev) || amounts_.IsBig(prev))) {
        i += ch.size();
        continue;
      }
    }
    size_t percent_prefix = 0;
    for (const std::string& w : percent_prefixes_) {
      if (t.compare(i, w.size(), w) == 0) percent_prefix = w.size();
    }
    bool percent_words = percent_prefix > 0;
    bool number_word = false;
    if (!ascii_digit && !cjk_digit && !percent_words && IsAsciiLetter(t[i])) {
      if (i > 0 && IsAsciiLetter(t[i - 1])) {
        ++i;
        continue;
      }
      // Only words that can be number words are looked up.
      size_t word_end = i;
      while (word_end < t.size() && IsAsciiLetter(t[word_end])) ++word_end;
      if (!amounts_.MayStartNumberWord(t[i], word_end - i)) {
        i = word_end;
        continue;
      }
      double v = 0;
      bool article = false;
      size_t e = amounts_.ReadNumberWords(t, i, &v, &article);
      if (e == i) {
        while (i < t.size() && IsAsciiLetter(t[i])) ++i;
        continue;
      }
      number_word = true;
    }
    if (!ascii_digit && !cjk_digit && !percent_words && !number_word) {
      i += ch.empty() ? 1 : ch.size();
      continue;
    }
    // A digit glued to a letter is a name (H100, GPT-5, MI450), not a figure,
    // unless the letters are a currency code ("USD115").
    if (ascii_digit && i > 0 && IsAsciiLetter(t[i - 1]) && !PrefixCurrencyBefore(t, i).empty()) {
      // read below
    } else if (ascii_digit && i > 0 &&
        (IsAsciiLetter(t[i - 1]) || IsAsciiDigit(t[i - 1]) ||
         (t[i - 1] == '-' && i > 1 && IsAsciiLetter(t[i - 2])) ||
         (t[i - 1] == '.' && i > 1 && IsAsciiDigit(t[i - 2])))) {
      while (i < t.size() && (IsAsciiDigit(t[i]) || t[i] == '.' || t[i] == ',')) ++i;
      continue;
    }
    size_t begin = i;
    bool vague = false;
    for (const std::string& w : vague_words_) {
      vague |= i >= w.size() && t.compare(i - w.size(), w.size(), w) == 0;
    }
    if (vague) {  // "数十吉瓦": several tens, not a figure
      const size_t from = i;
      while (i < t.size()) {
        std::string_view c = Utf8CharAt(t, i);
        std::string cs(c);
        if (!(IsAsciiDigit(t[i]) || amounts_.IsDigit(cs) || amounts_.IsSmall(cs) || amounts_.IsBig(cs))) break;
        i += c.size();
      }
      // "数A" (a maths paper): the English article "a" after 数 is no digit; step over it.
      if (i == from) i += std::max<size_t>(1, Utf8CharAt(t, i).size());
      continue;
    }
    size_t num_start = i + percent_prefix;
    double value = 0;
    bool trillion = false;
    bool article_only = false;
    size_t j = number_word ? amounts_.ReadNumberWords(t, num_start, &value, &article_only)
                           : read_amount(num_start, &value, &trillion);
    if (j == num_start) {
      i = num_start + std::max<size_t>(1, Utf8CharAt(t, num_start).size());
      continue;
    }
    Figure f;
    if (percent_words) {
      f.kind = "percent";
      f.value = value;
    } else {
      // Prefix currency: "US$6.5", "$ 75", "新台幣500億元", "Rmb250bn", "hk $ 10".
      std::string prefix_currency;
      if (std::string key = PrefixCurrencyBefore(t, begin); !key.empty()) {
        prefix_currency = currencies_.Find(key)->code;
        begin -= key.size();
      } else if (begin > 0 && t[begin - 1] == ' ') {
        if (std::string key2 = PrefixCurrencyBefore(t, begin - 1); !key2.empty()) {
          prefix_currency = currencies_.Find(key2)->code;
          begin -= 1 + key2.size();
        }
      }
      // A range: "4.5-5.5 吉瓦", "3~4ギガワット", "between 4.5 and 5.5 GW",
      // "$50bn to $60bn" (a scale word may stand after the first number too).
      std::optional<double> high;
      bool between = false;
      for (const std::string& w : between_words_) {
        between |= begin >= w.size() && AsciiLower(t.substr(begin - w.size(), w.size())) == w;
      }
      size_t k = SkipSpace(t, j);
      if (auto sc = ScaleAt(t, k); !sc.empty() && t.find_first_not_of(' ', k + sc.size()) != std::string_view::npos) {
        size_t after_scale = SkipSpace(t, k + sc.size());
        for (const std::string& sep : range_separators_) {
          if (t.compare(after_scale, sep.size(), sep) == 0) k = after_scale;
        }
      }
      for (const std::string& sep : range_separators_) {
        if (t.compare(k, sep.size(), sep) != 0) continue;
        if (sep == "and " && !between) continue;
        size_t a2 = SkipSpace(t, k + sep.size());
        if (!prefix_currency.empty()) {
          std::string_view rest = t.substr(a2);
          for (size_t len = std::min<size_t>(12, rest.size()); len > 0; --len) {
            const Currency* c = currencies_.Find(rest.substr(0, len));
            if (c != nullptr && c->prefix && c->code == prefix_currency) {
              a2 = SkipSpace(t, a2 + len);
              break;
            }
          }
        }
        double v2 = 0;
        bool t2 = false;
        size_t e2 = read_amount(a2, &v2, &t2);
        if (e2 > a2 && v2 >= value) {
          high = v2;
          trillion = trillion || t2;
          j = e2;
        }
        break;
      }
      // Scale word: "billion", "bn", "B".
      double scale = 1;
      size_t k2 = SkipSpace(t, j);
      std::string scale_word = ScaleAt(t, k2);
      bool scale_money_only = false;
      if (const auto* sc = ScaleOf(scale_word)) {
        scale = sc->first;
        scale_money_only = sc->second;
      }
      size_t after = scale_word.empty() ? j : k2 + scale_word.size();
      // Unit or suffix currency, after an optional space or hyphen.
      size_t u = after;
      if (u < t.size() && (t[u] == ' ' || t[u] == '-')) ++u;
      std::string unit, currency;
      unit_or_currency_at(u, &unit, &currency);
      if (unit.empty() && currency.empty() && u != after) {
        u = after;
        unit_or_currency_at(u, &unit, &currency);
      }
      if (!prefix_currency.empty() || !currency.empty()) {
        {
          f.kind = "money";
          // A sign before the number names the currency ("新台幣500億元" is TWD);
          // one that belonged to the number before was not taken as a prefix.
          f.currency = !prefix_currency.empty() ? prefix_currency : currencies_.Find(currency)->code;
          if (!currency.empty()) scale *= currencies_.Find(currency)->factor;
          if (!prefix_currency.empty() && currency.empty()) u = after, unit.clear();
        }
      } else if (!unit.empty() && !scale_money_only) {
        const Unit& un = *units_.Find(unit);
        f.kind = un.kind;
        scale *= un.factor;
        if (un.kind == "power") f.unit = "GW";
        if (un.kind == "energy") f.unit = "GWh";
      }
      // "a" counts only as "a dollar", not as "a share", "a GW-class site" or "a US$".
      bool currency_word = !currency.empty() && std::all_of(currency.begin(), currency.end(), [&](char c) {
        return c >= 'a' && c <= 'z';
      }) && t.substr(u, currency.size()) == currency;
      if (f.kind.empty() || (article_only && (f.kind != "money" || !currency_word))) {
        i = j;
        continue;
      }
      size_t end = unit.empty() && currency.empty() ? after : u + (unit.empty() ? currency.size() : unit.size());
      if (f.kind == "money" && scale_word.empty() && !currency.empty()) {
        size_t s2 = SkipSpace(t, end);
        if (std::string sc = ScaleAt(t, s2); !sc.empty() && sc.size() > 2) {  // "75 USD million"
          scale *= ScaleOf(sc)->first;
          end = s2 + sc.size();
        }
      }
      // A CJK-only amount needs a magnitude to count as shares ("一股热潮" is no figure).
      if (f.kind == "shares" && !ascii_digit && value * scale < 100) {
        i = end;
        continue;
      }
      f.value = value * scale;
      // The minor part of one amount: "5元3角", "一块二", "三块零四", "15 dollars 50",
      // "3 dollars 50 cents", "两美元又三美分".
      if (f.kind == "money" && !high && !currency.empty() && scale == 1) {
        for (int part = 0; part < 2; ++part) {
          size_t p = end;
          while (p < t.size() && t[p] == ' ') ++p;
          bool zero = false;
          for (const std::string& c : connectors_) {
            if (t.compare(p, c.size(), c) == 0 && (c != "and" || (p + 3 < t.size() && t[p + 3] == ' '))) {
              zero = c == "零";
              p += c.size();
              while (p < t.size() && t[p] == ' ') ++p;
              break;
            }
          }
          double minor = 0;
          bool tr = false;
          size_t e2 = read_amount(p, &minor, &tr);
          if (e2 == p || minor >= 100 || minor != std::floor(minor)) break;
          size_t w = e2;
          while (w < t.size() && t[w] == ' ') ++w;
          const auto* minor_hit = minor_units_.LongestAt(t, w);
          std::string word = minor_hit ? minor_hit->first : "";
          const bool cjk_major = !IsAsciiLetter(currency[0]) && currency != "$" && currency != "\\";
          if (!word.empty()) {
            f.value += minor * minor_hit->second;
            end = w + word.size();
          } else if (std::string u2, c2; unit_or_currency_at(w, &u2, &c2), !u2.empty() || !c2.empty()) {
            break;  // "4人民币5美元": the next number is an amount of its own
          } else if (part == 0 && cjk_major && minor < 10) {
            f.value += minor * (zero ? 0.01 : 0.1);  // 一块二 = 1.2, 三块零四 = 3.04
            end = e2;
            break;
          } else if (part == 0 && !cjk_major) {
            f.value += minor / 100;  // "15 dollars 50"
            end = e2;
            break;
          } else {
            break;
          }
        }
      }
      if (high) {
        f.low = f.value;
        f.high = *high * scale;
        f.value = (*f.low + *f.high) / 2;
      }
      if (f.kind == "money" && trillion) {
        // 兆 is 10^12 in Japan and Taiwan and in modern mainland finance, but
        // 10^6 in older mainland usage: Japanese currency words settle it.
        bool japanese = currency == "円" || currency == "ドル" || currency == "米ドル";
        f.ambiguous = !japanese;
      }
      j = end;
    }
    f.start = folded.origin[begin];
    f.end = folded.origin[j];
    if (!std::isfinite(f.value) || f.value > kMaxValue || f.end <= f.start) {
      i = j > i ? j : i + 1;
      continue;
    }
    f.span = std::string(original.substr(f.start, f.end - f.start));
    f.qualifier = QualifierAround(original, f.start, f.end);
    f.entity = EntityNear(original, mentions, f.start, f.end);
    out.push_back(std::move(f));
    i = j > i ? j : i + 1;
  }
  return out;
}

bool FigureExtractor::PhraseEndsAt(std::string_view t, size_t i) const {
  if (i >= t.size()) return true;
  if (static_cast<unsigned char>(t[i]) < 0x80) return !IsAsciiLetter(t[i]);
  for (const std::string& a : phrase_ends_) {
    if (t.compare(i, a.size(), a) == 0) return true;
  }
  return false;
}

std::string FigureExtractor::ScaleAt(std::string_view t, size_t i) const {
  for (const auto* table : {&scales_, &scale_words_}) {
    const auto* hit = table->LongestAt(t, i);
    // Shorter entries may fit where the longest is cut by a letter ("bn" in "bnx").
    for (size_t len = hit ? hit->first.size() : 0; len > 0; --len) {
      if (table->Find(t.substr(i, len)) == nullptr) continue;
      if (i + len < t.size() && IsAsciiLetter(t[i + len])) continue;
      return std::string(t.substr(i, len));
    }
  }
  return "";
}

const std::pair<double, bool>* FigureExtractor::ScaleOf(std::string_view word) const {
  if (word.empty()) return nullptr;
  const auto* v = scales_.Find(word);
  return v ? v : scale_words_.Find(word);
}

std::string FigureExtractor::PrefixCurrencyBefore(std::string_view t, size_t pos) const {
  for (size_t len = std::min<size_t>(12, pos); len > 0; --len) {
    std::string_view word = t.substr(pos - len, len);
    const Currency* c = currencies_.Find(word);
    if (c == nullptr || !c->prefix) continue;
    size_t at = pos - len;
    // "ARMB" is not "RMB": an ASCII code starts a word.
    if (IsAsciiLetter(word[0]) && at > 0 && IsAsciiLetter(t[at - 1])) continue;
    // A currency right after a number is that number's suffix.
    size_t before = at > 0 && t[at - 1] == ' ' ? at - 1 : at;
    if (before > 0 && IsAsciiDigit(t[before - 1])) continue;
    std::string prev;
    if (at > 0) {
      size_t p = at - 1;
      while (p > 0 && (static_cast<unsigned char>(t[p]) & 0xC0) == 0x80) --p;
      prev = std::string(Utf8CharAt(t, p));
    }
    if (amounts_.IsDigit(prev) || amounts_.IsBig(prev) || amounts_.IsSmall(prev)) continue;
    return AsciiLower(word);
  }
  return "";
}

std::string FigureExtractor::QualifierAround(std::string_view text, size_t start,
                                             size_t end) const {
  size_t b = start;
  while (b > 0 && text[b - 1] == ' ') --b;
  std::string_view before = text.substr(b >= kQualifierWindow ? b - kQualifierWindow : 0,
                                        b >= kQualifierWindow ? kQualifierWindow : b);
  std::string lower_before = AsciiLower(before);
  size_t a = end;
  while (a < text.size() && text[a] == ' ') ++a;
  std::string_view after = text.substr(a, kQualifierWindow);
  for (const auto& [word, q] : qualifiers_) {
    if (q.before) {
      if (lower_before.size() >= word.size() &&
          lower_before.compare(lower_before.size() - word.size(), word.size(), word) == 0) {
        // An English word must start a word: "over" but not "hover".
        size_t at = lower_before.size() - word.size();
        if (IsAsciiLetter(word[0]) && at > 0 && IsAsciiLetter(lower_before[at - 1])) continue;
        return q.value;
      }
    } else if (after.substr(0, word.size()) == word) {
      return q.value;
    }
  }
  return "";
}

namespace {

// The sentence around [start, end): between the nearest 。！？!?; or newline,
// or ". " on either side.
// The length of the sentence stop that ends at byte i of t (。！？；!?;\n or ". "), or 0.
size_t StopEndingAt(std::string_view t, size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == '\n' || c == '!' || c == '?' || c == ';') return 1;
  if (c == ' ' && i > 0 && t[i - 1] == '.') return 2;
  if (i >= 2) {
    unsigned char a = static_cast<unsigned char>(t[i - 2]), b = static_cast<unsigned char>(t[i - 1]);
    if (a == 0xE3 && b == 0x80 && c == 0x82) return 3;                              // 。
    if (a == 0xEF && b == 0xBC && (c == 0x81 || c == 0x9F || c == 0x9B)) return 3;  // ！？；
  }
  return 0;
}

// The sentence around [start, end), looking no further than 600 bytes either way.
std::pair<size_t, size_t> SentenceAround(std::string_view t, size_t start, size_t end) {
  constexpr size_t kWindow = 600;
  size_t lo = start > kWindow ? start - kWindow : 0;
  size_t hi = std::min(t.size(), end + kWindow);
  size_t b = lo;
  for (size_t i = start; i > lo; --i) {
    if (StopEndingAt(t, i - 1)) {
      b = i;
      break;
    }
  }
  size_t e = hi;
  for (size_t i = end; i < hi; ++i) {
    if (size_t len = StopEndingAt(t, i)) {
      e = i + 1 - len;
      break;
    }
  }
  return {b, e};
}

}  // namespace

std::vector<FigureExtractor::Mention> FigureExtractor::Mentions(std::string_view text) const {
  std::vector<Mention> out;
  if (!entity_re_) return out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  while (RE2::FindAndConsume(&input, *entity_re_, &match)) {
    size_t ms = match.data() - text.data(), me = ms + match.size();
    if (IsAsciiLetter(match[0]) && ms > 0 && IsAsciiLetter(text[ms - 1])) continue;
    if (IsAsciiLetter(match[match.size() - 1]) && me < text.size() && IsAsciiLetter(text[me])) {
      continue;
    }
    out.push_back({ms, me, &entity_aliases_.at(std::string(match))});
  }
  return out;
}

std::string FigureExtractor::EntityNear(std::string_view text, const std::vector<Mention>& mentions,
                                        size_t start, size_t end) const {
  auto [b, e] = SentenceAround(text, start, end);
  auto first = std::lower_bound(mentions.begin(), mentions.end(), b,
                                [](const Mention& m, size_t pos) { return m.start < pos; });
  std::string best;
  size_t best_distance = std::string::npos;
  for (auto it = first; it != mentions.end() && it->end <= e; ++it) {
    // Before the figure wins over after it at the same distance.
    size_t distance = it->end <= start ? start - it->end : it->start >= end ? (it->start - end) + 1 : 0;
    if (distance < best_distance) {
      best_distance = distance;
      best = *it->name;
    }
  }
  return best;
}

std::vector<std::string> FigureExtractor::Entities(std::string_view text) const {
  std::vector<std::string> out;
  for (const Mention& m : Mentions(text)) {
    if (std::find(out.begin(), out.end(), *m.name) == out.end()) out.push_back(*m.name);
  }
  return out;
}

nlohmann::ordered_json FigureToJson(const Figure& f) {
  nlohmann::ordered_json j;
  j["kind"] = f.kind;
  j["value"] = f.value;
  if (!f.unit.empty()) j["unit"] = f.unit;
  if (!f.currency.empty()) j["currency"] = f.currency;
  if (f.low) j["low"] = *f.low;
  if (f.high) j["high"] = *f.high;
  j["span"] = f.span;
  j["start"] = f.start;
  j["end"] = f.end;
  j["qualifier"] = f.qualifier.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(f.qualifier);
  j["entity"] = f.entity.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(f.entity);
  if (f.ambiguous) j["ambiguous"] = true;
  return j;
}

}  // namespace bw
