#include "pipeline/host_schedule.h"

#include <gtest/gtest.h>

namespace bw {
namespace {

using std::chrono::milliseconds;
using Clock = HostSchedule::Clock;

const Clock::time_point kT0 = Clock::time_point{} + std::chrono::hours(1);

TEST(HostSchedule, PerHostDelayCountsFromStartAndFromFinish) {
  HostSchedule s(8, 1, milliseconds(2000));
  const std::string a = "https://a.example";
  EXPECT_TRUE(s.CanStart(a, kT0));
  s.Started(a, kT0);
  EXPECT_FALSE(s.CanStart(a, kT0 + milliseconds(2500)));  // per-host limit 1: still running
  s.Finished(a, kT0 + milliseconds(500));
  // Two seconds after the finish, not after the start.
  EXPECT_FALSE(s.CanStart(a, kT0 + milliseconds(2000)));
  EXPECT_FALSE(s.CanStart(a, kT0 + milliseconds(2499)));
  EXPECT_TRUE(s.CanStart(a, kT0 + milliseconds(2500)));
  EXPECT_EQ(s.NextStart(a), kT0 + milliseconds(2500));
}

TEST(HostSchedule, HostsAreIndependentButShareTheGlobalLimit) {
  HostSchedule s(2, 1, milliseconds(1000));
  s.Started("h1", kT0);
  EXPECT_TRUE(s.CanStart("h2", kT0));
  s.Started("h2", kT0);
  EXPECT_TRUE(s.GlobalLimitReached());
  EXPECT_FALSE(s.CanStart("h3", kT0));  // a third host waits for a free slot
  s.Finished("h1", kT0 + milliseconds(10));
  EXPECT_TRUE(s.CanStart("h3", kT0 + milliseconds(10)));
  EXPECT_FALSE(s.CanStart("h1", kT0 + milliseconds(10)));  // its own delay
  EXPECT_EQ(s.in_flight(), 1);
}

TEST(HostSchedule, PerHostConcurrencyAboveOne) {
  HostSchedule s(8, 3, milliseconds(0));
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(s.CanStart("h", kT0));
    s.Started("h", kT0);
  }
  EXPECT_TRUE(s.HostLimitReached("h"));
  EXPECT_FALSE(s.CanStart("h", kT0));
  s.Finished("h", kT0);
  EXPECT_TRUE(s.CanStart("h", kT0));
}

TEST(HostSchedule, CrawlDelayRaisesButNeverLowersTheDelay) {
  HostSchedule s(8, 1, milliseconds(2000));
  s.SetHostDelay("slow", milliseconds(5000));
  s.SetHostDelay("eager", milliseconds(100));  // below the configured delay: ignored
  EXPECT_EQ(s.HostDelay("slow"), milliseconds(5000));
  EXPECT_EQ(s.HostDelay("eager"), milliseconds(2000));
  EXPECT_EQ(s.HostDelay("unknown"), milliseconds(2000));
  s.Started("slow", kT0);
  s.Finished("slow", kT0);
  EXPECT_FALSE(s.CanStart("slow", kT0 + milliseconds(4999)));
  EXPECT_TRUE(s.CanStart("slow", kT0 + milliseconds(5000)));
}

TEST(HostSchedule, HoldKeepsTheLaterTime) {
  HostSchedule s(8, 1, milliseconds(0));
  s.HoldHost("h", kT0 + milliseconds(3000));
  s.HoldHost("h", kT0 + milliseconds(1000));  // an earlier hold does not shorten it
  EXPECT_FALSE(s.CanStart("h", kT0 + milliseconds(2999)));
  EXPECT_TRUE(s.CanStart("h", kT0 + milliseconds(3000)));
  EXPECT_TRUE(s.CanStart("other", kT0));
}

TEST(HostSchedule, ZeroDelayAllowsBackToBack) {
  HostSchedule s(1, 1, milliseconds(0));
  s.Started("h", kT0);
  s.Finished("h", kT0);
  EXPECT_TRUE(s.CanStart("h", kT0));
  EXPECT_EQ(s.in_flight(), 0);
}

}  // namespace
}  // namespace bw
