// HashSlots: a map from 64-bit hashes to small integers in one flat array
// (open addressing, linear probing). It is for hot loops that look up many
// already-hashed keys: one probe usually touches one cache line, where
// std::unordered_map follows a pointer per lookup. Keys must be well mixed
// (the output of a hash function); the table never shrinks or deletes.
//
//   bw::HashSlots slots(2);
//   slots.Insert(0x9e3779b97f4a7c15, 7);   // {7, true}
//   slots.Insert(0x9e3779b97f4a7c15, 8);   // {7, false}: the first value stays
//   slots.Find(0x9e3779b97f4a7c15);        // 7
//   slots.Find(42);                        // HashSlots::kNone
#ifndef BUBBLEWATCH_EXTRACTORS_HASH_SLOTS_H_
#define BUBBLEWATCH_EXTRACTORS_HASH_SLOTS_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace bw {

class HashSlots {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // Room for `capacity` keys with at least half the slots free.
  explicit HashSlots(size_t capacity = 0) {
    size_t n = 8;
    while (n < 2 * capacity) n *= 2;
    slots_.assign(n, Slot{0, kNone});
    mask_ = n - 1;
  }

  // Stores `value` for `key` unless the key is present. Returns the value now
  // stored for `key` and whether it was inserted. Grows as needed.
  // REQUIRES: value != kNone.
  std::pair<uint32_t, bool> Insert(uint64_t key, uint32_t value) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.value == kNone) {
        s = Slot{key, value};
        ++size_;
        return {value, true};
      }
      if (s.key == key) return {s.value, false};
    }
  }

  // The value stored for `key`, or kNone.
  uint32_t Find(uint64_t key) const {
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.value == kNone || s.key == key) return s.value;
    }
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t key;
    uint32_t value;  // kNone: the slot is free
  };

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{0, kNone});
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& s : old) {
      if (s.value != kNone) Insert(s.key, s.value);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_HASH_SLOTS_H_
