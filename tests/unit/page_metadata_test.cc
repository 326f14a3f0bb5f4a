#include "extractors/page_metadata.h"

#include <gtest/gtest.h>

namespace bw {
namespace {

PageMetadata Meta(const std::string& head, const std::string& body = "") {
  HtmlDom dom("<!DOCTYPE html><html lang=\"ja\"><head>" + head + "</head><body>" + body +
              "</body></html>");
  return ExtractPageMetadata(dom);
}

TEST(StripSiteNameTest, Table) {
  struct Case {
    const char* title;
    const char* site;
    const char* h1;
    const char* want;
  } cases[] = {
      {"OpenAI signs AMD deal | Reuters", "Reuters", "", "OpenAI signs AMD deal"},
      {"Reuters - OpenAI signs AMD deal", "reuters", "", "OpenAI signs AMD deal"},
      {"OpenAI signs AMD deal – The Register", "", "OpenAI signs AMD deal", "OpenAI signs AMD deal"},
      {"英伟达投资OpenAI｜财新网", "财新网", "", "英伟达投资OpenAI"},
      {"英伟达投资OpenAI_新浪财经_新浪网", "", "", "英伟达投资OpenAI"},
      {"英伟达投资OpenAI_网易科技", "网易科技", "", "英伟达投资OpenAI"},
      {"snake_case_name explained", "", "", "snake_case_name explained"},  // not a CJK portal
      {"輝達砸千億美元投資OpenAI－自由財經", "自由財經", "", "輝達砸千億美元投資OpenAI"},
      {"輝達砸千億美元投資OpenAI|經濟日報", "", "輝達砸千億美元投資OpenAI", "輝達砸千億美元投資OpenAI"},
      {"one_underscore stays", "", "", "one_underscore stays"},
      {"英伟达投资OpenAI_腾讯新闻", "", "", "英伟达投资OpenAI"},
      {"英伟达_OpenAI联合发布超大规模数据中心建设计划细节", "", "", "英伟达_OpenAI联合发布超大规模数据中心建设计划细节"},
      {"AI関連株の急騰「バブルか」　専門家の見方割れる：朝日新聞", "", "AI関連株の急騰「バブルか」　専門家の見方割れる",
       "AI関連株の急騰「バブルか」　専門家の見方割れる"},
      {"AI関連株に警戒感（共同通信）", "", "AI関連株に警戒感", "AI関連株に警戒感"},
      {"Short | A much longer site name that dwarfs the headline", "", "Short", "Short"},
      {"AI的未来是泡沫还是革命?—巨额投资背后的风险 | ukiyo journal", "ukiyo journal", "",
       "AI的未来是泡沫还是革命?—巨额投资背后的风险"},
      // A dash inside the headline is not a separator.
      {"AI的未来是泡沫还是革命?—巨额投资", "ukiyo journal", "", "AI的未来是泡沫还是革命?—巨额投资"},
      {"Boom - or bust? | FT", "FT", "", "Boom - or bust?"},
      {"No site here", "Reuters", "", "No site here"},
      {"A | B | C", "C", "", "A | B"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.title);
    EXPECT_EQ(StripSiteName(c.title, c.site, c.h1), c.want);
  }
}

TEST(PageMetadataTest, PublishedTimeSources) {
  struct Case {
    const char* name;
    std::string head;
    std::string body;
    const char* want;
    const char* from;
  } cases[] = {
      {"json-ld graph",
       R"(<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2025-10-12T01:32:00+09:00","dateModified":"2025-10-13T00:00:00+09:00"}]}</script>)",
       "", "2025-10-12T01:32:00+09:00", "json-ld"},
      {"article meta", R"(<meta property="article:published_time" content="2025-09-22T16:10:00Z">)",
       "", "2025-09-22T16:10:00Z", "meta"},
      {"cjk meta name", R"(<meta name="publishdate" content="2025-10-12 08:00:00">)", "",
       "2025-10-12T08:00:00", "meta"},
      {"itemprop", "", R"(<span itemprop="datePublished" content="2025-10-01">Oct 1</span>)",
       "2025-10-01", "itemprop"},
      {"time element", "", R"(<time datetime="2025-10-06T12:00:00-04:00">Oct 6</time>)",
       "2025-10-06T12:00:00-04:00", "time"},
      {"written near the headline", "",
       "<h1>英伟达投资OpenAI</h1><div>2025年10月12日 01:32 来源：新华社</div>",
       "2025-10-12T01:32:00", "text"},
      {"published beats modified",
       R"(<meta property="article:modified_time" content="2025-10-20T00:00:00Z"><meta name="pubdate" content="2025-10-12T00:00:00Z">)",
       "", "2025-10-12T00:00:00Z", "meta"},
      {"modified only as a last resort",
       R"(<meta property="article:modified_time" content="2025-10-20T00:00:00Z">)", "",
       "2025-10-20T00:00:00Z", "modified"},
      {"headline wrapped in its own div", "",
       "<div class=t><h1>AI関連株の急騰「バブルか」</h1></div><div class=m><a>鈴木健太</a>"
       "<span>2025年10月12日 6時00分</span></div>",
       "2025-10-12T06:00:00", "text"},
      {"date before the headline", "",
       "<div class=main><p>令和7年10月10日</p><h1>取りまとめを公表します</h1><p>本文</p></div>",
       "2025-10-10", "text"},
      {"date element by class", "",
       "<div><span class=\"post-time\">2025-10-12 16:45</span></div>", "2025-10-12T16:45:00",
       "element"},
      {"hAtom abbr title", "",
       "<abbr class=\"published\" title=\"2025-10-12T08:40:00+09:00\">10月12日</abbr>",
       "2025-10-12T08:40:00+09:00", "element"},
      {"an update is not the publication", "",
       "<p class=\"update\">最終更新日：2025年10月20日</p><span id=lbDate>2025/10/14 11:02</span>",
       "2025-10-14T11:02:00", "element"},
      {"date-only meta completed by the visible time",
       R"(<meta name="publishdate" content="2025-10-12">)",
       "<h1>人民日报评论</h1><div>2025年10月12日08:19 来源：人民网</div>", "2025-10-12T08:19:00",
       "text"},
      {"date-only meta kept when the visible date differs",
       R"(<meta name="publishdate" content="2025-10-12">)",
       "<h1>评论</h1><div>2025年09月01日08:19</div>", "2025-10-12", "meta"},
      {"ctime", "", "<h1>[請益] AI伺服器泡沫要破了嗎？</h1><span>Sun Oct 12 09:12:33 2025</span>",
       "2025-10-12T09:12:33", "text"},
      {"json-ld pubDate", R"(<script type="application/ld+json">{"pubDate": "2025-10-12T09:03:11"}</script>)",
       "", "2025-10-12T09:03:11", "json-ld"},
      {"malformed json-ld is skipped",
       R"(<script type="application/ld+json">{"datePublished": </script><meta name="date" content="2025-01-02">)",
       "", "2025-01-02", "meta"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageMetadata m = Meta(c.head, c.body);
    ASSERT_TRUE(m.published.has_value());
    EXPECT_EQ(m.published->ToIso8601(), c.want);
    EXPECT_EQ(m.published_from, c.from);
  }
  EXPECT_FALSE(Meta("<title>x</title>", "<p>no date here, only 1000亿美元</p>").published);
}

TEST(PageMetadataTest, TitleSiteAuthorCanonicalLang) {
  PageMetadata m = Meta(
      R"(<title>ソフトバンク、OpenAIに追加出資 - 日本経済新聞</title><meta property="og:site_name" content="日本経済新聞"><meta name="author" content="山田太郎"><link rel="canonical" href="https://www.nikkei.com/article/DGX1/">)");
  EXPECT_EQ(m.title, "ソフトバンク、OpenAIに追加出資");
  EXPECT_EQ(m.site_name, "日本経済新聞");
  EXPECT_EQ(m.author, "山田太郎");
  EXPECT_EQ(m.canonical_url, "https://www.nikkei.com/article/DGX1/");
  EXPECT_EQ(m.lang_attr, "ja");

  PageMetadata ld = Meta(
      R"(<meta property="og:url" content="https://x.test/a"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Stargate grows","author":[{"@type":"Person","name":"Jane Doe"}],"publisher":{"name":"X News"}}</script>)");
  EXPECT_EQ(ld.title, "Stargate grows");
  EXPECT_EQ(ld.author, "Jane Doe");
  EXPECT_EQ(ld.site_name, "X News");
  EXPECT_EQ(ld.canonical_url, "https://x.test/a");

  PageMetadata h1 = Meta("", "<h1>Only a headline</h1>");
  EXPECT_EQ(h1.title, "Only a headline");
}

TEST(PageMetadataTest, DeeplyNestedJsonLdIsBounded) {
  std::string nested;
  for (int i = 0; i < 5000; ++i) nested += "[";
  for (int i = 0; i < 5000; ++i) nested += "]";
  PageMetadata m = Meta("<script type=\"application/ld+json\">" + nested + "</script>");
  EXPECT_FALSE(m.published.has_value());
}

}  // namespace
}  // namespace bw
