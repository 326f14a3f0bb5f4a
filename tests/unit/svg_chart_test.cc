#include "report/svg_chart.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <clocale>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tests/support/xml_page.h"

namespace bw::report {
namespace {

using Values = std::vector<std::optional<double>>;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// A chart parsed as strict XML, queried with XPath ("s" is the SVG namespace).
class Svg : public testing::XmlPage {
 public:
  explicit Svg(const std::string& text) : XmlPage(XmlPage::Xml(text)) {}
};

using Strings = std::vector<std::string>;

LineChart Line(const Values& values, std::vector<std::string> labels = {}) {
  LineChart chart;
  chart.title = "t";
  for (size_t i = labels.size(); i < values.size(); ++i) labels.push_back("x" + std::to_string(i));
  chart.x_labels = labels;
  chart.series.push_back({"en", values, {}, {}});
  return chart;
}

TEST(SvgChartTest, RootIsAStandaloneSvgWithACjkFontList) {
  Svg svg(RenderLineChart(Line({0.1, 0.2})));
  ASSERT_TRUE(svg.ok());
  EXPECT_EQ(svg.Strings("/s:svg/@width"), Strings{"900"});
  EXPECT_EQ(svg.Strings("/s:svg/@height"), Strings{"380"});
  EXPECT_EQ(svg.Strings("/s:svg/@viewBox"), Strings{"0 0 900 380"});
  EXPECT_EQ(
      svg.Strings("/s:svg/@font-family"),
      Strings{"\"Noto Sans CJK SC\",\"Noto Sans CJK JP\",\"Source Han Sans SC\",\"PingFang SC\","
              "\"Hiragino Sans\",\"Microsoft YaHei\",sans-serif"});
}

TEST(SvgChartTest, SeriesGroupsCarryTheirNamesVerbatimAndDistinctColours) {
  LineChart chart;
  chart.x_labels = {"2026-W45", "2026-W46"};
  const Strings names = {"en", "中文", "日本語", "de", "fr", "ko", "es"};
  for (const std::string& n : names) chart.series.push_back({n, {0.1, 0.2}, {}, {}});
  Svg svg(RenderLineChart(chart));
  ASSERT_TRUE(svg.ok());
  EXPECT_EQ(svg.Strings("//s:g[@class='series']/@data-series"), names);
  EXPECT_EQ(svg.Strings("//s:g[@class='legend-item']/s:text"), names);
  Strings strokes = svg.Strings("//s:g[@class='series']/s:polyline/@stroke");
  ASSERT_EQ(strokes.size(), names.size());
  EXPECT_EQ(std::set<std::string>(strokes.begin(), strokes.end()).size(), names.size());
}

TEST(SvgChartTest, PointsCarryLabelAndValueWithThreeDecimals) {
  Svg svg(
      RenderLineChart(Line({0.12, -0.05, 1, -0.0001, 123456.78951}, {"a", "b<", "c", "d", "e"})));
  ASSERT_TRUE(svg.ok());
  EXPECT_EQ(svg.Strings("//s:g[@data-series='en']/s:circle[@class='point']/@data-value"),
            (Strings{"0.120", "-0.050", "1.000", "0.000", "123456.790"}));
  EXPECT_EQ(svg.Strings("//s:circle[@class='point']/@data-x"), (Strings{"a", "b<", "c", "d", "e"}));
}

// A missing value splits the line; a point with no neighbour is a circle alone.
struct GapCase {
  Values values;
  size_t polylines, points, alone;
};

TEST(SvgChartTest, MissingValuesAreGapsNotZeros) {
  const std::vector<GapCase> cases = {
      {{1, 2, 3}, 1, 3, 0},
      {{1, std::nullopt, 3}, 0, 2, 2},
      {{1, 2, std::nullopt, 4, 5}, 2, 4, 0},
      {{1, 2, std::nullopt, 4}, 1, 3, 1},
      {{std::nullopt, std::nullopt}, 0, 0, 0},
      {{1, kNaN, 2, 3}, 1, 3, 1},
      {{kInf, 1, 2, -kInf}, 1, 2, 0},
      {{1e300, 1, 2}, 1, 2, 0},
      {{5}, 0, 1, 1},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    Svg svg(RenderLineChart(Line(cases[i].values)));
    ASSERT_TRUE(svg.ok());
    EXPECT_EQ(svg.Count("//s:polyline[@class='line']"), cases[i].polylines);
    EXPECT_EQ(svg.Count("//s:circle[@class='point']"), cases[i].points);
    EXPECT_EQ(svg.Count("//s:circle[@class='point'][@r='3.5']"), cases[i].alone);
    EXPECT_EQ(svg.Count("//s:circle[@data-value='0.000']"), 0u) << "a gap drawn as zero";
  }
}

TEST(SvgChartTest, SplitLinesHoldOnlyTheirOwnPoints) {
  Svg svg(RenderLineChart(Line({1, 2, std::nullopt, 4, 5, 6})));
  ASSERT_TRUE(svg.ok());
  Strings points = svg.Strings("//s:polyline/@points");
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(std::count(points[0].begin(), points[0].end(), ','), 2);
  EXPECT_EQ(std::count(points[1].begin(), points[1].end(), ','), 3);
}

TEST(SvgChartTest, ConfidenceBandIsShadedAndSplitAtGaps) {
  LineChart chart = Line({0.1, 0.2, 0.3, 0.4, 0.5});
  chart.series[0].lows = {0, 0.1, std::nullopt, 0.3, 0.4};
  chart.series[0].highs = {0.2, 0.3, 0.4, 0.5, 0.6};
  Svg svg(RenderLineChart(chart));
  ASSERT_TRUE(svg.ok());
  EXPECT_EQ(svg.Count("//s:g[@data-series='en']/s:polygon[@class='band']"), 2u);

  chart.series[0].lows = {0, 0.1};  // not one per value: no band
  Svg mismatched(RenderLineChart(chart));
  EXPECT_EQ(mismatched.Count("//*[@class='band']"), 0u);
}

TEST(SvgChartTest, ZeroLineOnlyWhenZeroIsInRange) {
  LineChart fixed = Line({0.5, 0.7});
  fixed.y_min = -1;
  fixed.y_max = 1;
  EXPECT_EQ(Svg(RenderLineChart(fixed)).Count("//s:line[@class='zero-line']"), 1u);
  EXPECT_EQ(Svg(RenderLineChart(Line({-2, 3}))).Count("//s:line[@class='zero-line']"), 1u);
  EXPECT_EQ(Svg(RenderLineChart(Line({1, 5}))).Count("//s:line[@class='zero-line']"), 0u);
}

struct TickCase {
  Values values;
  std::optional<double> y_min, y_max;
  Strings ticks;
};

TEST(SvgChartTest, TicksAreRoundNumbers) {
  const std::vector<TickCase> cases = {
      {{0, 7}, {}, {}, {"0", "2", "4", "6", "8"}},
      {{0, 1}, {}, {}, {"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}},
      {{1234, 98765}, {}, {}, {"0", "20000", "40000", "60000", "80000", "100000"}},
      {{-0.3, 0.45}, {}, {}, {"-0.4", "-0.2", "0.0", "0.2", "0.4", "0.6"}},
      {{0.001, 0.004}, {}, {}, {"0.001", "0.002", "0.003", "0.004"}},
      {{0.2, 0.3}, -1, 1, {"-1.0", "-0.5", "0.0", "0.5", "1.0"}},
      {{}, -1, 1, {"-1.0", "-0.5", "0.0", "0.5", "1.0"}},
      {{0.2, 1.7},
       -1,
       1,
       {"-1.0", "-0.5", "0.0", "0.5", "1.0", "1.5", "2.0"}},  // grows, never clips
      {{5, 5}, {}, {}, {"2", "3", "4", "5", "6", "7", "8"}},  // flat
      {{0, 0}, {}, {}, {"-1.0", "-0.5", "0.0", "0.5", "1.0"}},
      {{std::nullopt, kNaN},
       {},
       {},
       {"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}},  // nothing to plot
      {{1, 2},
       1,
       1,
       {"1.0", "1.2", "1.4", "1.6", "1.8", "2.0"}},  // an empty fixed range is ignored
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    LineChart chart = Line(cases[i].values.empty() ? Values{std::nullopt} : cases[i].values);
    chart.y_min = cases[i].y_min;
    chart.y_max = cases[i].y_max;
    Svg svg(RenderLineChart(chart));
    ASSERT_TRUE(svg.ok());
    EXPECT_EQ(svg.Strings("//s:text[@class='tick-y']"), cases[i].ticks);
  }
}

TEST(SvgChartTest, BarTicksStartAtZero) {
  BarChart bars;
  bars.x_labels = {"a", "b"};
  bars.series = {{"en", {3, 1}, {}, {}}, {"zh", {4, std::nullopt}, {}, {}}};
  EXPECT_EQ(Svg(RenderBarChart(bars)).Strings("//s:text[@class='tick-y']"),
            (Strings{"0", "2", "4", "6", "8"}));
  bars.series = {{"en", {0, std::nullopt}, {}, {}}};
  EXPECT_EQ(Svg(RenderBarChart(bars)).Strings("//s:text[@class='tick-y']"),
            (Strings{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}));
}

TEST(SvgChartTest, BarsStackInSeriesOrderAndSkipMissingValues) {
  BarChart bars;
  bars.x_labels = {"a", "b", "c"};
  bars.series = {{"en", {1, std::nullopt, 3}, {}, {}},
                 {"zh", {2, 2, kNaN}, {}, {}},
                 {"ja", {-4, 0, std::nullopt}, {}, {}}};
  Svg svg(RenderBarChart(bars));
  ASSERT_TRUE(svg.ok());
  EXPECT_EQ(svg.Strings("//s:g[@data-series='en']/s:rect/@data-value"),
            (Strings{"1.000", "3.000"}));
  EXPECT_EQ(svg.Strings("//s:g[@data-series='en']/s:rect/@data-x"), (Strings{"a", "c"}));
  EXPECT_EQ(svg.Strings("//s:g[@data-series='zh']/s:rect/@data-x"), (Strings{"a", "b"}));
  EXPECT_EQ(svg.Count("//s:g[@data-series='ja']/s:rect"), 0u);
  // zh's bar at "a" sits on en's.
  double en_top = std::stod(svg.Strings("//s:g[@data-series='en']/s:rect[@data-x='a']/@y")[0]);
  double zh_y = std::stod(svg.Strings("//s:g[@data-series='zh']/s:rect[@data-x='a']/@y")[0]);
  double zh_h = std::stod(svg.Strings("//s:g[@data-series='zh']/s:rect[@data-x='a']/@height")[0]);
  EXPECT_NEAR(zh_y + zh_h, en_top, 0.011);
}

TEST(SvgChartTest, ManyXLabelsAreThinnedOut) {
  struct Case {
    size_t labels;
    Strings shown_first;
    size_t shown;
  };
  for (const Case& c : std::vector<Case>{{1, {"x0"}, 1},
                                         {10, {"x0", "x1"}, 10},
                                         {11, {"x0", "x2"}, 6},
                                         {52, {"x0", "x6"}, 9},
                                         {365, {"x0", "x37"}, 10}}) {
    SCOPED_TRACE(c.labels);
    Svg svg(RenderLineChart(Line(Values(c.labels, 0.5))));
    Strings shown = svg.Strings("//s:text[@class='tick-x']");
    EXPECT_EQ(shown.size(), c.shown);
    EXPECT_EQ(Strings(shown.begin(), shown.begin() + std::min<size_t>(2, shown.size())),
              c.shown_first);
  }
}

TEST(SvgChartTest, TextFromWebPagesIsEscaped) {
  const std::string evil = "<script>alert(1)</script> & \"x\" 'y'";
  LineChart line = Line({1, 2}, {evil, "b"});
  line.title = evil;
  line.y_label = evil;
  line.series[0].name = evil;
  BarChart bar{evil, evil, {evil}, {{evil, {1}, {}, {}}}};
  for (const std::string& out : {RenderLineChart(line), RenderBarChart(bar)}) {
    Svg svg(out);
    ASSERT_TRUE(svg.ok()) << out;
    EXPECT_EQ(svg.Count("//*[local-name()='script']"), 0u);
    EXPECT_EQ(out.find("<script"), std::string::npos);
    EXPECT_EQ(svg.Strings("//s:text[@class='title']"), Strings{evil});
    EXPECT_EQ(svg.Strings("//s:g[@class='series']/@data-series"), Strings{evil});
    EXPECT_EQ(svg.Strings("//s:text[@class='tick-x']")[0], evil);
    EXPECT_EQ(svg.Strings("//@data-x")[0], evil);
  }
}

TEST(SvgChartTest, EmptyChartsSayNoData) {
  LineChart no_labels = Line({});
  no_labels.x_labels.clear();
  LineChart no_series;
  no_series.x_labels = {"a"};
  BarChart no_bars;
  for (const std::string& out :
       {RenderLineChart(no_labels), RenderLineChart(no_series), RenderBarChart(no_bars)}) {
    Svg svg(out);
    ASSERT_TRUE(svg.ok()) << out;
    EXPECT_EQ(svg.Strings("//s:text[@class='no-data']"), Strings{"no data"});
    EXPECT_EQ(svg.Count("//s:g[@class='series']"), 0u);
  }
}

TEST(SvgChartTest, SameDataSameBytesWhateverTheLocale) {
  LineChart chart = Line({0.125, -0.5, std::nullopt, 0.75});
  std::string before = RenderLineChart(chart);
  EXPECT_EQ(RenderLineChart(chart), before);
  std::string old = std::setlocale(LC_NUMERIC, nullptr);
  if (std::setlocale(LC_NUMERIC, "de_DE.UTF-8") == nullptr) GTEST_SKIP() << "no de_DE.UTF-8 locale";
  std::string after = RenderLineChart(chart);
  std::setlocale(LC_NUMERIC, old.c_str());
  EXPECT_EQ(after, before);
}

TEST(SvgChartTest, EscapeXml) {
  struct Case {
    std::string in, out;
  };
  const std::string fffd = "\xEF\xBF\xBD";
  for (const Case& c : std::vector<Case>{
           {"", ""},
           {"a&b", "a&amp;b"},
           {"<b>", "&lt;b&gt;"},
           {"\"'", "&quot;&#39;"},
           {"中文 日本語 😀", "中文 日本語 😀"},
           {"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
           {"a\x01"
            "b\x1f",
            "a b "},                              // not allowed in XML
           {"\xff", fffd},                        // not UTF-8
           {"\xe4\xb8", fffd + fffd},             // cut short
           {"\xc0\xaf", fffd + fffd},             // overlong
           {"\xed\xa0\x80", fffd + fffd + fffd},  // a surrogate
           {"\xef\xbf\xbe", fffd + fffd + fffd},  // U+FFFE
       }) {
    EXPECT_EQ(EscapeXml(c.in), c.out) << c.in;
  }
}

}  // namespace
}  // namespace bw::report
