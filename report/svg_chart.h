// Line and stacked-bar charts as standalone SVG, for the report and anything
// else that shows series over time buckets.
//
//   bw::report::LineChart chart;
//   chart.title = "Stance by language";
//   chart.x_labels = {"2026-W44", "2026-W45", "2026-W46"};
//   chart.series.push_back({"en", {0.12, std::nullopt, -0.05}, {}, {}});
//   chart.y_min = -1;
//   chart.y_max = 1;
//   std::string svg = bw::report::RenderLineChart(chart);
//
// The output is one <svg> element in the SVG namespace, well-formed XML, that
// can be written to a file as it is or placed inline in an HTML page. It is
// meant to be read by people and by tests alike:
//   <g class="series" data-series="NAME">      one group per series
//   <circle class="point" data-x="LABEL" data-value="0.120"/>  each line point
//   <rect class="bar" data-x="LABEL" data-value="12.000"/>     each bar segment
//   <polyline class="line"/>      one per run of consecutive values
//   <polygon class="band"/>       one per run of consecutive low/high pairs
//   <text class="tick-y">         y tick labels, <text class="tick-x"> x labels
// data-value always has three decimals, so tests and scripts can compare
// strings.
//
// Why these choices:
// - A missing value is a gap, never zero: "no documents that week" and "a
//   neutral week" must not look alike. A value that is NaN or infinite, or
//   beyond +-1e15, is taken as missing too (it is a bug upstream, and a huge
//   value would make every tick unreadable).
// - Numbers are written with std::to_chars, which ignores the C locale
//   (snprintf would write "0,5" under a German LC_NUMERIC), so the same data
//   always gives the same bytes.
// - Every text (titles, series names, labels) is escaped: they come from web
//   pages and configuration, and the SVG goes inline into an HTML page.
// - Colours come from the Okabe-Ito palette, which stays distinct for the
//   common kinds of colour blindness; past eight series the colours repeat
//   with a dashed line.
// - The font list names CJK fonts first, so Chinese and Japanese names show
//   as glyphs and not as boxes when such a font is installed.
#ifndef BUBBLEWATCH_REPORT_SVG_CHART_H_
#define BUBBLEWATCH_REPORT_SVG_CHART_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bw::report {

struct ChartSeries {
  std::string name;                           // legend text; any language
  std::vector<std::optional<double>> values;  // one per x label; nullopt is a gap
  // An optional confidence band: both the same length as `values`, or the
  // band is not drawn. A bucket with either bound missing is a gap in it.
  std::vector<std::optional<double>> lows, highs;
};

struct LineChart {
  std::string title;
  std::string y_label;
  std::vector<std::string> x_labels;  // bucket labels: "2026-11-02", "2026-W45", "2026-11"
  std::vector<ChartSeries> series;
  // The axis range when both are set and y_min < y_max (stance scores use
  // -1..1); the range grows to round numbers around any value outside it, so
  // no point is ever drawn off the chart. Otherwise the range comes from the
  // data (values and bands) and is widened to round numbers.
  std::optional<double> y_min, y_max;
};

// Stacked bars, one stack per x label, in series order from the bottom. A
// missing or non-positive value adds nothing to a stack (the bars count
// things); the y axis starts at 0.
struct BarChart {
  std::string title, y_label;
  std::vector<std::string> x_labels;
  std::vector<ChartSeries> series;  // values only; lows and highs are ignored
};

// Standalone <svg> elements (xmlns, width, height, viewBox). A chart with no
// x labels or no series says "no data". A series with fewer values than x
// labels has gaps at the end; values past the last label are ignored.
std::string RenderLineChart(const LineChart& chart);
std::string RenderBarChart(const BarChart& chart);

// `text` with &, <, >, " and ' replaced by character references, safe in XML
// and HTML text and in quoted attribute values. The report uses it too.
std::string EscapeXml(std::string_view text);

}  // namespace bw::report

#endif  // BUBBLEWATCH_REPORT_SVG_CHART_H_
