// LimitMarkup: a guard in front of the HTML parser, so that parsing time and
// memory stay proportional to the page, whatever the page does.
//
// gumbo's tree construction costs O(tags x depth): 10 MB of "<div>" would take
// hours; browsers cap the depth of the tree for the same reason. And every
// element costs gumbo ~350 bytes, so 10 MB of "<i></i>" would take 30x its
// size in memory. This linear scan drops start tags past `max_depth` (and their
// matching end tags), and every tag, start or end, once `max_tags` start tags
// were kept, leaving their text in place. Real pages stay far below both limits and come back
// unchanged.
//
//   std::string safe = bw::LimitMarkup(html, bw::MarkupLimits::ForSize(html.size()));
#ifndef BUBBLEWATCH_EXTRACTORS_MARKUP_LIMIT_H_
#define BUBBLEWATCH_EXTRACTORS_MARKUP_LIMIT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace bw {

struct MarkupLimits {
  int max_depth = 512;
  size_t max_tags = 20000;

  // The limits for a page of `bytes` bytes: depth 512; at least 20,000 tags,
  // one per 40 bytes on larger pages (about 20x the page size in memory).
  static MarkupLimits ForSize(size_t bytes);
};

// Returns `html` without the tags beyond `limits`. Void elements, self-closing
// tags and elements whose end tag is usually implied (p, li, td, option, ...) do
// not count toward the depth; comments, script, style, textarea and title
// contents are skipped as the parser would.
std::string LimitMarkup(std::string_view html, const MarkupLimits& limits);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_MARKUP_LIMIT_H_
