#include "pipeline/history_charts.h"

namespace bw {

report::LineChart StanceChart(const std::string& title, const std::vector<NamedBuckets>& series) {
  report::LineChart chart;
  chart.title = title;
  chart.y_label = "mean stance (−1 bubble … +1 revolution)";
  chart.y_min = -1;
  chart.y_max = 1;
  if (!series.empty()) {
    for (const Bucket& b : series.front().second) chart.x_labels.push_back(b.label);
  }
  for (const auto& [name, buckets] : series) {
    report::ChartSeries s;
    s.name = name;
    for (const Bucket& b : buckets) {
      std::optional<MeanInterval> m = MeanWithInterval(b.tally);
      s.values.push_back(m ? std::optional<double>(m->mean) : std::nullopt);
      s.lows.push_back(m ? m->low : std::nullopt);
      s.highs.push_back(m ? m->high : std::nullopt);
    }
    chart.series.push_back(std::move(s));
  }
  return chart;
}

report::BarChart VolumeChart(const std::string& title, const std::vector<NamedBuckets>& series) {
  report::BarChart chart;
  chart.title = title;
  chart.y_label = "documents";
  if (!series.empty()) {
    for (const Bucket& b : series.front().second) chart.x_labels.push_back(b.label);
  }
  for (const auto& [name, buckets] : series) {
    report::ChartSeries s;
    s.name = name;
    for (const Bucket& b : buckets) s.values.push_back(static_cast<double>(b.tally.documents));
    chart.series.push_back(std::move(s));
  }
  return chart;
}

}  // namespace bw
