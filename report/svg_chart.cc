#include "report/svg_chart.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>

namespace bw::report {
namespace {

// The canvas, and the plot area inside it: the title above, tick labels
// below and left, the legend on the right.
constexpr int kWidth = 900;
constexpr int kHeight = 380;
constexpr double kLeft = 72, kRight = 720, kTop = 48, kBottom = 330;
constexpr double kLegendX = 736;
constexpr size_t kLegendRows = 14;  // what fits beside the plot area
// A date label at 11px is about 60px wide, so ten of them fit under the plot.
constexpr size_t kMaxXLabels = 10;
constexpr double kMaxMagnitude = 1e15;

constexpr char kFontFamily[] =
    "\"Noto Sans CJK SC\",\"Noto Sans CJK JP\",\"Source Han Sans SC\",\"PingFang SC\","
    "\"Hiragino Sans\",\"Microsoft YaHei\",sans-serif";
// Okabe and Ito (2008), without the yellow, which is unreadable on white.
constexpr const char* kPalette[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                    "#56B4E9", "#D55E00", "#000000"};
constexpr size_t kColours = sizeof(kPalette) / sizeof(kPalette[0]);

// `v` with `decimals` digits after the point, never "-0.00".
std::string Fixed(double v, int decimals) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::fixed, decimals);
  std::string s(buf, ec == std::errc() ? end : buf);
  if (!s.empty() && s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}
std::string Px(double v) { return Fixed(v, 2); }

std::optional<double> At(const std::vector<std::optional<double>>& v, size_t i) {
  bool ok = i < v.size() && v[i] && std::isfinite(*v[i]) && std::fabs(*v[i]) <= kMaxMagnitude;
  return ok ? v[i] : std::nullopt;
}

// The runs [first, last) of consecutive indices below `n` where `present` holds.
template <typename Present>
std::vector<std::pair<size_t, size_t>> Runs(size_t n, Present present) {
  std::vector<std::pair<size_t, size_t>> runs;
  for (size_t i = 0, j = 0; i < n; i = std::max(j, i + 1)) {
    for (j = i; j < n && present(j);) ++j;
    if (j > i) runs.emplace_back(i, j);
  }
  return runs;
}

struct Axis {
  double lo = 0, hi = 1;
  std::vector<double> ticks;
  int decimals = 0;
};

// Ticks at 1, 2 or 5 times a power of ten, about five of them (Heckbert,
// "Nice numbers for graph labels", Graphics Gems, 1990). With `exact` the
// range stays [lo, hi] and only ticks inside it are kept; otherwise the
// range grows to the nearest ticks outside the data.
Axis NiceAxis(double lo, double hi, bool exact) {
  if (hi - lo <= 1e-9 * std::max({1.0, std::fabs(lo), std::fabs(hi)})) {
    double pad = lo == 0 ? 1 : std::fabs(lo) / 2;  // a flat line in the middle
    lo -= pad;
    hi += pad;
    exact = false;
  }
  double raw = (hi - lo) / 4;
  int e = static_cast<int>(std::floor(std::log10(raw)));
  double f = raw / std::pow(10.0, e);
  long long m = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
  if (m == 10) {
    m = 1;
    ++e;
  }
  // i * m / 10^-e rather than i * m * 10^e: 3 * 2 / 10 is 0.6, 3 * 2 * 0.1 is not.
  auto tick = [&](long long i) {
    return e >= 0 ? static_cast<double>(i * m) * std::pow(10.0, e)
                  : static_cast<double>(i * m) / std::pow(10.0, -e);
  };
  double step = tick(1);
  auto first =
      static_cast<long long>(exact ? std::ceil(lo / step - 1e-9) : std::floor(lo / step + 1e-9));
  auto last =
      static_cast<long long>(exact ? std::floor(hi / step + 1e-9) : std::ceil(hi / step - 1e-9));
  Axis axis;
  axis.lo = exact ? lo : tick(first);
  axis.hi = exact ? hi : tick(last);
  for (long long i = first; i <= last; ++i) axis.ticks.push_back(tick(i));
  axis.decimals = std::max(0, -e);
  return axis;
}

double X(size_t i, size_t n) {
  return kLeft + (static_cast<double>(i) + 0.5) * (kRight - kLeft) / n;
}
double Y(const Axis& a, double v) {
  return kBottom - (v - a.lo) / (a.hi - a.lo) * (kBottom - kTop);
}

// "x,y" of bucket `i` of `v`, which has a value there.
std::string Point(const std::vector<std::optional<double>>& v, size_t i, size_t n, const Axis& a) {
  return Px(X(i, n)) + "," + Px(Y(a, *At(v, i)));
}

std::string Colour(size_t k) { return kPalette[k % kColours]; }
// Past the palette, lines repeat its colours dashed.
std::string Dash(size_t k) { return k < kColours ? "" : " stroke-dasharray=\"6 3\""; }

// A <line> from (x1, y1) to (x2, y2), and a <text> at (x, y) holding `text`,
// each on a line of its own; `rest` is their other attributes.
std::string LineTo(double x1, double y1, double x2, double y2, const std::string& rest) {
  return "<line x1=\"" + Px(x1) + "\" y1=\"" + Px(y1) + "\" x2=\"" + Px(x2) + "\" y2=\"" + Px(y2) +
         "\" " + rest + "/>\n";
}
std::string TextAt(double x, double y, const std::string& rest, std::string_view text) {
  return "<text x=\"" + Px(x) + "\" y=\"" + Px(y) + "\" " + rest + ">" + EscapeXml(text) +
         "</text>\n";
}

void Open(std::string& out, const std::string& title) {
  std::string w = std::to_string(kWidth), h = std::to_string(kHeight);
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h +
         "\" viewBox=\"0 0 " + w + " " + h + "\" role=\"img\" aria-label=\"" + EscapeXml(title) +
         "\" font-family=\"" + EscapeXml(kFontFamily) + "\" font-size=\"12\">\n";
  out += "<rect class=\"background\" width=\"" + w + "\" height=\"" + h + "\" fill=\"#ffffff\"/>\n";
  if (!title.empty()) {
    out += TextAt(kLeft, 28,
                  "class=\"title\" font-size=\"16\" font-weight=\"bold\" fill=\"#222222\"", title);
  }
}

std::string NoData(const std::string& title) {
  std::string out;
  Open(out, title);
  out += TextAt(kWidth / 2.0, kHeight / 2.0,
                "class=\"no-data\" text-anchor=\"middle\" fill=\"#666666\"", "no data") +
         "</svg>\n";
  return out;
}

// Grid, axes, tick labels and the axis label.
void Frame(std::string& out, const Axis& axis, const std::vector<std::string>& x_labels,
           const std::string& y_label) {
  out += "<g class=\"y-axis\" fill=\"#444444\">\n";
  for (double t : axis.ticks) {
    out += LineTo(kLeft, Y(axis, t), kRight, Y(axis, t), "class=\"grid\" stroke=\"#e6e6e6\"");
    out += TextAt(kLeft - 8, Y(axis, t) + 4, "class=\"tick-y\" text-anchor=\"end\"",
                  Fixed(t, axis.decimals));
  }
  out += "</g>\n<g class=\"x-axis\" fill=\"#444444\" font-size=\"11\">\n";
  size_t n = x_labels.size();
  size_t every = (n + kMaxXLabels - 1) / kMaxXLabels;
  for (size_t i = 0; i < n; i += every) {
    out += LineTo(X(i, n), kBottom, X(i, n), kBottom + 5, "class=\"tick\" stroke=\"#888888\"");
    if (!x_labels[i].empty()) {
      out += TextAt(X(i, n), kBottom + 19, "class=\"tick-x\" text-anchor=\"middle\"", x_labels[i]);
    }
  }
  out += "</g>\n<path class=\"axis\" d=\"M" + Px(kLeft) + " " + Px(kTop) + "V" + Px(kBottom) + "H" +
         Px(kRight) + "\" fill=\"none\" stroke=\"#888888\"/>\n";
  if (!y_label.empty()) {  // rotated about its own origin, so placed by the transform alone
    out += TextAt(0, 0,
                  "class=\"y-label\" transform=\"translate(18 " + Px((kTop + kBottom) / 2) +
                      ") rotate(-90)\" text-anchor=\"middle\" fill=\"#444444\"",
                  y_label);
  }
}

void Legend(std::string& out, const std::vector<ChartSeries>& series, bool bars) {
  out += "<g class=\"legend\">\n";
  for (size_t k = 0; k < series.size(); ++k) {
    double y = kTop + 6 + 20.0 * static_cast<double>(k);
    if (k + 1 == kLegendRows && series.size() > kLegendRows) {
      out += TextAt(kLegendX, y + 4, "class=\"legend-more\" fill=\"#444444\"",
                    "+" + std::to_string(series.size() - k) + " more");
      break;
    }
    out += "<g class=\"legend-item\">";
    if (bars) {
      out += "<rect x=\"" + Px(kLegendX) + "\" y=\"" + Px(y - 6) +
             "\" width=\"12\" height=\"12\" fill=\"" + Colour(k) + "\"/>";
    } else {
      out += LineTo(kLegendX, y, kLegendX + 16, y,
                    "stroke=\"" + Colour(k) + "\" stroke-width=\"2.5\"" + Dash(k));
    }
    if (!series[k].name.empty()) {
      out += TextAt(kLegendX + 22, y + 4, "fill=\"#222222\"", series[k].name);
    }
    out += "</g>\n";
  }
  out += "</g>\n";
}

std::string OpenSeries(const ChartSeries& s, size_t k) {
  return "<g class=\"series\" data-series=\"" + EscapeXml(s.name) + "\" data-index=\"" +
         std::to_string(k) + "\">\n";
}

std::string DataAttrs(const std::string& label, double v) {
  return " data-x=\"" + EscapeXml(label) + "\" data-value=\"" + Fixed(v, 3) + "\"";
}

bool HasBand(const ChartSeries& s) {
  return !s.lows.empty() && s.lows.size() == s.values.size() && s.highs.size() == s.values.size();
}

void Band(std::string& out, const ChartSeries& s, size_t n, const Axis& axis,
          const std::string& colour) {
  auto both = [&](size_t i) { return At(s.lows, i) && At(s.highs, i); };
  for (auto [first, last] : Runs(n, both)) {
    if (last - first == 1) {  // one bucket alone: a bar from low to high
      out += LineTo(
          X(first, n), Y(axis, *At(s.lows, first)), X(first, n), Y(axis, *At(s.highs, first)),
          "class=\"band\" stroke=\"" + colour + "\" stroke-opacity=\"0.3\" stroke-width=\"4\"");
      continue;
    }
    std::string points;
    for (size_t i = first; i < last; ++i) points += Point(s.highs, i, n, axis) + " ";
    for (size_t i = last; i-- > first;) points += Point(s.lows, i, n, axis) + " ";
    points.pop_back();
    out += "<polygon class=\"band\" points=\"" + points + "\" fill=\"" + colour +
           "\" fill-opacity=\"0.15\" stroke=\"none\"/>\n";
  }
}

}  // namespace

std::string RenderLineChart(const LineChart& chart) {
  if (chart.x_labels.empty() || chart.series.empty()) return NoData(chart.title);
  size_t n = chart.x_labels.size();
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  auto see = [&](std::optional<double> v) {
    lo = v ? std::min(lo, *v) : lo;
    hi = v ? std::max(hi, *v) : hi;
  };
  for (const ChartSeries& s : chart.series) {
    for (size_t i = 0; i < n; ++i) {
      see(At(s.values, i));
      if (HasBand(s) && At(s.lows, i) && At(s.highs, i)) {
        see(At(s.lows, i));
        see(At(s.highs, i));
      }
    }
  }
  bool fixed = chart.y_min && chart.y_max && std::isfinite(*chart.y_min) &&
               std::isfinite(*chart.y_max) && *chart.y_min < *chart.y_max;
  Axis axis;
  if (fixed && lo >= *chart.y_min && hi <= *chart.y_max) {  // also when there is no value
    axis = NiceAxis(*chart.y_min, *chart.y_max, true);
  } else if (fixed) {
    axis = NiceAxis(std::min(lo, *chart.y_min), std::max(hi, *chart.y_max), false);
  } else {
    axis = lo <= hi ? NiceAxis(lo, hi, false) : NiceAxis(0, 1, false);
  }

  std::string out;
  Open(out, chart.title);
  Frame(out, axis, chart.x_labels, chart.y_label);
  if (axis.lo <= 0 && axis.hi >= 0) {
    out += LineTo(kLeft, Y(axis, 0), kRight, Y(axis, 0),
                  "class=\"zero-line\" stroke=\"#666666\" stroke-dasharray=\"4 3\"");
  }
  // Fewer points than pixels: a visible dot on each; many: small ones.
  const char* radius = n <= 60 ? "2.5" : "1.5";
  for (size_t k = 0; k < chart.series.size(); ++k) {
    const ChartSeries& s = chart.series[k];
    std::string colour = Colour(k);
    out += OpenSeries(s, k);
    if (HasBand(s)) Band(out, s, n, axis, colour);
    auto present = [&](size_t i) { return At(s.values, i).has_value(); };
    for (auto [first, last] : Runs(n, present)) {
      if (last - first < 2) continue;  // an isolated point is its circle alone
      std::string points;
      for (size_t i = first; i < last; ++i) points += Point(s.values, i, n, axis) + " ";
      points.pop_back();
      out += "<polyline class=\"line\" points=\"" + points + "\" fill=\"none\" stroke=\"" + colour +
             "\" stroke-width=\"2\" stroke-linejoin=\"round\"" + Dash(k) + "/>\n";
    }
    for (size_t i = 0; i < n; ++i) {
      std::optional<double> v = At(s.values, i);
      if (!v) continue;
      bool alone = (i == 0 || !present(i - 1)) && (i + 1 == n || !present(i + 1));
      out += "<circle class=\"point\"" + DataAttrs(chart.x_labels[i], *v) + " cx=\"" + Px(X(i, n)) +
             "\" cy=\"" + Px(Y(axis, *v)) + "\" r=\"" + (alone ? "3.5" : radius) + "\" fill=\"" +
             colour + "\"/>\n";
    }
    out += "</g>\n";
  }
  Legend(out, chart.series, false);
  out += "</svg>\n";
  return out;
}

std::string RenderBarChart(const BarChart& chart) {
  if (chart.x_labels.empty() || chart.series.empty()) return NoData(chart.title);
  size_t n = chart.x_labels.size();
  auto positive = [](std::optional<double> v) { return v && *v > 0; };
  double top = 0;
  for (size_t i = 0; i < n; ++i) {
    double total = 0;
    for (const ChartSeries& s : chart.series) {
      total += positive(At(s.values, i)) ? *At(s.values, i) : 0;
    }
    top = std::max(top, total);
  }
  Axis axis = NiceAxis(0, top > 0 ? top : 1, false);

  std::string out;
  Open(out, chart.title);
  Frame(out, axis, chart.x_labels, chart.y_label);
  double width = std::max(1.0, 0.7 * (kRight - kLeft) / n);
  std::vector<double> base(n, 0);
  for (size_t k = 0; k < chart.series.size(); ++k) {
    const ChartSeries& s = chart.series[k];
    out += OpenSeries(s, k);
    for (size_t i = 0; i < n; ++i) {
      std::optional<double> v = At(s.values, i);
      if (!positive(v)) continue;
      double y0 = Y(axis, base[i]), y1 = Y(axis, base[i] + *v);
      base[i] += *v;
      out += "<rect class=\"bar\"" + DataAttrs(chart.x_labels[i], *v) + " x=\"" +
             Px(X(i, n) - width / 2) + "\" y=\"" + Px(y1) + "\" width=\"" + Px(width) +
             "\" height=\"" + Px(y0 - y1) + "\" fill=\"" + Colour(k) + "\"/>\n";
    }
    out += "</g>\n";
  }
  Legend(out, chart.series, true);
  out += "</svg>\n";
  return out;
}

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      // Not &apos;, which HTML 4 parsers do not know.
      constexpr const char* kReferences[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
      size_t markup = std::string_view("&<>\"'").find(static_cast<char>(c));
      if (markup != std::string_view::npos) {
        out += kReferences[markup];
      } else {  // C0 controls but tab and line ends are not allowed in XML 1.0
        out += c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : static_cast<char>(c);
      }
      ++i;
      continue;
    }
    // A well-formed UTF-8 sequence is copied; anything else becomes U+FFFD,
    // since one bad byte makes the whole document unreadable to an XML parser.
    size_t len = c >= 0xC2 && c <= 0xDF   ? 2
                 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4
                                          : 0;
    char32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    bool ok = len > 0 && i + len <= text.size();
    for (size_t j = 1; ok && j < len; ++j) {
      auto b = static_cast<unsigned char>(text[i + j]);
      ok = (b & 0xC0) == 0x80;
      cp = (cp << 6) | (b & 0x3F);
    }
    ok = ok && !(len == 3 && cp < 0x800) && !(len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) &&
         !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF;
    out += ok ? text.substr(i, len) : std::string_view("\xEF\xBF\xBD");
    i += ok ? len : 1;
  }
  return out;
}

}  // namespace bw::report
