// CapNestingDepth: a guard in front of the HTML parser. gumbo's tree
// construction costs O(tags × depth), so 10 MB of "<div>" would take hours;
// browsers cap the depth of the tree for the same reason. This linear scan
// tracks how deep elements are opened and, past `max_depth`, drops further
// start tags (and their matching end tags), leaving their text in place.
// Real pages stay far below the cap and are returned unchanged.
//
//   std::string safe = bw::CapNestingDepth(html, 512);
#ifndef BUBBLEWATCH_EXTRACTORS_NESTING_LIMIT_H_
#define BUBBLEWATCH_EXTRACTORS_NESTING_LIMIT_H_

#include <string>
#include <string_view>

namespace bw {

inline constexpr int kMaxHtmlDepth = 512;

// Returns `html` with start tags beyond `max_depth` removed. Void elements,
// self-closing tags and elements whose end tag is usually implied (p, li, td,
// option, …) do not count toward the depth; comments, script, style, textarea
// and title contents are skipped as the parser would.
std::string CapNestingDepth(std::string_view html, int max_depth = kMaxHtmlDepth);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_NESTING_LIMIT_H_
