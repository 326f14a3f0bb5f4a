#include "extractors/text_addresses.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "extractors/text_util.h"

namespace bw {
namespace {

constexpr size_t kMaxHandleChars = 30;
constexpr size_t kMaxHandleCharsAtEnd = 12;   // most Weibo names are shorter
constexpr size_t kMaxMixedHandleChars = 10;
constexpr std::string_view kFullWidthAt = "\xEF\xBC\xA0";  // ＠

bool IsHandleByte(char c) { return IsAsciiAlnum(c) || c == '_' || c == '-' || c == '.'; }
bool IsDomainByte(char c) { return IsAsciiAlnum(c) || c == '-' || c == '.'; }

// Drops the dots and dashes a sentence puts after a name ("mail bob@x.com.").
size_t TrimNameEnd(std::string_view t, size_t start, size_t end) {
  while (end > start && (t[end - 1] == '.' || t[end - 1] == '-')) --end;
  return end;
}

// The end of a domain ("host.social") starting at `i`, or `i` when there is none.
size_t DomainEnd(std::string_view t, size_t i) {
  size_t j = i;
  while (j < t.size() && IsDomainByte(t[j])) ++j;
  j = TrimNameEnd(t, i, j);
  return t.substr(i, j - i).find('.') == std::string_view::npos ? i : j;
}

// A web address starting at `i` ("https://", "www."): its end, or `i`.
size_t WebAddressEnd(std::string_view t, size_t i) {
  size_t body = 0;
  for (std::string_view scheme : {"https://", "http://", "www."}) {
    if (StartsWithIgnoreCase(t.substr(i), scheme)) {
      body = i + scheme.size();
      break;
    }
  }
  if (body == 0) return i;
  size_t j = body;
  while (j < t.size()) {
    const char c = t[j];
    if (c <= ' ' || c > '~' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '`') break;
    ++j;
  }
  // What closes the sentence or a bracket around the address is not part of it.
  while (j > body) {
    const char c = t[j - 1];
    const std::string_view inside = t.substr(i, j - 1 - i);
    const bool unopened = (c == ')' && std::count(inside.begin(), inside.end(), '(') <
                                           std::count(inside.begin(), inside.end(), ')') + 1) ||
                          (c == ']' && inside.find('[') == std::string_view::npos);
    if (std::string_view(".,;:!?*}").find(c) == std::string_view::npos && !unopened) break;
    --j;
  }
  return j > body ? j : i;
}

// How far a run of handle characters (letters and digits of any script, "_", "-") from
// `i` goes: its end, and how many characters it holds.
struct HandleRun {
  size_t end;
  size_t chars;
};
HandleRun RunOfHandleChars(std::string_view t, size_t i, size_t max_chars) {
  const int32_t n = static_cast<int32_t>(t.size());
  int32_t j = static_cast<int32_t>(i);
  size_t chars = 0;
  while (j < n && chars <= max_chars) {
    const int32_t at = j;
    UChar32 c;
    U8_NEXT(t.data(), j, n, c);
    if (c < 0 || !(u_isalnum(c) || c == '_' || c == '-')) return {static_cast<size_t>(at), chars};
    ++chars;
  }
  return {static_cast<size_t>(j), chars};
}

// The end of the handle whose name starts at `i` (after the "@"), or `i`.
size_t HandleEnd(std::string_view t, size_t i) {
  if (i >= t.size()) return i;
  if (static_cast<unsigned char>(t[i]) < 0x80) {
    if (!IsAsciiAlnum(t[i]) && t[i] != '_') return i;
    size_t j = i;
    while (j < t.size() && IsHandleByte(t[j])) ++j;
    j = TrimNameEnd(t, i, j);
    // Mastodon: @user@host.social
    if (j + 1 < t.size() && t[j] == '@') {
      const size_t host_end = DomainEnd(t, j + 1);
      if (host_end > j + 1) j = host_end;
    }
    // A Weibo name may go on in Chinese ("@AI泡沫观察 求…") when a space closes it; an X
    // handle is ASCII and the Chinese after it is the post ("@elonmusk说AI是泡沫").
    if (j < t.size() && static_cast<unsigned char>(t[j]) >= 0x80) {
      const HandleRun run = RunOfHandleChars(t, j, kMaxMixedHandleChars);
      if (run.chars > 0 && run.chars <= kMaxMixedHandleChars && run.end < t.size() && t[run.end] == ' ') j = run.end;
    }
    return j;
  }
  // A handle in another script ends at a space or a punctuation mark; without one
  // nearby there is no telling where it ends ("@新浪财经AI泡沫"). At the end of the text only a
  // short one is taken whole.
  const HandleRun run = RunOfHandleChars(t, i, kMaxHandleChars);
  if (run.chars == 0 || run.chars > kMaxHandleChars) return i;
  if (run.end == t.size() && run.chars > kMaxHandleCharsAtEnd) return i;
  return run.end;
}

}  // namespace

std::vector<TextSpan> FindTextAddresses(std::string_view t) {
  std::vector<TextSpan> spans;
  size_t i = 0;
  while (i < t.size()) {
    const bool word_start = i == 0 || !(IsAsciiAlnum(t[i - 1]) || t[i - 1] == '_');
    const char c = t[i];
    if (word_start && (c == 'h' || c == 'H' || c == 'w' || c == 'W')) {
      if (const size_t end = WebAddressEnd(t, i); end > i) {
        spans.push_back({i, end});
        i = end;
        continue;
      }
    }
    const size_t at_size = c == '@' ? 1 : t.substr(i, kFullWidthAt.size()) == kFullWidthAt ? kFullWidthAt.size() : 0;
    if (at_size == 0) {
      ++i;
      continue;
    }
    if (c == '@' && i > 0 && (IsAsciiAlnum(t[i - 1]) || t[i - 1] == '_')) {  // name@domain.tld
      size_t start = i;
      while (start > 0 && (IsAsciiAlnum(t[start - 1]) || std::string_view("._%+-").find(t[start - 1]) !=
                                                              std::string_view::npos)) {
        --start;
      }
      const size_t end = DomainEnd(t, i + 1);
      if (end > i + 1) {
        // An address that began before the last span ended would overlap it.
        if (!spans.empty() && start < spans.back().end) start = spans.back().end;
        spans.push_back({start, end});
        i = end;
        continue;
      }
      ++i;
      continue;
    }
    const size_t end = HandleEnd(t, i + at_size);
    if (end > i + at_size) {
      spans.push_back({i, end});
      i = end;
    } else {
      i += at_size;
    }
  }
  return spans;
}

void BlankTextAddresses(std::string& text) {
  for (const TextSpan& s : FindTextAddresses(text)) std::fill(text.begin() + static_cast<long>(s.start),
                                                              text.begin() + static_cast<long>(s.end), ' ');
}

}  // namespace bw
