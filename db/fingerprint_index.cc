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

void FingerprintIndex::AddAll(const std::vector<Entry>& entries) {
  if (entries.empty()) return;
  if (buckets_[0].empty()) {
    for (auto& band : buckets_) band.resize(1 << 16);
  }
  for (size_t b = 0; b < buckets_.size(); ++b) {
    std::vector<uint32_t> counts(1 << 16, 0);
    for (const Entry& e : entries) ++counts[SimHashBands(e.simhash)[b]];
    for (size_t v = 0; v < counts.size(); ++v) {
      if (counts[v]) buckets_[b][v].reserve(buckets_[b][v].size() + counts[v]);
    }
  }
  entries_.reserve(entries_.size() + entries.size());
  for (const Entry& e : entries) Add(e.document_id, e.simhash);
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
