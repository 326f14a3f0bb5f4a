#include "extractors/feed_parser.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <zlib.h>

#include <chrono>
#include <string>
#include <vector>

#include "extractors/gzip_body.h"
#include "extractors/xml_tree.h"

namespace bw {
namespace {

// --- Helpers -----------------------------------------------------------------

// `times` copies of `chunk`, gzip-compressed (windowBits 31) in a streaming
// pass, so a 50 MB bomb never exists uncompressed in the test either.
std::string GzipRepeated(std::string_view chunk, size_t times) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out;
  char buf[16384];
  for (size_t i = 0; i <= times; ++i) {
    bool last = i == times;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
    zs.avail_in = last ? 0 : static_cast<uInt>(chunk.size());
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      deflate(&zs, last ? Z_FINISH : Z_NO_FLUSH);
      out.append(buf, sizeof buf - zs.avail_out);
    } while (zs.avail_out == 0);
  }
  deflateEnd(&zs);
  return out;
}

std::string Gzip(std::string_view s) { return GzipRepeated(s, 1); }

// `utf8` converted to `charset` with ICU.
std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  out.resize(n);
  return out;
}

ParsedFeed MustParse(std::string_view body, std::string_view http_charset = {}) {
  Result<ParsedFeed> r = ParseFeed(body, http_charset);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : ParsedFeed{};
}

struct WantItem {
  std::string url;
  std::string title;
  std::string published;  // ToIso8601(), or "" for none
  std::string content;
  std::string summary;
  std::string language;
};

void ExpectItems(const std::vector<FeedItem>& got, const std::vector<WantItem>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE("item " + std::to_string(i));
    EXPECT_EQ(got[i].url, want[i].url);
    EXPECT_EQ(got[i].title, want[i].title);
    EXPECT_EQ(got[i].published ? got[i].published->ToIso8601() : "", want[i].published);
    EXPECT_EQ(got[i].content, want[i].content);
    EXPECT_EQ(got[i].summary, want[i].summary);
    EXPECT_EQ(got[i].language, want[i].language);
  }
}

std::vector<std::string> Urls(const ParsedFeed& feed) {
  std::vector<std::string> urls;
  for (const FeedItem& item : feed.items) urls.push_back(item.url);
  return urls;
}

// --- Gzip --------------------------------------------------------------------

TEST(IsGzipTest, Table) {
  struct Case {
    std::string body;
    bool want;
  } cases[] = {
      {"", false},
      {"\x1f", false},
      {std::string("\x1f\x8b\x08\x00", 4), true},
      {"\x8b\x1f", false},
      {"<rss>", false},
      {Gzip("x"), true},
  };
  for (const Case& c : cases) EXPECT_EQ(IsGzip(c.body), c.want) << c.body;
}

TEST(GunzipCappedTest, RoundTripsAndRefuses) {
  std::string text = "<rss><channel><title>Gzip</title></channel></rss>";
  std::string gz = Gzip(text);
  std::string zlib(compressBound(text.size()), '\0');
  uLongf zlib_size = zlib.size();
  ASSERT_EQ(compress(reinterpret_cast<Bytef*>(zlib.data()), &zlib_size,
                     reinterpret_cast<const Bytef*>(text.data()), text.size()),
            Z_OK);
  zlib.resize(zlib_size);
  std::string corrupt = gz;
  corrupt[corrupt.size() / 2] ^= 0x55;
  corrupt[corrupt.size() / 2 + 1] ^= 0x55;
  std::string bad_crc = gz;
  bad_crc[bad_crc.size() - 6] ^= 0x01;  // the CRC-32 in the trailer

  struct Case {
    const char* name;
    std::string body;
    size_t cap;
    std::string want;        // the output when ok
    std::string want_error;  // the message when not
  } cases[] = {
      {"gzip", gz, 1 << 20, text, ""},
      {"zlib", zlib, 1 << 20, text, ""},
      {"two members", gz + Gzip("<!-- more -->"), 1 << 20, text + "<!-- more -->", ""},
      {"trailing junk ignored", gz + "junk", 1 << 20, text, ""},
      {"exactly the cap", gz, text.size(), text, ""},
      {"one byte over the cap", gz, text.size() - 1, "",
       "gzip: larger than " + std::to_string(text.size() - 1) + " bytes once decompressed"},
      {"empty", "", 1 << 20, "", "gzip: truncated data"},
      {"truncated", gz.substr(0, gz.size() - 10), 1 << 20, "", "gzip: truncated data"},
      {"not compressed", "<rss></rss>", 1 << 20, "", "gzip: corrupt data (incorrect header check)"},
      {"bad crc", bad_crc, 1 << 20, "", "gzip: corrupt data (incorrect data check)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Result<std::string> r = GunzipCapped(c.body, c.cap);
    if (c.want_error.empty()) {
      ASSERT_TRUE(r.ok()) << r.status().message();
      EXPECT_EQ(*r, c.want);
    } else {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.status().code(), ExitCode::kBadData);
      EXPECT_EQ(r.status().message(), c.want_error);
    }
  }
  // Flipped bytes in the middle: zlib names the damage it finds first.
  Result<std::string> r = GunzipCapped(corrupt, 1 << 20);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().message().starts_with("gzip: corrupt data (")) << r.status().message();
}

TEST(GunzipCappedTest, BombStopsAtTheCap) {
  std::string zeros(1 << 20, '\0');
  std::string bomb = GzipRepeated(zeros, 50);  // 50 MB of zeros
  EXPECT_LT(bomb.size(), 100u * 1024);
  auto start = std::chrono::steady_clock::now();
  Result<std::string> r = GunzipCapped(bomb, 1 << 20);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "gzip: larger than 1048576 bytes once decompressed");
  EXPECT_LT(seconds, 2.0);
}

// --- Markup in titles ---------------------------------------------------------

TEST(MarkupToTextTest, Table) {
  struct Case {
    const char* in;
    const char* want;
    bool looks_like_markup;
  } cases[] = {
      {"plain  title ", "plain title", false},
      {"x < y && y > z", "x < y && y > z", false},
      {"AT&T; R&D", "AT&T; R&D", false},  // no such entities: kept as written
      {"<b>Bold</b>!", "Bold!", true},
      {"one<br>two<p>three</p>", "one two three", true},
      {"Tom &amp; Jerry", "Tom & Jerry", true},
      {"&amp;lt;", "&lt;", true},  // decoded once
      {"caf&eacute; &hellip;", "caf\xC3\xA9 \xE2\x80\xA6", true},
      {"a&nbsp;&nbsp;b", "a b", true},
      {"&#39;quoted&#x27;", "'quoted'", true},
      {"&#x1F600;", "\xF0\x9F\x98\x80", true},
      {"&#0;&#xD800;&#xFFFFFFFFFFFF;", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", true},
      {"&#;&#x;&;", "&#;&#x;&;", false},
      {"cut <a href=\"x", "cut", true},
      {"<!-- c -->text", "text", true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(MarkupToText(c.in), c.want);
    EXPECT_EQ(LooksLikeMarkup(c.in), c.looks_like_markup);
  }
}

TEST(XmlDeclaredEncodingTest, Table) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><rss/>", "Shift_JIS"},
      {"<?xml version='1.0' encoding = ' euc-jp ' ?>", "euc-jp"},
      {"<?xml version=\"1.0\"?><rss encoding=\"big5\"/>", ""},  // past the declaration
      {"<?xml version=\"1.0\" encoding=\"gbk", ""},                 // unterminated
      {"<?xml version=\"1.0\" encoding=gbk?>", ""},                  // unquoted
      {" <?xml version=\"1.0\" encoding=\"gbk\"?>", ""},           // not at the start
      {"<rss/>", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(XmlDeclaredEncoding(c.in), c.want) << c.in;
}

// --- Formats -----------------------------------------------------------------

TEST(FeedFormatNameTest, Table) {
  struct Case {
    FeedFormat format;
    const char* want;
  } cases[] = {
      {FeedFormat::kRss, "rss"},         {FeedFormat::kRdf, "rdf"},
      {FeedFormat::kAtom, "atom"},       {FeedFormat::kJsonFeed, "jsonfeed"},
      {FeedFormat::kSitemap, "sitemap"}, {FeedFormat::kSitemapIndex, "sitemapindex"},
  };
  for (const Case& c : cases) EXPECT_STREQ(FeedFormatName(c.format), c.want);
}

TEST(ParseFeedTest, Rss2ContentEncodedAndGuidFallback) {
  const char* body = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Markets &amp; Money</title>
  <link>https://news.example/</link>
  <atom:link href="https://news.example/feed" rel="self" type="application/rss+xml"/>
  <language>en-us</language>
  <item>
    <title>Rates   rise
      again</title>
    <link> https://news.example/a/1 </link>
    <pubDate>Sun, 12 Oct 2025 01:32:00 GMT</pubDate>
    <description>Short &lt;b&gt;summary&lt;/b&gt;</description>
    <content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded>
  </item>
  <item>
    <title>&lt;b&gt;Bold&lt;/b&gt; move &amp;amp; more</title>
    <guid>https://news.example/a/2</guid>
    <dc:date>2025-10-13T09:00:00+09:00</dc:date>
  </item>
  <item><title>Not a permalink</title><guid isPermaLink="false">https://news.example/a/3</guid></item>
  <item><title>An id, no link</title><guid>tag:news.example,2025:4</guid></item>
  <item><title>Only an atom link</title><atom:link href="/a/5"/></item>
  <item><title>Nothing</title></item>
</channel>
</rss>)";
  ParsedFeed feed = MustParse(body);
  EXPECT_EQ(feed.format, FeedFormat::kRss);
  EXPECT_EQ(feed.title, "Markets & Money");
  EXPECT_EQ(feed.language, "en-us");
  EXPECT_EQ(feed.dropped, 3);
  EXPECT_EQ(feed.recovered_errors, 0);
  EXPECT_TRUE(feed.sitemaps.empty());
  ExpectItems(feed.items,
              {
                  {"https://news.example/a/1", "Rates rise again", "2025-10-12T01:32:00Z",
                   "<p>Full <b>text</b></p>", "Short <b>summary</b>", ""},
                  {"https://news.example/a/2", "Bold move & more", "2025-10-13T09:00:00+09:00",
                   "", "", ""},
                  {"/a/5", "Only an atom link", "", "", "", ""},
              });
}

TEST(ParseFeedTest, NamespacesAreMatchedByUriNotPrefix) {
  struct Case {
    const char* name;
    std::string item;  // inside <item> after its link
    std::string want_content;
    std::string want_published;
  } cases[] = {
      {"other prefix",
       R"(<c:encoded xmlns:c="http://purl.org/rss/1.0/modules/content/">yes</c:encoded>)", "yes",
       ""},
      {"right prefix, wrong URI",
       R"(<content:encoded xmlns:content="http://example.com/x">no</content:encoded>)", "", ""},
      {"dc by URI", R"(<d:date xmlns:d="http://purl.org/dc/elements/1.1/">2025-01-02</d:date>)", "",
       "2025-01-02"},
      {"date in a foreign namespace",
       R"(<x:pubDate xmlns:x="http://example.com/x">2025-01-02</x:pubDate>)", "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string body = "<rss><channel><item><link>https://a.test/1</link>" + c.item +
                       "</item></channel></rss>";
    ParsedFeed feed = MustParse(body);
    ExpectItems(feed.items, {{"https://a.test/1", "", c.want_published, c.want_content, "", ""}});
  }
}

TEST(ParseFeedTest, Rss1RdfItemsOutsideChannel) {
  const char* body = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/">
    <title>RDF News</title>
    <link>https://rdf.example/</link>
    <dc:language>ja</dc:language>
    <items><rdf:Seq><rdf:li rdf:resource="https://rdf.example/1"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://rdf.example/about/1">
    <title>First</title>
    <link>https://rdf.example/1</link>
    <dc:date>2025-10-12T10:00:00+09:00</dc:date>
    <description>One</description>
  </item>
  <item rdf:about="https://rdf.example/about/2">
    <title>Second</title>
  </item>
  <item><title>No link at all</title></item>
</rdf:RDF>)";
  ParsedFeed feed = MustParse(body);
  EXPECT_EQ(feed.format, FeedFormat::kRdf);
  EXPECT_EQ(feed.title, "RDF News");
  EXPECT_EQ(feed.language, "ja");
  EXPECT_EQ(feed.dropped, 1);
  ExpectItems(feed.items, {
                              {"https://rdf.example/1", "First", "2025-10-12T10:00:00+09:00", "",
                               "One", ""},
                              {"https://rdf.example/about/2", "Second", "", "", "", ""},
                          });
}

TEST(ParseFeedTest, AtomLinksDatesAndContentTypes) {
  const char* body = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <title type="html">Tech &amp;amp; &lt;em&gt;Policy&lt;/em&gt;</title>
  <link rel="self" href="https://atom.example/feed.xml"/>
  <entry>
    <title>Chips</title>
    <link rel="self" href="https://atom.example/api/1"/>
    <link rel="alternate" type="application/pdf" href="https://atom.example/1.pdf"/>
    <link rel="alternate" type="text/html" href="/news/1.html"/>
    <published>2025-10-12T01:00:00Z</published>
    <updated>2025-10-14T01:00:00Z</updated>
    <summary>Plain &lt;not a tag&gt;</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <b>there</b> &amp; you</p></div></content>
  </entry>
  <entry>
    <title type="text">a &lt;b&gt; c</title>
    <link href="https://atom.example/2"/>
    <updated>2025-10-13T02:00:00+02:00</updated>
    <content type="html">&lt;p&gt;Hi &amp;amp; bye&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Only an enclosure</title>
    <link rel="enclosure" href="https://atom.example/3.mp3"/>
  </entry>
  <entry>
    <title>Out of line</title>
    <link rel="alternate" type="application/pdf" href="https://atom.example/4.pdf"/>
    <content src="https://atom.example/4.pdf" type="application/pdf"/>
  </entry>
</feed>)";
  ParsedFeed feed = MustParse(body);
  EXPECT_EQ(feed.format, FeedFormat::kAtom);
  EXPECT_EQ(feed.title, "Tech & Policy");
  EXPECT_EQ(feed.language, "en-GB");
  EXPECT_EQ(feed.dropped, 1);
  ExpectItems(feed.items,
              {
                  {"/news/1.html", "Chips", "2025-10-12T01:00:00Z",
                   "<p>Hi <b>there</b> &amp; you</p>", "Plain <not a tag>", ""},
                  {"https://atom.example/2", "a <b> c", "2025-10-13T02:00:00+02:00",
                   "<p>Hi &amp; bye</p>", "", ""},
                  {"https://atom.example/4.pdf", "Out of line", "", "", "", ""},
              });
}

TEST(ParseFeedTest, JsonFeed) {
  const char* body = R"({
    "version": "https://jsonfeed.org/version/1.1",
    "title": "JSON &amp; News",
    "language": "ja",
    "items": [
      {"id": "1", "url": " https://json.example/1 ", "title": "Both bodies",
       "content_html": "<p>html</p>", "content_text": "text",
       "summary": "Sum", "date_published": "2025-10-12T01:32:00+09:00", "language": "en",
       "_ext": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]},
      {"id": "2", "url": "https://json.example/2", "title": "Text only", "content_text": "text"},
      {"id": "3", "title": "No url", "external_url": "https://elsewhere.example/3"},
      {"id": "4", "url": 4},
      "not an object"
    ]
  })";
  ParsedFeed feed = MustParse(body);
  EXPECT_EQ(feed.format, FeedFormat::kJsonFeed);
  EXPECT_EQ(feed.title, "JSON & News");
  EXPECT_EQ(feed.language, "ja");
  EXPECT_EQ(feed.dropped, 3);
  ExpectItems(feed.items, {
                              {"https://json.example/1", "Both bodies",
                               "2025-10-12T01:32:00+09:00", "<p>html</p>", "Sum", "en"},
                              {"https://json.example/2", "Text only", "", "text", "", ""},
                          });
  // JSON Feed 1.0 is read the same way.
  ParsedFeed v1 = MustParse(
      R"({"version":"https://jsonfeed.org/version/1","items":[{"url":"/x","title":"X"}]})");
  ExpectItems(v1.items, {{"/x", "X", "", "", "", ""}});
}

TEST(ParseFeedTest, LegacyCharsetsFromPrologOrHeader) {
  // ～ and ① are windows-31j's mappings, not JIS X 0208's (which iconv's Shift_JIS uses).
  const std::string kJapanese = "日本語ニュース～速報①";
  const std::string kSimplified = "中文新闻 朱镕基 鎔";   // 鎔 is in GBK but not in GB2312
  const std::string kTraditional = "中文新聞 臺灣";
  auto feed_in = [](const std::string& title, const char* charset, const char* declared) {
    std::string prolog =
        declared ? std::string("<?xml version=\"1.0\" encoding=\"") + declared + "\"?>\n" : "";
    return prolog + Encode("<rss version=\"2.0\"><channel><title>" + title +
                               "</title><item><title>" + title +
                               "</title><link>https://cjk.example/1</link></item></channel></rss>",
                           charset);
  };
  struct Case {
    const char* name;
    std::string body;
    const char* http_charset;
    std::string want;
  } cases[] = {
      {"Shift_JIS in the prolog", feed_in(kJapanese, "Shift_JIS", "Shift_JIS"), "", kJapanese},
      {"windows-31j bytes, Shift_JIS label", feed_in(kJapanese, "windows-31j", "Shift_JIS"), "",
       kJapanese},
      {"Shift_JIS from the header", feed_in(kJapanese, "Shift_JIS", nullptr), "shift_jis",
       kJapanese},
      {"prolog beats header", feed_in(kJapanese, "windows-31j", "Shift_JIS"), "EUC-JP", kJapanese},
      {"EUC-JP", feed_in("日本語の記事", "EUC-JP", "EUC-JP"), "", "日本語の記事"},
      {"GB2312 label, GBK bytes", feed_in(kSimplified, "GBK", "gb2312"), "", kSimplified},
      {"GBK from the header", feed_in(kSimplified, "GB18030", nullptr), "GBK", kSimplified},
      {"Big5", feed_in(kTraditional, "Big5", "big5"), "", kTraditional},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ParsedFeed feed = MustParse(c.body, c.http_charset);
    EXPECT_EQ(feed.title, c.want);
    ExpectItems(feed.items, {{"https://cjk.example/1", c.want, "", "", "", ""}});
    EXPECT_EQ(feed.recovered_errors, 0);
  }
}

TEST(ParseFeedTest, InvalidByteInLegacyCharsetDoesNotEndTheParse) {
  std::string body = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><rss><channel>" +
                     Encode("<item><title>壊れ", "Shift_JIS") + "\x81" +
                     "</title><link>https://sjis.example/1</link></item>" +
                     Encode("<item><title>次の記事</title>", "Shift_JIS") +
                     "<link>https://sjis.example/2</link></item></channel></rss>";
  ParsedFeed feed = MustParse(body);
  ExpectItems(feed.items, {
                              {"https://sjis.example/1", "壊れ\xEF\xBF\xBD", "", "", "", ""},
                              {"https://sjis.example/2", "次の記事", "", "", "", ""},
                          });
}

TEST(ParseFeedTest, ByteOrderMarks) {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><title>Café ☕</title>"
      "<item><link>https://bom.example/1</link></item></channel></rss>";
  struct Case {
    const char* name;
    std::string body;
  } cases[] = {
      {"UTF-8 BOM", "\xEF\xBB\xBF" + xml},
      {"UTF-16LE BOM", Encode("\uFEFF" + xml, "UTF-16LE")},
      {"UTF-16BE BOM", Encode("\uFEFF" + xml, "UTF-16BE")},
      {"UTF-16LE without BOM", Encode(xml, "UTF-16LE")},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ParsedFeed feed = MustParse(c.body);
    EXPECT_EQ(feed.title, "Café ☕");
    EXPECT_EQ(Urls(feed), std::vector<std::string>{"https://bom.example/1"});
  }
}

TEST(ParseFeedTest, BrokenXmlKeepsTheItemsAroundTheDamage) {
  const char* body =
      "<rss version=\"2.0\"><channel><title>Broken</title>"
      "<item><title>one</title><link>https://broken.example/1</link></item>"
      "<item><title>A & B</title><link>https://broken.example/2</link>"
      "<description>x <b>unclosed</description></item>"
      "<item><title>three</title><link>https://broken.example/3</link></item>"
      "</channel></rss>";
  ParsedFeed feed = MustParse(body);
  EXPECT_EQ(feed.title, "Broken");
  EXPECT_GT(feed.recovered_errors, 0);
  EXPECT_EQ(feed.dropped, 0);
  // libxml2 drops the bare '&', closes <b> at </description>, and nests the
  // third item inside the second: all three are still found.
  ExpectItems(feed.items, {
                              {"https://broken.example/1", "one", "", "", "", ""},
                              {"https://broken.example/2", "A B", "", "", "x unclosed", ""},
                              {"https://broken.example/3", "three", "", "", "", ""},
                          });
}

TEST(ParseFeedTest, NewsSitemap) {
  const char* body = R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://daily.example/2025/10/12/rates</loc>
    <lastmod>2025-10-13</lastmod>
    <news:news>
      <news:publication><news:name>The Daily</news:name><news:language>ja</news:language></news:publication>
      <news:publication_date>2025-10-12T08:00:00+09:00</news:publication_date>
      <news:title>金利 &amp; 円相場</news:title>
    </news:news>
  </url>
  <url><loc>https://daily.example/about</loc><lastmod>2025-09-01</lastmod></url>
  <url><lastmod>2025-09-02</lastmod></url>
</urlset>)";
  ParsedFeed feed = MustParse(body);
  EXPECT_EQ(feed.format, FeedFormat::kSitemap);
  EXPECT_EQ(feed.title, "The Daily");
  EXPECT_EQ(feed.dropped, 1);
  ExpectItems(feed.items, {
                              {"https://daily.example/2025/10/12/rates", "金利 & 円相場",
                               "2025-10-12T08:00:00+09:00", "", "", "ja"},
                              {"https://daily.example/about", "", "2025-09-01", "", "", ""},
                          });
}

TEST(ParseFeedTest, SitemapIndex) {
  const char* body = R"(<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://idx.example/sitemap-1.xml.gz</loc><lastmod>2025-10-12</lastmod></sitemap>
  <sitemap><loc>
    /sitemap-news.xml
  </loc></sitemap>
  <sitemap></sitemap>
</sitemapindex>)";
  ParsedFeed feed = MustParse(body);
  EXPECT_EQ(feed.format, FeedFormat::kSitemapIndex);
  EXPECT_TRUE(feed.items.empty());
  EXPECT_EQ(feed.sitemaps, (std::vector<std::string>{"https://idx.example/sitemap-1.xml.gz",
                                                      "/sitemap-news.xml"}));
  EXPECT_EQ(feed.dropped, 1);
}

TEST(ParseFeedTest, GzippedSitemapRoundTrip) {
  std::string xml =
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      "<url><loc>https://gz.example/1</loc></url></urlset>";
  std::string body = Gzip(xml);
  ASSERT_TRUE(IsGzip(body));
  Result<std::string> plain = GunzipCapped(body, 1 << 20);
  ASSERT_TRUE(plain.ok()) << plain.status().message();
  ParsedFeed feed = MustParse(*plain);
  EXPECT_EQ(Urls(feed), std::vector<std::string>{"https://gz.example/1"});
}

TEST(ParseFeedTest, NotAFeed) {
  struct Case {
    const char* name;
    std::string body;
    std::string want;
  } cases[] = {
      {"empty", "", "not a feed: empty body"},
      {"white space", " \r\n\t ", "not a feed: empty body"},
      {"only a BOM", "\xEF\xBB\xBF\n", "not a feed: empty body"},
      {"doctype html", "\n<!DOCTYPE html><html><head><title>x</title></head></html>",
       "not a feed: an HTML page"},
      {"html tag", "<HTML><body><p>hello", "not a feed: an HTML page"},
      {"xhtml root", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>",
       "not a feed: an HTML page"},
      {"unknown root", "<?xml version=\"1.0\"?><foo><item/></foo>",
       "not a feed: unknown root element <foo>"},
      {"feed without the Atom namespace", "<feed><entry/></feed>",
       "not a feed: unknown root element <feed>"},
      {"RDF root in no namespace", "<RDF><item/></RDF>", "not a feed: unknown root element <RDF>"},
      {"plain text", "hello, world", "not a feed: no root element"},
      {"truncated JSON", "{\"version\": ", "not a feed: invalid JSON (syntax error at byte 12)"},
      {"invalid JSON", "{\"items\": [1,,2]}", "not a feed: invalid JSON (syntax error at byte 14)"},
      {"JSON without version", "{\"items\": []}", "not a feed: JSON without items"},
      {"JSON with another version", "{\"version\": \"1.1\", \"items\": []}",
       "not a feed: JSON without items"},
      {"JSON items not an array",
       "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": {}}",
       "not a feed: JSON without items"},
      {"JSON array", "[1, 2]", "not a feed: JSON without items"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Result<ParsedFeed> r = ParseFeed(c.body);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), ExitCode::kBadData);
    EXPECT_EQ(r.status().message(), c.want);
  }
}

// --- Hostile input -----------------------------------------------------------

TEST(ParseFeedTest, NoExternalEntitiesOrDtds) {
  struct Case {
    const char* name;
    std::string doctype;
    std::string want_title;
  } cases[] = {
      {"external general entity", R"(<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>)",
       "ab"},
      {"external parameter entity",
       R"(<!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>)", "ab"},
      {"external DTD", R"(<!DOCTYPE rss SYSTEM "file:///etc/passwd">)", "ab"},
      {"network DTD", R"(<!DOCTYPE rss SYSTEM "http://127.0.0.1:1/evil.dtd">)", "ab"},
      {"internal entity: left out too", R"(<!DOCTYPE rss [<!ENTITY x "Example Co">]>)", "ab"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string body = "<?xml version=\"1.0\"?>" + c.doctype +
                       "<rss><channel><title>a&x;b</title><item><title>t&x;</title>"
                       "<link>https://xxe.example/&x;</link></item></channel></rss>";
    ParsedFeed feed = MustParse(body);
    EXPECT_EQ(feed.title, c.want_title);
    EXPECT_EQ(feed.title.find("root:"), std::string::npos);
    ExpectItems(feed.items, {{"https://xxe.example/", "t", "", "", "", ""}});
  }
}

TEST(ParseFeedTest, BillionLaughsStaysSmallAndFast) {
  std::string doctype = "<!DOCTYPE rss [<!ENTITY l0 \"ha\">";
  for (int i = 1; i <= 10; ++i) {
    std::string prev = "&l" + std::to_string(i - 1) + ";";
    std::string value;
    for (int k = 0; k < 10; ++k) value += prev;
    doctype += "<!ENTITY l" + std::to_string(i) + " \"" + value + "\">";
  }
  doctype += "]>";
  std::string body = "<?xml version=\"1.0\"?>" + doctype +
                     "<rss><channel><title>x&l10;y</title>"
                     "<item><title>&l10;</title><link>https://lol.example/1</link></item>"
                     "</channel></rss>";
  auto start = std::chrono::steady_clock::now();
  ParsedFeed feed = MustParse(body);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 2.0);
  // libxml2 measures the expansion while checking the entity, calls it a loop
  // and stops the parse there: what came before the first reference is kept.
  EXPECT_EQ(feed.title, "x");
  EXPECT_TRUE(feed.items.empty());
  EXPECT_GT(feed.recovered_errors, 0);

  // In an attribute value libxml2 keeps the reference unexpanded, and the parse goes on.
  std::string in_attribute = "<?xml version=\"1.0\"?>" + doctype +
                             "<rss><channel><item><link>https://lol.example/1</link></item>"
                             "<item><link href=\"&l10;\">https://lol.example/2</link></item>"
                             "</channel></rss>";
  start = std::chrono::steady_clock::now();
  ParsedFeed attr = MustParse(in_attribute);
  seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 2.0);
  EXPECT_EQ(Urls(attr),
            (std::vector<std::string>{"https://lol.example/1", "https://lol.example/2"}));
}

TEST(ParseFeedTest, DeepNestingAndManyItemsAreBounded) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<d>";
  std::string nested = "<rss><channel><item><link>https://deep.example/1</link></item>"
                       "<item><description>" + deep + "</description></item></channel></rss>";
  ParsedFeed feed = MustParse(nested);
  EXPECT_EQ(Urls(feed), std::vector<std::string>{"https://deep.example/1"});
  EXPECT_GT(feed.recovered_errors, 0);

  std::string many = "<rss><channel>";
  for (int i = 0; i < 10050; ++i) many += "<item><link>/" + std::to_string(i) + "</link></item>";
  many += "</channel></rss>";
  ParsedFeed big = MustParse(many);
  ASSERT_EQ(big.items.size(), 10000u);
  EXPECT_EQ(big.items.back().url, "/9999");

  std::string deep_json =
      R"({"version":"https://jsonfeed.org/version/1.1","items":[{"url":"/j","x":)" +
      std::string(100000, '[') + std::string(100000, ']') + "}]}";
  ParsedFeed json = MustParse(deep_json);
  EXPECT_EQ(Urls(json), std::vector<std::string>{"/j"});
}

}  // namespace
}  // namespace bw
