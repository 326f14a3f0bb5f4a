// The current time, for the pipeline (extractors never read the clock: they
// are given a reference time), and the few conversions the crawl needs.
//
//   std::string due = bw::IsoUtc(bw::WallNow() + std::chrono::minutes(30));
//   // "2026-11-24T10:30:00Z": ISO 8601 UTC, which sorts as text
#ifndef BUBBLEWATCH_PIPELINE_CLOCK_H_
#define BUBBLEWATCH_PIPELINE_CLOCK_H_

#include <chrono>
#include <cstdint>
#include <string>

#include "extractors/date_text.h"

namespace bw {

// Now, in UTC, to the second.
DateTime UtcNow();

// The UTC date and time of `seconds` since 1970-01-01T00:00:00Z.
DateTime UtcDateTime(int64_t seconds);

// Now, on the wall clock.
std::chrono::system_clock::time_point WallNow();

// "YYYY-MM-DDTHH:MM:SSZ" in UTC.
std::string IsoUtc(std::chrono::system_clock::time_point t);

// Seconds since 1970-01-01T00:00:00Z of `t`; a missing time of day counts as
// midnight and a missing zone as UTC.
int64_t SecondsSinceEpoch(const DateTime& t);

// "YYYY-MM-DD": the UTC date of Unix time `seconds`.
std::string UtcDate(int64_t seconds);

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_CLOCK_H_
