// Quoted lines and repost chains: the parts of a post that quote what someone
// else wrote, which the writer answers or passes on. Reddit and Hacker News
// quote with "> " (X sends it as "&gt; "), Japanese boards with "＞", PTT with
// ": ":
//
//   > AI is a bubble
//   No. Hyperscalers can't get enough GPUs.
//
// The first line is the view being answered, not the writer's. Not quotes: a
// line that starts with two marks (">>12", "＞＞12": a reply's anchor), one
// before a digit (">90%": a comparison), and lines with no reply after them
// (the writer's own greentext or list: "Oracle & OpenAI $300B\n> 20x its
// revenue\n> who pays?").
//
//   std::vector<bw::TextSpan> q = bw::FindQuotedLines("> AI is a bubble\nNo.");
//   // q == {{0, 16}}
#ifndef BUBBLEWATCH_EXTRACTORS_QUOTED_LINES_H_
#define BUBBLEWATCH_EXTRACTORS_QUOTED_LINES_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractors/text_segmenter.h"

namespace bw {

// The quoted lines of `text`, in order, each from its first byte to its '\n'
// (not included): lines whose first non-blank characters are one quote mark
// not followed by another, with a later line that is neither blank nor quoted
// (a reply) after them. One pass over the text.
std::vector<TextSpan> FindQuotedLines(std::string_view text);

// The repost chain of a post: from the first Weibo "//@name:" or X "RT @name:" /
// "QT @name:" that follows the writer's own comment to the end of the text
// ("醒醒吧//@某人:AI是革命" → "//@某人:AI是革命"; "This. RT @a: …" → "RT @a: …"): the
// words of others, which the writer passes on or answers. Empty when there is
// none, or when nothing comes before it (a plain repost: the chain is all the
// writer says).
TextSpan FindRepostChain(std::string_view text);

// `text` without its quoted lines (and their line breaks). A repost chain stays:
// a comment is often only "ほんとこれ" and the chain is what it passes on.
std::string WithoutQuotedLines(std::string_view text);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_QUOTED_LINES_H_
