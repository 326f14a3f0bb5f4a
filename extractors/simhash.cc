#include "extractors/simhash.h"

#include <unicode/utf8.h>

#include <bit>
#include <string>
#include <vector>

#include "extractors/text_util.h"

namespace bw {
namespace {

constexpr size_t kShingleCodePoints = 4;

// Non-ASCII code points that carry no content: spaces, punctuation and
// symbols. A fixed list rather than ICU's categories, so that fingerprints
// do not change with the Unicode version.
struct Range {
  UChar32 first, last;
};
constexpr Range kDropped[] = {
    {0x0080, 0x00BF},    // C1 controls, NBSP, Latin-1 punctuation and signs
    {0x00D7, 0x00D7},    // multiplication sign
    {0x00F7, 0x00F7},    // division sign
    {0x2000, 0x206F},    // General Punctuation: spaces, dashes, quotes, zero-width
    {0x20A0, 0x20CF},    // currency signs
    {0x2190, 0x2BFF},    // arrows, maths, technical, box drawing, shapes, dingbats
    {0x3000, 0x3004},    // ideographic space, 、 。 〃 〄 (but 々 〆 〇 are kept)
    {0x3008, 0x3020},    // CJK brackets 〈〉《》「」『』【】, 〒, 〜 ...
    {0x3030, 0x3030},    // wavy dash
    {0x30FB, 0x30FB},    // katakana middle dot
    {0xFE00, 0xFE1F},    // variation selectors, vertical forms
    {0xFE30, 0xFE6F},    // CJK compatibility and small form punctuation
    {0xFEFF, 0xFEFF},    // BOM, zero-width no-break space
    {0xFF5F, 0xFF65},    // halfwidth CJK punctuation
    {0x1F000, 0x1FAFF},  // emoji and other pictographs
};

bool IsDropped(UChar32 c) {
  for (const Range& r : kDropped) {
    if (c >= r.first && c <= r.last) return true;
  }
  return false;
}

// The normalised text: what shingles are made of (see simhash.h).
std::string Normalize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_digits = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // fullwidth ASCII
    if (c < 0 || (c < 0x80 && !IsAsciiAlnum(static_cast<char>(c))) || IsDropped(c)) continue;
    if (c < 0x80 && IsAsciiDigit(static_cast<char>(c))) {
      if (!in_digits) out += '0';
      in_digits = true;
      continue;
    }
    in_digits = false;
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else {
      char buf[4];
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, c);
      out.append(buf, len);
    }
  }
  return out;
}

// FNV-1a 64, then MurmurHash3's finaliser, which spreads the last bytes'
// influence over the high bits that FNV leaves weak.
uint64_t HashShingle(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace

uint64_t SimHash64(std::string_view utf8_text) {
  const std::string text = Normalize(utf8_text);
  if (text.empty()) return 0;
  std::vector<size_t> starts;  // byte offset of each code point, then the end
  for (size_t i = 0; i < text.size(); i += Utf8CharAt(text, i).size()) starts.push_back(i);
  const size_t code_points = starts.size();
  starts.push_back(text.size());

  // Each bit of the fingerprint is the sign of the sum over all shingles of
  // +1 where the shingle's hash has that bit set, -1 where not.
  int64_t sums[64] = {};
  auto add = [&sums](uint64_t h) {
    for (int b = 0; b < 64; ++b) sums[b] += (h >> b) & 1 ? 1 : -1;
  };
  if (code_points < kShingleCodePoints) {
    add(HashShingle(text));  // a text shorter than one shingle is one feature
  } else {
    for (size_t i = 0; i + kShingleCodePoints <= code_points; ++i) {
      add(HashShingle(std::string_view(text).substr(
          starts[i], starts[i + kShingleCodePoints] - starts[i])));
    }
  }
  uint64_t fp = 0;
  for (int b = 0; b < 64; ++b) {
    if (sums[b] > 0) fp |= uint64_t{1} << b;
  }
  return fp;
}

int HammingDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

bool IsNearDuplicate(uint64_t a, uint64_t b) { return HammingDistance(a, b) <= kNearDuplicateBits; }

std::array<uint16_t, 4> SimHashBands(uint64_t fp) {
  return {static_cast<uint16_t>(fp), static_cast<uint16_t>(fp >> 16),
          static_cast<uint16_t>(fp >> 32), static_cast<uint16_t>(fp >> 48)};
}

}  // namespace bw
