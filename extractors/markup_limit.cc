#include "extractors/markup_limit.h"

#include <algorithm>
#include <array>

#include "extractors/text_util.h"

namespace bw {
namespace {

// Elements that never hold children, or whose end tag authors usually omit:
// neither deepens the tree in a way the scan can follow.
bool IsFlatTag(std::string_view name) {
  static constexpr std::array<std::string_view, 32> kFlat = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
      "rp", "rt", "tbody", "thead", "tfoot", "colgroup", "html", "head", "body"};
  for (std::string_view f : kFlat) {
    if (name == f) return true;
  }
  return false;
}

bool IsRawTextTag(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "plaintext";
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The end of the tag that starts at `lt` (one past '>'), honouring quoted
// attribute values; html.size() when it never closes.
size_t TagEnd(std::string_view html, size_t lt) {
  char quote = 0;
  for (size_t i = lt + 1; i < html.size(); ++i) {
    char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

}  // namespace

MarkupLimits MarkupLimits::ForSize(size_t bytes) {
  MarkupLimits limits;
  limits.max_tags = std::max<size_t>(limits.max_tags, bytes / 40);
  return limits;
}

std::string LimitMarkup(std::string_view html, const MarkupLimits& limits) {
  std::string out;
  bool rewriting = false;  // out is only built once the cap is first passed
  size_t copied = 0;       // html[0, copied) is already in out
  int depth = 0;
  int dropped = 0;  // start tags removed whose end tags are still to come
  size_t tags = 0;  // start tags kept
  size_t i = 0;
  while (true) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
    if (html.compare(lt, 4, "<!--") == 0) {
      size_t end = html.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    bool closing = html[lt + 1] == '/';
    size_t name_start = lt + (closing ? 2 : 1);
    if (name_start >= html.size() || !IsAsciiAlpha(html[name_start])) {
      i = lt + 1;
      continue;
    }
    size_t name_end = name_start;
    while (name_end < html.size() && (IsAsciiAlpha(html[name_end]) ||
                                      (html[name_end] >= '0' && html[name_end] <= '9') ||
                                      html[name_end] == '-')) {
      ++name_end;
    }
    std::string name = AsciiLower(html.substr(name_start, name_end - name_start));
    size_t end = TagEnd(html, lt);
    bool self_closing = end >= 2 && html[end - 2] == '/' && html[end - 1] == '>';
    bool drop = false;
    if (!closing && IsRawTextTag(name)) {
      // Skip to the matching end tag: its contents are text, not markup.
      std::string close = "</" + name;
      size_t at = end;
      while (true) {
        at = html.find("</", at);
        if (at == std::string_view::npos) break;
        if (AsciiLower(html.substr(at, close.size())) == close) break;
        at += 2;
      }
      i = at == std::string_view::npos ? html.size() : at;
      continue;
    }
    if (tags >= limits.max_tags) {
      drop = true;  // past the budget every tag goes, and its text stays
    } else if (!IsFlatTag(name) && !self_closing) {
      if (closing) {
        if (dropped > 0) {
          --dropped;
          drop = true;
        } else if (depth > 0) {
          --depth;
        }
      } else if (depth >= limits.max_depth) {
        ++dropped;
        drop = true;
      } else {
        ++depth;
      }
    }
    if (!closing && !drop) ++tags;
    if (drop) {
      if (!rewriting) {
        rewriting = true;
        out.reserve(html.size());
      }
      out.append(html.substr(copied, lt - copied));
      copied = end;
    }
    i = end;
  }
  if (!rewriting) return std::string(html);
  out.append(html.substr(copied));
  return out;
}

}  // namespace bw
