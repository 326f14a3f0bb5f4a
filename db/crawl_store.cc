#include "db/crawl_store.h"

#include <sqlite3.h>

#include "db/statement.h"

namespace bw {

Result<int64_t> CrawlStore::SyncSource(const std::string& name, const std::string& type,
                                       const std::string& url) {
  db::Statement s(db_.db_,
                  "INSERT INTO sources (name, type, url) VALUES (?1, ?2, ?3) "
                  "ON CONFLICT (name) DO UPDATE SET type = excluded.type, url = excluded.url, "
                  "etag = CASE WHEN sources.url = excluded.url AND sources.type = excluded.type "
                  "  THEN sources.etag END, "
                  "last_modified = CASE WHEN sources.url = excluded.url AND "
                  "  sources.type = excluded.type THEN sources.last_modified END, "
                  "next_due = CASE WHEN sources.url = excluded.url AND "
                  "  sources.type = excluded.type THEN sources.next_due END "
                  "RETURNING id");
  if (!s.ok()) return Error("cannot prepare source sync");
  s.Bind(1, name).Bind(2, type).Bind(3, url);
  if (s.Step() != SQLITE_ROW) return Error("cannot store source " + name);
  int64_t id = s.ColumnInt(0);
  if (s.Step() != SQLITE_DONE) return Error("cannot store source " + name);
  return id;
}

Result<std::vector<SourceRow>> CrawlStore::Sources() const {
  db::Statement s(db_.db_,
                  "SELECT id, name, type, url, coalesce(etag, ''), coalesce(last_modified, ''), "
                  "coalesce(last_poll, ''), coalesce(last_status, ''), coalesce(last_error, ''), "
                  "coalesce(next_due, ''), failures, items_seen, items_stored, "
                  "(SELECT count(*) FROM feed_items f WHERE f.source_id = sources.id "
                  " AND f.state = 'pending') "
                  "FROM sources ORDER BY name");
  if (!s.ok()) return Error("cannot read sources");
  std::vector<SourceRow> rows;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    SourceRow r;
    r.id = s.ColumnInt(0);
    r.name = s.ColumnText(1);
    r.type = s.ColumnText(2);
    r.url = s.ColumnText(3);
    r.etag = s.ColumnText(4);
    r.last_modified = s.ColumnText(5);
    r.last_poll = s.ColumnText(6);
    r.last_status = s.ColumnText(7);
    r.last_error = s.ColumnText(8);
    r.next_due = s.ColumnText(9);
    r.failures = s.ColumnInt(10);
    r.items_seen = s.ColumnInt(11);
    r.items_stored = s.ColumnInt(12);
    r.pending = s.ColumnInt(13);
    rows.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return Error("cannot read sources");
  return rows;
}

Status CrawlStore::RecordPoll(int64_t source_id, const SourcePoll& poll) {
  db::Statement s(db_.db_,
                  "UPDATE sources SET last_poll = ?2, last_status = ?3, last_error = ?4, "
                  "failures = CASE WHEN ?5 THEN failures + 1 ELSE 0 END, next_due = ?6, "
                  "etag = CASE WHEN ?7 THEN ?8 ELSE etag END, "
                  "last_modified = CASE WHEN ?7 THEN ?9 ELSE last_modified END, "
                  "items_seen = items_seen + ?10 WHERE id = ?1");
  if (!s.ok()) return Error("cannot prepare source update");
  const bool validators = poll.etag.has_value() || poll.last_modified.has_value();
  s.Bind(1, source_id).Bind(2, poll.polled_at).Bind(3, poll.status).BindOrNull(4, poll.error);
  s.Bind(5, int64_t{poll.failed}).BindOrNull(6, poll.next_due).Bind(7, int64_t{validators});
  s.BindOrNull(8, poll.etag.value_or("")).BindOrNull(9, poll.last_modified.value_or(""));
  s.Bind(10, poll.items_seen);
  if (s.Step() != SQLITE_DONE) return Error("cannot update source");
  return Status::OK();
}

Result<int64_t> CrawlStore::BeginRun(int64_t pid, const std::string& started_at) {
  db::Transaction tx(db_.db_);
  if (!tx.ok()) return Error("cannot start run");
  db::Statement stale(db_.db_, "UPDATE runs SET status = 'interrupted' WHERE status = 'running'");
  if (!stale.ok() || stale.Step() != SQLITE_DONE) return Error("cannot close interrupted runs");
  db::Statement s(db_.db_,
                  "INSERT INTO runs (started_at, status, pid) VALUES (?1, 'running', ?2)");
  if (!s.ok()) return Error("cannot prepare run");
  s.Bind(1, started_at).Bind(2, pid);
  if (s.Step() != SQLITE_DONE) return Error("cannot record run");
  int64_t id = sqlite3_last_insert_rowid(db_.db_);
  if (!tx.Commit()) return Error("cannot record run");
  return id;
}

Status CrawlStore::FinishRun(int64_t run_id, const RunTotals& t) {
  db::Statement s(db_.db_,
                  "UPDATE runs SET status = ?2, finished_at = ?3, sources = ?4, items_seen = ?5, "
                  "new_documents = ?6, duplicates = ?7, not_modified = ?8, failures = ?9, "
                  "failures_by_cause = ?10, seconds = ?11 WHERE id = ?1");
  if (!s.ok()) return Error("cannot prepare run update");
  s.Bind(1, run_id).Bind(2, t.status).Bind(3, t.finished_at).Bind(4, t.sources);
  s.Bind(5, t.items_seen).Bind(6, t.new_documents).Bind(7, t.duplicates).Bind(8, t.not_modified);
  s.Bind(9, t.failures).Bind(10, t.failures_by_cause_json).BindDouble(11, t.seconds);
  if (s.Step() != SQLITE_DONE) return Error("cannot record run");
  return Status::OK();
}

Result<std::vector<RunRow>> CrawlStore::Runs(int64_t limit) const {
  db::Statement s(db_.db_,
                  "SELECT id, started_at, coalesce(finished_at, ''), status, sources, items_seen, "
                  "new_documents, duplicates, not_modified, failures, failures_by_cause, "
                  "coalesce(seconds, 0) FROM runs ORDER BY id DESC LIMIT ?1");
  if (!s.ok()) return Error("cannot read runs");
  s.Bind(1, limit);
  std::vector<RunRow> rows;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    RunRow r;
    r.id = s.ColumnInt(0);
    r.started_at = s.ColumnText(1);
    r.finished_at = s.ColumnText(2);
    r.status = s.ColumnText(3);
    r.sources = s.ColumnInt(4);
    r.items_seen = s.ColumnInt(5);
    r.new_documents = s.ColumnInt(6);
    r.duplicates = s.ColumnInt(7);
    r.not_modified = s.ColumnInt(8);
    r.failures = s.ColumnInt(9);
    r.failures_by_cause_json = s.ColumnText(10);
    r.seconds = s.ColumnDouble(11);
    rows.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return Error("cannot read runs");
  return rows;
}

Result<bool> CrawlStore::AddFeedItem(const FeedItemRow& item) {
  // A fetched URL is looked up only where it differs from the canonical one:
  // that is what its index holds (schema migration 9).
  db::Statement known(db_.db_,
                      "SELECT 1 FROM documents WHERE url = ?1 "
                      "OR (fetched_url = ?1 AND fetched_url IS NOT url) "
                      "OR (fetched_url = ?2 AND fetched_url IS NOT url) LIMIT 1");
  if (!known.ok()) return Error("cannot prepare item lookup");
  known.Bind(1, item.url).Bind(2, item.link);
  if (known.Step() == SQLITE_ROW) return false;
  db::Statement s(db_.db_,
                  "INSERT INTO feed_items (url, link, source_id, title, published, content, "
                  "summary, lang, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending') "
                  "ON CONFLICT (url) DO NOTHING");
  if (!s.ok()) return Error("cannot prepare item insert");
  s.Bind(1, item.url).Bind(2, item.link).Bind(3, item.source_id).BindOrNull(4, item.title);
  s.BindOrNull(5, item.published).BindOrNull(6, item.content).BindOrNull(7, item.summary);
  s.BindOrNull(8, item.lang);
  if (s.Step() != SQLITE_DONE) return Error("cannot store feed item");
  return sqlite3_changes(db_.db_) > 0;
}

Result<std::vector<FeedItemRow>> CrawlStore::AddFeedItems(const std::vector<FeedItemRow>& items,
                                                          int64_t max_new) {
  std::vector<FeedItemRow> added;
  db::Transaction tx(db_.db_);
  if (!tx.ok()) return Error("cannot start storing feed items");
  for (const FeedItemRow& item : items) {
    if (static_cast<int64_t>(added.size()) >= max_new) break;
    auto r = AddFeedItem(item);
    if (!r.ok()) return r.status();
    if (*r) added.push_back(item);
  }
  if (!tx.Commit()) return Error("cannot store feed items");
  return added;
}

Result<std::vector<std::string>> CrawlStore::PendingItems(int64_t limit) const {
  db::Statement s(db_.db_,
                  "SELECT url FROM feed_items WHERE state = 'pending' "
                  "ORDER BY first_seen, rowid LIMIT ?1");
  if (!s.ok()) return Error("cannot read pending items");
  s.Bind(1, limit);
  std::vector<std::string> urls;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) urls.push_back(s.ColumnText(0));
  if (rc != SQLITE_DONE) return Error("cannot read pending items");
  return urls;
}

std::optional<FeedItemRow> CrawlStore::FeedItem(const std::string& url) const {
  db::Statement s(db_.db_,
                  "SELECT url, link, source_id, coalesce(title, ''), coalesce(published, ''), "
                  "coalesce(content, ''), coalesce(summary, ''), coalesce(lang, ''), attempts "
                  "FROM feed_items WHERE url = ?1");
  if (!s.ok()) return std::nullopt;
  s.Bind(1, url);
  if (s.Step() != SQLITE_ROW) return std::nullopt;
  return FeedItemRow{s.ColumnText(0), s.ColumnText(1), s.ColumnInt(2), s.ColumnText(3),
                     s.ColumnText(4), s.ColumnText(5), s.ColumnText(6), s.ColumnText(7),
                     s.ColumnInt(8)};
}

Status CrawlStore::RecordItemFailure(const std::string& url, const std::string& error,
                                     bool permanent, int64_t max_attempts) {
  db::Statement s(db_.db_,
                  "UPDATE feed_items SET attempts = attempts + 1, last_error = ?2, "
                  "state = CASE WHEN ?3 OR attempts + 1 >= ?4 THEN 'failed' ELSE state END "
                  "WHERE url = ?1");
  if (!s.ok()) return Error("cannot prepare item failure");
  s.Bind(1, url).Bind(2, error).Bind(3, int64_t{permanent}).Bind(4, max_attempts);
  if (s.Step() != SQLITE_DONE) return Error("cannot record item failure");
  return Status::OK();
}

std::optional<RobotsRow> CrawlStore::Robots(const std::string& origin,
                                            const std::string& not_before) const {
  db::Statement s(db_.db_,
                  "SELECT fetched_at, status, body FROM robots WHERE origin = ?1 "
                  "AND fetched_at >= ?2");
  if (!s.ok()) return std::nullopt;
  s.Bind(1, origin).Bind(2, not_before);
  if (s.Step() != SQLITE_ROW) return std::nullopt;
  return RobotsRow{s.ColumnText(0), s.ColumnInt(1), s.ColumnText(2)};
}

Status CrawlStore::StoreRobots(const std::string& origin, const RobotsRow& row) {
  db::Statement s(db_.db_,
                  "INSERT OR REPLACE INTO robots (origin, fetched_at, status, body) "
                  "VALUES (?1, ?2, ?3, ?4)");
  if (!s.ok()) return Error("cannot prepare robots cache");
  s.Bind(1, origin).Bind(2, row.fetched_at).Bind(3, row.status).Bind(4, row.body);
  if (s.Step() != SQLITE_DONE) return Error("cannot cache robots.txt");
  return Status::OK();
}

}  // namespace bw
