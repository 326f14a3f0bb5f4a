// Parsing of publication dates and times: the machine formats pages put in
// their metadata, and the dates people write in the text.
//
//   auto t = bw::ParseDateTime("2025-10-12T01:32:00+09:00");   // ISO 8601 / RFC 3339
//   auto u = bw::ParseDateTime("Sun, 12 Oct 2025 01:32:00 GMT"); // RFC 822 / 1123 (feeds)
//   auto w = bw::FindWrittenDate("发布于 2025年10月12日 01:32 · 阅读");
//   // w->ToIso8601() == "2025-10-12T01:32:00"
#ifndef BUBBLEWATCH_EXTRACTORS_DATE_TEXT_H_
#define BUBBLEWATCH_EXTRACTORS_DATE_TEXT_H_

#include <optional>
#include <string>
#include <string_view>

namespace bw {

// A calendar date with an optional time of day and an optional UTC offset.
struct DateTime {
  int year = 0, month = 0, day = 0;  // month 1-12, day 1-31
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  std::optional<int> utc_offset_minutes;  // absent when the source gave no zone

  // "2025-10-12" (no time), "2025-10-12T01:32:00" (time, no zone),
  // "2025-10-12T01:32:00+09:00" or "...Z" (zone known).
  std::string ToIso8601() const;

  bool operator==(const DateTime&) const = default;
};

// Parses a machine-written date: ISO 8601 / RFC 3339 (with or without time,
// seconds, fraction, zone; "2025-10-12 01:32" with a space too), RFC 822/1123
// as in RSS, and compact "20251012". Surrounding white space is ignored.
// Returns nullopt for anything else or for an impossible date (2025-02-30, hour 25).
std::optional<DateTime> ParseDateTime(std::string_view s);

// Finds the first plausible date written in human text, scanning at most
// `max_bytes` bytes. Understands:
//   2025年10月12日 01:32, 2025年10月12日, 2025/10/12 01:32, 2025/09/23(火) 09:02:11.45,
//   2025-10-12, 2025.10.12, 令和7年10月12日 (Japanese era years), Oct 12, 2025,
//   October 12, 2025 1:32 PM, 12 October 2025, Sun Oct 12 09:12:33 2025 (ctime).
//   Full-width digits are accepted.
// Years outside 1990..2100 are not taken as dates.
std::optional<DateTime> FindWrittenDate(std::string_view text, size_t max_bytes = 4096);

// Finds a month and day written without a year ("10月12日 01:32", "10月12日") and
// gives it the year that puts it last before `reference` (the time the page was
// read), allowing one month into the future for scheduled posts and zones.
std::optional<DateTime> FindMonthDayDate(std::string_view text, const DateTime& reference,
                                         size_t max_bytes = 4096);

// A date in a URL path: /2025/10/12/, /2025-10-12-slug, /20251012/ (years 1900-2099).
std::optional<DateTime> DateFromUrl(std::string_view url);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_DATE_TEXT_H_
