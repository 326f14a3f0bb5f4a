// A parser of news feeds and sitemaps: RSS 2.0 / 0.9x, RSS 1.0 (RDF), Atom
// 1.0, JSON Feed 1.0/1.1, sitemaps (with the Google News extension) and
// sitemap indexes. Bytes in, values out: no I/O, no clock, no global state.
//
//   std::string body = ...;  // as served; inflated first if gzip (see gzip_body.h)
//   bw::Result<bw::ParsedFeed> feed = bw::ParseFeed(body, /*http_charset=*/"Shift_JIS");
//   if (!feed.ok()) return feed.status();  // "not a feed: an HTML page"
//   for (const bw::FeedItem& item : feed->items) {
//     Enqueue(ResolveUrl(feed_url, item.url), item.published);
//   }
//
// Malformed XML is read in libxml2's recover mode, so a feed damaged in one
// item still gives the items around it. Entities are never substituted and
// nothing outside the body is ever loaded (no XXE, no DTD, no network).
#ifndef BUBBLEWATCH_EXTRACTORS_FEED_PARSER_H_
#define BUBBLEWATCH_EXTRACTORS_FEED_PARSER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "extractors/date_text.h"

namespace bw {

enum class FeedFormat { kRss, kRdf, kAtom, kJsonFeed, kSitemap, kSitemapIndex };

// "rss", "rdf", "atom", "jsonfeed", "sitemap", "sitemapindex".
const char* FeedFormatName(FeedFormat f);

struct FeedItem {
  std::string url;        // the item's link, as written (trimmed); the caller resolves it against the feed URL
  std::string title;      // plain text (entities decoded, tags of an HTML title stripped, white space collapsed)
  std::optional<DateTime> published;  // pubDate, dc:date, atom published (else updated), JSON date_published, sitemap news:publication_date (else lastmod)
  std::string content;    // full content when the feed carries it: content:encoded, atom <content> (type html/xhtml/text; xhtml serialized as its inner XML), JSON content_html (else content_text)
  std::string summary;    // description / atom summary / JSON summary
  std::string language;   // news:language of a news sitemap, JSON item language; else ""
};

struct ParsedFeed {
  FeedFormat format = FeedFormat::kRss;
  std::string title;                 // channel/feed title; news:publication/news:name for news sitemaps if no other
  std::string language;              // channel <language>, dc:language, xml:lang of atom feed, JSON "language"
  std::vector<FeedItem> items;       // in document order; items with no URL are dropped and counted in `dropped`
  std::vector<std::string> sitemaps; // <sitemap><loc> of a sitemap index, as written
  int dropped = 0;                   // items without a usable link
  int recovered_errors = 0;          // XML errors libxml2 recovered from (0 for a well-formed feed)
};

// Parses an RSS 2.0 / 0.9x, RSS 1.0 (RDF, items outside <channel>), Atom 1.0,
// JSON Feed 1.0/1.1, sitemap (urlset, with the Google News extension) or
// sitemap index body. `body` is the raw bytes as served (decompress gzip
// first with GunzipCapped).
//
// XML is read in the encoding its prolog or BOM declares (UTF-8, UTF-16,
// Shift_JIS, EUC-JP, GBK/GB2312/GB18030, Big5 …), and when `http_charset`
// (the Content-Type charset, may be empty) is given and the prolog declares
// none, that one. Labels are read as browsers read them (Shift_JIS as
// windows-31j, GB2312 and GBK as GB18030); bytes invalid in the charset become
// U+FFFD and the parse goes on.
//
// libxml2 recover mode: a broken feed still yields the items before and after
// its damage where libxml2 can recover them. Namespaces are matched by
// namespace URI, not prefix (content:encoded is
// http://purl.org/rss/1.0/modules/content/; dc is
// http://purl.org/dc/elements/1.1/; atom http://www.w3.org/2005/Atom; sitemap
// http://www.sitemaps.org/schemas/sitemap/0.9; news
// http://www.google.com/schemas/sitemap-news/0.9), but elements without any
// namespace in an RSS 2.0 document are RSS's own.
//
// Links: Atom takes rel="alternate" or no rel, preferring type text/html.
// RSS takes <link>, else <atom:link>, else <guid> unless isPermaLink="false"
// (and only when the guid looks like a link: http(s):// or /). RDF takes the
// item's link, else rdf:about. At most 10,000 items (or sitemaps) are read.
//
// Fails with Status::BadData and a one-line message when the body is not a
// feed: "not a feed: an HTML page" (root html, or a body that starts like
// HTML: <!DOCTYPE html, <html), "not a feed: empty body", "not a feed: no
// root element" (not XML at all), "not a feed: unknown root element <foo>",
// "not a feed: invalid JSON (syntax error at byte N)", "not a feed: JSON
// without items" (JSON Feed requires "version" starting with
// https://jsonfeed.org/version/ and an items array).
Result<ParsedFeed> ParseFeed(std::string_view body, std::string_view http_charset = {});

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_FEED_PARSER_H_
