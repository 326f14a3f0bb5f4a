// WordTable: a dictionary of words (units, currencies, scale words) that finds
// the longest word starting at a position of a text without allocating, and
// rejects most positions by their first byte alone. ASCII letters can be
// matched in any case.
//
//   bw::WordTable<double> units(/*fold_ascii_case=*/false);
//   units.Add("GW", 1.0);
//   auto* hit = units.LongestAt("10GW", 2);  // hit->first == "GW"
#ifndef BUBBLEWATCH_EXTRACTORS_WORD_TABLE_H_
#define BUBBLEWATCH_EXTRACTORS_WORD_TABLE_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace bw {

template <typename V>
class WordTable {
 public:
  explicit WordTable(bool fold_ascii_case) : fold_(fold_ascii_case) {}

  void Add(std::string word, V value) {
    if (word.empty() || word.size() > kMaxWord) return;
    if (fold_) word = Fold(word);
    uint8_t& m = max_len_[static_cast<unsigned char>(word[0])];
    m = static_cast<uint8_t>(std::max<size_t>(m, word.size()));
    map_[std::move(word)] = std::move(value);
  }

  // The longest word at t[i], or null. (Folding, when on, applies to the text.)
  const std::pair<const std::string, V>* LongestAt(std::string_view t, size_t i) const {
    if (i >= t.size()) return nullptr;
    char buf[kMaxWord];
    size_t n = std::min<size_t>(kMaxWord, t.size() - i);
    for (size_t k = 0; k < n; ++k) buf[k] = fold_ ? Lower(t[i + k]) : t[i + k];
    size_t max = std::min<size_t>(n, max_len_[static_cast<unsigned char>(buf[0])]);
    for (size_t len = max; len > 0; --len) {
      auto it = map_.find(std::string_view(buf, len));
      if (it != map_.end()) return &*it;
    }
    return nullptr;
  }

  // The entry for exactly `word`, or null.
  const V* Find(std::string_view word) const {
    if (word.size() > kMaxWord) return nullptr;
    if (!fold_) {
      auto it = map_.find(word);
      return it == map_.end() ? nullptr : &it->second;
    }
    char buf[kMaxWord];
    for (size_t k = 0; k < word.size(); ++k) buf[k] = Lower(word[k]);
    auto it = map_.find(std::string_view(buf, word.size()));
    return it == map_.end() ? nullptr : &it->second;
  }

 private:
  static constexpr size_t kMaxWord = 32;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  static char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
  static std::string Fold(std::string s) {
    for (char& c : s) c = Lower(c);
    return s;
  }

  bool fold_;
  std::array<uint8_t, 256> max_len_{};
  std::unordered_map<std::string, V, Hash, std::equal_to<>> map_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_WORD_TABLE_H_
