#include "extractors/document_analyzer.h"

#include "extractors/charset_decoder.h"

#include <gtest/gtest.h>

namespace bw {
namespace {

DateTime Reference(int y, int m, int d) {
  DateTime t;
  t.year = y, t.month = m, t.day = d;
  t.has_time = true;
  t.utc_offset_minutes = 0;
  return t;
}

TEST(FindMonthDayDateTest, YearComesFromTheReference) {
  struct Case {
    const char* text;
    DateTime reference;
    const char* want;  // "" = none
  } cases[] = {
      {"发布时间：10月12日 01:32", Reference(2025, 11, 24), "2025-10-12T01:32:00"},
      {"10月12日", Reference(2025, 11, 24), "2025-10-12"},
      // December news read in January belongs to last year.
      {"12月30日 下午3:05", Reference(2026, 1, 2), "2025-12-30T15:05:00"},
      // Up to a month ahead is allowed (scheduled posts, time zones).
      {"12月5日", Reference(2025, 11, 24), "2025-12-05"},
      {"１０月１２日　午後１:３２", Reference(2025, 11, 24), "2025-10-12T13:32:00"},
      {"2月29日", Reference(2025, 3, 1), ""},      // 2025 has no Feb 29
      {"110月12日", Reference(2025, 11, 24), ""},  // part of a longer number
      {"1000亿美元 10GW", Reference(2025, 11, 24), ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    auto d = FindMonthDayDate(c.text, c.reference);
    EXPECT_EQ(d ? d->ToIso8601() : "", c.want);
  }
}

TEST(DateFromUrlTest, Table) {
  struct Case {
    const char* url;
    const char* want;
  } cases[] = {
      {"https://www.reuters.com/2025/10/06/openai-amd-deal/", "2025-10-06"},
      {"https://news.example.cn/2025-10-12/doc-123.shtml", "2025-10-12"},
      {"https://finance.sina.com.cn/stock/20251012/abc.html", "2025-10-12"},
      {"https://example.jp/articles/20251012", "2025-10-12"},
      {"https://example.com/2025/10/", ""},          // no day
      {"https://example.com/id/202510123456", ""},   // a longer number
      {"https://example.com/2025/13/01/x", ""},      // no month 13
      {"https://example.com/a?page=20251012", ""},   // not in the path
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.url);
    auto d = DateFromUrl(c.url);
    EXPECT_EQ(d ? d->ToIso8601() : "", c.want);
  }
}

TEST(DocumentAnalyzerTest, DateFallbacksAndAssumedZone) {
  LexiconSet lexicons = LexiconSet::Embedded();
  DocumentAnalyzer analyzer(lexicons);
  const std::string zh = "英伟达与OpenAI宣布达成合作，英伟达将分阶段向OpenAI投资最多1000亿美元。";
  const std::string ja = "エヌビディアはオープンAIに最大1000億ドルを投資すると発表した。";
  const std::string en = "Nvidia said it would invest up to $100 billion in OpenAI.";
  struct Case {
    const char* name;
    std::string text;
    std::string url;
    const char* want;
    const char* from;
  } cases[] = {
      {"zh time gets +08:00", "2025年10月12日 01:32 " + zh, "", "2025-10-12T01:32:00+08:00", "text"},
      {"ja time gets +09:00", "2025年10月12日 01:32 " + ja, "", "2025-10-12T01:32:00+09:00", "text"},
      {"en time stays without zone", "Oct 12, 2025 1:32 AM " + en, "", "2025-10-12T01:32:00",
       "text"},
      {"date only stays a date", "2025年10月12日 " + zh, "", "2025-10-12", "text"},
      {"month and day with the year inferred", "10月12日 08:00 " + zh, "",
       "2025-10-12T08:00:00+08:00", "text"},
      {"url as the last resort", zh, "https://x.cn/2025/10/12/a.html", "2025-10-12", "url"},
      {"nothing", zh, "https://x.cn/a.html", "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    DocumentInput input;
    input.url = c.url;
    input.reference_time = Reference(2025, 11, 24);
    AnalysisRecord r = analyzer.AnalyzeText(c.text, input);
    EXPECT_EQ(r.published ? r.published->ToIso8601() : "", c.want);
    EXPECT_EQ(r.published_from, c.from);
  }
  // Without a reference time a date without a year is not guessed.
  AnalysisRecord r = analyzer.AnalyzeText("10月12日 08:00 " + zh, DocumentInput{});
  EXPECT_FALSE(r.published.has_value());
}

TEST(DocumentAnalyzerTest, JsonLdArticleBodyWhenTheMarkupHasNone) {
  LexiconSet lexicons = LexiconSet::Embedded();
  DocumentAnalyzer analyzer(lexicons);
  const std::string body =
      "エヌビディアはオープンAIに最大1000億ドルを段階的に投資すると発表した。\n"
      "両社は少なくとも10ギガワット分のデータセンターを建設する計画で、市場では過熱を懸念する声も出ている。";
  nlohmann::json ld = {{"@type", "NewsArticle"}, {"articleBody", body}};
  std::string html = "<html><head><script type=\"application/ld+json\">" + ld.dump() +
                     "</script></head><body><div id=app></div><script>render()</script></body></html>";
  AnalysisRecord r = analyzer.AnalyzeHtml(html, DocumentInput{});
  EXPECT_EQ(r.status, ArticleStatus::kOk);
  EXPECT_EQ(r.text,
            "エヌビディアはオープンAIに最大1000億ドルを段階的に投資すると発表した。\n\n"
            "両社は少なくとも10ギガワット分のデータセンターを建設する計画で、市場では過熱を懸念する声も出ている。");
  EXPECT_EQ(r.lang, "ja");
  // A short JSON-LD summary does not replace a real article.
  nlohmann::json teaser = {{"@type", "NewsArticle"}, {"articleBody", "短い要約です。"}};
  std::string page = "<html><head><script type=\"application/ld+json\">" + teaser.dump() +
                     "</script></head><body><article><p>" + body + body + "</p></article></body></html>";
  EXPECT_EQ(analyzer.AnalyzeHtml(page, DocumentInput{}).text.find("短い要約"), std::string::npos);
}

TEST(DocumentAnalyzerTest, HtmlZoneKeptWhenThePageGivesOne) {
  LexiconSet lexicons = LexiconSet::Embedded();
  DocumentAnalyzer analyzer(lexicons);
  std::string html =
      "<html><head><meta property=\"article:published_time\" content=\"2025-10-12T01:32:00-04:00\">"
      "</head><body><article><p>英伟达与OpenAI宣布达成合作，英伟达将分阶段向OpenAI投资最多1000亿美元，"
      "双方计划部署至少10吉瓦的数据中心。分析师警告说，这种供应商融资的结构可能加剧市场对人工智能泡沫的担忧。"
      "</p></article></body></html>";
  AnalysisRecord r = analyzer.AnalyzeHtml(html, DocumentInput{});
  ASSERT_TRUE(r.published.has_value());
  EXPECT_EQ(r.published->ToIso8601(), "2025-10-12T01:32:00-04:00");
  EXPECT_EQ(r.lang, "zh");
}

}  // namespace
}  // namespace bw

namespace bw {
namespace {

// Random markup soup and random bytes: the analysis never crashes, and what
// it returns is valid UTF-8 with a known status.
TEST(DocumentAnalyzerTest, RandomInputNeverBreaksIt) {
  LexiconSet lexicons = LexiconSet::Embedded();
  DocumentAnalyzer analyzer(lexicons);
  const char* pieces[] = {"<div>", "</div>", "<p>", "</p>", "<a href=x>", "</a>", "<br>",
                          "<script>", "</script>", "<!--", "-->", "<article>", "<h1>", "<li>",
                          "<table><td>", "\"", "'", "<", ">", "&amp;", "&#x0;", "2025年10月12日 ",
                          "英伟达投资1000亿美元。", "エヌビディア", "Nvidia, OpenAI. ", "\xE2\x80",
                          "\xFF", "\n", " ", "<meta charset=gbk>", "<time datetime=\"2025-13-40\">"};
  uint32_t state = 12345;
  auto next = [&] {
    state = state * 1103515245u + 12345u;
    return state >> 8;
  };
  for (int doc = 0; doc < 1500; ++doc) {
    std::string input;
    size_t n = next() % 200;
    for (size_t i = 0; i < n; ++i) {
      if (next() % 4 == 0) {
        input += static_cast<char>(next() % 256);
      } else {
        input += pieces[next() % (sizeof pieces / sizeof *pieces)];
      }
    }
    DocumentInput in;
    in.url = "https://x.test/2025/10/12/a";
    AnalysisRecord r = analyzer.AnalyzeHtml(SanitizeUtf8(input), in);
    AnalysisRecord t = analyzer.AnalyzeText(input, in);
    for (const std::string* s : {&r.text, &r.title, &t.text}) {
      EXPECT_EQ(SanitizeUtf8(*s), *s) << "doc " << doc;
    }
    EXPECT_TRUE(r.status == ArticleStatus::kOk || r.status == ArticleStatus::kNoArticle ||
                r.status == ArticleStatus::kEmpty);
  }
}

// A post's text from Hacker News or Mastodon is HTML: the record holds its plain text,
// and its quoted line is the view the reply answers. An article's text is taken as it is.
TEST(DocumentAnalyzerTest, PostMarkupBecomesPlainText) {
  const LexiconSet lexicons = LexiconSet::Embedded();
  const DocumentAnalyzer analyzer(lexicons);
  const std::string hn = "<p>&gt; AI is a bubble<p>No. Hyperscalers can&#x27;t get enough GPUs.";
  DocumentInput post;
  post.kind = "post";
  const AnalysisRecord r = analyzer.AnalyzeText(hn, post);
  EXPECT_EQ(r.text, "> AI is a bubble\nNo. Hyperscalers can't get enough GPUs.");
  EXPECT_EQ(r.lang, "en");
  ASSERT_TRUE(r.stance.has_value());
  EXPECT_EQ(StanceLabelName(r.stance->label), "revolution");

  DocumentInput article;
  const AnalysisRecord a = analyzer.AnalyzeText(hn, article);
  EXPECT_EQ(a.text, hn);
}

}  // namespace
}  // namespace bw
