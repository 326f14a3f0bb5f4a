#include "pipeline/source_listing.h"

#include <algorithm>
#include <unordered_set>

#include "extractors/charset_decoder.h"
#include "extractors/feed_parser.h"
#include "extractors/gzip_body.h"
#include "extractors/html_dom.h"
#include "extractors/page_links.h"
#include "pipeline/url.h"

namespace bw {
namespace {

// Adds `item` under its canonical URL, once per listing.
void AddItem(const std::string& base, FeedItemRow item, const std::string& lang_hint,
             std::unordered_set<std::string>& seen, SourceListing* out) {
  item.link = ResolveUrl(base, item.link);
  item.url = CanonicalUrl(item.link);
  if (item.url.empty() || !seen.insert(item.url).second) return;
  if (item.lang.empty()) item.lang = lang_hint;
  out->items.push_back(std::move(item));
}

Result<SourceListing> ReadPage(const SourceConfig& source, const HttpResponse& response) {
  DecodedText decoded = DecodeToUtf8(response.body, response.content_type, true);
  HtmlDom dom(decoded.utf8);
  SourceListing listing;
  listing.format = "page";
  const std::string self = CanonicalUrl(response.final_url);
  std::unordered_set<std::string> seen;
  for (PageLink& link : FindArticleLinks(dom)) {
    std::string resolved = ResolveUrl(response.final_url, link.href);
    if (resolved.empty() || !IsSameSite(resolved, response.final_url) ||
        CanonicalUrl(resolved) == self) {
      continue;
    }
    FeedItemRow item;
    item.link = resolved;
    item.title = std::move(link.text);
    AddItem(response.final_url, std::move(item), source.lang, seen, &listing);
  }
  return listing;
}

}  // namespace

Result<SourceListing> ReadSourceListing(const SourceConfig& source, const HttpResponse& response,
                                        size_t max_body_bytes) {
  if (source.type == "page") return ReadPage(source, response);
  std::string_view body = response.body;
  std::string inflated;
  if (IsGzip(body)) {  // a .xml.gz served as a file, not as Content-Encoding
    auto gunzipped = GunzipCapped(body, max_body_bytes);
    if (!gunzipped.ok()) return gunzipped.status();
    inflated = std::move(*gunzipped);
    body = inflated;
  }
  auto feed = ParseFeed(body, CharsetFromContentType(response.content_type));
  if (!feed.ok()) return feed.status();
  const bool is_sitemap =
      feed->format == FeedFormat::kSitemap || feed->format == FeedFormat::kSitemapIndex;
  if ((source.type == "sitemap") != is_sitemap) {
    return Status::BadData(std::string("expected a ") +
                           (source.type == "sitemap" ? "sitemap" : "feed") + ", got " +
                           FeedFormatName(feed->format));
  }
  SourceListing listing;
  listing.format = FeedFormatName(feed->format);
  listing.recovered_errors = feed->recovered_errors;
  for (const std::string& child : feed->sitemaps) {
    std::string url = ResolveUrl(response.final_url, child);
    if (!url.empty()) listing.sitemaps.push_back(url);
  }
  const std::string lang_hint = source.lang.empty() ? feed->language : source.lang;
  std::unordered_set<std::string> seen;
  for (FeedItem& it : feed->items) {
    FeedItemRow item;
    item.link = std::move(it.url);
    item.title = std::move(it.title);
    if (it.published) item.published = it.published->ToIso8601();
    item.content = std::move(it.content);
    item.summary = std::move(it.summary);
    item.lang = std::move(it.language);
    AddItem(response.final_url, std::move(item), lang_hint, seen, &listing);
  }
  if (is_sitemap) {
    // Sitemaps list by URL, not by date: take the newest first. Dates with
    // zones of their own compare well enough as text for ordering.
    std::stable_sort(listing.items.begin(), listing.items.end(),
                     [](const FeedItemRow& a, const FeedItemRow& b) {
                       return a.published > b.published;
                     });
  }
  return listing;
}

}  // namespace bw
