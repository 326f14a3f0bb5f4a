#include "extractors/hash_slots.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <utility>

namespace bw {
namespace {

TEST(HashSlotsTest, InsertKeepsTheFirstValueAndFindReadsIt) {
  struct Case {
    uint64_t key;
    uint32_t value;
    uint32_t want_stored;
    bool want_inserted;
  } const kCases[] = {
      {0x9e3779b97f4a7c15, 7, 7, true},
      {0x9e3779b97f4a7c15, 8, 7, false},  // present: the first value stays
      {0, 1, 1, true},                    // zero is an ordinary key
      {0, 2, 1, false},
      {8, 3, 3, true},                    // 0, 8 and 16 share a slot in a table of 8
      {16, 4, 4, true},
      {16, 5, 4, false},
  };
  HashSlots slots(2);
  for (const Case& c : kCases) {
    EXPECT_EQ(slots.Insert(c.key, c.value), std::make_pair(c.want_stored, c.want_inserted)) << c.key;
  }
  EXPECT_EQ(slots.size(), 4u);
  EXPECT_EQ(slots.Find(0x9e3779b97f4a7c15), 7u);
  EXPECT_EQ(slots.Find(0), 1u);
  EXPECT_EQ(slots.Find(8), 3u);
  EXPECT_EQ(slots.Find(16), 4u);
  EXPECT_EQ(slots.Find(24), HashSlots::kNone);  // probes past the three that collide
  EXPECT_EQ(slots.Find(1), HashSlots::kNone);
}

TEST(HashSlotsTest, GrowsPastItsCapacityWithoutLosingKeys) {
  HashSlots slots;  // room for very few
  for (uint32_t i = 0; i < 10000; ++i) {
    // Keys that collide a lot in the low bits: multiples of 1024.
    ASSERT_TRUE(slots.Insert(uint64_t{i} << 10, i).second) << i;
  }
  EXPECT_EQ(slots.size(), 10000u);
  for (uint32_t i = 0; i < 10000; ++i) ASSERT_EQ(slots.Find(uint64_t{i} << 10), i) << i;
  EXPECT_EQ(slots.Find(uint64_t{10000} << 10), HashSlots::kNone);
  EXPECT_EQ(slots.Find(1), HashSlots::kNone);
}

}  // namespace
}  // namespace bw
