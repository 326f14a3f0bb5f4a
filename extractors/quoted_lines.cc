#include "extractors/quoted_lines.h"

#include <array>

namespace bw {
namespace {

// PTT quotes with ": " under a "※ 引述《…》之銘言：" line.
constexpr std::array<std::string_view, 4> kQuoteMarks = {">", "\xEF\xBC\x9E" /* ＞ */, "&gt;", ": "};

// The length of the quote mark that `s` starts with, or 0.
size_t QuoteMarkAt(std::string_view s) {
  for (std::string_view mark : kQuoteMarks) {
    if (s.substr(0, mark.size()) == mark) return mark.size();
  }
  return 0;
}

// Whether the line starting at `line` (up to its '\n') is a quoted line.
bool QuotedLineAt(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  const size_t mark = QuoteMarkAt(line.substr(i));
  return mark != 0 && QuoteMarkAt(line.substr(i + mark)) == 0;
}

}  // namespace

bool InQuotedLine(std::string_view text, size_t offset) {
  const size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  const size_t start = newline == std::string_view::npos ? 0 : newline + 1;
  return QuotedLineAt(text.substr(start));
}

std::string WithoutQuotedLines(std::string_view text) {
  std::string out;
  bool any_quoted = false;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (QuotedLineAt(line)) {
      any_quoted = true;
    } else {
      out.append(line);
      if (end < text.size()) out.push_back('\n');
    }
    start = end + 1;
  }
  bool all_blank = out.find_first_not_of(" \t\r\n") == std::string::npos;
  return any_quoted && !all_blank ? out : std::string(text);
}

}  // namespace bw
