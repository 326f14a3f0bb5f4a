// Charts of history buckets (report/svg_chart.h): the mean stance score with
// its confidence band, one series per named bucket list, and the number of
// documents, stacked per series.
#ifndef BUBBLEWATCH_PIPELINE_HISTORY_CHARTS_H_
#define BUBBLEWATCH_PIPELINE_HISTORY_CHARTS_H_

#include <string>
#include <utility>
#include <vector>

#include "pipeline/history.h"
#include "report/svg_chart.h"

namespace bw {

// One line of buckets: its name in the legend, and the buckets.
using NamedBuckets = std::pair<std::string, std::vector<Bucket>>;

// REQUIRES: every series has the same buckets (labels in the same order).
report::LineChart StanceChart(const std::string& title, const std::vector<NamedBuckets>& series);
report::BarChart VolumeChart(const std::string& title, const std::vector<NamedBuckets>& series);

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_HISTORY_CHARTS_H_
