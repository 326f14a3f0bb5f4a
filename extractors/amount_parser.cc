#include "extractors/amount_parser.h"

#include <cmath>
#include <cstdlib>

#include "extractors/text_util.h"

namespace bw {
namespace {

constexpr size_t kMaxDigits = 30;   // longer digit runs are ids or junk, not figures
constexpr double kMaxValue = 1e100;  // beyond this a "number" is a digit string, not a figure



}  // namespace

AmountParser::AmountParser(const LexiconSet& lex) {
  for (const LexiconEntry& e : lex.Entries("figures/numerals.txt")) {
    if (e.size() < 3) continue;
    double v = std::strtod(e[1].c_str(), nullptr);
    if (e[2] == "point") {
      points_.insert(e[0]);
    } else {
      (e[2] == "digit" ? digits_ : e[2] == "small" ? small_ : big_)[e[0]] = v;
    }
  }
  for (const LexiconEntry& e : lex.Entries("figures/en_number_words.txt")) {
    if (e.size() < 3 || e[0].empty()) continue;
    number_words_.Add(e[0], {std::strtod(e[1].c_str(), nullptr), e[2]});
    number_word_starts_[static_cast<unsigned char>(e[0][0] | 0x20)] = true;
    max_number_word_ = std::max(max_number_word_, e[0].size());
  }
}

std::vector<std::string> AmountParser::LeadingNumerals() const {
  std::vector<std::string> out;
  for (const auto* table : {&digits_, &small_}) {
    for (const auto& [w, v] : *table) out.push_back(w);
  }
  return out;
}

// Reads the amount `s` (ASCII digits with commas and a decimal point, CJK
// numerals, and CJK magnitudes between them: "1億6000万", "二百五十六點八億",
// "1万8,000"). Sets *used_cjk_trillion when 兆 served as a magnitude.
std::optional<double> AmountParser::Parse(std::string_view s, bool* used_cjk_trillion) const {
  double total = 0;    // closed groups (after 万/亿/兆)
  double group = 0;    // the current group below 万
  double number = 0;   // the number being read
  double last_big = 0;
  bool have_number = false;
  size_t i = 0;
  auto close_number = [&] {
    group += number;
    number = 0;
    have_number = false;
  };
  while (i < s.size()) {
    char c = s[i];
    if (IsAsciiDigit(c)) {
      size_t j = i;
      std::string digits;
      while (j < s.size() && (IsAsciiDigit(s[j]) || s[j] == ',' || s[j] == '.')) {
        if (s[j] != ',') digits += s[j];
        ++j;
      }
      if (digits.size() > kMaxDigits) return std::nullopt;
      close_number();
      number = std::strtod(digits.c_str(), nullptr);
      have_number = true;
      i = j;
      continue;
    }
    std::string ch(Utf8CharAt(s, i));
    if (auto d = digits_.find(ch); d != digits_.end()) {
      if (have_number && number < 10 && number == std::floor(number) && !std::isnan(number)) {
        number = number * 10 + d->second;  // 二〇二五-style digit strings
      } else {
        close_number();
        number = d->second;
        have_number = true;
      }
    } else if (points_.count(ch)) {
      // A decimal part in CJK digits: 二百五十六點八.
      double scale = 0.1;
      size_t j = i + ch.size();
      double frac = 0;
      while (j < s.size()) {
        auto d2 = digits_.find(std::string(Utf8CharAt(s, j)));
        if (d2 == digits_.end()) break;
        frac += d2->second * scale;
        scale /= 10;
        j += Utf8CharAt(s, j).size();
      }
      number += frac;
      i = j;
      continue;
    } else if (auto sm = small_.find(ch); sm != small_.end()) {
      group += (have_number ? number : 1) * sm->second;
      number = 0;
      have_number = false;
    } else if (auto bg = big_.find(ch); bg != big_.end()) {
      close_number();
      if (ch == "兆") *used_cjk_trillion = true;
      if (group == 0 && total > 0 && bg->second > last_big) {
        total *= bg->second;  // 万亿 = 10^4 * 10^8
      } else {
        total += (group == 0 ? 1 : group) * bg->second;
      }
      last_big = bg->second;
      group = 0;
    } else if (c == ' ') {
      // a space before a magnitude: "3000 亿"
    } else {
      break;
    }
    i += ch.empty() ? 1 : ch.size();
  }
  close_number();
  double v = total + group;
  if (!std::isfinite(v) || v > kMaxValue) return std::nullopt;
  return v;
}

size_t AmountParser::ReadNumberWords(std::string_view t, size_t i, double* value,
                                     bool* article_only) const {
  double total = 0, current = 0;
  bool any = false, numeric = false;
  size_t end = i, p = i;
  while (p < t.size() && IsAsciiLetter(t[p])) {
    size_t q = p;
    while (q < t.size() && IsAsciiLetter(t[q])) ++q;
    const auto* entry = number_words_.Find(t.substr(p, q - p));
    if (entry == nullptr) break;
    const auto& [v, type] = *entry;
    if (type == "article") {
      if (any) break;
      current = 1;
    } else if (type == "unit" || type == "ten") {
      current += v;
      numeric = true;
    } else if (type == "hundred") {
      current = (current == 0 ? 1 : current) * v;
      numeric = true;
    } else if (type == "fraction") {
      current = (current == 0 ? 1 : current) * v;
      numeric = true;
    } else {  // scale
      total += (current == 0 ? 1 : current) * v;
      current = 0;
      numeric = true;
    }
    any = true;
    end = q;
    // Words are joined by a space, a hyphen or " and ".
    if (q < t.size() && (t[q] == ' ' || t[q] == '-')) {
      p = q + 1;
      if (t.compare(p, 4, "and ") == 0 && !(current == 0 && total == 0)) p += 4;
    } else {
      break;
    }
  }
  if (!any) return i;
  *value = total + current;
  *article_only = !numeric;
  return end;
}

}  // namespace bw
