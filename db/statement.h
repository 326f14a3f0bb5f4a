// Statement: a prepared SQLite statement with RAII and typed binding. Internal
// to db/ (SQL lives only here).
#ifndef BUBBLEWATCH_DB_STATEMENT_H_
#define BUBBLEWATCH_DB_STATEMENT_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <memory>

namespace bw::db {

class Statement {
 public:
  // Prepares `sql` on `db`; ok() tells whether it worked.
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  // Makes the statement ready to run again with new bindings.
  void Reset() { sqlite3_reset(stmt_); }
  // Unbinds every parameter (NULL again).
  void ClearBindings() { sqlite3_clear_bindings(stmt_); }

  // Parameters are numbered from 1, as in SQLite.
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, int64_t value);
  Statement& BindDouble(int index, double value);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);
  // Binds a pointer of the type named `type` (sqlite3_bind_pointer), such as
  // "fts5_api_ptr"; `type` must be a string constant.
  Statement& BindPointer(int index, void* pointer, const char* type);
  // Binds NULL when `text` is empty.
  Statement& BindOrNull(int index, std::string_view text);
  Statement& BindOrNull(int index, std::optional<int64_t> value);

  // Runs one step: SQLITE_ROW, SQLITE_DONE or an error code.
  int Step();

  int64_t ColumnInt(int col) const;
  bool ColumnIsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  double ColumnDouble(int col) const;
  std::string ColumnText(int col) const;
  std::string ColumnBlob(int col) const;

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// Prepared statements kept for the life of a connection, by their SQL text:
// a document insert runs some twenty statements, and preparing them anew
// each time costs more than running them.
//
//   StatementCache::Use s = cache.Get("SELECT ...");   // bindings cleared
//   if (!s) return Error("cannot prepare ...");
//   s->Bind(1, id);
//   while (s->Step() == SQLITE_ROW) ...
//   // reset when `s` goes out of scope, so no read stays open
class StatementCache {
 public:
  // A statement lent by the cache; resets it when it goes out of scope.
  class Use {
   public:
    explicit Use(Statement* s) : s_(s) {}
    ~Use() {
      if (s_) s_->Reset();
    }
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    explicit operator bool() const { return s_ != nullptr; }
    Statement* operator->() const { return s_; }
    Statement& operator*() const { return *s_; }

   private:
    Statement* s_;
  };

  explicit StatementCache(sqlite3* db) : db_(db) {}
  // The statement for `sql`, ready to bind and run; empty when `sql` does
  // not prepare. REQUIRES: `sql` outlives the cache (a string literal).
  Use Get(const char* sql);

 private:
  sqlite3* db_;
  std::unordered_map<const char*, std::unique_ptr<Statement>> statements_;
};

// A write transaction (BEGIN IMMEDIATE, so the write lock is taken at once and
// a busy database fails here rather than half-way). Rolls back unless committed.
// Inside a transaction that is already open (a batch, see Database::BeginBatch)
// it is a savepoint instead: its writes stay all-or-nothing, and become
// durable when the outer transaction commits.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db), nested_(sqlite3_get_autocommit(db) == 0) {
    ok_ = sqlite3_exec(db_, nested_ ? "SAVEPOINT bw_write" : "BEGIN IMMEDIATE", nullptr, nullptr,
                       nullptr) == SQLITE_OK;
  }
  ~Transaction() {
    if (!ok_ || committed_) return;
    sqlite3_exec(db_, nested_ ? "ROLLBACK TO bw_write; RELEASE bw_write" : "ROLLBACK", nullptr,
                 nullptr, nullptr);
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  bool ok() const { return ok_; }
  bool Commit() {
    committed_ = sqlite3_exec(db_, nested_ ? "RELEASE bw_write" : "COMMIT", nullptr, nullptr,
                              nullptr) == SQLITE_OK;
    return committed_;
  }

 private:
  sqlite3* db_;
  bool nested_;
  bool ok_ = false;
  bool committed_ = false;
};

}  // namespace bw::db

#endif  // BUBBLEWATCH_DB_STATEMENT_H_
