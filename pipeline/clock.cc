#include "pipeline/clock.h"

#include <ctime>

namespace bw {

DateTime UtcNow() { return UtcDateTime(static_cast<int64_t>(std::time(nullptr))); }

DateTime UtcDateTime(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  DateTime d;
  d.year = tm.tm_year + 1900;
  d.month = tm.tm_mon + 1;
  d.day = tm.tm_mday;
  d.has_time = true;
  d.hour = tm.tm_hour;
  d.minute = tm.tm_min;
  d.second = tm.tm_sec;
  d.utc_offset_minutes = 0;
  return d;
}

std::chrono::system_clock::time_point WallNow() { return std::chrono::system_clock::now(); }

std::string IsoUtc(std::chrono::system_clock::time_point t) {
  std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int64_t SecondsSinceEpoch(const DateTime& t) {
  // Days from civil (proleptic Gregorian), after H. Hinnant's algorithm.
  int y = t.year - (t.month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int mp = (t.month + 9) % 12;
  int doy = (153 * mp + 2) / 5 + t.day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int64_t days = int64_t{era} * 146097 + doe - 719468;
  int64_t secs = days * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
  return secs - int64_t{t.utc_offset_minutes.value_or(0)} * 60;
}

std::string UtcDate(int64_t seconds) {
  return IsoUtc(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)))
      .substr(0, 10);
}

}  // namespace bw
