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
