// A 64-bit SimHash fingerprint of a document's text (Charikar 2002; Manku,
// Jain and Das Sarma 2007), so that near-duplicates (a syndicated copy, a
// re-published story with a new date, a copy with other quotes and spacing) can
// be found by comparing fingerprints instead of texts.
//
//   uint64_t a = bw::SimHash64(article_text);
//   uint64_t b = bw::SimHash64(other_text);
//   if (bw::IsNearDuplicate(a, b)) { /* same story */ }
//   for (uint16_t band : bw::SimHashBands(a)) { /* index lookups */ }
//
// Features are shingles of 4 code points of the text once it is normalised:
// white space, punctuation and symbols (ASCII, Latin-1, General Punctuation,
// CJK and fullwidth punctuation, arrows, emoji) dropped, fullwidth ASCII made
// ASCII, ASCII letters lower-cased and each run of digits made one "0". Each
// occurrence of a shingle counts once, so repeated shingles weigh more.
//
// Why these choices:
// - Character shingles need no word segmentation, so one method serves
//   English and Chinese or Japanese alike. 4 code points is a short word or
//   most of a long one in English, and about two words in Chinese or Japanese.
//   Shorter shingles make every English text alike (the distance between two
//   different English articles on one topic falls from about 24 bits with 4 to
//   16 with 3); longer ones give no gain.
// - Dropping white space and punctuation makes a copy with other quotes,
//   dashes, full- or half-width commas or line breaks the same text.
// - Folding digits makes a changed date, time or figure no change at all.
// - Only ASCII is case-folded, and the dropped characters are a fixed list,
//   not Unicode tables: a fingerprint is stored, so it must not change with
//   the ICU version. The hash is FNV-1a 64 over the shingle's UTF-8 bytes,
//   then MurmurHash3's 64-bit finaliser: the same on every platform.
//
// Limits: SimHash moves about 20 * sqrt(f) bits when a fraction f of the text
// is new, so a line of 20 words added to 300 (f = 7%) moves 4 to 5 bits on
// average and is often beyond kNearDuplicateBits. Fingerprints of texts of a
// few words say little.
#ifndef BUBBLEWATCH_EXTRACTORS_SIMHASH_H_
#define BUBBLEWATCH_EXTRACTORS_SIMHASH_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace bw {

// The fingerprint of `utf8_text` (invalid bytes are skipped). 0 for a text
// with nothing left once normalised, such as "" or " ... ".
uint64_t SimHash64(std::string_view utf8_text);

// The number of bits in which `a` and `b` differ, 0 to 64.
int HammingDistance(uint64_t a, uint64_t b);

// Fingerprints at most this many bits apart are near-duplicates.
inline constexpr int kNearDuplicateBits = 3;

// True when HammingDistance(a, b) <= kNearDuplicateBits.
bool IsNearDuplicate(uint64_t a, uint64_t b);

// The four 16-bit bands of `fp`: bits 0-15, 16-31, 32-47 and 48-63. Two
// fingerprints within kNearDuplicateBits bits share at least one band exactly
// (3 differing bits touch at most 3 of the 4 bands), so an index on the bands
// finds every candidate.
std::array<uint16_t, 4> SimHashBands(uint64_t fp);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_SIMHASH_H_
