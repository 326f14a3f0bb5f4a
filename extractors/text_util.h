// Small helpers on UTF-8 text shared by the extractors.
#ifndef BUBBLEWATCH_EXTRACTORS_TEXT_UTIL_H_
#define BUBBLEWATCH_EXTRACTORS_TEXT_UTIL_H_

#include <string>
#include <string_view>

namespace bw {

// Collapses every run of white space (ASCII, NBSP, ideographic space U+3000
// and the other Unicode spaces) to one ASCII space and trims both ends. A lone
// U+3000 between words is the CJK word space and is kept as it is.
std::string CollapseWhitespace(std::string_view s);

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || IsAsciiDigit(c); }

// The UTF-8 character that starts at byte `i` of `t` (by its lead byte; cut at
// the end of `t`), or "" when `i` is past the end.
inline std::string_view Utf8CharAt(std::string_view t, size_t i) {
  if (i >= t.size()) return {};
  unsigned char c = static_cast<unsigned char>(t[i]);
  size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return t.substr(i, len < t.size() - i ? len : t.size() - i);
}

// Lower-cases ASCII letters only (HTML attribute values, class names).
std::string AsciiLower(std::string_view s);

// True when `s` starts with `prefix`, ASCII case-insensitively.
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);

// How many code points `s` holds, and how many of them are CJK ideographs or
// kana (each counts like a short word in density measures).
struct CharCounts {
  size_t code_points = 0;
  size_t cjk = 0;
};
CharCounts CountChars(std::string_view utf8);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_TEXT_UTIL_H_
