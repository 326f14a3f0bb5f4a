// BuildMatchExpression: what a person types into a search box, made into an
// FTS5 MATCH expression for the search index (db/search_tokenizer.h) that is
// never an FTS5 syntax error, whatever the text holds.
//
//   bw::BuildMatchExpression("泡 NVIDIA OR \"data center\" gig*")
//   // == "\"泡\"* \"NVIDIA\" OR \"data center\" \"gig\"*"
//   bw::BuildMatchExpression("OR NOT")  // == "": nothing to search for
//
// The rules:
// - The query is split on white space (ASCII, NUL, no-break space and the
//   ideographic space U+3000). Every term is written as an FTS5 string (a '"'
//   inside is doubled), so punctuation, parentheses, colons ("title:x" is the
//   words title and x, not a column filter), NEAR, ^, + and - are text, never
//   syntax. Terms next to each other must all be found (FTS5's implicit AND).
// - Text between double quotes is one term, a phrase: "data center" finds the
//   two words next to each other. A quote left open runs to the end of the
//   query; a quote also starts a phrase in the middle of a word (say"hi" is
//   say, then "hi"). Inside quotes, white space and '*' are text.
// - A '*' (or several) at the end of a term, or right after a phrase's closing
//   quote, makes it a prefix query: gig* finds gigawatt; "data cen"* finds
//   data center.
// - A term whose last search token is a lone CJK character (泡, AI泡) is made
//   a prefix query, since only a prefix query finds every occurrence of such a
//   character in the bigram index (see db/search_tokenizer.h): 泡 finds 泡沫
//   and 气泡, AI泡 finds AI泡沫.
// - OR, AND and NOT in capitals, written alone between terms, keep their FTS5
//   meaning (NOT binds tighter than AND, AND than OR); or, and, not are words.
//   An operator with no term on one side is dropped, and of several operators
//   in a row the last one counts ("a AND NOT b" is "a" NOT "b").
// - A term with no search token (punctuation alone, emoji, invalid UTF-8) is
//   dropped: it could match nothing.
// - The result is "" when no term is left (an empty query, only operators,
//   only punctuation), and when a NOT comes before the first term, since FTS5
//   cannot ask for every document without a word. The caller reports that as
//   a usage error.
#ifndef BUBBLEWATCH_EXTRACTORS_SEARCH_QUERY_H_
#define BUBBLEWATCH_EXTRACTORS_SEARCH_QUERY_H_

#include <string>
#include <string_view>

namespace bw {

// The FTS5 MATCH expression for `user_query`, or "" when it asks for nothing.
std::string BuildMatchExpression(std::string_view user_query);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_SEARCH_QUERY_H_
