// FingerprintIndex: the SimHash fingerprints of stored documents, in memory,
// found by their 16-bit bands (extractors/simhash.h), so that a new document's
// near-duplicates are looked up without touching the disk.
//
// Why in memory: a band index in SQLite is keyed by random values, so at a
// million documents each insert dirtied four random pages of it, which made
// it the largest single cost of storing a document. The database keeps the
// fingerprints in an append-only table (`fingerprints`) that is read once
// into this index; Database (db/database.h) keeps the two in step.
//
//   FingerprintIndex index;
//   index.Add(7, 0x0123456789abcdefULL);
//   for (const auto& e : index.Near(0x0123456789abcdeeULL)) { /* e.document_id == 7 */ }
//
// Not thread-safe. Memory: about 40 bytes a fingerprint, plus 6 MB of band
// buckets once the first one is added.
#ifndef BUBBLEWATCH_DB_FINGERPRINT_INDEX_H_
#define BUBBLEWATCH_DB_FINGERPRINT_INDEX_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace bw::db {

class FingerprintIndex {
 public:
  struct Entry {
    int64_t document_id = 0;
    uint64_t simhash = 0;
    bool operator==(const Entry&) const = default;
  };

  // Adds a fingerprint. An entry added before for the same document stays:
  // callers confirm what Near() returns against the stored document.
  void Add(int64_t document_id, uint64_t simhash);

  // Adds many fingerprints at once, as Add does one by one, with one
  // allocation per band value instead of a growing one: how a million stored
  // fingerprints are read in.
  void AddAll(const std::vector<Entry>& entries);

  // The entries within kNearDuplicateBits of `simhash`, each once, in the
  // order they were added.
  std::vector<Entry> Near(uint64_t simhash) const;

  size_t size() const { return entries_.size(); }

 private:
  std::vector<Entry> entries_;
  // Per band, per band value: the indexes in entries_ of the fingerprints
  // with that value. Empty until the first Add.
  std::array<std::vector<std::vector<uint32_t>>, 4> buckets_;
};

}  // namespace bw::db

#endif  // BUBBLEWATCH_DB_FINGERPRINT_INDEX_H_
