// PageFetcher against a real HTTP server on 127.0.0.1: charsets, compression,
// redirects, errors, limits, and what ends up in the database.
#include "pipeline/page_fetcher.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "tests/integration/run_binary.h"
#include "tests/integration/seed_page.h"
#include "tests/integration/test_server.h"

namespace bw {
namespace {

using testing::Encode;
using testing::Gzip;
using testing::TempDir;
using testing::TestServer;

class PageFetcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.File("t.db"));
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = std::move(*db);
    options_.allow_private_networks = true;  // the server is on loopback
    options_.limits.timeout_s = 5;
  }

  Result<FetchedPage> Fetch(const std::string& path) {
    PageFetcher fetcher(http_, analyzer_, *db_);
    return fetcher.Fetch(server_.Url(path), options_);
  }

  // Serves `body` at `path` with the given Content-Type.
  void Serve(const std::string& path, const std::string& body, const std::string& type) {
    server_.server().Get(path, [body, type](const httplib::Request&, httplib::Response& res) {
      res.set_content(body, type);
    });
  }

  TempDir dir_;
  TestServer server_;
  LexiconSet lexicons_ = LexiconSet::Embedded();
  DocumentAnalyzer analyzer_{lexicons_};
  CurlHttpClient http_;
  std::unique_ptr<Database> db_;
  FetchOptions options_;
};

// A news page in the given language, long enough to be an article.
std::string NewsPage(const std::string& title, const std::string& paragraph,
                     const std::string& meta_charset) {
  std::string meta = meta_charset.empty() ? "" : "<meta charset=\"" + meta_charset + "\">";
  std::string body;
  for (int i = 0; i < 4; ++i) body += "<p>" + paragraph + "</p>\n";
  return "<!DOCTYPE html><html><head>" + meta + "<title>" + title +
         "</title></head><body><nav><a href=/>Home</a></nav><article><h1>" + title + "</h1>" +
         body + "</article></body></html>";
}

const std::string kJaTitle = "エヌビディア、オープンAIに最大1000億ドル投資へ";
const std::string kJaText =
    "米半導体大手エヌビディアは、対話型AIを手がけるオープンAIに対し、最大1000億ドルを段階的に投資すると発表した。"
    "両社は少なくとも10ギガワット分のデータセンターを建設する計画で、市場では過熱を懸念する声も出ている。";
const std::string kHansTitle = "英伟达将向OpenAI投资最多1000亿美元";
const std::string kHansText =
    "英伟达与OpenAI宣布达成合作，英伟达将分阶段向OpenAI投资最多1000亿美元，双方计划部署至少10吉瓦的数据中心。"
    "分析师警告说，这种供应商融资的结构可能加剧市场对人工智能泡沫的担忧。";
const std::string kHantTitle = "輝達將向OpenAI投資最多1000億美元";
const std::string kHantText =
    "輝達與OpenAI宣布達成合作，輝達將分階段向OpenAI投資最多1000億美元，雙方計劃部署至少10吉瓦的資料中心。"
    "分析師警告說，這種供應商融資的結構可能加劇市場對人工智慧泡沫的擔憂。";

struct CharsetCase {
  const char* name;
  const char* charset;     // ICU name used to encode the page
  const char* label;       // what the server or the page declares
  const std::string* title;
  const std::string* text;
  const char* lang;
  const char* script;
};

const CharsetCase kCharsetCases[] = {
    {"utf8", "UTF-8", "utf-8", &kHansTitle, &kHansText, "zh", "Hans"},
    {"shift_jis", "Shift_JIS", "Shift_JIS", &kJaTitle, &kJaText, "ja", "Jpan"},
    {"euc_jp", "EUC-JP", "EUC-JP", &kJaTitle, &kJaText, "ja", "Jpan"},
    {"gbk", "GBK", "GBK", &kHansTitle, &kHansText, "zh", "Hans"},
    {"gb2312_label", "GBK", "gb2312", &kHansTitle, &kHansText, "zh", "Hans"},
    {"big5", "Big5", "Big5", &kHantTitle, &kHantText, "zh", "Hant"},
};

// Where the page declares its charset.
enum class Declared { kHeader, kMeta, kNowhere };

// Short names in test listings instead of byte dumps.
void PrintTo(const CharsetCase& c, std::ostream* os) { *os << c.name; }
void PrintTo(Declared d, std::ostream* os) { *os << static_cast<int>(d); }

class CharsetFetchTest : public PageFetcherTest,
                         public ::testing::WithParamInterface<std::tuple<CharsetCase, Declared>> {};

TEST_P(CharsetFetchTest, DecodesAndDetectsLanguage) {
  const auto& [c, declared] = GetParam();
  std::string meta = declared == Declared::kMeta ? c.label : "";
  std::string bytes = Encode(NewsPage(*c.title, *c.text, meta), c.charset);
  std::string type = declared == Declared::kHeader ? std::string("text/html; charset=") + c.label
                                                   : "text/html";
  Serve("/page", bytes, type);
  server_.Start();

  auto page = Fetch("/page");
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->record.title, *c.title);
  EXPECT_NE(page->record.text.find(*c.text), std::string::npos) << page->record.text;
  EXPECT_EQ(page->record.lang, c.lang);
  EXPECT_EQ(page->record.script, c.script);
  EXPECT_EQ(page->record.text.find("Home"), std::string::npos);
  // The raw body is stored as it came, and can be read back.
  auto raw = db_->RawBody(page->stored.id);
  ASSERT_TRUE(raw.has_value());
  EXPECT_EQ(*raw, bytes);
}

std::string CharsetCaseName(const ::testing::TestParamInfo<std::tuple<CharsetCase, Declared>>& i) {
  const char* where[] = {"header", "meta", "undeclared"};
  return std::string(std::get<0>(i.param).name) + "_" + where[int(std::get<1>(i.param))];
}

INSTANTIATE_TEST_SUITE_P(AllCharsets, CharsetFetchTest,
                         ::testing::Combine(::testing::ValuesIn(kCharsetCases),
                                            ::testing::Values(Declared::kHeader, Declared::kMeta,
                                                              Declared::kNowhere)),
                         CharsetCaseName);

TEST_F(PageFetcherTest, GzipBodyIsDecoded) {
  std::string html = NewsPage(kHansTitle, kHansText, "utf-8");
  server_.server().Get("/gz", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    res.set_content(Gzip(html), "text/html; charset=utf-8");
  });
  server_.Start();
  auto page = Fetch("/gz");
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_NE(page->record.text.find(kHansText), std::string::npos);
  auto log = server_.Log();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_NE(log[0].accept_encoding.find("gzip"), std::string::npos);
  EXPECT_NE(log[0].accept_encoding.find("br"), std::string::npos);
  EXPECT_NE(log[0].user_agent.find("bubblewatch/"), std::string::npos);
  EXPECT_NE(log[0].user_agent.find("https://"), std::string::npos);
}

TEST_F(PageFetcherTest, FollowsRedirectChainAndStoresUnderCanonical) {
  server_.server().Get("/r1", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/r2", 301);
  });
  server_.server().Get("/r2", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/article?id=7#top", 302);
  });
  Serve("/article", NewsPage(kHansTitle, kHansText, "utf-8"), "text/html");
  server_.Start();
  auto page = Fetch("/r1");
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->record.url, server_.Url("/article?id=7"));
  EXPECT_EQ(page->record.canonical_url, server_.Url("/article?id=7"));
  EXPECT_EQ(db_->CountRows("documents"), 1);
}

TEST_F(PageFetcherTest, RedirectLoopStopsAfterFive) {
  server_.server().Get("/loop", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/loop", 302);
  });
  server_.Start();
  auto page = Fetch("/loop");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().exit_code(), 69);
  EXPECT_NE(page.status().message().find("more than 5 redirects"), std::string::npos);
  EXPECT_EQ(server_.Log().size(), 6u);  // the first request and five redirects
}

TEST_F(PageFetcherTest, RedirectToFileIsRefused) {
  server_.server().Get("/evil", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("file:///etc/passwd", 302);
  });
  server_.Start();
  auto page = Fetch("/evil");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().exit_code(), 69);
  EXPECT_NE(page.status().message().find("refused"), std::string::npos);
  EXPECT_EQ(db_->CountRows("documents"), 0);
  EXPECT_EQ(db_->CountRows("fetches"), 1);
}

TEST_F(PageFetcherTest, HttpErrorsAreRecordedAndUnreachable) {
  server_.server().Get("/500", [](const httplib::Request&, httplib::Response& res) {
    res.status = 500;
    res.set_content("oops", "text/plain");
  });
  server_.Start();
  for (const char* path : {"/missing", "/500"}) {
    auto page = Fetch(path);
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.status().exit_code(), 69);
    EXPECT_NE(page.status().message().find(server_.Url(path)), std::string::npos);
  }
  EXPECT_EQ(db_->CountRows("fetches"), 2);
  EXPECT_EQ(db_->CountRows("documents"), 0);
}

TEST_F(PageFetcherTest, StalledServerTimesOut) {
  server_.server().Get("/stall", [](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    res.set_content("late", "text/plain");
  });
  server_.Start();
  options_.limits.timeout_s = 1;
  auto start = std::chrono::steady_clock::now();
  auto page = Fetch("/stall");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().exit_code(), 69);
  EXPECT_NE(page.status().message().find("timed out"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(2400));
}

TEST_F(PageFetcherTest, BodyOverCapIsRefused) {
  Serve("/big", std::string(300 * 1024, 'a'), "text/html");
  server_.Start();
  options_.limits.max_body_bytes = 100 * 1024;
  auto page = Fetch("/big");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().exit_code(), 65);
  EXPECT_NE(page.status().message().find("larger than the limit"), std::string::npos);
  EXPECT_EQ(db_->CountRows("documents"), 0);
}

TEST_F(PageFetcherTest, CompressionBombStopsAtTheCap) {
  std::string bomb = Gzip(std::string(64 << 20, '<'));  // 64 MiB of markup in ~64 KiB
  server_.server().Get("/bomb", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    res.set_content(bomb, "text/html");
  });
  server_.Start();
  options_.limits.max_body_bytes = 1 << 20;
  auto page = Fetch("/bomb");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().exit_code(), 65);
}

TEST_F(PageFetcherTest, PdfIsSkipped) {
  Serve("/paper.pdf", "%PDF-1.7\n...", "application/pdf");
  server_.Start();
  auto page = Fetch("/paper.pdf");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().exit_code(), 65);
  EXPECT_NE(page.status().message().find("application/pdf"), std::string::npos);
  EXPECT_EQ(db_->CountRows("documents"), 0);
  EXPECT_EQ(db_->CountRows("fetches"), 1);
}

TEST_F(PageFetcherTest, SameUrlTwiceIsOneDocument) {
  int hits = 0;
  server_.server().Get("/a", [&](const httplib::Request&, httplib::Response& res) {
    std::string extra = ++hits == 1 ? "" : "更新：本文已更新。";
    res.set_content(NewsPage(kHansTitle, kHansText + extra, "utf-8"), "text/html");
  });
  server_.Start();
  auto first = Fetch("/a");
  auto second = Fetch("/a");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_TRUE(first->stored.created);
  EXPECT_FALSE(second->stored.created);
  EXPECT_EQ(first->stored.id, second->stored.id);
  EXPECT_EQ(db_->CountRows("documents"), 1);
  EXPECT_EQ(db_->CountRows("fetches"), 2);
  EXPECT_EQ(db_->CountRows("raw"), 1);
  // The refetch replaced the figures: 4 paragraphs, each with 1000亿美元 and 10吉瓦.
  EXPECT_EQ(second->record.figures.size(), 8u);
  EXPECT_EQ(db_->CountRows("figures"), 8);
  auto row = db_->FindDocument(server_.Url("/a"));
  ASSERT_TRUE(row.has_value());
  EXPECT_NE(row->text.find("本文已更新"), std::string::npos);
}

TEST_F(PageFetcherTest, PrivateAddressRefusedUnlessAllowed) {
  Serve("/a", NewsPage(kHansTitle, kHansText, "utf-8"), "text/html");
  server_.Start();
  options_.allow_private_networks = false;
  auto page = Fetch("/a");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().exit_code(), 69);
  EXPECT_NE(page.status().message().find("127.0.0.1"), std::string::npos);
  EXPECT_TRUE(server_.Log().empty());  // refused before the request was sent
}

TEST_F(PageFetcherTest, UkiyoSeedPageKeepsArticleAndDropsChrome) {
  testing::SeedPage seed = testing::BuildUkiyoSeedPage();
  Serve("/zh/articles/ai-bubble-or-revolution", seed.html, "text/html; charset=utf-8");
  server_.Start();
  auto page = Fetch("/zh/articles/ai-bubble-or-revolution");
  ASSERT_TRUE(page.ok()) << page.status().message();
  const AnalysisRecord& r = page->record;
  EXPECT_EQ(r.title, seed.title);
  ASSERT_TRUE(r.published.has_value());
  EXPECT_EQ(r.published->ToIso8601(), "2025-10-12T01:32:00+08:00");
  EXPECT_EQ(r.lang, "zh");
  EXPECT_EQ(r.script, "Hans");
  EXPECT_EQ(r.status, ArticleStatus::kOk);
  EXPECT_EQ(r.canonical_url, server_.Url("/zh/articles/ai-bubble-or-revolution"));
  ASSERT_EQ(seed.article_texts.size(), 22u);  // 7 headings, 12 paragraphs, 3 list items
  for (const std::string& t : seed.article_texts) {
    EXPECT_NE(r.text.find(t), std::string::npos) << "missing: " << t;
  }
  for (const std::string& line : seed.chrome_lines) {
    EXPECT_EQ(r.text.find(line), std::string::npos) << "chrome kept: " << line;
  }
  for (const char* word : {"cookie_", "日本語", "English", "全部文章", "返回文章列表", "联系我们",
                           "All rights reserved"}) {
    EXPECT_EQ(r.text.find(word), std::string::npos) << word;
  }
  auto row = db_->FindDocument(r.canonical_url);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->text, r.text);
  EXPECT_EQ(row->published, "2025-10-12T01:32:00+08:00");
  EXPECT_EQ(row->lang, "zh");
  // The figures are stored with the document, in one transaction.
  std::vector<FigureRow> figures = db_->Figures(row->id);
  ASSERT_EQ(figures.size(), r.figures.size());
  EXPECT_EQ(figures.size(), 21u);
  EXPECT_EQ(figures[2].span, "1000亿美元");
  EXPECT_EQ(figures[2].currency, "USD");
  EXPECT_EQ(figures[2].qualifier, "up_to");
  EXPECT_EQ(figures[2].entity, "NVIDIA");
  EXPECT_EQ(db_->CountRows("document_entities"), 3);
}

}  // namespace
}  // namespace bw
