#include "pipeline/host_schedule.h"

#include <algorithm>

namespace bw {

HostSchedule::HostSchedule(int global_limit, int per_host_limit, Duration per_host_delay)
    : global_limit_(global_limit), per_host_limit_(per_host_limit),
      per_host_delay_(per_host_delay) {}

HostSchedule::HostState& HostSchedule::State(const std::string& host) {
  auto [it, added] = hosts_.try_emplace(host);
  if (added) it->second.delay = per_host_delay_;
  return it->second;
}

void HostSchedule::SetHostDelay(const std::string& host, Duration delay) {
  State(host).delay = std::max(per_host_delay_, delay);
}

HostSchedule::Duration HostSchedule::HostDelay(const std::string& host) const {
  auto it = hosts_.find(host);
  return it == hosts_.end() ? per_host_delay_ : it->second.delay;
}

void HostSchedule::HoldHost(const std::string& host, Clock::time_point until) {
  HostState& s = State(host);
  s.next_start = std::max(s.next_start, until);
}

bool HostSchedule::HostLimitReached(const std::string& host) const {
  auto it = hosts_.find(host);
  return it != hosts_.end() && it->second.in_flight >= per_host_limit_;
}

HostSchedule::Clock::time_point HostSchedule::NextStart(const std::string& host) const {
  auto it = hosts_.find(host);
  return it == hosts_.end() ? Clock::time_point{} : it->second.next_start;
}

bool HostSchedule::CanStart(const std::string& host, Clock::time_point now) const {
  return !GlobalLimitReached() && !HostLimitReached(host) && now >= NextStart(host);
}

void HostSchedule::Started(const std::string& host, Clock::time_point now) {
  HostState& s = State(host);
  ++s.in_flight;
  ++in_flight_;
  s.next_start = std::max(s.next_start, now + s.delay);
}

void HostSchedule::Finished(const std::string& host, Clock::time_point now) {
  HostState& s = State(host);
  if (s.in_flight > 0) --s.in_flight;
  if (in_flight_ > 0) --in_flight_;
  s.next_start = std::max(s.next_start, now + s.delay);
}

}  // namespace bw
