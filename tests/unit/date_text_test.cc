#include "extractors/date_text.h"

#include <gtest/gtest.h>

#include <string>

namespace bw {
namespace {

// Expected results are written as ToIso8601() strings; "" means nullopt.
struct Case {
  const char* name;
  std::string input;
  const char* expected;
};

std::string Iso(const std::optional<DateTime>& d) { return d ? d->ToIso8601() : ""; }

std::string Repeat(std::string_view s, size_t bytes) {
  std::string out;
  while (out.size() < bytes) out += s;
  return out;
}

auto CaseName = [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; };

class DateParseTest : public ::testing::TestWithParam<Case> {};

TEST_P(DateParseTest, Parses) {
  EXPECT_EQ(Iso(ParseDateTime(GetParam().input)), GetParam().expected);
}

// A zero offset prints as "Z" (the header's form); a known non-zero one as +hh:mm.
INSTANTIATE_TEST_SUITE_P(
    Date, DateParseTest,
    ::testing::Values(
        Case{"IsoDate", "2025-10-12", "2025-10-12"},
        Case{"IsoMinutes", "2025-10-12T01:32", "2025-10-12T01:32:00"},
        Case{"IsoUtc", "2025-10-12T01:32:05Z", "2025-10-12T01:32:05Z"},
        Case{"IsoFractionAndOffset", "2025-10-12T01:32:05.123+09:00", "2025-10-12T01:32:05+09:00"},
        Case{"IsoOffsetWithoutColon", "2025-10-12T01:32:05+0900", "2025-10-12T01:32:05+09:00"},
        Case{"IsoOffsetHoursOnly", "2025-10-12T01:32:05+08", "2025-10-12T01:32:05+08:00"},
        Case{"IsoSpace", "2025-10-12 01:32:05", "2025-10-12T01:32:05"},
        Case{"IsoNegativeOffset", "2025-10-12T01:32:05-04:00", "2025-10-12T01:32:05-04:00"},
        Case{"IsoHalfHourOffset", "2025-10-12T01:32:05+05:30", "2025-10-12T01:32:05+05:30"},
        Case{"SurroundingSpace", " \t2025-10-12T01:32:05Z\n", "2025-10-12T01:32:05Z"},
        Case{"LeapDay", "2024-02-29", "2024-02-29"},
        Case{"Rfc822Gmt", "Sun, 12 Oct 2025 01:32:00 GMT", "2025-10-12T01:32:00Z"},
        Case{"Rfc822Offset", "Sun, 12 Oct 2025 01:32:00 +0800", "2025-10-12T01:32:00+08:00"},
        Case{"Rfc822NoWeekdayEst", "12 Oct 2025 01:32 EST", "2025-10-12T01:32:00-05:00"},
        Case{"Rfc822Edt", "Sun, 12 Oct 2025 01:32:00 EDT", "2025-10-12T01:32:00-04:00"},
        Case{"Rfc822Pst", "Sun, 12 Oct 2025 01:32:00 PST", "2025-10-12T01:32:00-08:00"},
        Case{"Rfc822Pdt", "Sun, 12 Oct 2025 01:32:00 PDT", "2025-10-12T01:32:00-07:00"},
        Case{"Rfc822Jst", "Sun, 12 Oct 2025 01:32:00 JST", "2025-10-12T01:32:00+09:00"},
        Case{"Rfc822Ut", "Sun, 12 Oct 2025 01:32:00 UT", "2025-10-12T01:32:00Z"},
        // CST is US Central in RFC 822 but China Standard Time on Chinese sites: no zone.
        Case{"Rfc822CstHasNoZone", "Sun, 12 Oct 2025 01:32:00 CST", "2025-10-12T01:32:00"},
        Case{"Rfc822NoZone", "Sun, 12 Oct 2025 01:32:00", "2025-10-12T01:32:00"},
        Case{"Rfc822UpperCase", "SUN, 12 OCT 2025 01:32:00 GMT", "2025-10-12T01:32:00Z"},
        Case{"Compact", "20251012", "2025-10-12"},
        Case{"NotALeapYear", "2025-02-29", ""},
        Case{"Century", "1900-02-29", ""},
        Case{"February30", "2025-02-30", ""},
        Case{"Month13", "2025-13-01", ""},
        Case{"Hour25", "2025-10-12T25:00", ""},
        Case{"Minute60", "2025-10-12T01:60", ""},
        Case{"BadOffset", "2025-10-12T01:32:05+25:00", ""},
        Case{"Word", "hello", ""},
        Case{"Empty", "", ""},
        Case{"Blank", "   ", ""},
        Case{"YearOnly", "2025", ""},
        Case{"YearMonth", "2025-10", ""},
        Case{"CompactBadDay", "20251032", ""},
        Case{"Rfc822UnknownMonth", "Sun, 12 Foo 2025 01:32:00 GMT", ""},
        Case{"Rfc822UnknownZone", "Sun, 12 Oct 2025 01:32:00 XYZ", ""},
        Case{"TrailingText", "2025-10-12 and more", ""},
        Case{"AbsurdLength", "2025-10-12T01:32:05" + std::string(10000, ' ') + "Z", ""},
        Case{"AbsurdFraction", "2025-10-12T01:32:05." + std::string(100, '1') + "Z", ""}),
    CaseName);

TEST(DateTimeTest, ZoneFieldsAndIsoForms) {
  auto utc = ParseDateTime("2025-10-12T01:32:05Z");
  ASSERT_TRUE(utc);
  EXPECT_EQ(utc->utc_offset_minutes, 0);
  auto local = ParseDateTime("2025-10-12T01:32:05");
  ASSERT_TRUE(local);
  EXPECT_FALSE(local->utc_offset_minutes);
  auto east = ParseDateTime("2025-10-12T01:32:05.123+09:00");
  ASSERT_TRUE(east);
  EXPECT_EQ(*east, (DateTime{2025, 10, 12, true, 1, 32, 5, 540}));
  EXPECT_EQ((DateTime{2025, 1, 2, false, 0, 0, 0, std::nullopt}).ToIso8601(), "2025-01-02");
  EXPECT_EQ((DateTime{2025, 1, 2, true, 3, 4, 5, -90}).ToIso8601(), "2025-01-02T03:04:05-01:30");
}

class DateWrittenTest : public ::testing::TestWithParam<Case> {};

TEST_P(DateWrittenTest, Finds) {
  EXPECT_EQ(Iso(FindWrittenDate(GetParam().input)), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Date, DateWrittenTest,
    ::testing::Values(
        Case{"CjkWithTime", "2025年10月12日 01:32", "2025-10-12T01:32:00"},
        Case{"CjkDateOnly", "2025年10月12日", "2025-10-12"},
        Case{"CjkAfternoon", "2025年10月12日 下午3:05", "2025-10-12T15:05:00"},
        Case{"JapaneseAfternoon", "2025年10月12日 午後3時5分", "2025-10-12T15:05:00"},
        Case{"JapaneseWeekday", "2025年10月12日(日) 10:30", "2025-10-12T10:30:00"},
        Case{"ChineseHao", "2025年10月12号", "2025-10-12"},
        Case{"InSentence", "发布于 2025年10月12日 01:32 · 阅读", "2025-10-12T01:32:00"},
        Case{"Slashes", "2025/10/12 01:32", "2025-10-12T01:32:00"},
        Case{"Dashes", "更新：2025-10-12", "2025-10-12"},
        Case{"Dots", "2025.10.12", "2025-10-12"},
        Case{"IsoInText", "posted 2025-10-12T01:32:05Z by", "2025-10-12T01:32:05"},
        Case{"Reiwa", "令和7年10月12日", "2025-10-12"},
        Case{"ReiwaGannen", "令和元年5月1日", "2019-05-01"},
        Case{"Heisei", "平成31年4月30日", "2019-04-30"},
        Case{"MonthFirst", "Oct 12, 2025", "2025-10-12"},
        Case{"MonthFirstPm", "October 12, 2025 1:32 PM", "2025-10-12T13:32:00"},
        Case{"MonthFirstMidnight", "Oct 12, 2025 at 12:30 a.m.", "2025-10-12T00:30:00"},
        Case{"DayFirst", "12 October 2025", "2025-10-12"},
        Case{"Sept", "Sept. 5, 2025", "2025-09-05"},
        Case{"Ordinal", "Published on March 3rd, 2025", "2025-03-03"},
        Case{"FullWidth", "２０２５年１０月１２日", "2025-10-12"},
        Case{"FullWidthTime", "２０２５年１０月１２日　１８：００", "2025-10-12T18:00:00"},
        Case{"FirstOfSeveral", "2025年10月12日 ... 2024-01-01 ... Oct 1, 2023", "2025-10-12"},
        Case{"EarliestFormWins", "Oct 1, 2023 then 2025年10月12日", "2023-10-01"},
        Case{"ChineseMiddle",
             "据报道，OpenAI 已启动价值 3000 亿美元的硬体扩张计划。本文发布于2025年10月10日，"
             "作者认为这并非泡沫。",
             "2025-10-10"},
        Case{"Range", "活动时间:2025年10月24日 18:00 – 11月4日 24:00(UTC+8)", "2025-10-24T18:00:00"},
        Case{"ImpossibleTimeKeepsDate", "2025年11月4日 24:00", "2025-11-04"},
        Case{"ImpossibleDaySkipped", "2025年2月30日，然后2025年3月1日", "2025-03-01"},
        Case{"TooOldSkipped", "1850年10月12日 与 2025年10月12日", "2025-10-12"},
        Case{"Billions", "1000亿美元", ""},
        Case{"Gigawatts", "10GW", ""},
        Case{"SpacedBillions", "3000 亿美元", ""},
        Case{"YearOnly", "2026年下半年", ""},
        Case{"NoYear", "10月12日", ""},
        Case{"Year1850", "1850年10月12日", ""},
        Case{"Year2300", "2300年10月12日", ""},
        Case{"InsideLongerNumber", "12025年10月12日", ""},
        Case{"MixedSeparators", "2025/10-12", ""},
        Case{"MonthWordWithoutDay", "October 2025", ""},
        Case{"Empty", "", ""},
        Case{"InvalidUtf8",
             "\xff\xfe" "2025\xe5\xb9\xb4\xe4\xb8\x80\x80月12日 \xc3 2025年10月12日\xf0",
             "2025-10-12"}),
    CaseName);

TEST(DateWrittenScanTest, ScansOnlyMaxBytes) {
  std::string text = Repeat("没有日期的文字。", 5000) + "2025年10月12日";
  ASSERT_GT(text.size(), 4096u);
  EXPECT_FALSE(FindWrittenDate(text));
  EXPECT_FALSE(FindWrittenDate(text, text.size() - 1));
  EXPECT_EQ(Iso(FindWrittenDate(text, text.size())), "2025-10-12");
}

TEST(DateWrittenScanTest, NumberCutByTheLimitIsNotADate) {
  std::string text = "Updated 2025-10-12";
  EXPECT_FALSE(FindWrittenDate(text, text.size() - 1));  // would read as 2025-10-01
  std::string full_width = "２０２５/１０/１２";  // the limit falls before the last "２"
  EXPECT_FALSE(FindWrittenDate(full_width, full_width.size() - 3));
}

TEST(DateWrittenScanTest, LargeNoisyInputIsBounded) {
  std::string noise = Repeat("2025年2月30日 1000亿 12:30 Oct 99, 2025 2025/13/45 \xff", 1 << 20);
  EXPECT_FALSE(FindWrittenDate(noise, noise.size()));
  EXPECT_EQ(Iso(FindWrittenDate(noise + "2025年10月12日", noise.size() + 64)), "2025-10-12");
}

}  // namespace
}  // namespace bw
