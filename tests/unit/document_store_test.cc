#include "db/document_store.h"

#include "tests/support/test_files.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>
#include <string>
#include <vector>

#include "db/crawl_store.h"

namespace bw {
namespace {

using testing::TempDir;
using Ids = std::vector<int64_t>;

constexpr uint64_t kSharedSimHash = 0x0123456789abcdefULL;

DateTime At(int year, int month, int day, int hour, int offset_minutes) {
  return DateTime{.year = year, .month = month, .day = day, .has_time = true, .hour = hour,
                  .minute = 0, .second = 0, .utc_offset_minutes = offset_minutes};
}

// A bubble stance whose evidence is the title and the first sentence of the text.
Stance BubbleStance(const AnalysisRecord& r, const std::string& sentence) {
  Stance s;
  s.label = StanceLabel::kBubble;
  s.score = -0.5;
  s.bubble = 1.5;
  s.revolution = 0.25;
  SentenceStance title{.in_title = true, .start = 0, .end = r.title.size(), .score = -0.8,
                       .weight = 1.5, .label = StanceLabel::kBubble,
                       .cues = {{.text = "泡沫"}}, .rules = {}};
  const size_t start = r.text.find(sentence);
  SentenceStance text{.in_title = false, .start = start, .end = start + sentence.size(),
                      .score = -1, .weight = 1, .label = StanceLabel::kBubble,
                      .cues = {{.text = "泡沫"}, {.text = "警告"}}, .rules = {"reported view"}};
  s.evidence = {title, text};
  return s;
}

class DocumentStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.File("docs.db"));
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = std::move(*db);
    store_ = std::make_unique<DocumentStore>(*db_);
    auto source = CrawlStore(*db_).SyncSource("ukiyo", "rss", "https://zh.example/feed");
    ASSERT_TRUE(source.ok());

    // 1: Chinese, from the configured source "ukiyo", fetched under a tracking URL.
    AnalysisRecord zh = Record("https://zh.example/a?utm_source=rss", "https://zh.example/a",
                               "AI泡沫论再起", "zh", "article",
                               "分析师警告人工智能泡沫正在形成。英伟达（NVIDIA）的订单仍在增长。");
    zh.published = At(2025, 10, 12, 9, 8 * 60);  // 2025-10-12T01:00Z
    zh.figures = {Figure{.kind = "power", .value = 10, .unit = "GW", .entity = "NVIDIA",
                         .span = "10GW", .start = 3, .end = 7},
                  Figure{.kind = "money", .value = 1e11, .low = 9e10, .high = 1.1e11,
                         .currency = "USD", .qualifier = "up_to", .entity = "NVIDIA",
                         .span = "1000亿美元", .start = 20, .end = 33}};
    zh.entities = {"NVIDIA", "OpenAI"};
    zh.stance = BubbleStance(zh, "分析师警告人工智能泡沫正在形成。");
    Store(zh, {.source_id = *source});
    Store(zh, {.source_id = *source});  // fetched again: one document, two fetches

    // 2: a Japanese post.
    AnalysisRecord ja = Record("https://ja.example/b", "", "AIバブルは崩壊するのか", "ja", "post",
                               "データセンターへの投資が急増している。バブルではないとの見方もある。");
    ja.published = At(2025, 10, 13, 9, 9 * 60);  // 2025-10-13T00:00Z
    Store(ja);

    // 3 and 4: English, the second a near-duplicate of the first.
    AnalysisRecord en = Record("https://en.example/c", "",
                               "Nvidia to invest in OpenAI's AI build-out", "en", "article",
                               "NVIDIA said it would invest up to $100 billion in OpenAI. "
                               "Some analysts call it a bubble.");
    en.published = At(2025, 10, 14, 12, 0);
    Store(en, {.simhash = kSharedSimHash});
    AnalysisRecord copy = en;
    copy.url = "https://copy.example/c";
    copy.published = At(2025, 10, 14, 13, 0);
    Store(copy, {.simhash = kSharedSimHash});

    // 5: 泡 ending a run of Chinese characters.
    AnalysisRecord bubbles = Record("https://zh.example/e", "", "市场观察", "zh", "article",
                                    "市场出现气泡");
    bubbles.published = At(2025, 10, 15, 8, 8 * 60);
    Store(bubbles);
  }

  static AnalysisRecord Record(const std::string& url, const std::string& canonical,
                               const std::string& title, const std::string& lang,
                               const std::string& kind, const std::string& text) {
    AnalysisRecord r;
    r.url = url;
    r.canonical_url = canonical;
    r.title = title;
    r.lang = lang;
    r.kind = kind;
    r.status = ArticleStatus::kOk;
    r.text = text;
    return r;
  }

  void Store(const AnalysisRecord& r, const DocumentOrigin& origin = {}) {
    FetchRecord fetch{r.url, r.url, "ok", 200, "text/html", "UTF-8", 10, 5, "", std::nullopt};
    auto stored = db_->StoreDocument(fetch, "<html></html>", r, origin);
    ASSERT_TRUE(stored.ok()) << stored.status().message();
  }

  Ids Search(SearchQuery q) {
    auto hits = store_->Search(q);
    EXPECT_TRUE(hits.ok()) << hits.status().message();
    Ids ids;
    if (hits.ok()) {
      for (const SearchHit& h : *hits) ids.push_back(h.id);
    }
    return ids;
  }
  Ids Search(const std::string& text) { return Search(SearchQuery{.text = text}); }

  // Runs `sql` on a second connection to the file, as another process would.
  void Exec(const std::string& sql) {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(dir_.File("docs.db").c_str(), &raw), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(raw);
    sqlite3_close(raw);
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<DocumentStore> store_;
};

TEST_F(DocumentStoreTest, SearchFindsWordsInEveryLanguageAndMarksThem) {
  auto hits = store_->Search({.text = "泡沫"});
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_EQ(hits->size(), 1u);
  const SearchHit& h = (*hits)[0];
  EXPECT_EQ(h.id, 1);
  EXPECT_EQ(h.url, "https://zh.example/a");
  EXPECT_EQ(h.title, "AI泡沫论再起");
  EXPECT_EQ(h.title_marked, "AI\x01泡沫\x02论再起");
  EXPECT_EQ(h.snippet, "分析师警告人工智能\x01泡沫\x02正在形成。英伟达（NVIDIA）的订单仍在增长。");
  EXPECT_EQ(h.lang, "zh");
  EXPECT_EQ(h.kind, "article");
  EXPECT_EQ(h.source, "ukiyo");
  EXPECT_EQ(h.published, "2025-10-12T09:00:00+08:00");
  EXPECT_EQ(h.dated_at, 1760230800);  // 2025-10-12T01:00:00Z
  EXPECT_LT(h.rank, 0);               // bm25: lower is better
  EXPECT_EQ(h.duplicate_of, std::nullopt);

  auto ja = store_->Search({.text = "バブル"});
  ASSERT_TRUE(ja.ok());
  ASSERT_EQ(ja->size(), 1u);
  EXPECT_EQ((*ja)[0].id, 2);
  EXPECT_EQ((*ja)[0].title_marked, "AI\x01バブル\x02は崩壊するのか");
  EXPECT_EQ((*ja)[0].snippet,
            "データセンターへの投資が急増している。\x01バブル\x02ではないと…");

  auto en = store_->Search({.text = "nvidia"});
  ASSERT_TRUE(en.ok());
  ASSERT_EQ(en->size(), 2u);
  EXPECT_EQ((*en)[0].id, 3);  // in the title and the text
  EXPECT_EQ((*en)[0].title_marked, "\x01Nvidia\x02 to invest in OpenAI's AI build-out");
  EXPECT_EQ((*en)[0].snippet,
            "\x01NVIDIA\x02 said it would invest up to $100 billion in OpenAI. Some analysts call "
            "it a bubble.");
  EXPECT_EQ((*en)[1].id, 1);
  EXPECT_EQ((*en)[1].snippet, "分析师警告人工智能泡沫正在形成。英伟达（\x01NVIDIA\x02）的订单仍在增长。");
}

TEST_F(DocumentStoreTest, SearchRanksAndCombinesTerms) {
  EXPECT_EQ(Search("泡"), (Ids{5, 1}));  // one character: 气泡 and 泡沫; the short text first
  EXPECT_EQ(Search("AI"), (Ids{3, 1, 2}));  // in every title: the fewest tokens first
  EXPECT_EQ(Search("泡沫 OR バブル"), (Ids{1, 2}));
  EXPECT_EQ(Search("nvidia NOT 泡沫"), (Ids{3}));
  EXPECT_EQ(Search("\"invest up to\""), (Ids{3}));
  EXPECT_EQ(Search("inv*"), (Ids{3}));
  EXPECT_EQ(Search("\"1.5\""), Ids{});
  EXPECT_EQ(Search("dotcom"), Ids{});
  EXPECT_EQ(Search(SearchQuery{.text = "AI", .limit = 2}), (Ids{3, 1}));
}

TEST_F(DocumentStoreTest, SearchFilters) {
  EXPECT_EQ(Search(SearchQuery{.text = "AI", .langs = {"ja"}}), (Ids{2}));
  EXPECT_EQ(Search(SearchQuery{.text = "AI", .langs = {"zh", "en"}}), (Ids{3, 1}));
  EXPECT_EQ(Search(SearchQuery{.text = "AI", .langs = {"und"}}), Ids{});
  EXPECT_EQ(Search(SearchQuery{.text = "AI", .kind = "post"}), (Ids{2}));
  EXPECT_EQ(Search(SearchQuery{.text = "AI", .kind = "article"}), (Ids{3, 1}));
  EXPECT_EQ(Search(SearchQuery{.text = "AI", .source = "ukiyo"}), (Ids{1}));
  EXPECT_EQ(Search(SearchQuery{.text = "AI", .source = "en.example"}), (Ids{3}));
  // Document 1 came from a configured source, and is known by its name, not its host.
  EXPECT_EQ(Search(SearchQuery{.text = "AI", .source = "zh.example"}), Ids{});
  // [since, until) on dated_at: 2025-10-13T00:00Z is document 2's time.
  EXPECT_EQ(Search(SearchQuery{.text = "AI", .since = 1760313600}), (Ids{3, 2}));
  EXPECT_EQ(Search(SearchQuery{.text = "AI", .until = 1760313600}), (Ids{1}));
  EXPECT_EQ(Search(SearchQuery{.text = "AI", .since = 1760313600, .until = 1760313601}), (Ids{2}));
}

TEST_F(DocumentStoreTest, NearDuplicatesAreHiddenUnlessAskedFor) {
  EXPECT_EQ(Search("OpenAI"), (Ids{3}));
  auto all = store_->Search({.text = "OpenAI", .include_duplicates = true});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, 3);
  EXPECT_EQ((*all)[0].duplicate_of, std::nullopt);
  EXPECT_EQ((*all)[1].id, 4);
  EXPECT_EQ((*all)[1].duplicate_of, 3);
  EXPECT_EQ((*all)[1].url, "https://copy.example/c");
  EXPECT_EQ((*all)[1].source, "copy.example");
}

TEST_F(DocumentStoreTest, AQueryWithoutWordsIsAUsageError) {
  for (const char* q : {"", "  ", "OR", "NOT nvidia", "🚀", "\"\""}) {
    auto hits = store_->Search({.text = q});
    ASSERT_FALSE(hits.ok()) << q;
    EXPECT_EQ(hits.status().exit_code(), 64) << q;
  }
  // Hostile text is searched for as text, never as FTS5 syntax.
  for (const char* q : {"title:泡沫", "NEAR(a b", "\"unbalanced", "a AND (b", "^x", "- +"}) {
    auto hits = store_->Search({.text = q});
    EXPECT_TRUE(hits.ok() || hits.status().exit_code() == 64)
        << q << ": " << hits.status().message();
  }
  EXPECT_EQ(Search("title:泡沫"), Ids{});  // the word "title" is in no document
}

TEST_F(DocumentStoreTest, ShowReadsEverythingStoredAboutADocument) {
  auto view = store_->Show("1");
  ASSERT_TRUE(view.ok()) << view.status().message();
  ASSERT_TRUE(view->has_value());
  const DocumentView& d = **view;
  EXPECT_EQ(d.id, 1);
  EXPECT_EQ(d.url, "https://zh.example/a");
  EXPECT_EQ(d.fetched_url, "https://zh.example/a?utm_source=rss");
  EXPECT_EQ(d.title, "AI泡沫论再起");
  EXPECT_EQ(d.published, "2025-10-12T09:00:00+08:00");
  EXPECT_EQ(d.lang, "zh");
  EXPECT_EQ(d.kind, "article");
  EXPECT_EQ(d.status, "ok");
  EXPECT_EQ(d.source, "ukiyo");
  EXPECT_EQ(d.dated_at, 1760230800);
  EXPECT_EQ(d.analyzer_version, std::string(kAnalyzerVersion));
  EXPECT_FALSE(d.first_seen.empty());
  EXPECT_FALSE(d.updated_at.empty());
  EXPECT_EQ(d.duplicate_of, std::nullopt);
  EXPECT_EQ(d.text, "分析师警告人工智能泡沫正在形成。英伟达（NVIDIA）的订单仍在增长。");

  ASSERT_EQ(d.figures.size(), 2u);
  EXPECT_EQ(d.figures[0].kind, "power");
  EXPECT_EQ(d.figures[0].value, 10);
  EXPECT_EQ(d.figures[0].unit, "GW");
  EXPECT_EQ(d.figures[0].low, std::nullopt);
  EXPECT_EQ(d.figures[1].span, "1000亿美元");
  EXPECT_EQ(d.figures[1].low, 9e10);
  EXPECT_EQ(d.figures[1].high, 1.1e11);
  EXPECT_EQ(d.figures[1].currency, "USD");
  EXPECT_EQ(d.figures[1].qualifier, "up_to");
  EXPECT_EQ(d.figures[1].entity, "NVIDIA");
  EXPECT_EQ(d.figures[1].start, 20u);
  EXPECT_EQ(d.figures[1].end, 33u);
  EXPECT_EQ(d.entities, (std::vector<std::string>{"NVIDIA", "OpenAI"}));

  ASSERT_TRUE(d.stance.has_value());
  EXPECT_EQ(d.stance->label, "bubble");
  EXPECT_EQ(d.stance->score, -0.5);
  EXPECT_EQ(d.stance->bubble, 1.5);
  EXPECT_EQ(d.stance->revolution, 0.25);
  ASSERT_EQ(d.stance->evidence.size(), 2u);
  EXPECT_TRUE(d.stance->evidence[0].in_title);
  EXPECT_EQ(d.stance->evidence[0].sentence, "AI泡沫论再起");
  EXPECT_FALSE(d.stance->evidence[1].in_title);
  EXPECT_EQ(d.stance->evidence[1].sentence, "分析师警告人工智能泡沫正在形成。");
  EXPECT_EQ(d.stance->evidence[1].start, 0);
  EXPECT_EQ(d.stance->evidence[1].end, 48);
  EXPECT_EQ(d.stance->evidence[1].cues_json, R"(["泡沫","警告"])");
  EXPECT_EQ(d.stance->evidence[1].rules_json, R"(["reported view"])");
  EXPECT_EQ(d.stance->evidence[1].label, "bubble");
  EXPECT_EQ(d.stance->evidence[1].weight, 1);

  EXPECT_TRUE(d.duplicates.empty());
  ASSERT_EQ(d.fetches.size(), 2u);  // stored twice
  EXPECT_EQ(d.fetches[0].outcome, "ok");
  EXPECT_EQ(d.fetches[0].http_status, 200);
  EXPECT_GE(d.fetches[0].fetched_at, d.fetches[1].fetched_at);
}

TEST_F(DocumentStoreTest, ShowFindsByIdCanonicalUrlOrFetchedUrl) {
  for (const char* key : {"1", "https://zh.example/a", "https://zh.example/a?utm_source=rss"}) {
    auto view = store_->Show(key);
    ASSERT_TRUE(view.ok()) << key;
    ASSERT_TRUE(view->has_value()) << key;
    EXPECT_EQ((*view)->id, 1) << key;
  }
  for (const char* key : {"999", "0", "99999999999999999999", "", "https://zh.example/none",
                          "https://ZH.example/a", "1 ", "abc"}) {
    auto view = store_->Show(key);
    ASSERT_TRUE(view.ok()) << key;
    EXPECT_FALSE(view->has_value()) << key;
  }
  auto original = store_->Show("3");
  ASSERT_TRUE(original.ok() && original->has_value());
  ASSERT_EQ((*original)->duplicates.size(), 1u);
  EXPECT_EQ((*original)->duplicates[0].id, 4);
  EXPECT_EQ((*original)->duplicates[0].url, "https://copy.example/c");
  EXPECT_FALSE((*original)->stance.has_value());
  EXPECT_TRUE((*original)->figures.empty());
  auto copy = store_->Show("https://copy.example/c");
  ASSERT_TRUE(copy.ok() && copy->has_value());
  EXPECT_EQ((*copy)->id, 4);
  EXPECT_EQ((*copy)->duplicate_of, 3);
}

TEST_F(DocumentStoreTest, ShowGuardsEvidenceOffsetsThatDoNotFit) {
  struct Offsets {
    int64_t start, end;
  };
  // Past the end, reversed, negative, and inside a character (each is 3 bytes).
  for (Offsets o : {Offsets{0, 1000}, Offsets{10, 5}, Offsets{-3, 6}, Offsets{1, 6},
                    Offsets{0, 4}, Offsets{91, 93}, Offsets{94, 94}}) {
    Exec("UPDATE stance_evidence SET start = " + std::to_string(o.start) +
         ", end = " + std::to_string(o.end) + " WHERE document_id = 1 AND position = 1");
    auto view = store_->Show("1");
    ASSERT_TRUE(view.ok() && view->has_value());
    const StanceView::Evidence& e = (*view)->stance->evidence[1];
    EXPECT_EQ(e.start, o.start);
    EXPECT_EQ(e.end, o.end);
    EXPECT_EQ(e.sentence, "") << o.start << "-" << o.end;
  }
  // The whole text, and an empty span at its end, fit.
  Exec("UPDATE stance_evidence SET start = 0, end = 93 WHERE document_id = 1 AND position = 1");
  EXPECT_EQ((*store_->Show("1"))->stance->evidence[1].sentence, (*store_->Show("1"))->text);
  Exec("UPDATE stance_evidence SET start = 93, end = 93 WHERE document_id = 1 AND position = 1");
  EXPECT_EQ((*store_->Show("1"))->stance->evidence[1].sentence, "");
}

}  // namespace
}  // namespace bw
