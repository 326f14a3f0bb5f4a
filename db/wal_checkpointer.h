// WalCheckpointer: copies a database's write-ahead log back into the main file
// on a thread of its own, with a connection of its own, so the connection
// that stores documents never waits for it. SQLite's automatic checkpoint runs
// inside the COMMIT that crosses the threshold; at a million documents that
// was about a tenth of the time a store took.
//
// The writer's connection hands its WAL hook to the checkpointer (Attach):
// after each commit the hook reports the WAL's size, and once `pages` pages
// were added since the last checkpoint the thread runs a PASSIVE one. A
// passive checkpoint takes no lock a writer or reader needs, so it never
// blocks them.
//
// The log only starts again from its beginning when a write transaction
// begins with all of it copied, which a writer that never pauses does not
// see while the thread copies. So when the log reaches `4 * pages` the
// writer copies the little that is left itself, in its commit (as SQLite's
// automatic checkpoint does with all of it), and the next transaction
// starts the log again.
//
//   auto cp = bw::db::WalCheckpointer::Start(path, 10000);
//   if (cp.ok()) (*cp)->Attach(writer_handle);  // else keep wal_autocheckpoint
#ifndef BUBBLEWATCH_DB_WAL_CHECKPOINTER_H_
#define BUBBLEWATCH_DB_WAL_CHECKPOINTER_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/result.h"

struct sqlite3;

namespace bw::db {

class WalCheckpointer {
 public:
  // Opens a second connection to the database at `path` (which must exist
  // and be in WAL mode) and starts the thread. `pages`: the WAL size, in
  // pages, that starts a checkpoint.
  static Result<std::unique_ptr<WalCheckpointer>> Start(const std::string& path, int pages);

  // Detaches from the writer, stops the thread after the checkpoint it is
  // running, and closes its connection.
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Makes `writer`'s commits report to this checkpointer, in place of
  // SQLite's automatic checkpoint.
  // REQUIRES: `writer` outlives this object or is detached by its destructor
  // first (Database destroys the checkpointer before closing its handle).
  void Attach(sqlite3* writer);

  // Checkpoints run so far by the thread, and by the writer (for tests).
  int checkpoints() const;
  int writer_checkpoints() const { return writer_checkpoints_; }

 private:
  WalCheckpointer(sqlite3* conn, int pages);
  static int OnCommit(void* self, sqlite3* db, const char* name, int pages);
  void Run();

  sqlite3* conn_;
  const int pages_;
  sqlite3* writer_ = nullptr;
  // Used by the writer's thread alone (in OnCommit):
  int requested_at_ = 0;        // the log's size when the thread was last woken
  int writer_checkpoints_ = 0;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool due_ = false;      // guarded by mu_
  bool busy_ = false;     // guarded by mu_: a checkpoint is due or running
  bool stop_ = false;     // guarded by mu_
  int checkpoints_ = 0;   // guarded by mu_
  std::thread thread_;
};

}  // namespace bw::db

#endif  // BUBBLEWATCH_DB_WAL_CHECKPOINTER_H_
