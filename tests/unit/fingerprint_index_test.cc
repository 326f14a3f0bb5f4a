#include "db/fingerprint_index.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace bw::db {
namespace {

using Entries = std::vector<FingerprintIndex::Entry>;

constexpr uint64_t kA = 0x0123456789abcdefULL;

TEST(FingerprintIndexTest, EmptyFindsNothing) {
  FingerprintIndex index;
  EXPECT_EQ(index.size(), 0u);
  EXPECT_EQ(index.Near(kA), Entries{});
}

// Within three bits, wherever the bits are (one band or spread over all four),
// is found; four bits or more is not, even when a band matches.
TEST(FingerprintIndexTest, FindsWhatIsWithinThreeBits) {
  struct Case {
    uint64_t stored;
    bool found;
  };
  const Case cases[] = {
      {kA, true},
      {kA ^ 0x1, true},
      {kA ^ 0x7, true},                      // three bits, one band
      {kA ^ 0x0001000100010000ULL, true},    // three bits, three bands
      {kA ^ 0x8000000000000001ULL, true},    // first and last bit
      {kA ^ 0xF, false},                     // four bits, three bands untouched
      {kA ^ 0x0001000100010001ULL, false},   // four bits, every band changed
      {~kA, false},
  };
  for (const Case& c : cases) {
    FingerprintIndex index;
    index.Add(1, c.stored);
    EXPECT_EQ(index.Near(kA).size(), c.found ? 1u : 0u) << std::hex << c.stored;
  }
}

TEST(FingerprintIndexTest, EachEntryOnceInTheOrderAdded) {
  FingerprintIndex index;
  index.Add(5, kA ^ 0x2);        // shares three bands with kA
  index.Add(3, ~kA);             // far
  index.Add(9, kA);              // shares all four
  index.Add(5, kA ^ 0x10000);    // the same document again, changed
  EXPECT_EQ(index.size(), 4u);
  EXPECT_EQ(index.Near(kA), (Entries{{5, kA ^ 0x2}, {9, kA}, {5, kA ^ 0x10000}}));
  EXPECT_EQ(index.Near(~kA), (Entries{{3, ~kA}}));
}

TEST(FingerprintIndexTest, AddAllIsAddOneByOne) {
  const Entries entries = {{5, kA ^ 0x2}, {3, ~kA}, {9, kA}, {5, kA ^ 0x10000}};
  FingerprintIndex one_by_one, at_once;
  for (const auto& e : entries) one_by_one.Add(e.document_id, e.simhash);
  at_once.Add(1, kA ^ 0x1);
  at_once.AddAll(entries);
  at_once.AddAll({});
  EXPECT_EQ(at_once.size(), 5u);
  EXPECT_EQ(at_once.Near(kA), (Entries{{1, kA ^ 0x1}, {5, kA ^ 0x2}, {9, kA}, {5, kA ^ 0x10000}}));
  EXPECT_EQ(at_once.Near(~kA), one_by_one.Near(~kA));
}

TEST(FingerprintIndexTest, ManyFingerprintsInOneBand) {
  FingerprintIndex index;
  // 1,000 fingerprints that share kA's low band, all far from kA elsewhere.
  for (int64_t i = 0; i < 1000; ++i) {
    index.Add(i, (kA & 0xffff) | (static_cast<uint64_t>(i) * 0x9e3779b97f4a0000ULL | 0xff0000));
  }
  index.Add(1000, kA ^ 0x100);
  EXPECT_EQ(index.Near(kA), (Entries{{1000, kA ^ 0x100}}));
}

}  // namespace
}  // namespace bw::db
