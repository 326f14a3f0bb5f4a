#include "db/wal_checkpointer.h"

#include <sqlite3.h>

#include <utility>

namespace bw::db {
namespace {

// A log this many times the threshold is copied by the writer itself.
constexpr int kLongLog = 4;

}  // namespace

Result<std::unique_ptr<WalCheckpointer>> WalCheckpointer::Start(const std::string& path, int pages) {
  if (sqlite3_threadsafe() == 0) return Status::IoError("SQLite was built without threads");
  sqlite3* conn = nullptr;
  // NOMUTEX: the connection is used by the checkpointer's thread alone.
  const int rc = sqlite3_open_v2(path.c_str(), &conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = conn ? sqlite3_errmsg(conn) : sqlite3_errstr(rc);
    sqlite3_close(conn);
    return Status::IoError(path + ": cannot open a checkpoint connection: " + msg);
  }
  // This connection only checkpoints: it must never run one when it closes,
  // which could wait for the writer.
  sqlite3_db_config(conn, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  return std::unique_ptr<WalCheckpointer>(new WalCheckpointer(conn, pages));
}

WalCheckpointer::WalCheckpointer(sqlite3* conn, int pages) : conn_(conn), pages_(pages) {
  thread_ = std::thread([this] { Run(); });
}

WalCheckpointer::~WalCheckpointer() {
  if (writer_ != nullptr) sqlite3_wal_hook(writer_, nullptr, nullptr);
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
  sqlite3_close(conn_);
}

void WalCheckpointer::Attach(sqlite3* writer) {
  writer_ = writer;
  sqlite3_wal_hook(writer, &WalCheckpointer::OnCommit, this);
}

int WalCheckpointer::checkpoints() const {
  std::lock_guard<std::mutex> lock(mu_);
  return checkpoints_;
}

int WalCheckpointer::OnCommit(void* self, sqlite3* db, const char* name, int pages) {
  auto* cp = static_cast<WalCheckpointer*>(self);
  if (pages < cp->requested_at_) cp->requested_at_ = 0;  // the log started again
  if (pages - cp->requested_at_ < cp->pages_) return SQLITE_OK;
  bool wake = false;
  {
    std::lock_guard<std::mutex> lock(cp->mu_);
    if (cp->busy_) return SQLITE_OK;  // the thread is still copying: it is asked again later
    if (pages < kLongLog * cp->pages_) {
      cp->busy_ = cp->due_ = wake = true;
      cp->requested_at_ = pages;
    }
  }
  if (wake) {
    cp->wake_.notify_one();
    return SQLITE_OK;
  }
  // The log is long: copy the rest here, so the next transaction starts it again.
  sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  ++cp->writer_checkpoints_;
  cp->requested_at_ = 0;
  return SQLITE_OK;
}

void WalCheckpointer::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    wake_.wait(lock, [this] { return due_ || stop_; });
    if (stop_) return;
    due_ = false;
    lock.unlock();
    // PASSIVE copies what no reader still needs and never waits. A failure
    // (SQLITE_BUSY while another process checkpoints) is retried at the next
    // commit that finds the log long.
    sqlite3_wal_checkpoint_v2(conn_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
    ++checkpoints_;
    busy_ = false;
  }
}

}  // namespace bw::db
