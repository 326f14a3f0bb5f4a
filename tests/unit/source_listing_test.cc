#include "pipeline/source_listing.h"

#include "tests/support/test_files.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bw {
namespace {

SourceConfig Source(const std::string& type, const std::string& lang = "") {
  SourceConfig s;
  s.name = "s";
  s.type = type;
  s.url = "https://news.example/list";
  s.lang = lang;
  return s;
}

HttpResponse Response(const std::string& body, const std::string& type,
                      const std::string& final_url = "https://news.example/list") {
  HttpResponse r;
  r.status = 200;
  r.final_url = final_url;
  r.content_type = type;
  r.body = body;
  return r;
}

std::vector<std::string> Urls(const SourceListing& l) {
  std::vector<std::string> urls;
  for (const FeedItemRow& i : l.items) urls.push_back(i.url);
  return urls;
}

TEST(SourceListing, PageKeepsHeadlineLinksOfTheSameSite) {
  const std::string html = R"(<html><body>
    <nav><a href="/markets/ai-infrastructure-story">Markets: AI infrastructure story</a></nav>
    <header><a href="/login">Sign in to your account please</a></header>
    <main>
      <a href="/2026/11/24/openai-amd-6gw-deal?utm_source=home">OpenAI and AMD agree a 6 GW deal</a>
      <a href="https://www.news.example/2026/11/24/oracle-debt">Oracle raises debt for data centres</a>
      <a href="https://other.example/story/nvidia-10gw">NVIDIA commits 10 GW to OpenAI today</a>
      <a href="/2026/11/24/short">More</a>
      <a href="/list#top">Back to the top of this list</a>
      <a href="mailto:desk@news.example">Write to the news desk about this</a>
      <a href="/2026/11/24/openai-amd-6gw-deal?utm_source=again">OpenAI and AMD agree a 6 GW deal</a>
      <a href="/zh/2026/ai-bubble">人工智能泡沫还是革命之争</a>
      <a href="/zh/2026/short-zh">泡沫</a>
    </main>
    <footer><a href="/about/this-newspaper-and-its-staff">About this newspaper and its staff</a></footer>
  </body></html>)";
  auto listing = ReadSourceListing(Source("page", "en"), Response(html, "text/html"), 1 << 20);
  ASSERT_TRUE(listing.ok()) << listing.status().message();
  EXPECT_EQ(listing->format, "page");
  EXPECT_EQ(Urls(*listing), (std::vector<std::string>{
                                "https://news.example/2026/11/24/openai-amd-6gw-deal",
                                "https://www.news.example/2026/11/24/oracle-debt",
                                "https://news.example/zh/2026/ai-bubble"}));
  EXPECT_EQ(listing->items[0].title, "OpenAI and AMD agree a 6 GW deal");
  EXPECT_EQ(listing->items[0].link,
            "https://news.example/2026/11/24/openai-amd-6gw-deal?utm_source=home");
  EXPECT_EQ(listing->items[0].lang, "en");
}

TEST(SourceListing, FeedLinksAreResolvedAndCanonical) {
  const std::string rss = R"(<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <language>ja</language>
    <item><title>One</title><link>/news/1?fbclid=abc&amp;id=7</link><pubDate>Tue, 24 Nov 2026 01:00:00 +0900</pubDate></item>
    <item><title>Two</title><link>https://NEWS.example:443/news/2#comments</link></item>
    <item><title>Three</title><link>ftp://news.example/file</link></item>
  </channel></rss>)";
  auto listing = ReadSourceListing(Source("rss"), Response(rss, "application/rss+xml"), 1 << 20);
  ASSERT_TRUE(listing.ok()) << listing.status().message();
  EXPECT_EQ(listing->format, "rss");
  EXPECT_EQ(Urls(*listing), (std::vector<std::string>{"https://news.example/news/1?id=7",
                                                      "https://news.example/news/2"}));
  EXPECT_EQ(listing->items[0].published, "2026-11-24T01:00:00+09:00");
  EXPECT_EQ(listing->items[0].lang, "ja");  // the channel's language when the source has none
}

TEST(SourceListing, GzipSitemapIsReadNewestFirst) {
  const std::string xml = R"(<?xml version="1.0"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://news.example/old</loc><lastmod>2026-11-01</lastmod></url>
      <url><loc>https://news.example/new</loc><lastmod>2026-11-23T10:00:00Z</lastmod></url>
      <url><loc>https://news.example/undated</loc></url>
    </urlset>)";
  auto listing = ReadSourceListing(Source("sitemap"),
                                   Response(testing::Gzip(xml), "application/x-gzip"), 1 << 20);
  ASSERT_TRUE(listing.ok()) << listing.status().message();
  EXPECT_EQ(Urls(*listing), (std::vector<std::string>{"https://news.example/new",
                                                      "https://news.example/old",
                                                      "https://news.example/undated"}));
}

TEST(SourceListing, SitemapIndexNamesItsChildren) {
  const std::string xml = R"(<?xml version="1.0"?>
    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>/news-1.xml.gz</loc></sitemap><sitemap><loc>https://cdn.example/n2.xml</loc></sitemap>
    </sitemapindex>)";
  auto listing = ReadSourceListing(Source("sitemap"), Response(xml, "application/xml"), 1 << 20);
  ASSERT_TRUE(listing.ok()) << listing.status().message();
  EXPECT_EQ(listing->format, "sitemapindex");
  EXPECT_TRUE(listing->items.empty());
  EXPECT_EQ(listing->sitemaps, (std::vector<std::string>{"https://news.example/news-1.xml.gz",
                                                         "https://cdn.example/n2.xml"}));
}

struct RefusedCase {
  const char* type;
  const char* body;
  const char* message;
};

TEST(SourceListing, BodiesThatAreNotWhatTheSourceNeedsAreBadData) {
  const RefusedCase kCases[] = {
      {"rss", "<!DOCTYPE html><html><body>Access denied</body></html>", "not a feed: an HTML page"},
      {"atom", "", "not a feed: empty body"},
      {"sitemap", "<rss version=\"2.0\"><channel><title>x</title></channel></rss>",
       "expected a sitemap, got rss"},
      {"rss", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"></urlset>",
       "expected a feed, got sitemap"},
      {"sitemap", "\x1f\x8b\x08\x00garbage", nullptr},  // corrupt gzip: message from zlib
  };
  for (const RefusedCase& c : kCases) {
    SCOPED_TRACE(c.body);
    auto listing = ReadSourceListing(Source(c.type), Response(c.body, "application/xml"), 1 << 20);
    ASSERT_FALSE(listing.ok());
    EXPECT_EQ(listing.status().exit_code(), 65);
    if (c.message) EXPECT_EQ(listing.status().message(), c.message);
    else EXPECT_EQ(listing.status().message().rfind("gzip: ", 0), 0u) << listing.status().message();
  }
}

}  // namespace
}  // namespace bw
