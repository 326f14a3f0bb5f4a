#include "extractors/page_links.h"

#include <set>

#include "extractors/text_util.h"

namespace bw {
namespace {

// Whether `text` is long enough to be a headline rather than "More" or "日本".
bool ReadsLikeHeadline(const std::string& text) {
  size_t letters = 0;
  for (char c : text) letters += IsAsciiLetter(c);
  return letters >= 12 || CountChars(text).cjk >= 6;
}

bool IsFollowable(std::string_view href) {
  if (href.empty() || href[0] == '#') return false;
  size_t colon = href.find(':');
  size_t slash = href.find('/');
  if (colon == std::string_view::npos || (slash != std::string_view::npos && slash < colon)) {
    return true;  // relative
  }
  return StartsWithIgnoreCase(href, "http:") || StartsWithIgnoreCase(href, "https:");
}

}  // namespace

std::vector<PageLink> FindArticleLinks(const HtmlDom& dom) {
  std::vector<PageLink> links;
  std::set<std::string> seen;
  const GumboNode* body = dom.body() ? dom.body() : dom.root();
  HtmlDom::ForEachElement(body, [&](const GumboNode* node) {
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER ||
        tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) {
      return false;
    }
    if (tag != GUMBO_TAG_A) return true;
    std::string href = CollapseWhitespace(HtmlDom::Attr(node, "href"));
    if (!IsFollowable(href) || seen.count(href)) return false;
    std::string text = HtmlDom::Text(node);
    if (!ReadsLikeHeadline(text)) return false;
    seen.insert(href);
    links.push_back({std::move(href), std::move(text)});
    return false;
  });
  return links;
}

}  // namespace bw
