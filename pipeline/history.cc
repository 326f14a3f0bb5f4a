#include "pipeline/history.h"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "extractors/date_text.h"
#include "pipeline/clock.h"

namespace bw {
namespace {

constexpr size_t kMaxBuckets = 100000;

std::unique_ptr<icu::TimeZone> ZoneNamed(const std::string& tz) {
  std::string id = tz;
  if (!tz.empty() && (tz[0] == '+' || tz[0] == '-')) id = "GMT" + tz;  // "+08:00"
  std::unique_ptr<icu::TimeZone> zone(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(id)));
  if (!zone || *zone == icu::TimeZone::getUnknown()) return nullptr;
  return zone;
}

// A calendar in `zone` with ISO weeks (Monday first, week 1 holds Thursday).
std::unique_ptr<icu::GregorianCalendar> CalendarIn(const icu::TimeZone& zone) {
  UErrorCode status = U_ZERO_ERROR;
  auto cal = std::make_unique<icu::GregorianCalendar>(zone, status);
  if (U_FAILURE(status)) return nullptr;
  cal->setFirstDayOfWeek(UCAL_MONDAY);
  cal->setMinimalDaysInFirstWeek(4);
  return cal;
}

int Field(const icu::Calendar& cal, UCalendarDateFields f) {
  UErrorCode status = U_ZERO_ERROR;
  return cal.get(f, status);
}

int64_t Seconds(const icu::Calendar& cal) {
  UErrorCode status = U_ZERO_ERROR;
  return static_cast<int64_t>(std::floor(cal.getTime(status) / 1000.0));
}

std::string Label(const icu::Calendar& cal, BucketSize size) {
  char buf[32];
  if (size == BucketSize::kWeek) {
    snprintf(buf, sizeof buf, "%04d-W%02d", Field(cal, UCAL_YEAR_WOY),
             Field(cal, UCAL_WEEK_OF_YEAR));
  } else if (size == BucketSize::kMonth) {
    snprintf(buf, sizeof buf, "%04d-%02d", Field(cal, UCAL_YEAR), Field(cal, UCAL_MONTH) + 1);
  } else {
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", Field(cal, UCAL_YEAR), Field(cal, UCAL_MONTH) + 1,
             Field(cal, UCAL_DATE));
  }
  return buf;
}

std::string LocalIso(const icu::Calendar& cal) {
  const int offset_min = (Field(cal, UCAL_ZONE_OFFSET) + Field(cal, UCAL_DST_OFFSET)) / 60000;
  char buf[48];
  snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", Field(cal, UCAL_YEAR),
           Field(cal, UCAL_MONTH) + 1, Field(cal, UCAL_DATE), Field(cal, UCAL_HOUR_OF_DAY),
           Field(cal, UCAL_MINUTE), Field(cal, UCAL_SECOND), offset_min < 0 ? '-' : '+',
           std::abs(offset_min) / 60, std::abs(offset_min) % 60);
  return buf;
}

// Moves `cal` to the start of the bucket that holds its time.
void ToBucketStart(icu::Calendar& cal, BucketSize size) {
  const int y = Field(cal, UCAL_YEAR), m = Field(cal, UCAL_MONTH), d = Field(cal, UCAL_DATE);
  const int weekday = Field(cal, UCAL_DAY_OF_WEEK);  // Sunday 1 .. Saturday 7
  cal.clear();
  cal.set(y, m, size == BucketSize::kMonth ? 1 : d, 0, 0, 0);
  if (size == BucketSize::kWeek) {
    UErrorCode status = U_ZERO_ERROR;
    cal.add(UCAL_DATE, -((weekday + 5) % 7), status);  // back to Monday
  }
}

void Advance(icu::Calendar& cal, BucketSize size) {
  UErrorCode status = U_ZERO_ERROR;
  if (size == BucketSize::kMonth) {
    cal.add(UCAL_MONTH, 1, status);
  } else {
    cal.add(UCAL_DATE, size == BucketSize::kWeek ? 7 : 1, status);
  }
}

// The two-sided 97.5% quantile of Student's t with `df` degrees of freedom.
double StudentT975(int64_t df) {
  static const double kTable[] = {0,     12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365,
                                  2.306, 2.262,  2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
                                  2.120, 2.110,  2.101, 2.093, 2.086, 2.080, 2.074, 2.069,
                                  2.064, 2.060,  2.056, 2.052, 2.048, 2.045, 2.042};
  if (df <= 30) return kTable[df];
  // Beyond the table, the Cornish-Fisher expansion around the normal
  // quantile is exact to five decimals.
  const double z = 1.959963985, n = static_cast<double>(df);
  const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
  return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n) +
         (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n);
}

// The bucket that holds `t`, or buckets.size().
size_t BucketOf(const std::vector<Bucket>& buckets, int64_t t) {
  auto it = std::upper_bound(buckets.begin(), buckets.end(), t,
                             [](int64_t v, const Bucket& b) { return v < b.start; });
  if (it == buckets.begin()) return buckets.size();
  size_t i = static_cast<size_t>(it - buckets.begin()) - 1;
  return t < buckets[i].end ? i : buckets.size();
}

}  // namespace

std::optional<BucketSize> ParseBucketSize(std::string_view name) {
  if (name == "day") return BucketSize::kDay;
  if (name == "week") return BucketSize::kWeek;
  if (name == "month") return BucketSize::kMonth;
  return std::nullopt;
}

Result<std::vector<Bucket>> MakeBuckets(int64_t from, int64_t to, BucketSize size,
                                        const std::string& tz) {
  auto zone = ZoneNamed(tz);
  if (!zone) return Status::Usage("unknown time zone '" + tz + "' (an IANA name or +HH:MM)");
  if (from >= to) return Status::Usage("the period is empty (--since is not before --until)");
  auto cal = CalendarIn(*zone);
  if (!cal) return Status::Usage("cannot make a calendar for time zone '" + tz + "'");
  UErrorCode status = U_ZERO_ERROR;
  cal->setTime(static_cast<UDate>(from) * 1000.0, status);
  ToBucketStart(*cal, size);
  std::vector<Bucket> buckets;
  while (Seconds(*cal) < to) {
    if (buckets.size() == kMaxBuckets) {
      return Status::Usage("more than 100000 buckets: choose a shorter period or --by week|month");
    }
    Bucket b;
    b.label = Label(*cal, size);
    b.start_local = LocalIso(*cal);
    b.start = Seconds(*cal);
    Advance(*cal, size);
    b.end = Seconds(*cal);
    buckets.push_back(std::move(b));
  }
  return buckets;
}

Status FillBuckets(const HistoryStore& store, HistoryFilter filter, std::vector<Bucket>& buckets) {
  if (buckets.empty()) return Status::OK();
  filter.from = buckets.front().start;
  filter.to = buckets.back().end;
  auto hours = store.HourlyTallies(filter);
  if (!hours.ok()) return hours.status();
  // Whole hours inside a bucket are added at once; the documents of an hour
  // an edge cuts are placed one by one.
  std::vector<int64_t> cut;
  for (const HourTally& h : *hours) {
    const int64_t start = h.hour * 3600, end = start + 3600;
    const size_t i = BucketOf(buckets, start);
    if (i < buckets.size() && end <= buckets[i].end) {
      buckets[i].tally.Add(h.tally);
    } else {
      cut.push_back(h.hour);
    }
  }
  std::vector<std::pair<int64_t, int64_t>> spans;
  for (int64_t hour : cut) {
    spans.emplace_back(std::max(filter.from, hour * 3600),
                       std::min(filter.to, hour * 3600 + 3600));
  }
  auto docs = store.Documents(filter, spans);
  if (!docs.ok()) return docs.status();
  for (const DatedStance& d : *docs) {
    const size_t i = BucketOf(buckets, d.dated_at);
    if (i == buckets.size()) continue;
    buckets[i].tally.Count(d.label, d.score);
  }
  return Status::OK();
}

std::optional<MeanInterval> MeanWithInterval(const StanceTally& t) {
  const int64_t n = t.judged();
  if (n == 0) return std::nullopt;
  MeanInterval m;
  m.mean = t.score_sum / static_cast<double>(n);
  if (n >= 2) {
    const double var = std::max(
        0.0, (t.score_sq - static_cast<double>(n) * m.mean * m.mean) / static_cast<double>(n - 1));
    const double half = StudentT975(n - 1) * std::sqrt(var / static_cast<double>(n));
    m.low = std::max(-1.0, m.mean - half);
    m.high = std::min(1.0, m.mean + half);
  }
  return m;
}

namespace {

// Only "YYYY-MM-DD" and "YYYY-MM-DDThh:mm[:ss][zone]" are taken from a user:
// ParseDateTime also reads RFC 822 and "20251012", which on a command line
// are more likely typing mistakes than meant.
bool HasQueryDateShape(std::string_view s) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  if (s.size() < 10 || !digits(0, 4) || s[4] != '-' || !digits(5, 2) || s[7] != '-' ||
      !digits(8, 2)) {
    return false;
  }
  return s.size() == 10 || s[10] == 'T' || s[10] == 't';
}

}  // namespace

Result<int64_t> ParseQueryDate(const std::string& text, const std::string& tz, bool end_of_day) {
  std::optional<DateTime> d;
  if (HasQueryDateShape(text)) d = ParseDateTime(text);
  if (d && text.size() > 10 && !d->has_time) d.reset();
  if (!d) {
    return Status::Usage("cannot read the date '" + text +
                         "' (YYYY-MM-DD, or ISO 8601 with an offset)");
  }
  if (d->utc_offset_minutes) return SecondsSinceEpoch(*d);
  // A date or time without a zone is read in the query's zone.
  auto zone = ZoneNamed(tz);
  if (!zone) return Status::Usage("unknown time zone '" + tz + "' (an IANA name or +HH:MM)");
  auto cal = CalendarIn(*zone);
  if (!cal) return Status::Usage("cannot make a calendar for time zone '" + tz + "'");
  cal->clear();
  cal->set(d->year, d->month - 1, d->day, d->hour, d->minute, d->second);
  if (end_of_day && !d->has_time) Advance(*cal, BucketSize::kDay);
  return Seconds(*cal);
}

}  // namespace bw
