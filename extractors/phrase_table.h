// PhraseTable: a dictionary of phrases (words, multi-word expressions, CJK
// strings, emoji) that lists the phrases starting at a position of a text,
// longest first, without allocating. Positions are rejected by their first
// code point with one lookup, so scanning a long text is cheap however many
// phrases the table holds. Matching is exact: fold the text and the phrases
// the same way first (see TextFolder).
//
//   bw::PhraseTable<int> t;
//   t.Add("not", 1);
//   t.Add("not only", 2);
//   t.ForEachAt("not only this", 0, [](std::string_view phrase, const int& v) {
//     return v == 2;  // "not only" is offered first; true stops the walk
//   });
#ifndef BUBBLEWATCH_EXTRACTORS_PHRASE_TABLE_H_
#define BUBBLEWATCH_EXTRACTORS_PHRASE_TABLE_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bw {

template <typename V>
class PhraseTable {
 public:
  // Adds `phrase`, or replaces the value of an equal phrase. Empty phrases are ignored.
  void Add(std::string_view phrase, V value) {
    if (phrase.empty()) return;
    std::vector<Entry>& bucket = Bucket(FirstCodePoint(phrase, 0));
    for (Entry& e : bucket) {
      if (e.phrase == phrase) {
        e.value = std::move(value);
        return;
      }
    }
    bucket.push_back(Entry{std::string(phrase), std::move(value), Head(phrase), HeadMask(phrase.size())});
    std::stable_sort(bucket.begin(), bucket.end(),
                     [](const Entry& a, const Entry& b) { return a.phrase.size() > b.phrase.size(); });
    ++size_;
  }

  // Calls fn(phrase, value) for every phrase that `text` holds at byte `i`,
  // longest first, until fn returns true. Returns whether fn did.
  template <typename Fn>
  bool ForEachAt(std::string_view text, size_t i, Fn&& fn) const {
    if (i >= text.size()) return false;
    const std::vector<Entry>* bucket = FindBucket(FirstCodePoint(text, i));
    if (bucket == nullptr) return false;
    std::string_view rest = text.substr(i);
    const uint64_t head = Head(rest);
    for (const Entry& e : *bucket) {
      // The first 8 bytes decide most entries without a call to compare.
      if ((head & e.mask) == e.head && rest.size() >= e.phrase.size() &&
          rest.compare(0, e.phrase.size(), e.phrase) == 0 && fn(std::string_view(e.phrase), e.value)) {
        return true;
      }
    }
    return false;
  }

  size_t size() const { return size_; }

 private:
  struct Entry {
    std::string phrase;
    V value;
    uint64_t head;  // Head(phrase)
    uint64_t mask;  // HeadMask(phrase.size())
  };

  // The first (up to) 8 bytes of `t`, in memory order, zero-padded.
  static uint64_t Head(std::string_view t) {
    uint64_t h = 0;
    std::memcpy(&h, t.data(), std::min<size_t>(t.size(), sizeof h));
    return h;
  }
  static uint64_t HeadMask(size_t size) {
    uint64_t m = 0;
    std::memset(&m, 0xFF, std::min<size_t>(size, sizeof m));
    return m;
  }

  static uint32_t FirstCodePoint(std::string_view t, size_t i) {
    auto b = [&](size_t k) { return k < t.size() ? static_cast<unsigned char>(t[k]) : 0u; };
    uint32_t c = b(i);
    if (c < 0x80) return c;
    if (c < 0xE0) return ((c & 0x1F) << 6) | (b(i + 1) & 0x3F);
    if (c < 0xF0) return ((c & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F);
    return ((c & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) | ((b(i + 2) & 0x3F) << 6) | (b(i + 3) & 0x3F);
  }

  std::vector<Entry>& Bucket(uint32_t cp) {  // created when missing
    if (cp < ascii_.size()) return ascii_[cp];
    return others_[cp];
  }
  const std::vector<Entry>* FindBucket(uint32_t cp) const {
    if (cp < ascii_.size()) return ascii_[cp].empty() ? nullptr : &ascii_[cp];
    auto it = others_.find(cp);
    return it == others_.end() ? nullptr : &it->second;
  }

  std::array<std::vector<Entry>, 128> ascii_;
  std::unordered_map<uint32_t, std::vector<Entry>> others_;
  size_t size_ = 0;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_PHRASE_TABLE_H_
