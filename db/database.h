// Database: bubblewatch's SQLite store. Opening it creates the file if needed,
// turns on WAL and brings the schema up to date (db/schema.h). Every write of
// a document is one transaction, so a failure or a crash half-way leaves no
// half document behind.
//
//   auto db = bw::Database::Open("bubblewatch.db");
//   if (!db.ok()) { std::cerr << db.status().message() << "\n"; return db.status().exit_code(); }
//   auto stored = (*db)->StoreDocument(fetch, raw_body, record);
#ifndef BUBBLEWATCH_DB_DATABASE_H_
#define BUBBLEWATCH_DB_DATABASE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "extractors/document_analyzer.h"

struct sqlite3;

namespace bw {
namespace db {
class BodyCompressor;
struct Contribution;
class FingerprintIndex;
class StatementCache;
class WalCheckpointer;
}  // namespace db

// What happened when a URL was fetched (one row of `fetches`).
struct FetchRecord {
  std::string url;        // as requested
  std::string final_url;  // after redirects
  std::string outcome;    // ok | http_error | timeout | too_large | unsupported_type | refused | redirects | network
  std::optional<int64_t> http_status;
  std::string content_type;
  std::string charset;
  std::optional<int64_t> bytes;
  std::optional<int64_t> elapsed_ms;
  std::string error;  // the one-line cause, empty when ok
  std::optional<int64_t> run_id;  // the crawl run that made the fetch
};

// Where a crawled document came from; every field is optional.
struct DocumentOrigin {
  std::optional<int64_t> source_id;
  // The feed_items row (by canonical URL) this document completes: it is
  // marked stored in the same transaction, so a crash never leaves it half.
  std::string feed_item_url;
  // The text's 64-bit SimHash. When set, the document is linked to a stored
  // near-duplicate (within kNearDuplicateBits) instead of counting twice.
  std::optional<uint64_t> simhash;
};

struct StoredDocument {
  int64_t id = 0;
  bool created = false;  // false when an existing document (same canonical URL) was updated
  int64_t fetch_id = 0;
  // The document this one is a near-duplicate of (the first of its group).
  std::optional<int64_t> duplicate_of;
};

// A stored document as read back.
struct DocumentRow {
  int64_t id = 0;
  std::string url, fetched_url, title, published, lang, script, kind, status, text;
  std::string analyzer_version;
};

// A stored figure as read back.
struct FigureRow {
  std::string kind;
  double value = 0;
  std::string currency, qualifier, entity, span;
};

// A stored stance as read back, with its evidence in order.
struct StanceRow {
  std::string label;
  double score = 0, bubble = 0, revolution = 0;
  std::string analyzer_version;
  struct Evidence {
    bool in_title = false;
    int64_t start = 0, end = 0;
    double score = 0, weight = 0;
    std::string label, cues_json, rules_json;
  };
  std::vector<Evidence> evidence;
};

class Database {
 public:
  // Opens or creates the database at `path` and migrates it. Fails with an
  // I/O Status (exit 74) naming the path when the file cannot be opened, is
  // not a database, is corrupt, is locked for longer than the busy timeout,
  // or has a schema newer than this program knows.
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  int SchemaVersion() const;

  // Records a fetch that produced no document (an error, a skipped type).
  Result<int64_t> RecordFetch(const FetchRecord& fetch);

  // In one transaction: records `fetch`, inserts or updates the document whose
  // canonical URL is `record.canonical_url` (or `record.url` when that is
  // empty), replaces its figures, entities and stance (none when the record
  // has no stance), and replaces its raw body with `raw_body`, compressed.
  // With an `origin`, also links near-duplicates and completes the feed item.
  Result<StoredDocument> StoreDocument(const FetchRecord& fetch, std::string_view raw_body,
                                       const AnalysisRecord& record,
                                       const DocumentOrigin& origin = {});

  // Groups the writes that follow, until CommitBatch, into one transaction.
  // Each StoreDocument inside stays all-or-nothing (a savepoint), but the
  // batch is written and made durable once: bulk ingestion is several times
  // faster than with a commit per document. A crash loses the documents of
  // the open batch, never part of one.
  // REQUIRES: no batch is open.
  Status BeginBatch();
  // Indexes the batch's documents for search and commits. On failure the
  // whole batch is rolled back. A no-op when no batch is open.
  Status CommitBatch();

  // Empties the rollups history and figures read (stance tallies, claims and
  // their sightings) and the search index, and fills them again from the
  // stored documents, in one transaction: a repair, and the proof in tests
  // that what StoreDocument keeps up to date is what the documents say.
  // REQUIRES: no batch is open.
  Status RebuildRollups();

  std::optional<DocumentRow> FindDocument(const std::string& url) const;
  // The figures of a document, in text order.
  std::vector<FigureRow> Figures(int64_t document_id) const;
  // The stance of a document; nullopt when it has none.
  std::optional<StanceRow> Stance(int64_t document_id) const;
  // The raw body of a document, decompressed; nullopt when there is none.
  std::optional<std::string> RawBody(int64_t document_id) const;
  int64_t CountRows(const std::string& table) const;

 private:
  Database(sqlite3* db, std::string path);
  Status CheckVersion();
  // Replaces the figures and entities of a document (inside StoreDocument's
  // transaction); `replaces` false: a new document, which has none to delete.
  // Adds to `now` the claims and entities it stored.
  Status ReplaceFigures(int64_t document_id, const AnalysisRecord& r, bool replaces,
                        db::Contribution& now);
  // Replaces the stance and its evidence, as ReplaceFigures.
  Status ReplaceStance(int64_t document_id, const AnalysisRecord& r, bool replaces);
  // The original (first stored of its group) of the nearest document within
  // kNearDuplicateBits of `simhash`, other than `self` (0: a new document);
  // nullopt when there is none.
  // REQUIRES: inside a write transaction (the fingerprints read are current).
  Result<std::optional<int64_t>> FindOriginal(uint64_t simhash, int64_t self);
  // Reads the fingerprints stored since the last call (all of them the first
  // time) into fingerprints_.
  Status CatchUpFingerprints();
  // Stores the fingerprint of a stored document in place of `old`.
  // REQUIRES: inside StoreDocument's transaction, after FindOriginal.
  Status IndexFingerprint(int64_t document_id, uint64_t simhash, std::optional<uint64_t> old);
  // A document's change to the search index: its old terms out (when it
  // replaces a stored version), its new terms in.
  struct SearchUpdate {
    int64_t document_id = 0;
    bool replaces = false;
    std::string old_title, old_text, title, text;
  };
  // REQUIRES: inside a write transaction.
  Status IndexForSearch(const SearchUpdate& update);
  Status Migrate();
  Status Exec(const char* sql);
  Status Error(const std::string& what) const;

  friend class CrawlStore;    // db/crawl_store.h: the crawl's state, on the same connection
  friend class HistoryStore;  // db/history_store.h: history, claims, search
  friend class DocumentStore;  // db/document_store.h: search and one document

  sqlite3* db_;
  std::string path_;
  std::unique_ptr<db::StatementCache> cache_;  // statements of the write path
  std::unique_ptr<db::BodyCompressor> packer_;
  // The fingerprints of stored documents up to fingerprints_seq_, read on
  // the first near-duplicate lookup; dropped (to be read again) when a write
  // is rolled back, since it may hold what was not kept.
  std::unique_ptr<db::FingerprintIndex> fingerprints_;
  std::unique_ptr<db::WalCheckpointer> checkpointer_;
  int64_t fingerprints_seq_ = 0;
  bool batch_open_ = false;
  std::vector<SearchUpdate> search_updates_;  // of the open batch, in order
};

}  // namespace bw

#endif  // BUBBLEWATCH_DB_DATABASE_H_
