// RunLock: one crawl per database at a time. The lock is an flock(2) on a file
// beside the database ("<db>.crawl-lock"), so the kernel releases it when the
// holder exits in any way, kill -9 included: a stale lock never blocks cron.
//
//   auto lock = bw::RunLock::Acquire("bubblewatch.db");
//   if (!lock.ok()) return lock.status().exit_code();  // 75: another crawl runs
#ifndef BUBBLEWATCH_PIPELINE_RUN_LOCK_H_
#define BUBBLEWATCH_PIPELINE_RUN_LOCK_H_

#include <memory>
#include <string>

#include "common/result.h"

namespace bw {

class RunLock {
 public:
  // Takes the lock without waiting. Fails with a Busy status (exit 75) naming
  // the database and the holder's pid when another process holds it, or an
  // I/O status (74) when the lock file cannot be created.
  static Result<std::unique_ptr<RunLock>> Acquire(const std::string& database_path);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

  const std::string& path() const { return path_; }

 private:
  RunLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_RUN_LOCK_H_
