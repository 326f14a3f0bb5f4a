#include "pipeline/cli/display_text.h"

namespace bw::cli {
namespace {

constexpr char kMarkOpen = '\x01';
constexpr char kMarkClose = '\x02';

// The length of the control character (C0, DEL, or C1 as UTF-8: C2 80..9F)
// at byte `i` of `s`; 0 when there is none.
size_t ControlAt(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x20 || c == 0x7F) return 1;
  if (c == 0xC2 && i + 1 < s.size()) {
    const auto next = static_cast<unsigned char>(s[i + 1]);
    if (next >= 0x80 && next <= 0x9F) return 2;
  }
  return 0;
}

}  // namespace

std::string MarkedLine(std::string_view s, Marks marks) {
  const char* open = marks == Marks::kAnsi ? "\x1b[1;7m" : "[";
  const char* close = marks == Marks::kAnsi ? "\x1b[0m" : "]";
  std::string out;
  bool space = false;  // a space is due before the next character
  for (size_t i = 0; i < s.size();) {
    if (s[i] == kMarkOpen || s[i] == kMarkClose) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += s[i] == kMarkOpen ? open : close;
      ++i;
      continue;
    }
    if (size_t n = ControlAt(s, i); n > 0 || s[i] == ' ') {
      space = true;
      i += n > 0 ? n : 1;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += s[i++];
  }
  return out;
}

std::string BracketMarks(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == kMarkOpen) c = '[';
    if (c == kMarkClose) c = ']';
  }
  return out;
}

std::string PrintableText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t n = ControlAt(s, i);
    if (n > 0 && s[i] != '\n' && s[i] != '\t') {
      out += ' ';
      i += n;
      continue;
    }
    out += s[i++];
  }
  return out;
}

}  // namespace bw::cli
