// CrawlStore: what the crawl keeps between runs, beside the documents: the
// configured sources and their feed validators, the runs, the queue of feed
// items, and cached robots.txt files. It works on the Database's connection,
// so its writes share the database's transactions and locking.
//
//   bw::CrawlStore store(*db);
//   auto source_id = store.SyncSource({"register-ai", "atom", "https://…/feed.atom"});
//   auto run = store.BeginRun(getpid(), "2026-11-24T10:00:00Z");
//   if (*store.AddFeedItem(item)) { /* new: fetch it */ }
//
// Times are ISO 8601 UTC strings ("2026-11-24T10:00:00Z"), which sort as text.
#ifndef BUBBLEWATCH_DB_CRAWL_STORE_H_
#define BUBBLEWATCH_DB_CRAWL_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "db/database.h"

namespace bw {

// A configured source as the crawl knows it.
struct SourceRow {
  int64_t id = 0;
  std::string name, type, url;
  std::string etag, last_modified;  // validators of the last full response
  std::string last_poll, last_status, last_error, next_due;  // "" when never
  int64_t failures = 0;  // consecutive failed polls
  int64_t items_seen = 0, items_stored = 0;
  int64_t pending = 0;   // feed items waiting to be fetched
};

// The outcome of one poll of a source.
struct SourcePoll {
  std::string polled_at;
  std::string status;  // ok | not_modified | a failure cause (http_error, not_a_feed, …)
  std::string error;   // one line; empty when ok
  bool failed = false;
  std::string next_due;
  // Validators to keep; only set on a 200 (a failure keeps the old ones).
  std::optional<std::string> etag, last_modified;
  int64_t items_seen = 0;
};

// One item a feed, sitemap or listing page listed.
struct FeedItemRow {
  std::string url;   // canonical
  std::string link;  // as listed, resolved against the feed's URL
  int64_t source_id = 0;
  std::string title, published, content, summary, lang;
  int64_t attempts = 0;
};

// The counts of a finished run.
struct RunTotals {
  std::string status;  // ok | failed | interrupted
  std::string finished_at;
  int64_t sources = 0, items_seen = 0, new_documents = 0, duplicates = 0, not_modified = 0;
  int64_t failures = 0;
  std::string failures_by_cause_json = "{}";
  double seconds = 0;
};

// A run as recorded.
struct RunRow : RunTotals {
  int64_t id = 0;
  std::string started_at;
};

// A cached robots.txt.
struct RobotsRow {
  std::string fetched_at;
  int64_t status = 0;
  std::string body;
};

class CrawlStore {
 public:
  // REQUIRES: `db` outlives the store.
  explicit CrawlStore(Database& db) : db_(db) {}

  // Adds the source or updates its type and URL; a changed URL or type
  // forgets the validators and makes the source due. Returns its id.
  Result<int64_t> SyncSource(const std::string& name, const std::string& type,
                             const std::string& url);
  // Every source known to the database, by name, with its pending count.
  Result<std::vector<SourceRow>> Sources() const;
  Status RecordPoll(int64_t source_id, const SourcePoll& poll);

  // Starts a run record. Runs left 'running' by a process that died are
  // marked 'interrupted' first (the caller holds the crawl lock, so none is alive).
  Result<int64_t> BeginRun(int64_t pid, const std::string& started_at);
  Status FinishRun(int64_t run_id, const RunTotals& totals);
  // The latest `limit` runs, newest first.
  Result<std::vector<RunRow>> Runs(int64_t limit) const;

  // Adds a pending item unless its canonical URL is known already, as an item
  // or as a stored document's URL. True when it was added.
  Result<bool> AddFeedItem(const FeedItemRow& item);
  // AddFeedItem for a listing, in one transaction, until `max_new` were added.
  // Returns the items added.
  Result<std::vector<FeedItemRow>> AddFeedItems(const std::vector<FeedItemRow>& items,
                                                int64_t max_new);
  // Pending items (canonical URLs), oldest first, at most `limit`.
  Result<std::vector<std::string>> PendingItems(int64_t limit) const;
  std::optional<FeedItemRow> FeedItem(const std::string& url) const;
  // Counts a failed attempt at an item. A permanent failure, or the
  // `max_attempts`-th, marks it failed; else it stays pending for the next run.
  Status RecordItemFailure(const std::string& url, const std::string& error, bool permanent,
                           int64_t max_attempts);

  // The cached robots.txt of `origin` fetched at or after `not_before`.
  std::optional<RobotsRow> Robots(const std::string& origin, const std::string& not_before) const;
  Status StoreRobots(const std::string& origin, const RobotsRow& row);

 private:
  Status Error(const std::string& what) const { return db_.Error(what); }
  Database& db_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_DB_CRAWL_STORE_H_
