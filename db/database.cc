#include "db/database.h"

#include <sqlite3.h>
#include <zlib.h>

#include <algorithm>
#include <array>

#include "db/schema.h"
#include "db/statement.h"
#include "extractors/simhash.h"

namespace bw {
namespace {

constexpr int kBusyTimeoutMs = 5000;

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

std::optional<std::string> Compress(std::string_view in) {
  uLongf size = compressBound(in.size());
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                reinterpret_cast<const Bytef*>(in.data()), in.size(), 6) != Z_OK) {
    return std::nullopt;
  }
  out.resize(size);
  return out;
}

Result<int64_t> InsertFetch(sqlite3* db, const FetchRecord& f, std::optional<int64_t> doc_id) {
  db::Statement s(db,
                  "INSERT INTO fetches (url, final_url, outcome, http_status, content_type, "
                  "charset, bytes, elapsed_ms, error, document_id, run_id) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  if (!s.ok()) return Status::IoError(sqlite3_errmsg(db));
  s.Bind(1, f.url).BindOrNull(2, f.final_url).Bind(3, f.outcome).BindOrNull(4, f.http_status);
  s.BindOrNull(5, f.content_type).BindOrNull(6, f.charset).BindOrNull(7, f.bytes);
  s.BindOrNull(8, f.elapsed_ms).BindOrNull(9, f.error).BindOrNull(10, doc_id);
  s.BindOrNull(11, f.run_id);
  if (s.Step() != SQLITE_DONE) return Status::IoError(sqlite3_errmsg(db));
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
  sqlite3_busy_timeout(handle, kBusyTimeoutMs);
  sqlite3_extended_result_codes(handle, 1);
  // Reading user_version reads the file: a corrupt or foreign file fails here,
  // and a newer schema is refused before anything about the file is changed.
  if (Status s = db->CheckVersion(); !s.ok()) return s;
  if (Status s = db->Exec("PRAGMA journal_mode=WAL"); !s.ok()) return s;
  if (Status s = db->Exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON"); !s.ok()) return s;
  if (Status s = db->Migrate(); !s.ok()) return s;
  return db;
}

Database::~Database() { sqlite3_close(db_); }

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
    if (!tx.Commit()) return Error("cannot commit migration");
  }
  return Status::OK();
}

Result<int64_t> Database::RecordFetch(const FetchRecord& fetch) {
  auto id = InsertFetch(db_, fetch, std::nullopt);
  if (!id.ok()) return id.status().WithPrefix(path_);
  return id;
}

Result<StoredDocument> Database::StoreDocument(const FetchRecord& fetch,
                                               std::string_view raw_body,
                                               const AnalysisRecord& r,
                                               const DocumentOrigin& origin) {
  std::optional<std::string> compressed = Compress(raw_body);
  if (!compressed) return Status::IoError(path_ + ": cannot compress the raw body");
  db::Transaction tx(db_);
  if (!tx.ok()) return Error("cannot start transaction");

  StoredDocument stored;
  const std::string& url = r.canonical_url.empty() ? r.url : r.canonical_url;
  {
    db::Statement find(db_, "SELECT id FROM documents WHERE url = ?1");
    if (!find.ok()) return Error("cannot look up document");
    find.Bind(1, url);
    stored.created = find.Step() != SQLITE_ROW;
  }
  db::Statement up(db_,
                   "INSERT INTO documents (url, fetched_url, title, site_name, author, published, "
                   "published_from, lang, script, kind, status, text, content_hash, "
                   "analyzer_version) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
                   "ON CONFLICT (url) DO UPDATE SET fetched_url = excluded.fetched_url, "
                   "title = excluded.title, site_name = excluded.site_name, "
                   "author = excluded.author, published = excluded.published, "
                   "published_from = excluded.published_from, lang = excluded.lang, "
                   "script = excluded.script, kind = excluded.kind, status = excluded.status, "
                   "text = excluded.text, content_hash = excluded.content_hash, "
                   "analyzer_version = excluded.analyzer_version, "
                   "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                   "RETURNING id");
  if (!up.ok()) return Error("cannot prepare document upsert");
  up.Bind(1, url).BindOrNull(2, r.url).Bind(3, r.title).BindOrNull(4, r.site_name);
  up.BindOrNull(5, r.author).BindOrNull(6, r.published ? r.published->ToIso8601() : "");
  up.BindOrNull(7, r.published_from).Bind(8, r.lang).BindOrNull(9, r.script).Bind(10, r.kind);
  up.Bind(11, ArticleStatusName(r.status)).Bind(12, r.text).Bind(13, ContentHash(r.text));
  up.Bind(14, kAnalyzerVersion);
  if (up.Step() != SQLITE_ROW) return Error("cannot store document");
  stored.id = up.ColumnInt(0);
  if (up.Step() != SQLITE_DONE) return Error("cannot store document");

  auto fetch_id = InsertFetch(db_, fetch, stored.id);
  if (!fetch_id.ok()) return fetch_id.status().WithPrefix(path_);
  stored.fetch_id = *fetch_id;

  db::Statement raw(db_,
                    "INSERT OR REPLACE INTO raw (document_id, fetch_id, content_type, charset, "
                    "encoding, size, body) VALUES (?1, ?2, ?3, ?4, 'zlib', ?5, ?6)");
  if (!raw.ok()) return Error("cannot prepare raw insert");
  raw.Bind(1, stored.id).Bind(2, stored.fetch_id).BindOrNull(3, fetch.content_type);
  raw.BindOrNull(4, fetch.charset).Bind(5, static_cast<int64_t>(raw_body.size()));
  raw.BindBlob(6, *compressed);
  if (raw.Step() != SQLITE_DONE) return Error("cannot store raw body");

  if (Status s = ReplaceFigures(stored.id, r); !s.ok()) return s;
  if (Status s = ReplaceStance(stored.id, r); !s.ok()) return s;
  if (origin.simhash) {
    auto dup = LinkNearDuplicate(stored.id, *origin.simhash);
    if (!dup.ok()) return dup.status();
    stored.duplicate_of = *dup;
  }
  if (origin.source_id) {
    db::Statement src(db_,
                      "UPDATE documents SET source_id = coalesce(source_id, ?2) WHERE id = ?1");
    if (!src.ok()) return Error("cannot prepare source link");
    src.Bind(1, stored.id).Bind(2, *origin.source_id);
    if (src.Step() != SQLITE_DONE) return Error("cannot link document to its source");
    if (stored.created) {
      db::Statement count(db_,
                          "UPDATE sources SET items_stored = items_stored + 1 WHERE id = ?1");
      if (!count.ok()) return Error("cannot prepare source count");
      count.Bind(1, *origin.source_id);
      if (count.Step() != SQLITE_DONE) return Error("cannot count the source's document");
    }
  }
  if (!origin.feed_item_url.empty()) {
    db::Statement item(db_,
                       "UPDATE feed_items SET state = 'stored', document_id = ?2, "
                       "last_error = NULL WHERE url = ?1");
    if (!item.ok()) return Error("cannot prepare feed item update");
    item.Bind(1, origin.feed_item_url).Bind(2, stored.id);
    if (item.Step() != SQLITE_DONE) return Error("cannot complete the feed item");
  }

  if (!tx.Commit()) return Error("cannot commit document");
  return stored;
}

Result<std::optional<int64_t>> Database::LinkNearDuplicate(int64_t document_id,
                                                           uint64_t simhash) {
  const std::array<uint16_t, 4> bands = SimHashBands(simhash);
  // Candidates share a band with the fingerprint; the nearest one that is not
  // itself a copy is the original (the first stored of the group).
  db::Statement find(db_,
                     "SELECT d.id, d.simhash, d.duplicate_of FROM simhash_bands b "
                     "JOIN documents d ON d.id = b.document_id "
                     "WHERE b.band = ?1 AND b.value = ?2 AND d.id != ?3 AND d.simhash IS NOT NULL");
  if (!find.ok()) return Error("cannot prepare near-duplicate lookup");
  std::optional<int64_t> best;
  int best_distance = kNearDuplicateBits + 1;
  for (int band = 0; band < 4; ++band) {
    find.Reset();
    find.Bind(1, int64_t{band}).Bind(2, int64_t{bands[band]}).Bind(3, document_id);
    while (find.Step() == SQLITE_ROW) {
      int distance = HammingDistance(simhash, static_cast<uint64_t>(find.ColumnInt(1)));
      int64_t root = find.ColumnInt(2) != 0 ? find.ColumnInt(2) : find.ColumnInt(0);
      if (distance < best_distance || (distance == best_distance && best && root < *best)) {
        best_distance = distance;
        best = root;
      }
    }
  }
  if (best && *best == document_id) best.reset();
  db::Statement set(db_, "UPDATE documents SET simhash = ?2, duplicate_of = ?3 WHERE id = ?1");
  if (!set.ok()) return Error("cannot prepare near-duplicate link");
  set.Bind(1, document_id).Bind(2, static_cast<int64_t>(simhash)).BindOrNull(3, best);
  if (set.Step() != SQLITE_DONE) return Error("cannot link near-duplicate");
  db::Statement del(db_, "DELETE FROM simhash_bands WHERE document_id = ?1");
  db::Statement ins(db_, "INSERT INTO simhash_bands (band, value, document_id) VALUES (?1, ?2, ?3)");
  if (!del.ok() || !ins.ok()) return Error("cannot prepare SimHash index");
  del.Bind(1, document_id);
  if (del.Step() != SQLITE_DONE) return Error("cannot update SimHash index");
  for (int band = 0; band < 4; ++band) {
    ins.Reset();
    ins.Bind(1, int64_t{band}).Bind(2, int64_t{bands[band]}).Bind(3, document_id);
    if (ins.Step() != SQLITE_DONE) return Error("cannot update SimHash index");
  }
  return best;
}

Status Database::ReplaceFigures(int64_t document_id, const AnalysisRecord& r) {
  for (const char* sql : {"DELETE FROM figures WHERE document_id = ?1",
                          "DELETE FROM document_entities WHERE document_id = ?1"}) {
    db::Statement del(db_, sql);
    if (!del.ok()) return Error("cannot prepare figure delete");
    del.Bind(1, document_id);
    if (del.Step() != SQLITE_DONE) return Error("cannot delete old figures");
  }
  db::Statement ins(db_,
                    "INSERT INTO figures (document_id, kind, value, low, high, unit, currency, "
                    "qualifier, entity, ambiguous, span, start, end, analyzer_version) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  if (!ins.ok()) return Error("cannot prepare figure insert");
  for (const Figure& f : r.figures) {
    ins.Reset();
    ins.Bind(1, document_id).Bind(2, f.kind).BindDouble(3, f.value);
    if (f.low) ins.BindDouble(4, *f.low); else ins.BindNull(4);
    if (f.high) ins.BindDouble(5, *f.high); else ins.BindNull(5);
    ins.BindOrNull(6, f.unit).BindOrNull(7, f.currency).BindOrNull(8, f.qualifier);
    ins.BindOrNull(9, f.entity).Bind(10, int64_t{f.ambiguous}).Bind(11, f.span);
    ins.Bind(12, static_cast<int64_t>(f.start)).Bind(13, static_cast<int64_t>(f.end));
    ins.Bind(14, kAnalyzerVersion);
    if (ins.Step() != SQLITE_DONE) return Error("cannot store figure");
  }
  db::Statement ent(db_,
                    "INSERT OR IGNORE INTO document_entities (document_id, entity, position) "
                    "VALUES (?1, ?2, ?3)");
  if (!ent.ok()) return Error("cannot prepare entity insert");
  for (size_t i = 0; i < r.entities.size(); ++i) {
    ent.Reset();
    ent.Bind(1, document_id).Bind(2, r.entities[i]).Bind(3, static_cast<int64_t>(i));
    if (ent.Step() != SQLITE_DONE) return Error("cannot store entity");
  }
  return Status::OK();
}

Status Database::ReplaceStance(int64_t document_id, const AnalysisRecord& r) {
  for (const char* sql : {"DELETE FROM stance_evidence WHERE document_id = ?1",
                          "DELETE FROM stances WHERE document_id = ?1"}) {
    db::Statement del(db_, sql);
    if (!del.ok()) return Error("cannot prepare stance delete");
    del.Bind(1, document_id);
    if (del.Step() != SQLITE_DONE) return Error("cannot delete old stance");
  }
  if (!r.stance) return Status::OK();
  const bw::Stance& st = *r.stance;
  db::Statement ins(db_,
                    "INSERT INTO stances (document_id, label, score, bubble, revolution, analyzer_version) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!ins.ok()) return Error("cannot prepare stance insert");
  ins.Bind(1, document_id).Bind(2, StanceLabelName(st.label)).BindDouble(3, st.score);
  ins.BindDouble(4, st.bubble).BindDouble(5, st.revolution).Bind(6, kAnalyzerVersion);
  if (ins.Step() != SQLITE_DONE) return Error("cannot store stance");
  db::Statement ev(db_,
                   "INSERT INTO stance_evidence (document_id, position, in_title, start, end, score, "
                   "weight, label, cues, rules) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if (!ev.ok()) return Error("cannot prepare evidence insert");
  for (size_t i = 0; i < st.evidence.size(); ++i) {
    const SentenceStance& e = st.evidence[i];
    nlohmann::json cues = nlohmann::json::array();
    for (const StanceCue& c : e.cues) cues.push_back(c.text);
    ev.Reset();
    ev.Bind(1, document_id).Bind(2, static_cast<int64_t>(i)).Bind(3, int64_t{e.in_title});
    ev.Bind(4, static_cast<int64_t>(e.start)).Bind(5, static_cast<int64_t>(e.end));
    ev.BindDouble(6, e.score).BindDouble(7, e.weight).Bind(8, StanceLabelName(e.label));
    ev.Bind(9, cues.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    ev.Bind(10, nlohmann::json(e.rules).dump());
    if (ev.Step() != SQLITE_DONE) return Error("cannot store stance evidence");
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
                  "text, analyzer_version FROM documents WHERE url = ?1 OR fetched_url = ?1 "
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
  db::Statement s(db_, "SELECT size, body FROM raw WHERE document_id = ?1");
  if (!s.ok()) return std::nullopt;
  s.Bind(1, document_id);
  if (s.Step() != SQLITE_ROW) return std::nullopt;
  uLongf size = static_cast<uLongf>(s.ColumnInt(0));
  std::string compressed = s.ColumnBlob(1);
  std::string out(size, '\0');
  if (uncompress(reinterpret_cast<Bytef*>(out.data()), &size,
                 reinterpret_cast<const Bytef*>(compressed.data()), compressed.size()) != Z_OK) {
    return std::nullopt;
  }
  out.resize(size);
  return out;
}

int64_t Database::CountRows(const std::string& table) const {
  // Table names cannot be bound; only the schema's own tables are accepted.
  static const char* const kTables[] = {
      "documents", "fetches", "raw",     "figures", "document_entities", "stances",
      "stance_evidence", "sources", "runs", "feed_items", "robots", "simhash_bands"};
  if (std::find(std::begin(kTables), std::end(kTables), table) == std::end(kTables)) {
    return -1;
  }
  db::Statement s(db_, "SELECT count(*) FROM " + table);
  return s.ok() && s.Step() == SQLITE_ROW ? s.ColumnInt(0) : -1;
}

}  // namespace bw
