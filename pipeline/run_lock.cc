#include "pipeline/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace bw {

Result<std::unique_ptr<RunLock>> RunLock::Acquire(const std::string& database_path) {
  const std::string path = database_path + ".crawl-lock";
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::IoError(path + ": cannot create the crawl lock: " + std::strerror(errno));
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    char buf[32] = {};
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    close(fd);
    if (err != EWOULDBLOCK) {
      return Status::IoError(path + ": cannot lock: " + std::strerror(err));
    }
    std::string holder = n > 0 ? std::string(buf, static_cast<size_t>(n)) : "";
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
    return Status::Busy(database_path + ": another crawl is running" +
                        (holder.empty() ? "" : " (pid " + holder + ")"));
  }
  // The pid is for the message above only; the flock is what counts.
  std::string pid = std::to_string(getpid()) + "\n";
  if (ftruncate(fd, 0) != 0 || pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    // Not fatal: the lock is held; only the message of a second run is poorer.
  }
  return std::unique_ptr<RunLock>(new RunLock(fd, path));
}

RunLock::~RunLock() { close(fd_); }  // closing releases the flock

}  // namespace bw
