// SourceListing: what one poll of a configured source lists — the items of a
// feed, the URLs of a sitemap (or the sitemaps of a sitemap index), or the
// article links of a listing page — resolved and under their canonical URLs.
//
//   auto listing = bw::ReadSourceListing(source, response, config.limits.max_body_bytes);
//   if (!listing.ok()) { /* "not a feed: an HTML page", … (exit-code class 65) */ }
//   for (const bw::FeedItemRow& item : listing->items) store.AddFeedItem(item);
#ifndef BUBBLEWATCH_PIPELINE_SOURCE_LISTING_H_
#define BUBBLEWATCH_PIPELINE_SOURCE_LISTING_H_

#include <string>
#include <vector>

#include "common/result.h"
#include "db/crawl_store.h"
#include "pipeline/config.h"
#include "pipeline/http_client.h"

namespace bw {

struct SourceListing {
  std::string format;  // rss, rdf, atom, jsonfeed, sitemap, sitemapindex, page
  // Items in the order to fetch them: as listed for feeds and pages, newest
  // first for sitemaps. source_id is left 0 for the caller.
  std::vector<FeedItemRow> items;
  std::vector<std::string> sitemaps;  // absolute URLs of a sitemap index's children
  int recovered_errors = 0;           // XML damage libxml2 read past
};

// Reads the body of a successful response to a poll of `source`. Feed types
// (rss, atom, jsonfeed) accept any feed format, since sites mislabel them;
// `sitemap` accepts sitemaps and indexes, gzip-compressed too (the result at
// most `max_body_bytes`); `page` reads an HTML listing and keeps the links to
// the same site. Fails with a BadData status when the body is not what the
// source type needs ("not a feed: an HTML page").
Result<SourceListing> ReadSourceListing(const SourceConfig& source, const HttpResponse& response,
                                        size_t max_body_bytes);

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_SOURCE_LISTING_H_
