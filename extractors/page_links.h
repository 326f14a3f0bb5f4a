// The links of a listing page (a section front, a "latest news" page) that
// look like links to articles, for sources of type `page`.
//
//   bw::HtmlDom dom(utf8_html);
//   for (const bw::PageLink& l : bw::FindArticleLinks(dom)) { /* resolve l.href */ }
#ifndef BUBBLEWATCH_EXTRACTORS_PAGE_LINKS_H_
#define BUBBLEWATCH_EXTRACTORS_PAGE_LINKS_H_

#include <string>
#include <vector>

#include "extractors/html_dom.h"

namespace bw {

struct PageLink {
  std::string href;  // as written (relative or absolute)
  std::string text;  // the anchor's text, white space collapsed
};

// The anchors of the page, in document order, whose text reads like a
// headline: at least 12 letters in Latin script or 6 characters in Chinese or
// Japanese. Anchors inside nav, header, footer and aside, links that are not
// http(s) or relative (mailto:, javascript:, "#…"), and repeats of an href are
// left out. Which of them are on the site is for the caller to decide, since
// that needs the page's URL.
std::vector<PageLink> FindArticleLinks(const HtmlDom& dom);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_PAGE_LINKS_H_
