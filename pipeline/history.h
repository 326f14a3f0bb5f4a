// History: the stance of stored documents over time, in calendar buckets
// (day, ISO week, month) of a named time zone, with the mean score and its
// 95% confidence interval per bucket.
//
//   auto buckets = MakeBuckets(since, until, BucketSize::kWeek, "Asia/Tokyo");
//   if (!buckets.ok()) return buckets.status();          // unknown zone: usage
//   Status s = FillBuckets(store, filter, *buckets);     // counts every document once
//   for (const Bucket& b : *buckets) {
//     std::optional<MeanInterval> m = MeanWithInterval(b.tally);
//   }
//
// Buckets are counted from hourly rollups; an hour a bucket edge cuts (a
// zone offset of :30 or :45) is counted from its documents, so every zone is
// exact.
#ifndef BUBBLEWATCH_PIPELINE_HISTORY_H_
#define BUBBLEWATCH_PIPELINE_HISTORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "db/history_store.h"

namespace bw {

enum class BucketSize { kDay, kWeek, kMonth };

// "day", "week", "month"; nullopt for anything else.
std::optional<BucketSize> ParseBucketSize(std::string_view name);

struct Bucket {
  std::string label;        // 2026-11-24 | 2026-W48 | 2026-11
  std::string start_local;  // ISO 8601 with the zone's offset: 2026-11-24T00:00:00+09:00
  int64_t start = 0, end = 0;  // Unix seconds, [start, end)
  StanceTally tally;
};

// The buckets of `size` in time zone `tz` (an IANA name such as
// "Asia/Shanghai", "UTC", or an offset "+08:00") that cover [from, to): the
// first starts at the bucket boundary at or before `from`. Fails with a usage
// Status for an unknown zone, from >= to, or more than 100,000 buckets.
Result<std::vector<Bucket>> MakeBuckets(int64_t from, int64_t to, BucketSize size,
                                        const std::string& tz);

// Adds to each bucket the documents of `filter` dated in it (the filter's
// from/to are replaced by the buckets' span). REQUIRES: buckets in order and
// contiguous.
Status FillBuckets(const HistoryStore& store, HistoryFilter filter, std::vector<Bucket>& buckets);

struct MeanInterval {
  double mean = 0;
  std::optional<double> low, high;  // absent for fewer than two judged documents
};

// The mean stance score of the judged documents and its 95% confidence
// interval (Student's t), clipped to [-1, 1]. nullopt when none is judged.
std::optional<MeanInterval> MeanWithInterval(const StanceTally& tally);

// Parses a command-line date: "2026-11-24" is midnight of that day in `tz`,
// "2026-11-24T08:00" that time in `tz`, and an ISO 8601 time with an offset
// or Z is that instant. With `end_of_day`, a bare date means the end of that
// day (for --until, which includes it). Any other form is a usage error.
Result<int64_t> ParseQueryDate(const std::string& text, const std::string& tz, bool end_of_day);

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_HISTORY_H_
