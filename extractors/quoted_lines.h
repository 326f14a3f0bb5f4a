// Quoted lines: the lines of a post that quote what someone else wrote before
// the reply to it. Reddit and Hacker News quote with "> " (X sends it as
// "&gt; "), Japanese boards with "＞", PTT with ": ":
//
//   > AI is a bubble
//   No. Hyperscalers can't get enough GPUs.
//
// The first line is the view being answered, not the writer's. A line that
// starts with two of them (">>12", "＞＞12") is a reply's anchor, not a quote.
//
//   bw::InQuotedLine("> AI is a bubble\nNo.", 3);   // true
//   bw::InQuotedLine("> AI is a bubble\nNo.", 18);  // false
#ifndef BUBBLEWATCH_EXTRACTORS_QUOTED_LINES_H_
#define BUBBLEWATCH_EXTRACTORS_QUOTED_LINES_H_

#include <string>
#include <string_view>

namespace bw {

// True when the line of `text` that holds byte `offset` is a quoted line: its
// first non-blank characters are one quote mark not followed by another.
// REQUIRES: offset <= text.size().
bool InQuotedLine(std::string_view text, size_t offset);

// `text` without its quoted lines; `text` as it is when none of its lines is
// quoted or all of them are (then there is nothing else to read).
std::string WithoutQuotedLines(std::string_view text);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_QUOTED_LINES_H_
