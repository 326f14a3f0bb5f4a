#include "pipeline/run_lock.h"

#include "tests/support/test_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

namespace bw {
namespace {

TEST(RunLock, OneHolderAtATimeAndReleasedOnDestruction) {
  testing::TempDir dir;
  const std::string db = dir.File("bw.db");
  auto first = RunLock::Acquire(db);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ((*first)->path(), db + ".crawl-lock");

  // flock locks belong to the open file, so a second open in the same process
  // is refused just as another process would be.
  auto second = RunLock::Acquire(db);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().exit_code(), 75);
  EXPECT_EQ(second.status().message(),
            db + ": another crawl is running (pid " + std::to_string(getpid()) + ")");

  first = Status::IoError("released");  // destroys the lock
  auto third = RunLock::Acquire(db);
  EXPECT_TRUE(third.ok()) << third.status().message();
}

TEST(RunLock, UnwritableDirectoryIsAnIoError) {
  testing::TempDir dir;
  auto lock = RunLock::Acquire(dir.File("missing/dir/bw.db"));
  ASSERT_FALSE(lock.ok());
  EXPECT_EQ(lock.status().exit_code(), 74);
  EXPECT_EQ(lock.status().message().rfind(dir.File("missing/dir/bw.db.crawl-lock") +
                                              ": cannot create the crawl lock: ",
                                          0),
            0u)
      << lock.status().message();
}

}  // namespace
}  // namespace bw
