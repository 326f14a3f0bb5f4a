#include "extractors/text_util.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace bw {

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  int run = 0;               // white-space characters in the current run
  bool lone_ideographic = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    bool space = c >= 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
                            c == 0xA0 || c == 0x3000 || c == 0x200B || u_isUWhiteSpace(c));
    if (space) {
      pending_space = !out.empty();
      lone_ideographic = ++run == 1 && c == 0x3000;
      continue;
    }
    // A single ideographic space is the CJK word space ("ソフトバンク　AI投資"):
    // kept as written. Runs of white space become one ASCII space.
    if (pending_space) out += lone_ideographic && run == 1 ? "\u3000" : " ";
    pending_space = false;
    run = 0;
    out.append(s.data() + start, i - start);
  }
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && AsciiLower(s.substr(0, prefix.size())) == AsciiLower(prefix);
}

CharCounts CountChars(std::string_view utf8) {
  CharCounts counts;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, n, c);
    ++counts.code_points;
    if (c >= 0x3040 && (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) || (c >= 0x3040 && c <= 0x30FF))) {
      ++counts.cjk;
    }
  }
  return counts;
}

}  // namespace bw
