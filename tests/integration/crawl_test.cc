// End-to-end tests of `bubblewatch crawl` against small sites served on
// 127.0.0.1: every feed type, robots.txt, politeness delays, Retry-After,
// conditional requests, tracking parameters, near-duplicates, the run lock
// and a crawl killed with SIGKILL. What was requested is asserted from the
// servers' own logs.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "db/database.h"
#include "tests/integration/run_binary.h"
#include "tests/integration/test_server.h"

namespace bw {
namespace {

using std::chrono::milliseconds;
using testing::LoggedRequest;
using testing::RunBubblewatch;
using testing::RunResult;
using testing::TempDir;
using testing::TestServer;

// ---------------------------------------------------------------------------
// The sites

// A distinct English article text of about 300 words: words drawn from a
// vocabulary with a seed of its own, so two articles never look alike to
// SimHash, while a copy with one added line does.
std::string ArticleText(int seed) {
  static const char* kWords[] = {
      "OpenAI",    "NVIDIA",    "gigawatts",  "data",     "centre",    "capacity",  "power",
      "grid",      "investors", "bubble",     "demand",   "chips",     "contract",  "Oracle",
      "financing", "debt",      "revenue",    "growth",   "cooling",   "Texas",     "turbines",
      "analysts",  "warned",    "capex",      "returns",  "cloud",     "servers",   "Broadcom",
      "AMD",       "SoftBank",  "Stargate",   "deal",     "billion",   "shares",    "market",
      "utility",   "nuclear",   "transformer", "supply",  "shortage",  "lease",     "campus"};
  std::mt19937 rng(static_cast<unsigned>(seed) * 7919u + 17u);
  std::string text;
  for (int sentence = 0; sentence < 24; ++sentence) {
    for (int w = 0; w < 12; ++w) {
      text += kWords[rng() % (sizeof kWords / sizeof kWords[0])];
      text += w == 11 ? ". " : " ";
    }
    if (sentence % 6 == 5) text += "\n\n";
  }
  return text;
}

std::string ArticleHtml(const std::string& title, const std::string& text,
                        const std::string& canonical = "") {
  std::string html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
                     title + "</title>";
  if (!canonical.empty()) html += "<link rel=\"canonical\" href=\"" + canonical + "\">";
  html += "</head><body><nav><a href=\"/\">Home</a></nav><article><h1>" + title + "</h1>";
  std::istringstream in(text);
  for (std::string para; std::getline(in, para);) {
    if (!para.empty()) html += "<p>" + para + "</p>";
  }
  return html + "</article><footer>Example News</footer></body></html>";
}

std::string Rss(const std::vector<std::pair<std::string, std::string>>& items,
                const char* encoding = "UTF-8") {
  std::string xml = std::string("<?xml version=\"1.0\" encoding=\"") + encoding +
                    "\"?>\n<rss version=\"2.0\"><channel><title>Feed</title>"
                    "<link>http://example.invalid/</link>";
  for (const auto& [title, link] : items) {
    xml += "<item><title>" + title + "</title><link>" + link +
           "</link><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item>";
  }
  return xml + "</channel></rss>";
}

void Html(httplib::Response& res, const std::string& html) {
  res.set_content(html, "text/html; charset=utf-8");
}

// Requests of a log whose path starts with `prefix`.
std::vector<LoggedRequest> Matching(const std::vector<LoggedRequest>& log, const std::string& prefix) {
  std::vector<LoggedRequest> out;
  for (const LoggedRequest& r : log) {
    if (r.path.rfind(prefix, 0) == 0) out.push_back(r);
  }
  return out;
}

double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

// The first column of every row of `sql`, as text.
std::vector<std::string> Column(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::vector<std::string> out;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << db_path;
    sqlite3_close(db);
    return out;
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
  } else {
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(stmt, 0);
      out.push_back(t ? reinterpret_cast<const char*>(t) : "<null>");
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

std::string One(const std::string& db_path, const std::string& sql) {
  std::vector<std::string> v = Column(db_path, sql);
  return v.empty() ? "<none>" : v[0];
}

class CrawlTest : public ::testing::Test {
 protected:
  std::string Db() const { return dir_.File("bw.db"); }

  // A configuration with the given sources and test-sized politeness.
  std::string Config(const std::string& sources, const std::string& crawl_extra = "",
                     const std::string& delay_s = "0.1") {
    return dir_.Write("bw.toml", "[database]\npath = \"" + Db() +
                                     "\"\n[crawl]\nallow_private_networks = true\n"
                                     "per_host_delay_s = " + delay_s + "\nconcurrency = 4\n" +
                                     crawl_extra + "\n[limits]\ntimeout_s = 10\n" + sources);
  }

  static std::string Source(const std::string& name, const std::string& type,
                            const std::string& url, const std::string& extra = "") {
    return "\n[[sources]]\nname = \"" + name + "\"\ntype = \"" + type + "\"\nurl = \"" + url +
           "\"\n" + extra;
  }

  RunResult Crawl(const std::string& config, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--config", config, "crawl"};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunBubblewatch(dir_.path(), args);
  }

  TempDir dir_;
};

// The whole site of the issue: RSS 2.0, Atom, JSON Feed, a Shift_JIS RSS, a
// broken feed, a sitemap index with a gzip news sitemap, robots.txt with a
// disallowed path and a Crawl-delay, ETag and Last-Modified, one article under
// two URLs with tracking parameters, and on a second site a syndicated
// near-copy and a 429 with Retry-After.
class CrawlSiteTest : public CrawlTest {
 protected:
  void SetUp() override {
    auto& a = news_.server();
    a.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("User-agent: *\nDisallow: /private/\nCrawl-delay: 0.3\n", "text/plain");
    });
    const std::string A = news_.Url("");
    a.Get("/rss.xml", [A](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("If-None-Match") == "\"rss-v1\"") {
        res.status = 304;
        return;
      }
      res.set_header("ETag", "\"rss-v1\"");
      res.set_content(Rss({{"AI capex a1", A + "/news/a1?utm_source=rss&amp;utm_medium=feed"},
                           {"Members only", A + "/private/secret"},
                           {"Second story", A + "/news/a2"}}),
                      "application/rss+xml");
    });
    a.Get("/atom.xml", [A](const httplib::Request& req, httplib::Response& res) {
      const char* kModified = "Mon, 23 Nov 2026 08:00:00 GMT";
      if (req.get_header_value("If-Modified-Since") == kModified) {
        res.status = 304;
        return;
      }
      res.set_header("Last-Modified", kModified);
      res.set_content(
          "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
          "<title>Atom</title><entry><title>Third</title><link rel=\"alternate\" href=\"" + A +
              "/news/a3\"/><published>2026-11-22T09:00:00Z</published></entry>"
              "<entry><title>AI capex a1 again</title><link href=\"" + A +
              "/news/a1?fbclid=XYZ\"/><updated>2026-11-22T09:00:00Z</updated></entry></feed>",
          "application/atom+xml");
    });
    a.Get("/feed.json", [A](const httplib::Request&, httplib::Response& res) {
      nlohmann::json feed = {{"version", "https://jsonfeed.org/version/1.1"},
                             {"title", "JSON"},
                             {"items", {{{"id", "4"}, {"url", A + "/news/a4"},
                                         {"title", "Fourth"},
                                         {"date_published", "2026-11-21T07:30:00+09:00"},
                                         {"content_html", "<p>Feed content of four</p>"}}}}};
      res.set_content(feed.dump(), "application/feed+json");
    });
    a.Get("/sjis.xml", [A](const httplib::Request&, httplib::Response& res) {
      res.set_content(testing::Encode(Rss({{"AIバブルか革命か", A + "/news/ja1"}}, "Shift_JIS"),
                                      "Shift_JIS"),
                      "application/rss+xml");
    });
    a.Get("/broken.xml", [A](const httplib::Request&, httplib::Response& res) {
      res.set_content("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>B</title>"
                      "<item><title>Before</title><link>" + A + "/news/b1</link></item>"
                      "<item><title>Fish & chips <b>bold</title><link>" + A + "/news/bx</link></item>"
                      "<item><title>After</title><link>" + A + "/news/b2</link></item>"
                      "</channel></rss>",
                      "application/rss+xml");
    });
    a.Get("/sitemap_index.xml", [A](const httplib::Request&, httplib::Response& res) {
      res.set_content("<?xml version=\"1.0\"?><sitemapindex "
                      "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>" + A +
                          "/news-sitemap.xml.gz</loc></sitemap></sitemapindex>",
                      "application/xml");
    });
    a.Get("/news-sitemap.xml.gz", [A](const httplib::Request&, httplib::Response& res) {
      std::string xml =
          "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
          "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">";
      for (const char* id : {"s1", "s2"}) {
        xml += std::string("<url><loc>") + A + "/news/" + id + "</loc><news:news><news:publication>"
               "<news:name>Example</news:name><news:language>en</news:language></news:publication>"
               "<news:publication_date>2026-11-20T10:00:00Z</news:publication_date><news:title>"
               "Sitemap " + id + "</news:title></news:news></url>";
      }
      res.set_content(testing::Gzip(xml + "</urlset>"), "application/x-gzip");
    });
    a.Get(R"(/(news|private)/(\w+))", [this](const httplib::Request& req, httplib::Response& res) {
      std::string id = req.matches[2];
      Html(res, ArticleHtml("Story " + id, ArticleText(Seed(id)), news_.Url("/news/" + id)));
    });

    auto& b = syndicator_.server();
    b.Get("/feed.xml", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(Rss({{"Copy", syndicator_.Url("/syndicated/a1-copy")},
                           {"Busy", syndicator_.Url("/busy")}}),
                      "application/rss+xml");
    });
    b.Get("/syndicated/a1-copy", [](const httplib::Request&, httplib::Response& res) {
      Html(res, ArticleHtml("Story a1 (syndicated)",
                            ArticleText(Seed("a1")) + "\n\nThis article first appeared on Example News."));
    });
    b.Get("/busy", [this](const httplib::Request&, httplib::Response& res) {
      if (busy_calls_++ == 0) {
        res.status = 429;
        res.set_header("Retry-After", "1");
        return;
      }
      Html(res, ArticleHtml("Busy story", ArticleText(99)));
    });
    news_.Start();
    syndicator_.Start();
    const std::string A2 = news_.Url("");
    config_ = Config(Source("rss", "rss", A2 + "/rss.xml") + Source("atom", "atom", A2 + "/atom.xml") +
                     Source("json", "jsonfeed", A2 + "/feed.json") +
                     Source("sjis", "rss", A2 + "/sjis.xml", "lang = \"ja\"\n") +
                     Source("broken", "rss", A2 + "/broken.xml") +
                     Source("sitemap", "sitemap", A2 + "/sitemap_index.xml") +
                     Source("syndicator", "rss", syndicator_.Url("/feed.xml")));
  }

  static int Seed(const std::string& id) {
    int seed = 0;
    for (char c : id) seed = seed * 31 + c;
    return seed;
  }

  TestServer news_, syndicator_;
  std::atomic<int> busy_calls_{0};
  std::string config_;
};

TEST_F(CrawlSiteTest, FirstRunStoresEveryArticleOncePolitely) {
  RunResult r = Crawl(config_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string A = news_.Url(""), B = syndicator_.Url("");

  // Every article once, under its canonical URL; a1 despite two tracking variants.
  std::vector<std::string> urls = Column(Db(), "SELECT url FROM documents ORDER BY url");
  std::vector<std::string> expected;
  for (const char* id : {"a1", "a2", "a3", "a4", "b1", "b2", "ja1", "s1", "s2"}) {
    expected.push_back(A + "/news/" + id);
  }
  expected.push_back(B + "/busy");
  expected.push_back(B + "/syndicated/a1-copy");
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(urls, expected);

  // The near-copy and the original: whichever was stored second is linked to
  // the first, and not counted as new.
  const std::string a1 = "(SELECT id FROM documents WHERE url = '" + A + "/news/a1')";
  const std::string copy = "(SELECT id FROM documents WHERE url = '" + B + "/syndicated/a1-copy')";
  EXPECT_EQ(Column(Db(), "SELECT duplicate_of = " + a1 + " OR duplicate_of = " + copy +
                             " FROM documents WHERE duplicate_of IS NOT NULL"),
            (std::vector<std::string>{"1"}));
  EXPECT_NE(r.out.find(" 10 new, 1 duplicates,"), std::string::npos) << r.out;

  // The disallowed path was never requested; robots.txt came first.
  std::vector<LoggedRequest> log = news_.Log();
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log[0].path, "/robots.txt");
  EXPECT_TRUE(Matching(log, "/private/").empty());
  EXPECT_EQ(Matching(log, "/news/a1").size(), 1u);  // one fetch for both tracking variants
  EXPECT_EQ(One(Db(), "SELECT last_error FROM feed_items WHERE url = '" + A + "/private/secret'"),
            "robots: disallowed by robots.txt");

  // Crawl-delay 0.3 s: no two requests to the site closer than that.
  for (size_t i = 1; i < log.size(); ++i) {
    EXPECT_GE(Seconds(log[i].at - log[i - 1].at), 0.3)
        << log[i - 1].path << " then " << log[i].path;
  }
  // The 429 was retried after its Retry-After of 1 s.
  std::vector<LoggedRequest> busy = Matching(syndicator_.Log(), "/busy");
  ASSERT_EQ(busy.size(), 2u);
  EXPECT_GE(Seconds(busy[1].at - busy[0].at), 1.0);
  // Both answers are in `fetches`: the 429, then the page.
  EXPECT_EQ(Column(Db(), "SELECT outcome || ' ' || http_status FROM fetches WHERE url = '" + B +
                             "/busy' ORDER BY id"),
            (std::vector<std::string>{"http_error 429", "ok 200"}));

  // Feed items keep what the feed said: the Shift_JIS title, dates, content.
  EXPECT_EQ(One(Db(), "SELECT title FROM feed_items WHERE url = '" + A + "/news/ja1'"),
            "AIバブルか革命か");
  EXPECT_EQ(One(Db(), "SELECT content FROM feed_items WHERE url = '" + A + "/news/a4'"),
            "<p>Feed content of four</p>");
  EXPECT_EQ(One(Db(), "SELECT published FROM feed_items WHERE url = '" + A + "/news/a4'"),
            "2026-11-21T07:30:00+09:00");
  // The page states no date, so the document takes the feed's.
  EXPECT_EQ(One(Db(), "SELECT published || ' ' || published_from FROM documents WHERE url = '" +
                          A + "/news/s1'"),
            "2026-11-20T10:00:00Z feed");
  EXPECT_EQ(One(Db(), "SELECT count(*) FROM feed_items WHERE state = 'pending'"), "0");

  // The run is recorded, and every source's state.
  EXPECT_EQ(One(Db(), "SELECT status || ' ' || new_documents || ' ' || duplicates FROM runs"),
            "ok 10 1");
  EXPECT_EQ(One(Db(), "SELECT count(*) FROM sources WHERE last_status = 'ok'"), "7");
  EXPECT_EQ(One(Db(), "SELECT etag FROM sources WHERE name = 'rss'"), "\"rss-v1\"");
}

TEST_F(CrawlSiteTest, SecondRunSendsConditionalRequestsAndStoresNothingNew) {
  ASSERT_EQ(Crawl(config_).exit_code, 0);
  const size_t first_a = news_.Log().size(), first_b = syndicator_.Log().size();
  const std::string documents = One(Db(), "SELECT count(*) FROM documents");

  RunResult r = Crawl(config_, {"--all", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json summary = nlohmann::json::parse(r.out);
  EXPECT_EQ(summary["new_documents"], 0);
  EXPECT_EQ(summary["duplicates"], 0);
  EXPECT_EQ(summary["not_modified"], 2);
  EXPECT_EQ(summary["failures"], 0);
  EXPECT_EQ(summary["sources"], 7);
  EXPECT_EQ(One(Db(), "SELECT count(*) FROM documents"), documents);
  EXPECT_EQ(One(Db(), "SELECT count(*) FROM runs"), "2");

  const std::vector<LoggedRequest> all_a = news_.Log(), all_b = syndicator_.Log();
  std::vector<LoggedRequest> a(all_a.begin() + first_a, all_a.end());
  std::vector<LoggedRequest> b(all_b.begin() + first_b, all_b.end());
  std::vector<LoggedRequest> rss = Matching(a, "/rss.xml"), atom = Matching(a, "/atom.xml");
  ASSERT_EQ(rss.size(), 1u);
  EXPECT_EQ(rss[0].if_none_match, "\"rss-v1\"");
  ASSERT_EQ(atom.size(), 1u);
  EXPECT_EQ(atom[0].if_modified_since, "Mon, 23 Nov 2026 08:00:00 GMT");
  // Only the feeds: robots.txt is cached, and no article is fetched again.
  for (const LoggedRequest& req : a) {
    EXPECT_TRUE(req.path.rfind("/news/", 0) != 0 && req.path != "/robots.txt") << req.path;
  }
  for (const LoggedRequest& req : b) EXPECT_EQ(req.path, "/feed.xml");
  // A source is not polled again before its interval unless --all says so.
  RunResult idle = Crawl(config_, {"--json"});
  ASSERT_EQ(idle.exit_code, 0) << idle.err;
  EXPECT_EQ(nlohmann::json::parse(idle.out)["sources"], 0);
}

// A site of `n` articles listed by one RSS feed, each answered after `delay`.
class SlowSiteTest : public CrawlTest {
 protected:
  void Serve(int n, milliseconds delay) {
    auto& s = site_.server();
    s.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("User-agent: *\nAllow: /\n", "text/plain");
    });
    s.Get("/feed.xml", [this, n](const httplib::Request&, httplib::Response& res) {
      std::vector<std::pair<std::string, std::string>> items;
      for (int i = 0; i < n; ++i) {
        items.push_back({"Story " + std::to_string(i), site_.Url("/a/" + std::to_string(i))});
      }
      res.set_content(Rss(items), "application/rss+xml");
    });
    s.Get(R"(/a/(\d+))", [delay](const httplib::Request& req, httplib::Response& res) {
      std::this_thread::sleep_for(delay);
      int id = std::stoi(req.matches[1]);
      Html(res, ArticleHtml("Story " + std::to_string(id), ArticleText(1000 + id)));
    });
    site_.Start();
  }

  size_t ArticleRequests() const { return Matching(site_.Log(), "/a/").size(); }

  TestServer site_;
};

TEST_F(SlowSiteTest, ASecondCrawlOnTheSameDatabaseExits75AtOnce) {
  Serve(6, milliseconds(300));
  std::string config = Config(Source("slow", "rss", site_.Url("/feed.xml")));
  testing::RunningBinary first =
      testing::SpawnBubblewatch(dir_.path(), {"--config", config, "crawl"});
  ASSERT_GT(first.pid, 0);
  for (int i = 0; i < 200 && ArticleRequests() == 0; ++i) std::this_thread::sleep_for(milliseconds(20));
  ASSERT_GT(ArticleRequests(), 0u);

  auto started = std::chrono::steady_clock::now();
  RunResult second = Crawl(config);
  EXPECT_EQ(second.exit_code, 75);
  EXPECT_LT(Seconds(std::chrono::steady_clock::now() - started), 5.0);  // at once, not after the first
  EXPECT_EQ(second.out, "");
  EXPECT_EQ(std::count(second.err.begin(), second.err.end(), '\n'), 1) << second.err;
  EXPECT_NE(second.err.find("another crawl is running (pid " + std::to_string(first.pid) + ")"),
            std::string::npos)
      << second.err;

  RunResult done = testing::WaitBubblewatch(first);
  EXPECT_EQ(done.exit_code, 0) << done.err;
  EXPECT_EQ(One(Db(), "SELECT count(*) FROM documents"), "6");
  EXPECT_EQ(One(Db(), "SELECT count(*) FROM runs"), "1");  // the refused run left no trace
}

TEST_F(SlowSiteTest, KilledWithSigkillThenRerunStoresEveryArticleOnce) {
  constexpr int kArticles = 30;
  Serve(kArticles, milliseconds(60));
  std::string config = Config(Source("slow", "rss", site_.Url("/feed.xml"), "max_items = 100\n"),
                              "per_host_concurrency = 4\n");
  // per_host_delay_s 0.1 with 4 at once: the crawl takes a few seconds.
  testing::RunningBinary first =
      testing::SpawnBubblewatch(dir_.path(), {"--config", config, "crawl"});
  ASSERT_GT(first.pid, 0);
  for (int i = 0; i < 500 && ArticleRequests() < 10; ++i) std::this_thread::sleep_for(milliseconds(10));
  ASSERT_GE(ArticleRequests(), 10u);
  ASSERT_EQ(kill(first.pid, SIGKILL), 0);
  RunResult killed = testing::WaitBubblewatch(first);
  EXPECT_EQ(killed.exit_code, 128 + SIGKILL);
  const int stored_before = std::stoi(One(Db(), "SELECT count(*) FROM documents"));
  EXPECT_LT(stored_before, kArticles);

  RunResult rerun = Crawl(config);
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(One(Db(), "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(One(Db(), "SELECT count(*) FROM documents"), std::to_string(kArticles));
  EXPECT_EQ(One(Db(), "SELECT count(DISTINCT url) FROM documents"), std::to_string(kArticles));
  EXPECT_EQ(One(Db(), "SELECT count(*) FROM feed_items WHERE state = 'stored'"),
            std::to_string(kArticles));
  EXPECT_EQ(One(Db(), "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"), "0");
  // The killed run is marked as such; the rerun finished what it left.
  EXPECT_EQ(Column(Db(), "SELECT status FROM runs ORDER BY id"),
            (std::vector<std::string>{"interrupted", "ok"}));
  // No article that was stored before the kill was fetched again.
  std::map<std::string, int> fetched;
  for (const LoggedRequest& r : Matching(site_.Log(), "/a/")) ++fetched[r.path];
  int twice = 0;
  for (const auto& [path, n] : fetched) twice += n > 1;
  EXPECT_LE(twice, kArticles - stored_before);  // only those in flight at the kill
}

// The crawl groups its writes into batches of at most a second: documents are
// committed, and another process can write, while the crawl still runs.
TEST_F(SlowSiteTest, StoredDocumentsAreCommittedWhileTheCrawlRuns) {
  constexpr int kArticles = 8;
  Serve(kArticles, milliseconds(400));
  std::string config = Config(Source("slow", "rss", site_.Url("/feed.xml")),
                              "per_host_concurrency = 1\n");
  testing::RunningBinary crawl =
      testing::SpawnBubblewatch(dir_.path(), {"--config", config, "crawl"});
  ASSERT_GT(crawl.pid, 0);
  int stored = 0;
  size_t requested = 0;
  for (int i = 0; i < 300 && stored == 0; ++i) {
    std::this_thread::sleep_for(milliseconds(10));
    requested = ArticleRequests();
    if (requested >= 2) stored = std::stoi(One(Db(), "SELECT count(*) FROM documents"));
  }
  EXPECT_GE(stored, 1);
  EXPECT_LT(requested, static_cast<size_t>(kArticles));  // seen before the crawl's end

  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(Db().c_str(), &other), SQLITE_OK);
  sqlite3_busy_timeout(other, 2000);
  EXPECT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE; ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(other);
  sqlite3_close(other);

  RunResult done = testing::WaitBubblewatch(crawl);
  EXPECT_EQ(done.exit_code, 0) << done.err;
  EXPECT_EQ(One(Db(), "SELECT count(*) FROM documents"), std::to_string(kArticles));
}

TEST_F(SlowSiteTest, MaxRuntimeStopsNewWorkAndTheNextRunFinishes) {
  Serve(20, milliseconds(400));
  std::string config = Config(Source("slow", "rss", site_.Url("/feed.xml")), "", "0");
  auto started = std::chrono::steady_clock::now();
  RunResult r = Crawl(config, {"--max-runtime", "1", "--json"});
  double took = Seconds(std::chrono::steady_clock::now() - started);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json summary = nlohmann::json::parse(r.out);
  EXPECT_TRUE(summary["stopped"]);
  EXPECT_GT(summary["pending"].get<int>(), 0);
  EXPECT_LT(took, 6.0);  // 20 × 0.4 s would be 8 s and more
  const int stored = summary["new_documents"];
  EXPECT_EQ(stored + summary["pending"].get<int>(), 20);

  RunResult rest = Crawl(config, {"--json"});
  ASSERT_EQ(rest.exit_code, 0) << rest.err;
  EXPECT_EQ(nlohmann::json::parse(rest.out)["new_documents"], 20 - stored);
  EXPECT_EQ(One(Db(), "SELECT count(*) FROM documents"), "20");
}

TEST_F(CrawlTest, RobotsServerErrorDisallowsTheWholeSiteForThatRun) {
  TestServer site;
  site.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.status = 503;
  });
  site.server().Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(Rss({}), "application/rss+xml");
  });
  site.Start();
  std::string config = Config(Source("down", "rss", site.Url("/feed.xml")));
  RunResult r = Crawl(config, {"--quiet"});
  EXPECT_EQ(r.exit_code, 69);  // every due source failed
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("1 failed (robots 1)"), std::string::npos) << r.err;
  for (const LoggedRequest& req : site.Log()) EXPECT_EQ(req.path, "/robots.txt");
  EXPECT_EQ(One(Db(), "SELECT count(*) FROM robots"), "0");  // a 5xx is not cached

  RunResult sources = RunBubblewatch(dir_.path(), {"--config", config, "sources"});
  ASSERT_EQ(sources.exit_code, 0) << sources.err;
  EXPECT_NE(sources.out.find("robots"), std::string::npos) << sources.out;
  EXPECT_NE(sources.out.find("disallowed by robots.txt"), std::string::npos) << sources.out;
}

TEST_F(CrawlTest, HtmlPageWhereAFeedWasExpectedIsAFailureNamedInSources) {
  TestServer site;
  site.server().Get("/feed", [](const httplib::Request&, httplib::Response& res) {
    Html(res, "<!DOCTYPE html><html><body><h1>Please enable JavaScript</h1></body></html>");
  });
  site.Start();
  std::string config = Config(Source("waf", "rss", site.Url("/feed")));
  RunResult r = Crawl(config, {"--json"});
  EXPECT_EQ(r.exit_code, 69);
  nlohmann::json summary = nlohmann::json::parse(r.out);
  EXPECT_EQ(summary["failures_by_cause"]["not_a_feed"], 1);
  RunResult sources = RunBubblewatch(dir_.path(), {"--config", config, "sources", "--json"});
  ASSERT_EQ(sources.exit_code, 0) << sources.err;
  nlohmann::json row = nlohmann::json::parse(sources.out);
  EXPECT_EQ(row["name"], "waf");
  EXPECT_EQ(row["last_status"], "not_a_feed");
  EXPECT_EQ(row["last_error"], "not a feed: an HTML page");
  EXPECT_EQ(row["failures"], 1);
  EXPECT_NE(row["next_due"], row["last_poll"]);
}

TEST_F(CrawlTest, QuietPrintsNothingWhenAllIsWell) {
  TestServer site;
  site.server().Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(Rss({}), "application/rss+xml");
  });
  site.Start();
  std::string config = Config(Source("empty", "rss", site.Url("/feed.xml")));
  RunResult quiet = Crawl(config, {"--quiet"});
  EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.out, "");
  EXPECT_EQ(quiet.err, "");
  RunResult loud = Crawl(config, {"--all"});
  EXPECT_EQ(loud.exit_code, 0);
  EXPECT_EQ(loud.out.rfind("crawl: 1 source, 0 items seen, 0 new, 0 duplicates, 0 not modified, 0 failed, ", 0), 0u)
      << loud.out;
}

TEST_F(CrawlTest, BadArgumentsAndConfigAreUsageErrors) {
  std::string no_sources = dir_.Write("empty.toml", "[crawl]\n");
  RunResult r = Crawl(no_sources);
  EXPECT_EQ(r.exit_code, 64);
  EXPECT_EQ(r.err, "bubblewatch: " + no_sources + ": no [[sources]] to crawl\n");
  std::string config = Config(Source("x", "rss", "https://x.example/feed"));
  r = Crawl(config, {"--source", "nope"});
  EXPECT_EQ(r.exit_code, 64);
  EXPECT_EQ(r.err, "bubblewatch: no source named 'nope' in the configuration\n");
  r = Crawl(config, {"--max-runtime", "-3"});
  EXPECT_EQ(r.exit_code, 64);
  std::string bad = dir_.Write("bad.toml", "[[sources]]\nname = \"a\"\ntype = \"rss\"\nurl = \"gopher://x\"\n");
  r = Crawl(bad);
  EXPECT_EQ(r.exit_code, 64);
  EXPECT_EQ(r.err.rfind("bubblewatch: " + bad + ":4: sources[0].url: ", 0), 0u) << r.err;
}

}  // namespace
}  // namespace bw
