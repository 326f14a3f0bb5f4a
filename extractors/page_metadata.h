// PageMetadata: what a news page says about itself, read from its markup:
// title, site name, author, canonical URL, declared language and publication time.
//
// Sources are tried from the most to the least reliable: JSON-LD
// (schema.org NewsArticle and friends), OpenGraph / article / Dublin Core and
// the meta names CJK portals use, itemprop microdata, <time datetime>, elements
// whose class names a date (hAtom "published", "post-time"), and finally a date
// written near the headline. A date-only value is completed by a visible time
// of the same day. A published date is preferred over a modified one, which is
// only used when nothing else is found.
//
//   bw::HtmlDom dom(html);
//   bw::PageMetadata meta = bw::ExtractPageMetadata(dom);
//   if (meta.published) std::cout << meta.published->ToIso8601();
#ifndef BUBBLEWATCH_EXTRACTORS_PAGE_METADATA_H_
#define BUBBLEWATCH_EXTRACTORS_PAGE_METADATA_H_

#include <optional>
#include <string>

#include "extractors/date_text.h"
#include "extractors/html_dom.h"

namespace bw {

struct PageMetadata {
  std::string title;          // the headline, without a " | Site name" suffix
  std::string site_name;
  std::string author;
  std::string canonical_url;  // as the page writes it (may be relative); "" when absent
  std::string lang_attr;      // <html lang>, a hint only
  std::optional<DateTime> published;
  std::string json_ld_body;    // JSON-LD articleBody, as written; "" when absent
  std::string published_from;  // "json-ld", "meta", "itemprop", "time", "element", "text",
                               // "modified"
};

// `reference`, when the page was read, lets a date written without a year
// ("10月12日 11:07") near the headline or in a date element count.
PageMetadata ExtractPageMetadata(const HtmlDom& dom,
                                 const std::optional<DateTime>& reference = std::nullopt);

// Removes a site-name part from a <title>: "Headline | Site" -> "Headline".
// A part is dropped when it equals `site_name`, or when another part equals
// `headline` (the page's <h1>). Separators are " | ", " - ", " – ", " — ",
// " :: ", the full-width bars "｜" "丨", and the unspaced "_", "－", "|" of CJK
// portals; a dash inside a headline is kept, since only a part that matches is
// cut. A CJK title "headline_channel_site" (two or more underscores) keeps
// its first part even with nothing to match.
std::string StripSiteName(const std::string& title, const std::string& site_name,
                          const std::string& headline);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_PAGE_METADATA_H_
