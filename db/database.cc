#include "db/database.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <string>

#include "db/body_compressor.h"
#include "db/fingerprint_index.h"
#include "db/rollups.h"
#include "db/schema.h"
#include "db/search_tokenizer.h"
#include "db/statement.h"
#include "db/url_host.h"
#include "db/wal_checkpointer.h"
#include "extractors/simhash.h"

namespace bw {
namespace {

constexpr int kBusyTimeoutMs = 5000;
// The WAL, in 4 KiB pages, that a checkpoint copies back at once.
constexpr int kCheckpointPages = 10000;
constexpr size_t kRollupsVersion = 5;  // the migration that adds rollups and search

// FNV-1a, 64 bits: tells whether a refetched text changed; not a security hash.
std::string ContentHash(std::string_view text) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}


Result<int64_t> InsertFetch(db::StatementCache& cache, sqlite3* db, const FetchRecord& f,
                            std::optional<int64_t> doc_id) {
  auto s = cache.Get(
      "INSERT INTO fetches (url, final_url, outcome, http_status, content_type, charset, bytes, "
      "elapsed_ms, error, document_id, run_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  if (!s) return Status::IoError(sqlite3_errmsg(db));
  s->Bind(1, f.url).BindOrNull(2, f.final_url).Bind(3, f.outcome).BindOrNull(4, f.http_status);
  s->BindOrNull(5, f.content_type).BindOrNull(6, f.charset).BindOrNull(7, f.bytes);
  s->BindOrNull(8, f.elapsed_ms).BindOrNull(9, f.error).BindOrNull(10, doc_id);
  s->BindOrNull(11, f.run_id);
  if (s->Step() != SQLITE_DONE) return Status::IoError(sqlite3_errmsg(db));
  return sqlite3_last_insert_rowid(db);
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &handle,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
    sqlite3_close(handle);
    return Status::IoError(path + ": cannot open database: " + msg);
  }
  std::unique_ptr<Database> db(new Database(handle, path));
  db->cache_ = std::make_unique<db::StatementCache>(handle);
  db->packer_ = std::make_unique<db::BodyCompressor>();
  sqlite3_busy_timeout(handle, kBusyTimeoutMs);
  sqlite3_extended_result_codes(handle, 1);
  // Reading user_version reads the file: a corrupt or foreign file fails here,
  // and a newer schema is refused before anything about the file is changed.
  if (Status s = db->CheckVersion(); !s.ok()) return s;
  // The search index's tokenizer lives in the connection: registered on
  // every open, before anything reads or writes the index.
  if (Status s = db::RegisterSearchTokenizer(handle); !s.ok()) return s.WithPrefix(path);
  if (Status s = db->Exec("PRAGMA journal_mode=WAL"); !s.ok()) return s;
  // A 64 MiB page cache: the indexes a document touches stay in memory
  // instead of being read back from the OS for every insert. Statement and
  // savepoint journals in memory: on disk they were written page by page,
  // some 80 writes per stored document. A larger WAL between checkpoints
  // writes a page changed by many documents back once.
  const std::string pragmas =
      "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; "
      "PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=" + std::to_string(kCheckpointPages);
  if (Status s = db->Exec(pragmas.c_str()); !s.ok()) return s;
  if (Status s = db->Migrate(); !s.ok()) return s;
  // Checkpoints run beside the writer (db/wal_checkpointer.h). Without a
  // second connection, SQLite's automatic checkpoint does the work as before.
  if (auto cp = db::WalCheckpointer::Start(path, kCheckpointPages); cp.ok()) {
    db->checkpointer_ = std::move(*cp);
    db->checkpointer_->Attach(handle);
  }
  return db;
}

Database::Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

Database::~Database() {
  checkpointer_.reset();  // before the connection it watches closes
  cache_.reset();  // statements are finalised before the connection closes
  sqlite3_close(db_);
}

Status Database::Error(const std::string& what) const {
  return Status::IoError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

Status Database::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    return Status::IoError(path_ + ": " + msg);
  }
  return Status::OK();
}

int Database::SchemaVersion() const {
  db::Statement s(db_, "PRAGMA user_version");
  return s.ok() && s.Step() == SQLITE_ROW ? static_cast<int>(s.ColumnInt(0)) : -1;
}

Status Database::CheckVersion() {
  const size_t known = db::Migrations().size();
  int version = SchemaVersion();
  if (version < 0) return Error("cannot read the database");
  if (version > static_cast<int>(known)) {
    return Status::IoError(path_ + ": schema version " + std::to_string(version) +
                           " is newer than this bubblewatch knows (" + std::to_string(known) +
                           ")");
  }
  return Status::OK();
}

Status Database::Migrate() {
  const auto& migrations = db::Migrations();
  int version = SchemaVersion();
  for (size_t v = static_cast<size_t>(version); v < migrations.size(); ++v) {
    db::Transaction tx(db_);
    if (!tx.ok()) return Error("cannot start migration");
    std::string sql(migrations[v]);
    sql += "\nPRAGMA user_version = " + std::to_string(v + 1) + ";";
    if (Status s = Exec(sql.c_str()); !s.ok()) return s;
    if (v + 1 == kRollupsVersion) {
      // The rollups start from what is already stored.
      db::Rollups rollups(db_, *cache_);
      if (Status s = rollups.Rebuild(); !s.ok()) return s.WithPrefix(path_);
    }
    if (!tx.Commit()) return Error("cannot commit migration");
  }
  return Status::OK();
}

Status Database::BeginBatch() {
  if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  batch_open_ = true;
  return Status::OK();
}

Status Database::CommitBatch() {
  if (!batch_open_) return Status::OK();
  batch_open_ = false;
  std::vector<SearchUpdate> updates;
  updates.swap(search_updates_);
  for (const SearchUpdate& u : updates) {
    if (Status s = IndexForSearch(u); !s.ok()) {
      Exec("ROLLBACK");
      fingerprints_.reset();
      return s;
    }
  }
  if (Status s = Exec("COMMIT"); !s.ok()) {
    Exec("ROLLBACK");
    fingerprints_.reset();
    return s;
  }
  return Status::OK();
}

Status Database::RebuildRollups() {
  db::Transaction tx(db_);
  if (!tx.ok()) return Error("cannot start transaction");
  db::Rollups rollups(db_, *cache_);
  if (Status s = rollups.Rebuild(); !s.ok()) return s.WithPrefix(path_);
  if (!tx.Commit()) return Error("cannot commit rebuilt rollups");
  return Status::OK();
}

Result<int64_t> Database::RecordFetch(const FetchRecord& fetch) {
  auto id = InsertFetch(*cache_, db_, fetch, std::nullopt);
  if (!id.ok()) return id.status().WithPrefix(path_);
  return id;
}

Result<StoredDocument> Database::StoreDocument(const FetchRecord& fetch,
                                               std::string_view raw_body,
                                               const AnalysisRecord& r,
                                               const DocumentOrigin& origin) {
  std::optional<std::string_view> compressed = packer_->Compress(raw_body);
  if (!compressed) return Status::IoError(path_ + ": cannot compress the raw body");
  db::Transaction tx(db_);
  if (!tx.ok()) return Error("cannot start transaction");
  db::Rollups rollups(db_, *cache_);
  // A write that is not kept may have left fingerprints_ ahead of the file.
  struct DropFingerprintsUnlessKept {
    std::unique_ptr<db::FingerprintIndex>& index;
    bool kept = false;
    ~DropFingerprintsUnlessKept() {
      if (!kept) index.reset();
    }
  } fingerprints_guard{fingerprints_};

  StoredDocument stored;
  const std::string& url = r.canonical_url.empty() ? r.url : r.canonical_url;
  // What an existing document contributed, taken out of the rollups and the
  // search index once it has changed.
  std::optional<db::Contribution> before;
  std::string old_title, old_text;
  int64_t old_id = 0;
  std::optional<uint64_t> old_simhash;
  {
    auto find = cache_->Get("SELECT id, title, text, simhash FROM documents WHERE url = ?1");
    if (!find) return Error("cannot look up document");
    find->Bind(1, url);
    stored.created = find->Step() != SQLITE_ROW;
    if (!stored.created) {
      old_id = find->ColumnInt(0);
      old_title = find->ColumnText(1);
      old_text = find->ColumnText(2);
      if (!find->ColumnIsNull(3)) old_simhash = static_cast<uint64_t>(find->ColumnInt(3));
      auto read = rollups.Read(old_id);
      if (!read.ok()) return read.status().WithPrefix(path_);
      before = *read;
    }
  }
  // The near-duplicate link and the source are written with the row itself:
  // each later UPDATE of a document would rewrite its whole row, text included.
  std::optional<int64_t> original;
  // What the document contributes to the rollups once stored, assembled as
  // its rows are written (Rollups::Read would read back the same).
  db::Contribution now;
  now.lang = r.lang;
  now.kind = r.kind;
  if (r.stance) {
    now.label = StanceLabelName(r.stance->label);
    now.score = r.stance->score;
  }
  if (origin.simhash) {
    auto found = FindOriginal(*origin.simhash, old_id);
    if (!found.ok()) return found.status();
    original = *found;
  }
  {
    // Without a fingerprint the stored link stays. The first source a
    // document came from stays its source; one that came from none is known
    // by its host.
    auto up = cache_->Get(
        "INSERT INTO documents (url, fetched_url, title, site_name, author, published, "
        "published_from, lang, script, kind, status, text, content_hash, analyzer_version, "
        "dated_at, simhash, duplicate_of, source_id, source_name) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
        "coalesce(unixepoch(?6), unixepoch('now')), ?15, ?16, ?17, "
        "coalesce((SELECT name FROM sources WHERE id = ?17), ?18)) "
        "ON CONFLICT (url) DO UPDATE SET fetched_url = excluded.fetched_url, "
        "title = excluded.title, site_name = excluded.site_name, "
        "author = excluded.author, published = excluded.published, "
        "published_from = excluded.published_from, lang = excluded.lang, "
        "script = excluded.script, kind = excluded.kind, status = excluded.status, "
        "text = excluded.text, content_hash = excluded.content_hash, "
        "analyzer_version = excluded.analyzer_version, "
        "dated_at = coalesce(unixepoch(excluded.published), documents.dated_at), "
        "simhash = coalesce(?15, documents.simhash), "
        "duplicate_of = CASE WHEN ?15 IS NULL THEN documents.duplicate_of ELSE ?16 END, "
        "source_id = coalesce(documents.source_id, ?17), "
        "source_name = coalesce((SELECT name FROM sources "
        "WHERE id = coalesce(documents.source_id, ?17)), ?18), "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
        "RETURNING id, coalesce(dated_at, 0), coalesce(source_name, ''), "
        "duplicate_of IS NOT NULL");
    if (!up) return Error("cannot prepare document upsert");
    up->Bind(1, url).BindOrNull(2, r.url).Bind(3, r.title).BindOrNull(4, r.site_name);
    up->BindOrNull(5, r.author).BindOrNull(6, r.published ? r.published->ToIso8601() : "");
    up->BindOrNull(7, r.published_from).Bind(8, r.lang).BindOrNull(9, r.script).Bind(10, r.kind);
    up->Bind(11, ArticleStatusName(r.status)).Bind(12, r.text).Bind(13, ContentHash(r.text));
    up->Bind(14, kAnalyzerVersion);
    if (origin.simhash) {
      up->Bind(15, static_cast<int64_t>(*origin.simhash)).BindOrNull(16, original);
    } else {
      up->BindNull(15).BindNull(16);
    }
    up->BindOrNull(17, origin.source_id).Bind(18, db::UrlHost(url));
    if (up->Step() != SQLITE_ROW) return Error("cannot store document");
    stored.id = up->ColumnInt(0);
    now.dated_at = up->ColumnInt(1);
    now.source = up->ColumnText(2);
    now.duplicate = up->ColumnInt(3) != 0;
    if (up->Step() != SQLITE_DONE) return Error("cannot store document");
  }
  if (origin.simhash) {
    if (Status s = IndexFingerprint(stored.id, *origin.simhash, old_simhash); !s.ok()) return s;
    stored.duplicate_of = original;
  }

  auto fetch_id = InsertFetch(*cache_, db_, fetch, stored.id);
  if (!fetch_id.ok()) return fetch_id.status().WithPrefix(path_);
  stored.fetch_id = *fetch_id;
  {
    auto raw = cache_->Get(
        "INSERT OR REPLACE INTO raw (document_id, fetch_id, content_type, charset, encoding, "
        "size, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!raw) return Error("cannot prepare raw insert");
    raw->Bind(1, stored.id).Bind(2, stored.fetch_id).BindOrNull(3, fetch.content_type);
    raw->BindOrNull(4, fetch.charset).Bind(5, db::BodyCompressor::kEncoding);
    raw->Bind(6, static_cast<int64_t>(raw_body.size())).BindBlob(7, *compressed);
    if (raw->Step() != SQLITE_DONE) return Error("cannot store raw body");
  }

  if (Status s = ReplaceFigures(stored.id, r, !stored.created, now); !s.ok()) return s;
  if (Status s = ReplaceStance(stored.id, r, !stored.created); !s.ok()) return s;
  if (origin.source_id && stored.created) {
    auto count = cache_->Get("UPDATE sources SET items_stored = items_stored + 1 WHERE id = ?1");
    if (!count) return Error("cannot prepare source count");
    count->Bind(1, *origin.source_id);
    if (count->Step() != SQLITE_DONE) return Error("cannot count the source's document");
  }
  if (!origin.feed_item_url.empty()) {
    auto item = cache_->Get(
        "UPDATE feed_items SET state = 'stored', document_id = ?2, last_error = NULL "
        "WHERE url = ?1");
    if (!item) return Error("cannot prepare feed item update");
    item->Bind(1, origin.feed_item_url).Bind(2, stored.id);
    if (item->Step() != SQLITE_DONE) return Error("cannot complete the feed item");
  }
  // FTS5 writes a new index segment at every savepoint, so inside a batch
  // the search index is updated once, at CommitBatch, for all documents.
  SearchUpdate search{stored.id, !stored.created, std::move(old_title), std::move(old_text),
                      r.title, r.text};
  if (!batch_open_) {
    if (Status s = IndexForSearch(search); !s.ok()) return s;
  }
  if (Status s = rollups.Replace(before, now); !s.ok()) return s.WithPrefix(path_);

  if (!tx.Commit()) return Error("cannot commit document");
  fingerprints_guard.kept = true;
  if (batch_open_) search_updates_.push_back(std::move(search));
  return stored;
}

Status Database::IndexForSearch(const SearchUpdate& u) {
  // The index keeps no copy of the text (content = documents): the old
  // terms are removed by giving it the old values.
  if (u.replaces) {
    auto del = cache_->Get(
        "INSERT INTO search (search, rowid, title, text) VALUES ('delete', ?1, ?2, ?3)");
    if (!del) return Error("cannot prepare search index update");
    del->Bind(1, u.document_id).Bind(2, u.old_title).Bind(3, u.old_text);
    if (del->Step() != SQLITE_DONE) return Error("cannot update search index");
  }
  auto ins = cache_->Get("INSERT INTO search (rowid, title, text) VALUES (?1, ?2, ?3)");
  if (!ins) return Error("cannot prepare search index update");
  ins->Bind(1, u.document_id).Bind(2, u.title).Bind(3, u.text);
  if (ins->Step() != SQLITE_DONE) return Error("cannot update search index");
  return Status::OK();
}

Status Database::CatchUpFingerprints() {
  if (!fingerprints_) {
    fingerprints_ = std::make_unique<db::FingerprintIndex>();
    fingerprints_seq_ = 0;
  }
  auto read = cache_->Get(
      "SELECT seq, document_id, simhash FROM fingerprints WHERE seq > ?1 ORDER BY seq");
  if (!read) return Error("cannot prepare fingerprint read");
  read->Bind(1, fingerprints_seq_);
  std::vector<db::FingerprintIndex::Entry> read_in;
  int64_t seq = fingerprints_seq_;
  int rc;
  while ((rc = read->Step()) == SQLITE_ROW) {
    seq = read->ColumnInt(0);
    read_in.push_back({read->ColumnInt(1), static_cast<uint64_t>(read->ColumnInt(2))});
  }
  if (rc != SQLITE_DONE) {
    fingerprints_.reset();
    return Error("cannot read fingerprints");
  }
  fingerprints_->AddAll(read_in);
  fingerprints_seq_ = seq;
  return Status::OK();
}

Result<std::optional<int64_t>> Database::FindOriginal(uint64_t simhash, int64_t self) {
  if (Status s = CatchUpFingerprints(); !s.ok()) return s;
  // Each fingerprint in reach is confirmed against its document, since the
  // index keeps the fingerprints a document had before it changed.
  std::optional<int64_t> best;
  int best_distance = kNearDuplicateBits + 1;
  for (const db::FingerprintIndex::Entry& e : fingerprints_->Near(simhash)) {
    if (e.document_id == self) continue;
    const int distance = HammingDistance(simhash, e.simhash);
    if (distance > best_distance) continue;
    auto root_of = cache_->Get(
        "SELECT coalesce(duplicate_of, id) FROM documents WHERE id = ?1 AND simhash = ?2");
    if (!root_of) return Error("cannot prepare near-duplicate lookup");
    root_of->Bind(1, e.document_id).Bind(2, static_cast<int64_t>(e.simhash));
    if (root_of->Step() != SQLITE_ROW) continue;
    const int64_t root = root_of->ColumnInt(0);
    if (distance < best_distance || (best && root < *best)) {
      best_distance = distance;
      best = root;
    }
  }
  if (best && *best == self) best.reset();
  return best;
}

Status Database::IndexFingerprint(int64_t document_id, uint64_t simhash,
                                  std::optional<uint64_t> old) {
  if (old == simhash) return Status::OK();
  // REPLACE gives the row a new seq, so other processes catch up with it.
  auto put = cache_->Get("REPLACE INTO fingerprints (document_id, simhash) VALUES (?1, ?2)");
  if (!put) return Error("cannot prepare fingerprint");
  put->Bind(1, document_id).Bind(2, static_cast<int64_t>(simhash));
  if (put->Step() != SQLITE_DONE) return Error("cannot store fingerprint");
  // FindOriginal caught up inside this transaction, so the new seq follows
  // the last one read unless the table was emptied.
  const int64_t seq = sqlite3_last_insert_rowid(db_);
  if (fingerprints_ && seq == fingerprints_seq_ + 1) {
    fingerprints_->Add(document_id, simhash);
    fingerprints_seq_ = seq;
  }
  return Status::OK();
}

Status Database::ReplaceFigures(int64_t document_id, const AnalysisRecord& r, bool replaces,
                                db::Contribution& now) {
  for (const char* sql : {"DELETE FROM figures WHERE document_id = ?1",
                          "DELETE FROM document_entities WHERE document_id = ?1"}) {
    if (!replaces) break;
    auto del = cache_->Get(sql);
    if (!del) return Error("cannot prepare figure delete");
    del->Bind(1, document_id);
    if (del->Step() != SQLITE_DONE) return Error("cannot delete old figures");
  }
  db::Rollups rollups(db_, *cache_);
  for (const Figure& f : r.figures) {
    auto claim = rollups.ClaimId(f.entity, f.kind, f.currency.empty() ? f.unit : f.currency,
                                 f.value);
    if (!claim.ok()) return claim.status().WithPrefix(path_);
    auto ins = cache_->Get(
        "INSERT INTO figures (document_id, kind, value, low, high, unit, currency, qualifier, "
        "entity, ambiguous, span, start, end, analyzer_version, claim_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    if (!ins) return Error("cannot prepare figure insert");
    ins->Bind(1, document_id).Bind(2, f.kind).BindDouble(3, f.value);
    if (f.low) ins->BindDouble(4, *f.low);
    if (f.high) ins->BindDouble(5, *f.high);
    ins->BindOrNull(6, f.unit).BindOrNull(7, f.currency).BindOrNull(8, f.qualifier);
    ins->BindOrNull(9, f.entity).Bind(10, int64_t{f.ambiguous}).Bind(11, f.span);
    ins->Bind(12, static_cast<int64_t>(f.start)).Bind(13, static_cast<int64_t>(f.end));
    ins->Bind(14, kAnalyzerVersion).Bind(15, *claim);
    if (ins->Step() != SQLITE_DONE) return Error("cannot store figure");
    // A claim is sighted once per document, by its first figure.
    const int64_t figure_id = sqlite3_last_insert_rowid(db_);
    auto seen = std::find_if(now.claims.begin(), now.claims.end(),
                             [&](const db::Contribution::Sighting& s) { return s.claim_id == *claim; });
    if (seen == now.claims.end()) {
      now.claims.push_back({*claim, figure_id});
    } else {
      seen->figure_id = std::min(seen->figure_id, figure_id);
    }
  }
  for (size_t i = 0; i < r.entities.size(); ++i) {
    auto ent = cache_->Get(
        "INSERT OR IGNORE INTO document_entities (document_id, entity, position) "
        "VALUES (?1, ?2, ?3)");
    if (!ent) return Error("cannot prepare entity insert");
    ent->Bind(1, document_id).Bind(2, r.entities[i]).Bind(3, static_cast<int64_t>(i));
    if (ent->Step() != SQLITE_DONE) return Error("cannot store entity");
    if (sqlite3_changes(db_) > 0) now.entities.push_back(r.entities[i]);  // not a repeat
  }
  return Status::OK();
}

Status Database::ReplaceStance(int64_t document_id, const AnalysisRecord& r, bool replaces) {
  for (const char* sql : {"DELETE FROM stance_evidence WHERE document_id = ?1",
                          "DELETE FROM stances WHERE document_id = ?1"}) {
    if (!replaces) break;
    auto del = cache_->Get(sql);
    if (!del) return Error("cannot prepare stance delete");
    del->Bind(1, document_id);
    if (del->Step() != SQLITE_DONE) return Error("cannot delete old stance");
  }
  // A text about something else is stored unjudged, as one without text is:
  // history counts it as a document, not as neutral.
  if (!r.stance || r.stance->off_subject) return Status::OK();
  const bw::Stance& st = *r.stance;
  {
    auto ins = cache_->Get(
        "INSERT INTO stances (document_id, label, score, bubble, revolution, analyzer_version) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!ins) return Error("cannot prepare stance insert");
    ins->Bind(1, document_id).Bind(2, StanceLabelName(st.label)).BindDouble(3, st.score);
    ins->BindDouble(4, st.bubble).BindDouble(5, st.revolution).Bind(6, kAnalyzerVersion);
    if (ins->Step() != SQLITE_DONE) return Error("cannot store stance");
  }
  for (size_t i = 0; i < st.evidence.size(); ++i) {
    const SentenceStance& e = st.evidence[i];
    nlohmann::json cues = nlohmann::json::array();
    for (const StanceCue& c : e.cues) cues.push_back(c.text);
    auto ev = cache_->Get(
        "INSERT INTO stance_evidence (document_id, position, in_title, start, end, score, "
        "weight, label, cues, rules) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!ev) return Error("cannot prepare evidence insert");
    ev->Bind(1, document_id).Bind(2, static_cast<int64_t>(i)).Bind(3, int64_t{e.in_title});
    ev->Bind(4, static_cast<int64_t>(e.start)).Bind(5, static_cast<int64_t>(e.end));
    ev->BindDouble(6, e.score).BindDouble(7, e.weight).Bind(8, StanceLabelName(e.label));
    ev->Bind(9, cues.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    ev->Bind(10, nlohmann::json(e.rules).dump());
    if (ev->Step() != SQLITE_DONE) return Error("cannot store stance evidence");
  }
  return Status::OK();
}

std::optional<StanceRow> Database::Stance(int64_t document_id) const {
  db::Statement s(db_,
                  "SELECT label, score, bubble, revolution, analyzer_version FROM stances "
                  "WHERE document_id = ?1");
  if (!s.ok()) return std::nullopt;
  s.Bind(1, document_id);
  if (s.Step() != SQLITE_ROW) return std::nullopt;
  StanceRow row{s.ColumnText(0), s.ColumnDouble(1), s.ColumnDouble(2), s.ColumnDouble(3), s.ColumnText(4), {}};
  db::Statement e(db_,
                  "SELECT in_title, start, end, score, weight, label, cues, rules FROM stance_evidence "
                  "WHERE document_id = ?1 ORDER BY position");
  if (!e.ok()) return row;
  e.Bind(1, document_id);
  while (e.Step() == SQLITE_ROW) {
    row.evidence.push_back({e.ColumnInt(0) != 0, e.ColumnInt(1), e.ColumnInt(2), e.ColumnDouble(3),
                            e.ColumnDouble(4), e.ColumnText(5), e.ColumnText(6), e.ColumnText(7)});
  }
  return row;
}

std::vector<FigureRow> Database::Figures(int64_t document_id) const {
  std::vector<FigureRow> rows;
  db::Statement s(db_,
                  "SELECT kind, value, currency, qualifier, entity, span FROM figures "
                  "WHERE document_id = ?1 ORDER BY start");
  if (!s.ok()) return rows;
  s.Bind(1, document_id);
  while (s.Step() == SQLITE_ROW) {
    rows.push_back({s.ColumnText(0), s.ColumnDouble(1), s.ColumnText(2), s.ColumnText(3),
                    s.ColumnText(4), s.ColumnText(5)});
  }
  return rows;
}

std::optional<DocumentRow> Database::FindDocument(const std::string& url) const {
  db::Statement s(db_,
                  "SELECT id, url, fetched_url, title, published, lang, script, kind, status, "
                  "text, analyzer_version FROM documents WHERE url = ?1 "
                  "OR (fetched_url = ?1 AND fetched_url IS NOT url) "  // as its index (migration 9)
                  "ORDER BY url = ?1 DESC LIMIT 1");
  if (!s.ok()) return std::nullopt;
  s.Bind(1, url);
  if (s.Step() != SQLITE_ROW) return std::nullopt;
  DocumentRow row;
  row.id = s.ColumnInt(0);
  row.url = s.ColumnText(1);
  row.fetched_url = s.ColumnText(2);
  row.title = s.ColumnText(3);
  row.published = s.ColumnText(4);
  row.lang = s.ColumnText(5);
  row.script = s.ColumnText(6);
  row.kind = s.ColumnText(7);
  row.status = s.ColumnText(8);
  row.text = s.ColumnText(9);
  row.analyzer_version = s.ColumnText(10);
  return row;
}

std::optional<std::string> Database::RawBody(int64_t document_id) const {
  db::Statement s(db_, "SELECT encoding, size, body FROM raw WHERE document_id = ?1");
  if (!s.ok()) return std::nullopt;
  s.Bind(1, document_id);
  if (s.Step() != SQLITE_ROW || s.ColumnInt(1) < 0) return std::nullopt;
  return db::DecompressBody(s.ColumnText(0), s.ColumnBlob(2),
                            static_cast<size_t>(s.ColumnInt(1)));
}

int64_t Database::CountRows(const std::string& table) const {
  // Table names cannot be bound; only the schema's own tables are accepted.
  static const char* const kTables[] = {
      "documents", "fetches", "raw",     "figures", "document_entities", "stances",
      "stance_evidence", "sources", "runs", "feed_items", "robots", "fingerprints"};
  if (std::find(std::begin(kTables), std::end(kTables), table) == std::end(kTables)) {
    return -1;
  }
  db::Statement s(db_, "SELECT count(*) FROM " + table);
  return s.ok() && s.Step() == SQLITE_ROW ? s.ColumnInt(0) : -1;
}

}  // namespace bw
