#include "extractors/date_text.h"

#include "extractors/text_util.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string>

namespace bw {
namespace {

using re2::RE2;
using re2::StringPiece;

constexpr size_t kMaxMachineDateLength = 64;  // longer strings are not a date field
constexpr int kMinWrittenYear = 1990, kMaxWrittenYear = 2100;
constexpr int kMaxGroups = 12;
using Groups = std::array<StringPiece, kMaxGroups>;

// English month names and an optional time after an English date (hour, minute, second, a/p).
constexpr std::string_view kMonthName =
    "(?i:(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\\.?";
constexpr std::string_view kEnglishTime =
    R"((?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(?i:([ap])\.?m)\b\.?)?)?)";

std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (std::string_view p : parts) s += p;
  return s;
}

// Every pattern, compiled once on first use and shared (RE2 is thread-safe for matching).
struct Patterns {
  // Machine formats, matched whole.
  // ISO 8601 / RFC 3339: 1 year, 2 month, 3 day, 4 hour, 5 minute, 6 second, 7 zone.
  RE2 iso{R"((\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)"
          R"( ?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?)"};
  // Compact 20251012: 1 year, 2 month, 3 day.
  RE2 compact{R"((\d{4})(\d{2})(\d{2}))"};
  // RFC 822/1123 as in RSS: 1 day, 2 month, 3 year, 4 hour, 5 minute, 6 second, 7 zone. The
  // weekday is not checked against the date: feeds get it wrong more often than the date.
  RE2 rfc822{R"((?:(?i:mon|tue|wed|thu|fri|sat|sun),\s*)?(\d{1,2})\s+)"
             R"((?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))\s+(\d{4})\s+)"
             R"((\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{4}|[A-Za-z]{1,3}))?)"};

  // Written dates, searched for in text whose digits are ASCII (see Normalize).
  // 1 year, 2 era, 3 era year, 4 month, 5 day, 6 half-day word, 7 hour, 8 minute, 9 second,
  // 10 minute after 時/时/点. A weekday in brackets may stand between date and time.
  RE2 cjk{R"((?:(\d{4})|(令和|平成)(\d{1,2}|元))\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号])"
          R"((?:\s*(?:[(（][^)）]{1,4}[)）])?\s*(上午|下午|午前|午後|早上|晚上)?\s*)"
          R"((\d{1,2})(?::(\d{2})(?::(\d{2}))?|[時时点](?:(\d{1,2})分)?))?)"};
  // 2025/10/12 01:32: 1 year, 2 separator, 3 month, 4 separator, 5 day, 6 hour, 7 minute,
  // 8 second.
  // A weekday in brackets ("2025/09/23(火) 09:02:11.45") and a fraction may follow.
  RE2 numeric{R"((\d{4})([/.-])(\d{1,2})([/.-])(\d{1,2}))"
              R"((?:\s*[(（][^)）]{1,4}[)）])?)"
              R"((?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?)"};
  // C's ctime, as PTT and some logs write it, "Sun Oct 12 09:12:33 2025":
  // 1 month, 2 day, 3 hour, 4 minute, 5 second, 6 year.
  RE2 ctime{Cat({R"(\b(?i:mon|tue|wed|thu|fri|sat|sun)\s+)", kMonthName,
                 R"(\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})\b)"})};
  // Oct 12, 2025 1:32 PM: 1 month, 2 day, 3 year, 4-7 time.
  RE2 month_first{Cat({"\\b", kMonthName, R"(\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)",
                       kEnglishTime})};
  // 10月12日 01:32 with no year: 1 month, 2 day, 3 half-day word, 4 hour, 5 minute.
  RE2 month_day{R"((\d{1,2})\s*月\s*(\d{1,2})\s*[日号])"
                R"((?:\s*(上午|下午|午前|午後)?\s*(\d{1,2}):(\d{2}))?)"};
  // A date in a URL path: /2025/10/12/, /2025-10-12-slug, /20251012/: 1 year, 2 month, 3 day.
  RE2 url_date{R"(/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$))"};
  // 12 October 2025: 1 day, 2 month, 3 year, 4-7 time.
  RE2 day_first{Cat({R"(\b(\d{1,2})(?:st|nd|rd|th)?\s+)", kMonthName, R"(,?\s+(\d{4})\b)",
                     kEnglishTime})};
};

const Patterns& GetPatterns() {
  static const Patterns* patterns = new Patterns;  // never destroyed: no exit-time order issues
  return *patterns;
}


// The value of a group of ASCII digits; -1 when the group did not take part.
int Number(StringPiece g) {
  if (g.data() == nullptr || g.empty() || g.size() > 4) return -1;
  int v = 0;
  for (char c : g) v = v * 10 + (c - '0');
  return v;
}

// 1-12 from an English month name or abbreviation (the pattern already checked it).
int MonthFromName(StringPiece name) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string abbr;
  for (char c : name.substr(0, 3)) {
    abbr += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (int i = 0; i < 12; ++i) {
    if (abbr == kMonths[i]) return i + 1;
  }
  return -1;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::optional<DateTime> MakeDate(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > (month == 2 && IsLeap(year) ? 29 : kDays[month - 1])) return std::nullopt;
  DateTime d;
  d.year = year, d.month = month, d.day = day;
  return d;
}

// Sets the time of day; false when there is no such time. A missing second (-1) is 0.
// `half` is 'a' or 'p' for a 12-hour clock, 0 for 24 hours.
bool SetTime(DateTime& d, int hour, int minute, int second, char half) {
  if (half != 0) {
    if (hour < 1 || hour > 12) return false;
    hour = hour % 12 + (half == 'p' ? 12 : 0);
  }
  second = std::max(second, 0);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second > 59) return false;
  d.has_time = true;
  d.hour = hour, d.minute = minute, d.second = second;
  return true;
}

// "Z", "+09", "+0900", "+09:00" as minutes east of UTC.
std::optional<int> ParseOffset(StringPiece z) {
  if (z == "Z" || z == "z") return 0;
  int hours = Number(z.substr(1, 2));
  int minutes = z.size() > 3 ? Number(z.substr(z.size() - 2)) : 0;
  if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) return std::nullopt;
  return (z[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
}

// RFC 822 zone names (and a few Asian ones feeds use) in minutes east of UTC.
struct Zone {
  const char* name;
  int minutes;
};
constexpr Zone kZones[] = {{"UT", 0},     {"UTC", 0},    {"GMT", 0},    {"Z", 0},
                           {"EST", -300}, {"EDT", -240}, {"CDT", -300}, {"MST", -420},
                           {"MDT", -360}, {"PST", -480}, {"PDT", -420}, {"JST", 540},
                           {"KST", 540},  {"HKT", 480}};

std::optional<DateTime> ParseRfc822(const Groups& g) {
  auto d = MakeDate(Number(g[3]), MonthFromName(g[2]), Number(g[1]));
  if (!d || !SetTime(*d, Number(g[4]), Number(g[5]), Number(g[6]), 0)) return std::nullopt;
  if (g[7].empty()) return d;
  if (g[7][0] == '+' || g[7][0] == '-') {
    d->utc_offset_minutes = ParseOffset(g[7]);
    return d->utc_offset_minutes ? d : std::nullopt;
  }
  std::string zone;
  for (char c : g[7]) zone += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  // CST is US Central (-6) in RFC 822 but China Standard (+8) on Chinese sites: keep the
  // wall-clock time and leave the zone to the source's configured time zone.
  if (zone == "CST") return d;
  for (const Zone& z : kZones) {
    if (zone == z.name) {
      d->utc_offset_minutes = z.minutes;
      return d;
    }
  }
  return std::nullopt;
}

// Full-width digits and punctuation (２０２５年１０月１２日) to ASCII, odd spaces to ' ', so
// the written-date patterns need only ASCII digits.
std::string Normalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto b = [&](size_t k) { return i + k < s.size() ? static_cast<uint8_t>(s[i + k]) : 0; };
    if (b(0) == 0xEF && b(1) == 0xBC && b(2) >= 0x8D && b(2) <= 0x9A) {  // U+FF0D..U+FF1A:
      out += static_cast<char>('-' + (b(2) - 0x8D));                      // －．／０-９：
      i += 2;
    } else if (b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) {  // U+3000 ideographic space
      out += ' ';
      i += 2;
    } else if (b(0) == 0xC2 && b(1) == 0xA0) {  // U+00A0 no-break space
      out += ' ';
      i += 1;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::optional<DateTime> BuildCjk(const Groups& g) {
  int year = Number(g[1]);
  if (!g[2].empty()) {
    int era_year = g[3] == "元" ? 1 : Number(g[3]);
    year = era_year < 1 ? -1 : era_year + (g[2] == "令和" ? 2018 : 1988);
  }
  auto d = MakeDate(year, Number(g[4]), Number(g[5]));
  if (d && !g[7].empty()) {
    char half = 0;
    if (g[6] == "上午" || g[6] == "午前" || g[6] == "早上") half = 'a';
    if (g[6] == "下午" || g[6] == "午後" || g[6] == "晚上") half = 'p';
    int minute = g[8].empty() ? std::max(Number(g[10]), 0) : Number(g[8]);
    SetTime(*d, Number(g[7]), minute, Number(g[9]), half);
  }
  return d;
}

std::optional<DateTime> BuildNumeric(const Groups& g) {
  if (g[2] != g[4]) return std::nullopt;  // 2025/10-12 is not a date
  auto d = MakeDate(Number(g[1]), Number(g[3]), Number(g[5]));
  if (d && !g[6].empty()) SetTime(*d, Number(g[6]), Number(g[7]), Number(g[8]), 0);
  return d;
}

// The English time groups start at g[4]: hour, minute, second, a/p.
std::optional<DateTime> WithEnglishTime(std::optional<DateTime> d, const Groups& g) {
  if (d && !g[4].empty()) {
    char half = g[7].empty() ? 0 : (g[7][0] == 'p' || g[7][0] == 'P' ? 'p' : 'a');
    SetTime(*d, Number(g[4]), Number(g[5]), Number(g[6]), half);
  }
  return d;
}

std::optional<DateTime> BuildMonthFirst(const Groups& g) {
  return WithEnglishTime(MakeDate(Number(g[3]), MonthFromName(g[1]), Number(g[2])), g);
}

std::optional<DateTime> BuildDayFirst(const Groups& g) {
  return WithEnglishTime(MakeDate(Number(g[3]), MonthFromName(g[2]), Number(g[1])), g);
}

std::optional<DateTime> BuildCtime(const Groups& g) {
  auto d = MakeDate(Number(g[6]), MonthFromName(g[1]), Number(g[2]));
  if (d && !SetTime(*d, Number(g[3]), Number(g[4]), Number(g[5]), 0)) return std::nullopt;
  return d;
}

struct WrittenForm {
  RE2 Patterns::*pattern;
  std::optional<DateTime> (*build)(const Groups&);
};
constexpr WrittenForm kWrittenForms[] = {{&Patterns::cjk, BuildCjk},
                                         {&Patterns::numeric, BuildNumeric},
                                         {&Patterns::month_first, BuildMonthFirst},
                                         {&Patterns::day_first, BuildDayFirst},
                                         {&Patterns::ctime, BuildCtime}};

struct Found {
  size_t start;
  DateTime date;
};

// The first match of `form` in `text` that is a real date in the accepted years. A match
// must not sit inside a longer number; `cut_number` says the text was cut inside one.
std::optional<Found> FirstDate(const WrittenForm& form, std::string_view text, bool cut_number) {
  const RE2& re = GetPatterns().*form.pattern;
  int n = std::min(re.NumberOfCapturingGroups() + 1, kMaxGroups);
  Groups g;
  size_t pos = 0;
  while (pos < text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, g.data(), n)) {
    size_t start = g[0].data() - text.data(), end = start + g[0].size();
    pos = std::max(end, start + 1);  // every search starts past the last match: linear overall
    bool digit_before = start > 0 && IsAsciiDigit(text[start - 1]);
    bool digit_after = end < text.size() ? IsAsciiDigit(text[end]) : cut_number;
    if (digit_before || digit_after) continue;
    auto d = form.build(g);
    if (d && d->year >= kMinWrittenYear && d->year <= kMaxWrittenYear) return Found{start, *d};
  }
  return std::nullopt;
}

}  // namespace

std::string DateTime::ToIso8601() const {
  char buf[96];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  if (has_time) {
    n += std::snprintf(buf + n, sizeof buf - n, "T%02d:%02d:%02d", hour, minute, second);
    if (utc_offset_minutes == 0) {
      n += std::snprintf(buf + n, sizeof buf - n, "Z");
    } else if (utc_offset_minutes) {
      int m = std::abs(*utc_offset_minutes);
      char sign = *utc_offset_minutes < 0 ? '-' : '+';
      n += std::snprintf(buf + n, sizeof buf - n, "%c%02d:%02d", sign, m / 60, m % 60);
    }
  }
  return std::string(buf, std::min<size_t>(n, sizeof buf - 1));
}

std::optional<DateTime> ParseDateTime(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty() || s.size() > kMaxMachineDateLength) return std::nullopt;
  Groups g;
  auto full_match = [&](const RE2& re) {
    return re.Match(s, 0, s.size(), RE2::ANCHOR_BOTH, g.data(), re.NumberOfCapturingGroups() + 1);
  };
  const Patterns& p = GetPatterns();
  if (full_match(p.iso)) {
    auto d = MakeDate(Number(g[1]), Number(g[2]), Number(g[3]));
    if (!d || g[4].empty()) return d;
    if (!SetTime(*d, Number(g[4]), Number(g[5]), Number(g[6]), 0)) return std::nullopt;
    if (g[7].empty()) return d;
    d->utc_offset_minutes = ParseOffset(g[7]);
    return d->utc_offset_minutes ? d : std::nullopt;
  }
  if (full_match(p.compact)) return MakeDate(Number(g[1]), Number(g[2]), Number(g[3]));
  if (full_match(p.rfc822)) return ParseRfc822(g);
  return std::nullopt;
}

std::optional<DateTime> FindWrittenDate(std::string_view text, size_t max_bytes) {
  std::string_view window = text.substr(0, max_bytes);
  // A digit (ASCII or full-width) right after the window means a number was cut in two.
  std::string next = Normalize(text.substr(window.size(), 3));
  bool cut_number = !next.empty() && IsAsciiDigit(next[0]);
  std::string normalized = Normalize(window);
  std::optional<Found> first;
  for (const WrittenForm& form : kWrittenForms) {
    auto found = FirstDate(form, normalized, cut_number);
    if (found && (!first || found->start < first->start)) first = found;
  }
  if (!first) return std::nullopt;
  return first->date;
}

std::optional<DateTime> FindMonthDayDate(std::string_view text, const DateTime& reference,
                                         size_t max_bytes) {
  std::string normalized = Normalize(text.substr(0, max_bytes));
  const RE2& re = GetPatterns().month_day;
  Groups g;
  size_t pos = 0;
  while (pos < normalized.size() &&
         re.Match(normalized, pos, normalized.size(), RE2::UNANCHORED, g.data(), 6)) {
    size_t start = g[0].data() - normalized.data();
    pos = start + g[0].size();
    if (start > 0 && IsAsciiDigit(normalized[start - 1])) continue;
    // The year closest before the reference: pages are not dated in the future
    // (one month of slack for time zones and scheduled posts).
    int month = Number(g[1]), day = Number(g[2]);
    int year = reference.year;
    if (month > reference.month + 1 || (month == reference.month + 1 && day > reference.day)) {
      --year;
    }
    auto d = MakeDate(year, month, day);
    if (!d) continue;
    if (!g[4].empty()) {
      char half = g[3] == "下午" || g[3] == "午後" ? 'p' : (g[3].empty() ? 0 : 'a');
      SetTime(*d, Number(g[4]), Number(g[5]), -1, half);
    }
    return d;
  }
  return std::nullopt;
}

std::optional<DateTime> DateFromUrl(std::string_view url) {
  Groups g;
  const RE2& re = GetPatterns().url_date;
  if (!re.Match(url, 0, url.size(), RE2::UNANCHORED, g.data(), 4)) return std::nullopt;
  return MakeDate(Number(g[1]), Number(g[2]), Number(g[3]));
}

}  // namespace bw
