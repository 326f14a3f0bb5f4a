// Post markup: the plain text of a post whose API sends it as an HTML
// fragment (Hacker News comments, Mastodon statuses: "<p>&gt; quote</p><p>No.</p>")
// or with HTML entities (X: "Oracle &amp; OpenAI", "&gt; quote"). Paragraphs
// and line breaks become '\n', a <blockquote> line starts with "> " (a quoted
// line, see quoted_lines.h), entities are decoded, tags dropped.
//
//   if (bw::LooksLikePostMarkup(text)) text = bw::PostMarkupText(text);
//   // "<p>&gt; AI is a bubble</p><p>No.</p>" -> "> AI is a bubble\nNo."
#ifndef BUBBLEWATCH_EXTRACTORS_POST_MARKUP_H_
#define BUBBLEWATCH_EXTRACTORS_POST_MARKUP_H_

#include <string>
#include <string_view>

namespace bw {

// True when `text` holds a paragraph, line-break, link or quote tag, or an
// HTML entity ("&amp;", "&#39;", "&#x27;"): text a person typed has none.
bool LooksLikePostMarkup(std::string_view text);

// The plain text of `markup`. With tags, white space is collapsed as a browser
// does and paragraphs become lines; with entities alone, the text's own line
// breaks are kept. REQUIRES: `markup` is valid UTF-8.
std::string PostMarkupText(std::string_view markup);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_POST_MARKUP_H_
