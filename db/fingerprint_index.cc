#include "db/fingerprint_index.h"

#include <algorithm>

#include "extractors/simhash.h"

namespace bw::db {

void FingerprintIndex::Add(int64_t document_id, uint64_t simhash) {
  if (buckets_[0].empty()) {
    for (auto& band : buckets_) band.resize(1 << 16);
  }
  const auto index = static_cast<uint32_t>(entries_.size());
  entries_.push_back({document_id, simhash});
  const std::array<uint16_t, 4> bands = SimHashBands(simhash);
  for (size_t b = 0; b < bands.size(); ++b) buckets_[b][bands[b]].push_back(index);
}

std::vector<FingerprintIndex::Entry> FingerprintIndex::Near(uint64_t simhash) const {
  std::vector<uint32_t> found;
  if (buckets_[0].empty()) return {};
  const std::array<uint16_t, 4> bands = SimHashBands(simhash);
  for (size_t b = 0; b < bands.size(); ++b) {
    for (uint32_t i : buckets_[b][bands[b]]) {
      if (IsNearDuplicate(simhash, entries_[i].simhash)) found.push_back(i);
    }
  }
  // A fingerprint within reach shares one band or more: each is kept once.
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::vector<Entry> near;
  near.reserve(found.size());
  for (uint32_t i : found) near.push_back(entries_[i]);
  return near;
}

}  // namespace bw::db
