// Stored text made fit to print on a terminal: a page's text may hold escape
// sequences or other control characters, which must never reach the terminal
// as they are, and search results mark their matches with the bytes \x01 and
// \x02 (db/document_store.h), which are shown as brackets or highlighted.
//
//   std::cout << bw::cli::MarkedLine(hit.snippet, bw::cli::Marks::kBrackets);
//   // "…分析师警告人工智能[泡沫]正在形成。…"
#ifndef BUBBLEWATCH_PIPELINE_CLI_DISPLAY_TEXT_H_
#define BUBBLEWATCH_PIPELINE_CLI_DISPLAY_TEXT_H_

#include <string>
#include <string_view>

namespace bw::cli {

// How a match is shown: between [ and ], or in bold reverse video (ANSI).
enum class Marks { kBrackets, kAnsi };

// `s` on one line: every run of white space and control characters (C0, DEL
// and C1) becomes one space, the ends are trimmed, and the markers \x01 and
// \x02 become `marks`.
std::string MarkedLine(std::string_view s, Marks marks);

// `s` with the markers \x01 and \x02 made brackets and nothing else changed
// (for JSON, which escapes the rest).
std::string BracketMarks(std::string_view s);

// `s` with every control character but newline and tab made a space, so that
// a stored text cannot move the cursor or change the terminal.
std::string PrintableText(std::string_view s);

}  // namespace bw::cli

#endif  // BUBBLEWATCH_PIPELINE_CLI_DISPLAY_TEXT_H_
