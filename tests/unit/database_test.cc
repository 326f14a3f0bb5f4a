#include "db/database.h"

#include "tests/support/test_files.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <zlib.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "db/schema.h"

namespace bw {
namespace {

namespace fs = std::filesystem;

using testing::TempDir;

using testing::ReadFile;
using testing::WriteFile;

// A second, independent connection to the same file, as another process
// would have: to look at what Database wrote and to hold locks against it.
class RawConnection {
 public:
  explicit RawConnection(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
      ADD_FAILURE() << "cannot open " << path << ": " << sqlite3_errmsg(db_);
    }
  }
  ~RawConnection() { sqlite3_close(db_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  void Exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << (err ? err : "?");
    }
    sqlite3_free(err);
  }

  // The first column of the first row as text; "<null>" for NULL, "<none>"
  // when there is no row.
  std::string Query(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
      return "<error>";
    }
    std::string out = "<none>";
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(stmt, 0);
      out = text ? reinterpret_cast<const char*>(text) : "<null>";
    }
    sqlite3_finalize(stmt);
    return out;
  }

  // Column `col` of every row, one line each.
  std::string QueryAll(const std::string& sql, int col) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
      return "<error>";
    }
    std::string out;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(stmt, col);
      out += text ? reinterpret_cast<const char*>(text) : "<null>";
      out += "\n";
    }
    sqlite3_finalize(stmt);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

std::unique_ptr<Database> OpenOrDie(const std::string& path) {
  Result<std::unique_ptr<Database>> db = Database::Open(path);
  EXPECT_TRUE(db.ok()) << db.status().message();
  return db.ok() ? std::move(*db) : nullptr;
}

FetchRecord OkFetch(const std::string& url) {
  FetchRecord f;
  f.url = url;
  f.final_url = url;
  f.outcome = "ok";
  f.http_status = 200;
  f.content_type = "text/html; charset=utf-8";
  f.charset = "UTF-8";
  f.bytes = 123;
  f.elapsed_ms = 45;
  return f;
}

AnalysisRecord Record(const std::string& url, const std::string& canonical,
                      const std::string& text) {
  AnalysisRecord r;
  r.url = url;
  r.canonical_url = canonical;
  r.title = "A title";
  r.lang = "en";
  r.script = "Latn";
  r.kind = "article";
  r.status = ArticleStatus::kOk;
  r.text = text;
  return r;
}

struct Counts {
  int64_t documents, fetches, raw;
  bool operator==(const Counts&) const = default;
};

Counts CountAll(const Database& db) {
  return {db.CountRows("documents"), db.CountRows("fetches"), db.CountRows("raw")};
}

// ---------------------------------------------------------------------------
// Open

TEST(DatabaseOpen, CreatesFileMigratesAndUsesWal) {
  TempDir dir;
  std::string path = dir.File("new.db");
  ASSERT_FALSE(fs::exists(path));
  auto db = OpenOrDie(path);
  ASSERT_NE(db, nullptr);
  EXPECT_TRUE(fs::exists(path));
  EXPECT_EQ(db->SchemaVersion(), static_cast<int>(db::Migrations().size()));
  EXPECT_EQ(CountAll(*db), (Counts{0, 0, 0}));

  RawConnection raw(path);
  EXPECT_EQ(raw.Query("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(raw.Query("PRAGMA user_version"), std::to_string(db::Migrations().size()));
  EXPECT_EQ(raw.Query("SELECT v FROM search_config WHERE k = 'automerge'"), "16");
}

TEST(DatabaseOpen, ReopeningIsIdempotentAndKeepsData) {
  TempDir dir;
  std::string path = dir.File("re.db");
  int64_t id = 0;
  {
    auto db = OpenOrDie(path);
    ASSERT_NE(db, nullptr);
    auto s = db->StoreDocument(OkFetch("https://example.com/a"), "<p>a</p>",
                               Record("https://example.com/a", "", "a"));
    ASSERT_TRUE(s.ok()) << s.status().message();
    id = s->id;
  }
  for (int i = 0; i < 2; ++i) {
    SCOPED_TRACE(i);
    auto db = OpenOrDie(path);
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(db->SchemaVersion(), static_cast<int>(db::Migrations().size()));
    EXPECT_EQ(CountAll(*db), (Counts{1, 1, 1}));
    auto row = db->FindDocument("https://example.com/a");
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->id, id);
  }
}

TEST(DatabaseOpen, TwoConnectionsAtOnce) {
  TempDir dir;
  std::string path = dir.File("two.db");
  auto a = OpenOrDie(path);
  auto b = OpenOrDie(path);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(a->StoreDocument(OkFetch("https://example.com/a"), "x",
                               Record("https://example.com/a", "", "a"))
                  .ok());
  EXPECT_EQ(b->CountRows("documents"), 1);
}

// A database of schema 4 keeps its fingerprints through the migrations, and
// a near copy stored afterwards is linked to the old document.
TEST(DatabaseOpen, FingerprintsOfAnOldSchemaKeepWorking) {
  TempDir dir;
  const std::string path = dir.File("v4.db");
  const uint64_t simhash = 0x0123456789abcdefULL;
  const std::string stored = std::to_string(static_cast<int64_t>(simhash));
  {
    RawConnection raw(path);
    std::string sql;
    for (size_t i = 0; i < 4; ++i) sql += std::string(db::Migrations()[i]);
    sql += "PRAGMA user_version = 4;"
           "INSERT INTO documents (id, url, title, lang, kind, status, text, content_hash, "
           "analyzer_version, simhash) VALUES (7, 'https://a.example/old', 't', 'en', "
           "'article', 'ok', 'old text', 'h', '0.2.0', " + stored + ");";
    for (int band = 0; band < 4; ++band) {
      sql += "INSERT INTO simhash_bands (band, value, document_id) VALUES (" +
             std::to_string(band) + ", " + std::to_string((simhash >> (16 * band)) & 0xffff) +
             ", 7);";
    }
    raw.Exec(sql);
  }
  auto db = OpenOrDie(path);
  ASSERT_NE(db, nullptr);
  {
    RawConnection raw(path);
    EXPECT_EQ(raw.Query("SELECT document_id || ' ' || simhash FROM fingerprints"), "7 " + stored);
    for (const char* gone : {"simhash_bands", "documents_published", "fetches_url"}) {
      EXPECT_EQ(raw.Query(std::string("SELECT count(*) FROM sqlite_master WHERE name = '") +
                          gone + "'"),
                "0")
          << gone;
    }
  }
  DocumentOrigin copy;
  copy.simhash = simhash ^ 0x3;  // two bits off
  auto again = db->StoreDocument(OkFetch("https://b.example/copy"), "x",
                                 Record("https://b.example/copy", "", "copied text"), copy);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->duplicate_of, std::optional<int64_t>(7));
  EXPECT_EQ(db->CountRows("fingerprints"), 2);
}

// A process reads the fingerprints once, then catches up with what another
// process stored since.
TEST(DatabaseStore, NearDuplicatesAreFoundAcrossConnections) {
  TempDir dir;
  const std::string path = dir.File("two.db");
  auto a = OpenOrDie(path);
  auto b = OpenOrDie(path);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  const uint64_t x = 0x0123456789abcdefULL, y = 0xfedcba9876543210ULL;
  auto store = [](Database& db, const std::string& url, uint64_t simhash) {
    DocumentOrigin origin;
    origin.simhash = simhash;
    auto s = db.StoreDocument(OkFetch(url), "b", Record(url, "", url), origin);
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? *s : StoredDocument{};
  };
  StoredDocument first = store(*b, "https://b.example/1", y);  // b has read the index
  StoredDocument original = store(*a, "https://a.example/1", x);
  StoredDocument copy = store(*b, "https://b.example/2", x ^ 0x4);
  EXPECT_EQ(copy.duplicate_of, std::optional<int64_t>(original.id));
  // a changes its document's text: b no longer takes the old fingerprint.
  store(*a, "https://a.example/1", ~x);
  // Three bits from x, four from the copy: near only the fingerprint a1 had.
  StoredDocument late = store(*b, "https://b.example/3", x ^ 0x7000);
  EXPECT_FALSE(late.duplicate_of);
  EXPECT_FALSE(first.duplicate_of);
}

// A document whose store is rolled back is no one's original.
TEST(DatabaseStore, RolledBackFingerprintIsNotAnOriginal) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("r.db"));
  ASSERT_NE(db, nullptr);
  const uint64_t x = 0x0123456789abcdefULL;
  DocumentOrigin origin;
  origin.simhash = x;
  AnalysisRecord bad = Record("https://a.example/bad", "", "text");
  Figure figure;
  figure.kind = "not-a-kind";  // refused by the schema, after the fingerprint is written
  figure.span = "1";
  bad.figures.push_back(figure);
  ASSERT_FALSE(db->StoreDocument(OkFetch("https://a.example/bad"), "b", bad, origin).ok());
  // The rolled-back document's id goes to another one, with another fingerprint.
  DocumentOrigin other;
  other.simhash = ~x;
  auto reuse = db->StoreDocument(OkFetch("https://a.example/other"), "b",
                                 Record("https://a.example/other", "", "other"), other);
  ASSERT_TRUE(reuse.ok()) << reuse.status().message();
  auto copy = db->StoreDocument(OkFetch("https://a.example/copy"), "b",
                                Record("https://a.example/copy", "", "copy"), origin);
  ASSERT_TRUE(copy.ok()) << copy.status().message();
  EXPECT_FALSE(copy->duplicate_of);
  EXPECT_EQ(db->CountRows("fingerprints"), 2);
}

TEST(DatabaseOpen, NewerSchemaIsRefused) {
  TempDir dir;
  std::string path = dir.File("future.db");
  {
    RawConnection raw(path);
    raw.Exec("CREATE TABLE t (x); PRAGMA user_version = 99");
  }
  Result<std::unique_ptr<Database>> db = Database::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().exit_code(), 74);
  const std::string m = db.status().message();
  EXPECT_NE(m.find(path), std::string::npos) << m;
  EXPECT_NE(m.find("newer"), std::string::npos) << m;
  EXPECT_NE(m.find("99"), std::string::npos) << m;

  RawConnection raw(path);
  EXPECT_EQ(raw.Query("PRAGMA user_version"), "99");  // not touched
}

TEST(DatabaseOpen, GarbageFileIsRefusedAndLeftAlone) {
  TempDir dir;
  std::string path = dir.File("garbage.db");
  const std::string garbage(4096, 'x');
  WriteFile(path, garbage);

  Result<std::unique_ptr<Database>> db = Database::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().exit_code(), 74);
  EXPECT_EQ(db.status().message().rfind(path + ": ", 0), 0u) << db.status().message();
  EXPECT_EQ(ReadFile(path), garbage);
  EXPECT_FALSE(fs::exists(path + "-wal"));
}

TEST(DatabaseOpen, PathInMissingDirectoryIsAnIoError) {
  TempDir dir;
  std::string path = dir.File("no-such-dir/x.db");
  Result<std::unique_ptr<Database>> db = Database::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().exit_code(), 74);
  EXPECT_NE(db.status().message().find(path), std::string::npos) << db.status().message();
  EXPECT_FALSE(fs::exists(dir.File("no-such-dir")));
}

TEST(DatabaseOpen, DirectoryIsAnIoError) {
  TempDir dir;
  std::string path = dir.File("adir");
  fs::create_directory(path);
  Result<std::unique_ptr<Database>> db = Database::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().exit_code(), 74);
  EXPECT_NE(db.status().message().find(path), std::string::npos) << db.status().message();
}

// The lookups by URL and of a document's reposts read the partial indexes of
// migration 9, written as the code writes them, instead of scanning every
// document.
TEST(DatabaseOpen, UrlAndRepostLookupsUseTheirIndexes) {
  TempDir dir;
  const std::string path = dir.File("plan.db");
  ASSERT_NE(OpenOrDie(path), nullptr);
  RawConnection raw(path);
  struct Case {
    const char* where;
    std::vector<const char*> indexes;
  };
  const Case kCases[] = {
      {"url = ?1 OR (fetched_url = ?1 AND fetched_url IS NOT url)",
       {"sqlite_autoindex_documents_1", "documents_fetched_url"}},
      {"url = ?1 OR (fetched_url = ?1 AND fetched_url IS NOT url) "
       "OR (fetched_url = ?2 AND fetched_url IS NOT url)",
       {"sqlite_autoindex_documents_1", "documents_fetched_url"}},
      {"duplicate_of = ?1", {"documents_duplicate_of"}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.where);
    const std::string plan =
        raw.QueryAll(std::string("EXPLAIN QUERY PLAN SELECT id FROM documents WHERE ") + c.where, 3);
    EXPECT_EQ(plan.find("SCAN documents"), std::string::npos) << plan;
    for (const char* index : c.indexes) {
      EXPECT_NE(plan.find(std::string("INDEX ") + index + " ("), std::string::npos) << plan;
    }
  }
  // Without the condition the partial index cannot serve the query.
  EXPECT_NE(raw.QueryAll("EXPLAIN QUERY PLAN SELECT id FROM documents WHERE url = ?1 "
                         "OR fetched_url = ?1", 3).find("SCAN documents"),
            std::string::npos);
}

// ---------------------------------------------------------------------------
// StoreDocument, FindDocument, RawBody, RecordFetch

TEST(DatabaseStore, NewThenSameCanonicalUrlUpdates) {
  TempDir dir;
  std::string path = dir.File("s.db");
  auto db = OpenOrDie(path);
  ASSERT_NE(db, nullptr);

  const std::string kCanonical = "https://example.com/story";
  const std::string kFetched = "https://example.com/story?utm_source=x";
  auto first = db->StoreDocument(OkFetch(kFetched), "<p>first</p>",
                                 Record(kFetched, kCanonical, "first text"));
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_TRUE(first->created);
  EXPECT_GT(first->id, 0);
  EXPECT_GT(first->fetch_id, 0);
  EXPECT_EQ(CountAll(*db), (Counts{1, 1, 1}));

  auto second = db->StoreDocument(OkFetch(kCanonical), "<p>second</p>",
                                  Record(kCanonical, kCanonical, "second text"));
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_FALSE(second->created);
  EXPECT_EQ(second->id, first->id);
  EXPECT_NE(second->fetch_id, first->fetch_id);
  EXPECT_EQ(CountAll(*db), (Counts{1, 2, 1}));

  auto row = db->FindDocument(kCanonical);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->id, first->id);
  EXPECT_EQ(row->url, kCanonical);
  EXPECT_EQ(row->fetched_url, kCanonical);
  EXPECT_EQ(row->text, "second text");
  EXPECT_EQ(row->title, "A title");
  EXPECT_EQ(row->lang, "en");
  EXPECT_EQ(row->script, "Latn");
  EXPECT_EQ(row->kind, "article");
  EXPECT_EQ(row->status, "ok");
  EXPECT_EQ(row->analyzer_version, std::string(kAnalyzerVersion));
  EXPECT_EQ(db->RawBody(first->id), "<p>second</p>");  // the latest body only

  // Both fetches point at the document.
  RawConnection raw(path);
  EXPECT_EQ(raw.Query("SELECT count(*) FROM fetches WHERE document_id = " +
                      std::to_string(first->id)),
            "2");
  EXPECT_EQ(raw.Query("SELECT fetch_id FROM raw"), std::to_string(second->fetch_id));
}

TEST(DatabaseStore, EmptyCanonicalUrlStoresUnderRecordUrl) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("c.db"));
  ASSERT_NE(db, nullptr);
  const std::string kUrl = "https://example.com/plain";
  auto s = db->StoreDocument(OkFetch(kUrl), "body", Record(kUrl, "", "text"));
  ASSERT_TRUE(s.ok()) << s.status().message();
  auto row = db->FindDocument(kUrl);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->id, s->id);
  EXPECT_EQ(row->url, kUrl);
  EXPECT_EQ(row->fetched_url, kUrl);
}

TEST(DatabaseStore, FindByCanonicalOrFetchedUrl) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("f.db"));
  ASSERT_NE(db, nullptr);
  const std::string kCanonical = "https://example.com/c";
  const std::string kFetched = "https://example.com/c?ref=feed";
  auto s = db->StoreDocument(OkFetch(kFetched), "b", Record(kFetched, kCanonical, "t"));
  ASSERT_TRUE(s.ok()) << s.status().message();

  auto by_canonical = db->FindDocument(kCanonical);
  ASSERT_TRUE(by_canonical.has_value());
  EXPECT_EQ(by_canonical->id, s->id);
  EXPECT_EQ(by_canonical->url, kCanonical);
  EXPECT_EQ(by_canonical->fetched_url, kFetched);

  auto by_fetched = db->FindDocument(kFetched);
  ASSERT_TRUE(by_fetched.has_value());
  EXPECT_EQ(by_fetched->id, s->id);

  EXPECT_FALSE(db->FindDocument("https://example.com/other").has_value());
  EXPECT_FALSE(db->FindDocument("").has_value());
}

TEST(DatabaseStore, CanonicalMatchWinsOverFetchedUrlMatch) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("w.db"));
  ASSERT_NE(db, nullptr);
  // Document 1 was fetched from B but is canonically A; document 2 is B itself.
  auto one = db->StoreDocument(OkFetch("https://example.com/B"), "1",
                               Record("https://example.com/B", "https://example.com/A", "1"));
  auto two = db->StoreDocument(OkFetch("https://example.com/B"), "2",
                               Record("https://example.com/B", "", "2"));
  ASSERT_TRUE(one.ok() && two.ok());
  ASSERT_NE(one->id, two->id);
  auto row = db->FindDocument("https://example.com/B");
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->id, two->id);
}

TEST(DatabaseStore, RawBodyRoundTripsBinaryBytes) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("r.db"));
  ASSERT_NE(db, nullptr);

  std::string binary;
  for (int i = 0; i < 256; ++i) binary.push_back(static_cast<char>(i));
  binary += std::string("\0\0\0tail\0", 8);
  std::string big;
  big.reserve(1 << 20);
  uint32_t x = 12345;
  for (size_t i = 0; i < (1u << 20); ++i) {  // 1 MiB, poorly compressible
    x = x * 1103515245u + 12345u;
    big.push_back(static_cast<char>(x >> 24));
  }

  struct Case {
    const char* label;
    std::string body;
  };
  const Case kCases[] = {{"binary with NULs", binary}, {"1 MiB", big}, {"empty", ""}};
  int n = 0;
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.label);
    std::string url = "https://example.com/raw" + std::to_string(n++);
    auto s = db->StoreDocument(OkFetch(url), c.body, Record(url, "", "t"));
    ASSERT_TRUE(s.ok()) << s.status().message();
    std::optional<std::string> back = db->RawBody(s->id);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->size(), c.body.size());
    EXPECT_TRUE(*back == c.body);  // not EXPECT_EQ: a 1 MiB diff is no help
  }
  EXPECT_FALSE(db->RawBody(987654).has_value());
}

TEST(DatabaseStore, RawBodyReadsZlibBodiesOfOlderDatabases) {
  TempDir dir;
  const std::string path = dir.File("z.db");
  auto db = OpenOrDie(path);
  ASSERT_NE(db, nullptr);
  const std::string kUrl = "https://example.com/old";
  auto s = db->StoreDocument(OkFetch(kUrl), "<p>new</p>", Record(kUrl, "", "t"));
  ASSERT_TRUE(s.ok()) << s.status().message();
  RawConnection raw(path);
  EXPECT_EQ(raw.Query("SELECT encoding FROM raw"), "zstd");

  // The body as versions before zstd stored it.
  const std::string body = "<html><body><p>Stargate 5000亿美元</p></body></html>";
  std::string packed(compressBound(body.size()), '\0');
  uLongf n = packed.size();
  ASSERT_EQ(compress(reinterpret_cast<Bytef*>(packed.data()), &n,
                     reinterpret_cast<const Bytef*>(body.data()), body.size()),
            Z_OK);
  std::string hex;
  for (uLongf i = 0; i < n; ++i) {
    char b[3];
    snprintf(b, sizeof b, "%02x", static_cast<unsigned char>(packed[i]));
    hex += b;
  }
  raw.Exec("UPDATE raw SET encoding = 'zlib', size = " + std::to_string(body.size()) +
           ", body = X'" + hex + "' WHERE document_id = " + std::to_string(s->id));
  EXPECT_EQ(db->RawBody(s->id), body);
  // A size that does not match the data is not a body.
  raw.Exec("UPDATE raw SET size = size + 1");
  EXPECT_FALSE(db->RawBody(s->id).has_value());
}

TEST(DatabaseStore, RecordFetchAddsAFetchWithoutDocument) {
  TempDir dir;
  std::string path = dir.File("rf.db");
  auto db = OpenOrDie(path);
  ASSERT_NE(db, nullptr);
  FetchRecord f;
  f.url = "https://example.com/missing";
  f.final_url = "https://example.com/missing";
  f.outcome = "http_error";
  f.http_status = 404;
  f.error = "HTTP 404";
  Result<int64_t> id = db->RecordFetch(f);
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_GT(*id, 0);
  EXPECT_EQ(CountAll(*db), (Counts{0, 1, 0}));

  FetchRecord bare;  // only what is always known
  bare.url = "https://example.com/t";
  bare.outcome = "timeout";
  Result<int64_t> id2 = db->RecordFetch(bare);
  ASSERT_TRUE(id2.ok()) << id2.status().message();
  EXPECT_GT(*id2, *id);

  RawConnection raw(path);
  const std::string where = " FROM fetches WHERE id = " + std::to_string(*id);
  EXPECT_EQ(raw.Query("SELECT outcome" + where), "http_error");
  EXPECT_EQ(raw.Query("SELECT http_status" + where), "404");
  EXPECT_EQ(raw.Query("SELECT error" + where), "HTTP 404");
  EXPECT_EQ(raw.Query("SELECT document_id" + where), "<null>");
  EXPECT_EQ(raw.Query("SELECT content_type" + where), "<null>");  // empty stored as NULL
  EXPECT_EQ(raw.Query("SELECT bytes" + where), "<null>");
  const std::string where2 = " FROM fetches WHERE id = " + std::to_string(*id2);
  EXPECT_EQ(raw.Query("SELECT final_url" + where2), "<null>");
  EXPECT_EQ(raw.Query("SELECT http_status" + where2), "<null>");
}

TEST(DatabaseStore, PublishedIsIsoWithOffsetOrNull) {
  TempDir dir;
  std::string path = dir.File("p.db");
  auto db = OpenOrDie(path);
  ASSERT_NE(db, nullptr);

  AnalysisRecord dated = Record("https://example.com/dated", "", "t");
  dated.published = DateTime{.year = 2025, .month = 10, .day = 12, .has_time = true, .hour = 1,
                             .minute = 32, .second = 0, .utc_offset_minutes = 9 * 60};
  AnalysisRecord utc = Record("https://example.com/utc", "", "t");
  utc.published = DateTime{.year = 2025, .month = 1, .day = 2, .has_time = true, .hour = 3,
                           .minute = 4, .second = 5, .utc_offset_minutes = 0};
  AnalysisRecord day_only = Record("https://example.com/day", "", "t");
  day_only.published = DateTime{.year = 2024, .month = 2, .day = 29, .has_time = false, .hour = 0,
                                .minute = 0, .second = 0, .utc_offset_minutes = std::nullopt};
  AnalysisRecord undated = Record("https://example.com/undated", "", "t");

  for (const AnalysisRecord* r : {&dated, &utc, &day_only, &undated}) {
    ASSERT_TRUE(db->StoreDocument(OkFetch(r->url), "b", *r).ok());
  }
  EXPECT_EQ(db->FindDocument(dated.url)->published, "2025-10-12T01:32:00+09:00");
  EXPECT_EQ(db->FindDocument(utc.url)->published, "2025-01-02T03:04:05Z");
  EXPECT_EQ(db->FindDocument(day_only.url)->published, "2024-02-29");
  EXPECT_EQ(db->FindDocument(undated.url)->published, "");

  RawConnection raw(path);
  EXPECT_EQ(raw.Query("SELECT published FROM documents WHERE url = '" + undated.url + "'"),
            "<null>");
  EXPECT_EQ(raw.Query("SELECT published FROM documents WHERE url = '" + dated.url + "'"),
            "2025-10-12T01:32:00+09:00");
}

// A write that fails half-way (here: the document row violates a CHECK
// constraint) leaves nothing behind: no fetch row, no raw body, no change.
TEST(DatabaseStore, FailedStoreLeavesNoHalfDocument) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("h.db"));
  ASSERT_NE(db, nullptr);
  const std::string kUrl = "https://example.com/x";
  auto good = db->StoreDocument(OkFetch(kUrl), "old body", Record(kUrl, "", "old text"));
  ASSERT_TRUE(good.ok()) << good.status().message();
  const Counts before = CountAll(*db);

  for (const char* url : {"https://example.com/x", "https://example.com/new"}) {
    SCOPED_TRACE(url);
    AnalysisRecord bad = Record(url, "", "new text");
    bad.kind = "not-a-kind";
    auto s = db->StoreDocument(OkFetch(url), "new body", bad);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().exit_code(), 74);
    EXPECT_NE(s.status().message().find(dir.File("h.db")), std::string::npos);
    EXPECT_EQ(CountAll(*db), before);
  }
  auto row = db->FindDocument(kUrl);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->text, "old text");
  EXPECT_EQ(db->RawBody(good->id), "old body");
}

// The one test that waits the busy timeout (5 s).
TEST(DatabaseStore, LockedDatabaseFailsCleanlyAndRecovers) {
  TempDir dir;
  std::string path = dir.File("lock.db");
  auto db = OpenOrDie(path);
  ASSERT_NE(db, nullptr);
  const std::string kUrl = "https://example.com/kept";
  auto kept = db->StoreDocument(OkFetch(kUrl), "kept body", Record(kUrl, "", "kept text"));
  ASSERT_TRUE(kept.ok()) << kept.status().message();
  const Counts before = CountAll(*db);

  {
    RawConnection other(path);
    other.Exec("BEGIN EXCLUSIVE");
    auto start = std::chrono::steady_clock::now();
    auto blocked = db->StoreDocument(OkFetch("https://example.com/blocked"), "b",
                                     Record("https://example.com/blocked", "", "b"));
    auto waited = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(blocked.status().exit_code(), 74);
    EXPECT_NE(blocked.status().message().find(path), std::string::npos)
        << blocked.status().message();
    EXPECT_GE(waited, std::chrono::seconds(4));  // it did wait for the lock
    EXPECT_EQ(CountAll(*db), before);  // WAL: reads still work under the lock
    other.Exec("ROLLBACK");
  }

  EXPECT_EQ(CountAll(*db), before);
  auto row = db->FindDocument(kUrl);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->text, "kept text");
  EXPECT_EQ(db->RawBody(kept->id), "kept body");
  EXPECT_FALSE(db->FindDocument("https://example.com/blocked").has_value());

  auto after = db->StoreDocument(OkFetch("https://example.com/after"), "a",
                                 Record("https://example.com/after", "", "a"));
  ASSERT_TRUE(after.ok()) << after.status().message();
  EXPECT_TRUE(after->created);
  EXPECT_EQ(CountAll(*db), (Counts{before.documents + 1, before.fetches + 1, before.raw + 1}));
}

// ---------------------------------------------------------------------------
// CountRows

TEST(DatabaseStore, StanceAndEvidenceAreStoredAndReplaced) {
  TempDir dir;
  std::string path = dir.File("st.db");
  auto db = OpenOrDie(path);
  ASSERT_NE(db, nullptr);
  const std::string kUrl = "https://example.com/stance";
  AnalysisRecord r = Record(kUrl, "", "It is a bubble. Demand is real.");
  Stance st;
  st.label = StanceLabel::kBubble;
  st.score = -0.25;
  st.bubble = 1.5;
  st.revolution = 0.5;
  SentenceStance title;
  title.in_title = true;
  title.start = 0;
  title.end = 7;
  title.score = -0.5;
  title.weight = 2;
  title.label = StanceLabel::kBubble;
  title.cues = {StanceCue{"泡沫", -1, -1, ""}};
  SentenceStance body;
  body.start = 16;
  body.end = 31;
  body.score = 0.4;
  body.label = StanceLabel::kRevolution;
  body.cues = {StanceCue{"real", 0.6, 0.6, ""}, StanceCue{"\"quoted\"", 0.1, 0.1, ""}};
  body.rules = {"reported view"};
  st.evidence = {title, body};
  r.stance = st;
  auto stored = db->StoreDocument(OkFetch(kUrl), "x", r);
  ASSERT_TRUE(stored.ok()) << stored.status().message();

  std::optional<StanceRow> row = db->Stance(stored->id);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->label, "bubble");
  EXPECT_DOUBLE_EQ(row->score, -0.25);
  EXPECT_DOUBLE_EQ(row->bubble, 1.5);
  EXPECT_DOUBLE_EQ(row->revolution, 0.5);
  EXPECT_EQ(row->analyzer_version, std::string(kAnalyzerVersion));
  ASSERT_EQ(row->evidence.size(), 2u);
  EXPECT_TRUE(row->evidence[0].in_title);
  EXPECT_EQ(row->evidence[0].cues_json, "[\"泡沫\"]");
  EXPECT_DOUBLE_EQ(row->evidence[0].weight, 2.0);
  EXPECT_FALSE(row->evidence[1].in_title);
  EXPECT_EQ(row->evidence[1].start, 16);
  EXPECT_EQ(row->evidence[1].end, 31);
  EXPECT_EQ(row->evidence[1].label, "revolution");
  EXPECT_EQ(row->evidence[1].cues_json, "[\"real\",\"\\\"quoted\\\"\"]");
  EXPECT_EQ(row->evidence[1].rules_json, "[\"reported view\"]");

  // A new analysis replaces the old one; a record without a stance leaves none.
  r.stance->evidence.pop_back();
  ASSERT_TRUE(db->StoreDocument(OkFetch(kUrl), "x", r).ok());
  EXPECT_EQ(db->Stance(stored->id)->evidence.size(), 1u);
  // A text about something else is stored unjudged: the old stance goes, and no new one is written.
  r.stance->off_subject = true;
  ASSERT_TRUE(db->StoreDocument(OkFetch(kUrl), "x", r).ok());
  EXPECT_FALSE(db->Stance(stored->id).has_value());
  EXPECT_EQ(db->CountRows("stance_evidence"), 0);
  r.stance->off_subject = false;
  ASSERT_TRUE(db->StoreDocument(OkFetch(kUrl), "x", r).ok());
  EXPECT_EQ(db->Stance(stored->id)->evidence.size(), 1u);
  r.stance.reset();
  ASSERT_TRUE(db->StoreDocument(OkFetch(kUrl), "x", r).ok());
  EXPECT_FALSE(db->Stance(stored->id).has_value());
  EXPECT_EQ(db->CountRows("stances"), 0);
  EXPECT_EQ(db->CountRows("stance_evidence"), 0);
  EXPECT_FALSE(db->Stance(999).has_value());

  RawConnection raw(path);
  EXPECT_EQ(raw.Query("SELECT count(*) FROM sqlite_master WHERE name IN ('stances', 'stance_evidence')"), "2");
}

TEST(DatabaseCountRows, OnlyTheSchemasTables) {
  TempDir dir;
  std::string path = dir.File("n.db");
  auto db = OpenOrDie(path);
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->StoreDocument(OkFetch("https://example.com/a"), "x",
                                Record("https://example.com/a", "", "a"))
                  .ok());
  EXPECT_EQ(db->CountRows("documents"), 1);
  EXPECT_EQ(db->CountRows("fetches"), 1);
  EXPECT_EQ(db->CountRows("raw"), 1);
  for (const char* table : {"nosuch", "", "DOCUMENTS", "sqlite_master", "documents ",
                            "documents; DROP TABLE documents",
                            "documents WHERE 0; DROP TABLE documents; --"}) {
    SCOPED_TRACE(table);
    EXPECT_EQ(db->CountRows(table), -1);
  }
  EXPECT_EQ(db->CountRows("documents"), 1);  // still there
  RawConnection raw(path);
  EXPECT_EQ(raw.Query("SELECT count(*) FROM sqlite_master WHERE name = 'documents'"), "1");
}

}  // namespace
}  // namespace bw
