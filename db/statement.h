// Statement: a prepared SQLite statement with RAII and typed binding. Internal
// to db/ (SQL lives only here).
#ifndef BUBBLEWATCH_DB_STATEMENT_H_
#define BUBBLEWATCH_DB_STATEMENT_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

  // Parameters are numbered from 1, as in SQLite.
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, int64_t value);
  Statement& BindDouble(int index, double value);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);
  // Binds NULL when `text` is empty.
  Statement& BindOrNull(int index, std::string_view text);
  Statement& BindOrNull(int index, std::optional<int64_t> value);

  // Runs one step: SQLITE_ROW, SQLITE_DONE or an error code.
  int Step();

  int64_t ColumnInt(int col) const;
  double ColumnDouble(int col) const;
  std::string ColumnText(int col) const;
  std::string ColumnBlob(int col) const;

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// A write transaction (BEGIN IMMEDIATE, so the write lock is taken at once and
// a busy database fails here rather than half-way). Rolls back unless committed.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {
    ok_ = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  ~Transaction() {
    if (ok_ && !committed_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  bool ok() const { return ok_; }
  bool Commit() {
    committed_ = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    return committed_;
  }

 private:
  sqlite3* db_;
  bool ok_ = false;
  bool committed_ = false;
};

}  // namespace bw::db

#endif  // BUBBLEWATCH_DB_STATEMENT_H_
