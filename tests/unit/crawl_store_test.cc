#include "db/crawl_store.h"

#include "tests/support/test_files.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "db/document_store.h"
#include "extractors/simhash.h"

namespace bw {
namespace {

using testing::TempDir;

class CrawlStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.File("crawl.db"));
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = std::move(*db);
    store_ = std::make_unique<CrawlStore>(*db_);
  }

  SourceRow Source(const std::string& name) {
    auto rows = store_->Sources();
    EXPECT_TRUE(rows.ok());
    for (const SourceRow& r : *rows) {
      if (r.name == name) return r;
    }
    ADD_FAILURE() << "no source " << name;
    return {};
  }

  FeedItemRow Item(const std::string& url, int64_t source_id) {
    FeedItemRow item;
    item.url = url;
    item.link = url + "?utm_source=rss";
    item.source_id = source_id;
    item.title = "Title of " + url;
    item.published = "2026-11-20T08:00:00Z";
    item.content = "<p>full content</p>";
    return item;
  }

  // Stores a document as the crawl would, completing the feed item `url`.
  StoredDocument Store(const std::string& url, int64_t source_id, const std::string& text,
                       std::optional<uint64_t> simhash = std::nullopt) {
    FetchRecord fetch{url, url, "ok", 200, "text/html", "UTF-8", 10, 5, "", std::nullopt};
    AnalysisRecord r;
    r.url = url;
    r.canonical_url = url;
    r.title = "t";
    r.lang = "en";
    r.kind = "article";
    r.status = ArticleStatus::kOk;
    r.text = text;
    DocumentOrigin origin;
    origin.source_id = source_id;
    origin.feed_item_url = url;
    origin.simhash = simhash;
    auto stored = db_->StoreDocument(fetch, "<html></html>", r, origin);
    EXPECT_TRUE(stored.ok()) << stored.status().message();
    return stored.ok() ? *stored : StoredDocument{};
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<CrawlStore> store_;
};

TEST_F(CrawlStoreTest, SyncSourceKeepsIdAndForgetsValidatorsWhenTheUrlChanges) {
  auto id = store_->SyncSource("reg", "atom", "https://a.example/feed");
  ASSERT_TRUE(id.ok());
  SourcePoll poll{"2026-11-24T10:00:00Z", "ok", "", false, "2026-11-24T10:30:00Z",
                  "\"v1\"", "Mon, 23 Nov 2026 08:00:00 GMT", 12};
  ASSERT_TRUE(store_->RecordPoll(*id, poll).ok());

  auto again = store_->SyncSource("reg", "atom", "https://a.example/feed");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *id);
  SourceRow row = Source("reg");
  EXPECT_EQ(row.etag, "\"v1\"");
  EXPECT_EQ(row.last_modified, "Mon, 23 Nov 2026 08:00:00 GMT");
  EXPECT_EQ(row.next_due, "2026-11-24T10:30:00Z");
  EXPECT_EQ(row.items_seen, 12);

  auto moved = store_->SyncSource("reg", "atom", "https://a.example/new-feed");
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(*moved, *id);
  row = Source("reg");
  EXPECT_EQ(row.url, "https://a.example/new-feed");
  EXPECT_EQ(row.etag, "");           // validators of the old URL are not sent to the new one
  EXPECT_EQ(row.last_modified, "");
  EXPECT_EQ(row.next_due, "");       // due at once
}

TEST_F(CrawlStoreTest, FailuresCountInARowAndKeepTheValidators) {
  auto id = store_->SyncSource("s", "rss", "https://a.example/rss");
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(store_->RecordPoll(*id, {"t1", "ok", "", false, "d1", "\"e\"", "", 3}).ok());
  ASSERT_TRUE(store_->RecordPoll(*id, {"t2", "timeout", "timed out", true, "d2", {}, {}, 0}).ok());
  ASSERT_TRUE(store_->RecordPoll(*id, {"t3", "http_503", "HTTP 503", true, "d3", {}, {}, 0}).ok());
  SourceRow row = Source("s");
  EXPECT_EQ(row.failures, 2);
  EXPECT_EQ(row.last_status, "http_503");
  EXPECT_EQ(row.last_error, "HTTP 503");
  EXPECT_EQ(row.etag, "\"e\"");
  EXPECT_EQ(row.next_due, "d3");
  ASSERT_TRUE(store_->RecordPoll(*id, {"t4", "not_modified", "", false, "d4", {}, {}, 0}).ok());
  row = Source("s");
  EXPECT_EQ(row.failures, 0);
  EXPECT_EQ(row.last_error, "");
  EXPECT_EQ(row.etag, "\"e\"");  // a 304 keeps them too
}

TEST_F(CrawlStoreTest, FeedItemsAreAddedOnceAndNotWhenAlreadyStored) {
  auto id = store_->SyncSource("s", "rss", "https://a.example/rss");
  ASSERT_TRUE(id.ok());
  std::vector<FeedItemRow> items = {Item("https://a.example/1", *id), Item("https://a.example/2", *id),
                                    Item("https://a.example/1", *id),  // listed twice
                                    Item("https://a.example/3", *id)};
  auto added = store_->AddFeedItems(items, 10);
  ASSERT_TRUE(added.ok());
  ASSERT_EQ(added->size(), 3u);
  EXPECT_EQ((*added)[2].url, "https://a.example/3");

  // The next poll lists the same items and one new: only the new one is added.
  Store("https://a.example/1", *id, "stored text");
  items.push_back(Item("https://a.example/4", *id));
  added = store_->AddFeedItems(items, 10);
  ASSERT_TRUE(added.ok());
  ASSERT_EQ(added->size(), 1u);
  EXPECT_EQ((*added)[0].url, "https://a.example/4");

  // A document stored by `fetch` (no feed item) is known too.
  Store("https://a.example/5", *id, "fetched by hand");
  added = store_->AddFeedItems({Item("https://a.example/5", *id)}, 10);
  ASSERT_TRUE(added.ok());
  EXPECT_TRUE(added->empty());

  auto pending = store_->PendingItems(100);
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(*pending, (std::vector<std::string>{"https://a.example/2", "https://a.example/3",
                                                "https://a.example/4"}));
  std::optional<FeedItemRow> kept = store_->FeedItem("https://a.example/2");
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->link, "https://a.example/2?utm_source=rss");
  EXPECT_EQ(kept->published, "2026-11-20T08:00:00Z");
  EXPECT_EQ(kept->content, "<p>full content</p>");
  EXPECT_EQ(Source("s").pending, 3);
  EXPECT_EQ(Source("s").items_stored, 2);
}

TEST_F(CrawlStoreTest, MaxNewCapsOnePoll) {
  auto id = store_->SyncSource("s", "rss", "https://a.example/rss");
  ASSERT_TRUE(id.ok());
  std::vector<FeedItemRow> items;
  for (int i = 0; i < 5; ++i) items.push_back(Item("https://a.example/" + std::to_string(i), *id));
  auto added = store_->AddFeedItems(items, 2);
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->size(), 2u);
  EXPECT_EQ(db_->CountRows("feed_items"), 2);
}

TEST_F(CrawlStoreTest, ItemFailuresStayPendingUntilTheLastAttempt) {
  auto id = store_->SyncSource("s", "rss", "https://a.example/rss");
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(store_->AddFeedItems({Item("https://a.example/t", *id), Item("https://a.example/p", *id)}, 10).ok());
  ASSERT_TRUE(store_->RecordItemFailure("https://a.example/t", "timeout", false, 3).ok());
  ASSERT_TRUE(store_->RecordItemFailure("https://a.example/t", "timeout", false, 3).ok());
  EXPECT_EQ(*store_->PendingItems(10), (std::vector<std::string>{"https://a.example/t", "https://a.example/p"}));
  ASSERT_TRUE(store_->RecordItemFailure("https://a.example/t", "timeout", false, 3).ok());
  ASSERT_TRUE(store_->RecordItemFailure("https://a.example/p", "http_404", true, 3).ok());
  EXPECT_TRUE(store_->PendingItems(10)->empty());
  EXPECT_EQ(store_->FeedItem("https://a.example/t")->attempts, 3);
}

TEST_F(CrawlStoreTest, ARunLeftRunningIsMarkedInterrupted) {
  auto first = store_->BeginRun(100, "2026-11-24T10:00:00Z");
  ASSERT_TRUE(first.ok());
  // The process died: no FinishRun. The next run closes it.
  auto second = store_->BeginRun(101, "2026-11-24T10:05:00Z");
  ASSERT_TRUE(second.ok());
  RunTotals totals;
  totals.status = "ok";
  totals.finished_at = "2026-11-24T10:05:09Z";
  totals.new_documents = 4;
  totals.failures_by_cause_json = R"({"timeout":1})";
  ASSERT_TRUE(store_->FinishRun(*second, totals).ok());
  EXPECT_EQ(db_->CountRows("runs"), 2);
  auto runs = store_->Runs(10);
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ((*runs)[0].status, "ok");
  EXPECT_EQ((*runs)[0].new_documents, 4);
  EXPECT_EQ((*runs)[0].failures_by_cause_json, R"({"timeout":1})");
  EXPECT_EQ((*runs)[1].status, "interrupted");
}

TEST_F(CrawlStoreTest, RobotsAreCachedWithTheirTime) {
  ASSERT_TRUE(store_->StoreRobots("https://a.example", {"2026-11-24T10:00:00Z", 200, "User-agent: *\nDisallow: /x\n"}).ok());
  std::optional<RobotsRow> fresh = store_->Robots("https://a.example", "2026-11-23T10:00:00Z");
  ASSERT_TRUE(fresh);
  EXPECT_EQ(fresh->status, 200);
  EXPECT_EQ(fresh->body, "User-agent: *\nDisallow: /x\n");
  EXPECT_FALSE(store_->Robots("https://a.example", "2026-11-24T10:00:01Z"));  // too old
  EXPECT_FALSE(store_->Robots("https://b.example", "2026-01-01T00:00:00Z"));
}

TEST_F(CrawlStoreTest, NearDuplicatesLinkToTheFirstOfTheirGroup) {
  auto id = store_->SyncSource("s", "rss", "https://a.example/rss");
  ASSERT_TRUE(id.ok());
  const uint64_t original = 0x0123456789abcdefULL;
  StoredDocument a = Store("https://a.example/a", *id, "original", original);
  StoredDocument b = Store("https://b.example/b", *id, "copy", original ^ 0x5);        // 2 bits off
  StoredDocument c = Store("https://c.example/c", *id, "copy of copy", original ^ 0x7);  // 3 bits off
  StoredDocument d = Store("https://d.example/d", *id, "other", ~original);
  StoredDocument e = Store("https://e.example/e", *id, "far", original ^ 0xF0F);        // 8 bits off
  EXPECT_FALSE(a.duplicate_of);
  ASSERT_TRUE(b.duplicate_of);
  EXPECT_EQ(*b.duplicate_of, a.id);
  ASSERT_TRUE(c.duplicate_of);
  EXPECT_EQ(*c.duplicate_of, a.id);  // the group's first, not the nearest copy
  EXPECT_FALSE(d.duplicate_of);
  EXPECT_FALSE(e.duplicate_of);
  // Storing the original again does not make it a copy of its own copies.
  StoredDocument again = Store("https://a.example/a", *id, "original", original);
  EXPECT_FALSE(again.created);
  EXPECT_FALSE(again.duplicate_of);
  EXPECT_EQ(db_->CountRows("fingerprints"), 5);
  // A changed copy gets a new fingerprint in place of its old one and leaves its group.
  StoredDocument moved = Store("https://b.example/b", *id, "rewritten", ~original ^ 0x1);
  EXPECT_EQ(moved.id, b.id);
  ASSERT_TRUE(moved.duplicate_of);
  EXPECT_EQ(*moved.duplicate_of, d.id);
  EXPECT_EQ(db_->CountRows("fingerprints"), 5);
  // Stored without a fingerprint, a document keeps its link.
  StoredDocument unknown = Store("https://c.example/c", *id, "copy of copy");
  EXPECT_FALSE(unknown.duplicate_of);  // not looked up
  auto view = DocumentStore(*db_).Show(std::to_string(c.id));
  ASSERT_TRUE(view.ok() && *view);
  EXPECT_EQ((*view)->duplicate_of, std::optional<int64_t>(a.id));
}

}  // namespace
}  // namespace bw
