#include "extractors/quoted_lines.h"

#include <array>

#include "extractors/text_addresses.h"
#include "extractors/text_util.h"

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

enum class LineKind { kBlank, kQuoted, kText };

LineKind KindOf(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
  if (i == line.size()) return LineKind::kBlank;
  const size_t mark = QuoteMarkAt(line.substr(i));
  // ">>12" is an anchor, ">90%" a comparison.
  const std::string_view rest = line.substr(i + mark);
  const bool quoted = mark != 0 && QuoteMarkAt(rest) == 0 && !(!rest.empty() && rest[0] >= '0' && rest[0] <= '9');
  return quoted ? LineKind::kQuoted : LineKind::kText;
}

}  // namespace

std::vector<TextSpan> FindQuotedLines(std::string_view text) {
  std::vector<TextSpan> quoted;
  size_t replied_up_to = 0;  // quoted lines that start before this have a reply after them
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    switch (KindOf(text.substr(start, end - start))) {
      case LineKind::kQuoted: quoted.push_back({start, end}); break;
      case LineKind::kText: replied_up_to = start; break;
      case LineKind::kBlank: break;
    }
    start = end + 1;
  }
  while (!quoted.empty() && quoted.back().start >= replied_up_to) quoted.pop_back();
  return quoted;
}

TextSpan FindRepostChain(std::string_view text) {
  // The first chain mark: Weibo's "//@name:" (not inside a link: "https://t.cn/x//@y"),
  // or X's "RT @name:" and "QT @name:" at the start of a word.
  size_t first = std::string_view::npos;
  for (std::string_view mark : {"RT @", "QT @"}) {
    for (size_t at = text.find(mark); at != std::string_view::npos && at < first; at = text.find(mark, at + 1)) {
      if (at == 0 || !IsAsciiAlnum(text[at - 1])) {
        first = at;
        break;
      }
    }
  }
  std::vector<TextSpan> addresses;
  bool found_addresses = false;
  auto address = addresses.begin();
  for (size_t at = text.find("//@"); at != std::string_view::npos && at < first; at = text.find("//@", at + 3)) {
    if (!found_addresses) {
      addresses = FindTextAddresses(text);
      address = addresses.begin();
      found_addresses = true;
    }
    while (address != addresses.end() && address->end <= at) ++address;
    if (address != addresses.end() && address->start < at) continue;
    first = at;
    break;
  }
  // The writer's comment must come first: a plain repost is all the writer says.
  if (first == std::string_view::npos ||
      text.substr(0, first).find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return {};
  }
  return {first, text.size()};
}

std::string WithoutQuotedLines(std::string_view text) {
  const std::vector<TextSpan> quoted = FindQuotedLines(text);
  if (quoted.empty()) return std::string(text);
  std::string out;
  size_t from = 0;
  for (const TextSpan& q : quoted) {
    out.append(text.substr(from, q.start - from));
    from = q.end < text.size() ? q.end + 1 : q.end;  // with its line break
  }
  out.append(text.substr(from));
  return out;
}

}  // namespace bw
