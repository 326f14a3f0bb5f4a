#include "db/wal_checkpointer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "tests/support/test_files.h"

namespace bw::db {
namespace {

using bw::testing::TempDir;

// A writer's connection to a fresh WAL database with a table of blobs.
class Writer {
 public:
  explicit Writer(const std::string& path) {
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr),
              SQLITE_OK);
    Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
         "CREATE TABLE IF NOT EXISTS blobs (id INTEGER PRIMARY KEY, data BLOB)");
  }
  ~Writer() { sqlite3_close(db_); }
  sqlite3* db() const { return db_; }

  void Exec(const std::string& sql) {
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
  }
  // One transaction that adds about `pages` 4 KiB pages.
  void Commit(int pages) {
    Exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(pages) +
         ") INSERT INTO blobs (data) SELECT randomblob(4000) FROM n");
  }
  // The first column of the first row of `sql`, as text.
  std::string Query(const char* sql) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db_, sql, -1, &s, nullptr);
    std::string out = sqlite3_step(s) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(s, 0)) : "";
    sqlite3_finalize(s);
    return out;
  }
  int64_t Count() { return std::stoll(Query("SELECT count(*) FROM blobs")); }

 private:
  sqlite3* db_ = nullptr;
};

// Waits (up to 20 s, however slow a sanitizer build is) for `done`.
template <typename F>
bool Eventually(F done) {
  for (int i = 0; i < 2000 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return done();
}

TEST(WalCheckpointerTest, CopiesTheLogOnItsThreadAndKeepsItBounded) {
  TempDir dir;
  const std::string path = dir.File("w.db");
  Writer writer(path);
  auto cp = WalCheckpointer::Start(path, /*pages=*/50);
  ASSERT_TRUE(cp.ok()) << cp.status().message();
  (*cp)->Attach(writer.db());

  // Below the threshold nothing is copied.
  writer.Commit(10);
  EXPECT_EQ((*cp)->checkpoints(), 0);
  EXPECT_EQ((*cp)->writer_checkpoints(), 0);

  // Past it, the thread copies; the commit does not wait for it.
  writer.Commit(60);
  EXPECT_TRUE(Eventually([&] { return (*cp)->checkpoints() >= 1; }));
  EXPECT_EQ((*cp)->writer_checkpoints(), 0);

  // A writer that never pauses: the log grows while the thread copies, until
  // the writer copies the rest itself and the log starts again from its
  // beginning. Without that the WAL file would hold every one of the 200 commits.
  for (int i = 0; i < 200; ++i) writer.Commit(30);
  EXPECT_GE((*cp)->writer_checkpoints(), 1);
  const auto wal_bytes = std::filesystem::file_size(path + "-wal");
  EXPECT_LT(wal_bytes, 200u * 30 * 4096 / 4) << "the log never started again";
  EXPECT_EQ(writer.Count(), 10 + 60 + 200 * 30);
}

TEST(WalCheckpointerTest, DetachesCleanlyAndSqliteTakesOverAgain) {
  TempDir dir;
  const std::string path = dir.File("w.db");
  Writer writer(path);
  {
    auto cp = WalCheckpointer::Start(path, 50);
    ASSERT_TRUE(cp.ok());
    (*cp)->Attach(writer.db());
    writer.Commit(60);
  }  // stopped and detached: the writer's commits no longer reach it
  writer.Exec("PRAGMA wal_autocheckpoint=50");
  for (int i = 0; i < 20; ++i) writer.Commit(30);
  EXPECT_EQ(writer.Count(), 60 + 20 * 30);
  EXPECT_EQ(writer.Query("PRAGMA integrity_check"), "ok");
}

TEST(WalCheckpointerTest, FailsWithTheReasonWhenTheDatabaseCannotBeOpened) {
  TempDir dir;
  auto cp = WalCheckpointer::Start(dir.File("missing/w.db"), 50);
  ASSERT_FALSE(cp.ok());
  EXPECT_NE(cp.status().message().find("cannot open a checkpoint connection"), std::string::npos)
      << cp.status().message();
}

}  // namespace
}  // namespace bw::db
