// HostSchedule: politeness. Decides whether a request to a host may start now
// under three limits: transfers at once in all (global), transfers at once to
// one host, and a delay between requests to one host — the configured delay,
// raised by a robots.txt Crawl-delay, and holds after a Retry-After or an error.
// Time is passed in, so the rules are tested without sleeping.
//
//   bw::HostSchedule schedule(8, 1, std::chrono::seconds(2));
//   if (schedule.CanStart("https://example.com", now)) {
//     schedule.Started("https://example.com", now);
//     …
//     schedule.Finished("https://example.com", later);
//   }
#ifndef BUBBLEWATCH_PIPELINE_HOST_SCHEDULE_H_
#define BUBBLEWATCH_PIPELINE_HOST_SCHEDULE_H_

#include <chrono>
#include <map>
#include <string>

namespace bw {

class HostSchedule {
 public:
  using Clock = std::chrono::steady_clock;
  using Duration = std::chrono::milliseconds;

  // REQUIRES: global_limit >= 1, per_host_limit >= 1, per_host_delay >= 0.
  HostSchedule(int global_limit, int per_host_limit, Duration per_host_delay);

  // Raises the delay of `host` to `delay` (never below the configured one).
  void SetHostDelay(const std::string& host, Duration delay);
  Duration HostDelay(const std::string& host) const;
  // No request to `host` starts before `until` (a Retry-After, a back-off).
  void HoldHost(const std::string& host, Clock::time_point until);

  // True when a request to `host` may start at `now`.
  bool CanStart(const std::string& host, Clock::time_point now) const;
  // The earliest time a request to `host` could start, ignoring the
  // concurrency limits (which only a finished transfer can lift).
  Clock::time_point NextStart(const std::string& host) const;
  bool GlobalLimitReached() const { return in_flight_ >= global_limit_; }
  bool HostLimitReached(const std::string& host) const;

  void Started(const std::string& host, Clock::time_point now);
  // The delay counts from the end of a request too, so a slow answer does not
  // let the next request follow on its heels.
  void Finished(const std::string& host, Clock::time_point now);

  int in_flight() const { return in_flight_; }

 private:
  struct HostState {
    int in_flight = 0;
    Clock::time_point next_start{};
    Duration delay{0};
  };
  HostState& State(const std::string& host);

  int global_limit_, per_host_limit_;
  Duration per_host_delay_;
  int in_flight_ = 0;
  std::map<std::string, HostState> hosts_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_HOST_SCHEDULE_H_
