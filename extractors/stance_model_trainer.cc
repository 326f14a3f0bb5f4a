#include "extractors/stance_model_trainer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

namespace bw {

StanceWeights TrainStanceModel(const std::vector<StanceExample>& examples, const StanceTrainingOptions& options) {
  // Feature ids for the features seen in at least min_count examples.
  std::map<std::string_view, int> counts;
  for (const StanceExample& e : examples) {
    for (const std::string& f : e.features) ++counts[f];
  }
  std::map<std::string_view, size_t> ids;
  std::vector<std::string_view> names;
  for (const auto& [f, n] : counts) {
    if (n >= options.min_count) {
      ids.emplace(f, names.size());
      names.push_back(f);
    }
  }
  struct Row {
    std::vector<size_t> features;
    double scale = 0;  // 1/sqrt(all features of the text), as StanceModel::Score reads it
    int label = 0;
    double weight = 1;
  };
  std::vector<Row> rows;
  rows.reserve(examples.size());
  for (const StanceExample& e : examples) {
    Row r;
    r.label = e.label;
    r.weight = e.weight;
    r.scale = e.features.empty() ? 0 : 1.0 / std::sqrt(static_cast<double>(e.features.size()));
    for (const std::string& f : e.features) {
      auto it = ids.find(f);
      if (it != ids.end()) r.features.push_back(it->second);
    }
    rows.push_back(std::move(r));
  }

  std::vector<std::array<double, 3>> w(names.size(), {0, 0, 0});
  std::vector<std::array<double, 3>> g2(names.size(), {1e-8, 1e-8, 1e-8});
  std::array<double, 3> bias{}, bias_g2{1e-8, 1e-8, 1e-8};
  std::vector<size_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(options.seed);
  const double decay = rows.empty() ? 0 : 1.0 / (options.l2 * static_cast<double>(rows.size()));
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t i : order) {
      const Row& r = rows[i];
      std::array<double, 3> z = bias;
      for (size_t f : r.features) {
        for (int k = 0; k < 3; ++k) z[k] += r.scale * w[f][k];
      }
      const double top = std::max({z[0], z[1], z[2]});
      double sum = 0;
      for (double& v : z) sum += (v = std::exp(v - top));
      for (int k = 0; k < 3; ++k) {
        const double g = r.weight * (z[k] / sum - (k == r.label ? 1.0 : 0.0));
        bias_g2[k] += g * g;
        bias[k] -= options.rate * g / std::sqrt(bias_g2[k]);
        for (size_t f : r.features) {
          const double gf = g * r.scale + w[f][k] * decay;
          g2[f][k] += gf * gf;
          w[f][k] -= options.rate * gf / std::sqrt(g2[f][k]);
        }
      }
    }
  }

  StanceWeights out;
  out.bias = bias;
  out.vote = options.vote;
  out.quiet = options.quiet;
  for (size_t f = 0; f < names.size(); ++f) {
    const double mean = (w[f][0] + w[f][1] + w[f][2]) / 3;
    double spread = 0;
    for (int k = 0; k < 3; ++k) spread = std::max(spread, std::abs(w[f][k] - mean));
    if (spread <= options.min_weight) continue;
    out.features.emplace(std::string(names[f]), std::array<float, 3>{static_cast<float>(w[f][0]),
                                                                     static_cast<float>(w[f][1]),
                                                                     static_cast<float>(w[f][2])});
  }
  return out;
}

}  // namespace bw
