// Speed of figures and entities (FigureExtractor::Extract + Entities) on the
// seeds and the development set's sentences. Target: >= 20 MB/s on one core.
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "extractors/figure_extractor.h"

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The seeds and every dev-set sentence, one text of about 100 KB.
const std::string& Corpus() {
  static const std::string* corpus = [] {
    auto* s = new std::string;
    for (const char* seed : {"/seeds/ukiyo-journal-ai-bubble-or-revolution.zh-Hans.txt",
                             "/seeds/gate-square-openai-300b-hardware.zh.txt"}) {
      *s += ReadFile(std::string(BW_SHARED_DIR) + seed) + "\n";
    }
    std::istringstream dev(ReadFile(std::string(BW_SOURCE_DIR) + "/tests/data/figures/dev.jsonl"));
    for (std::string line; std::getline(dev, line);) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("text")) *s += j["text"].get<std::string>() + "\n";
    }
    return s;
  }();
  return *corpus;
}

void BM_FiguresAndEntities(benchmark::State& state) {
  const bw::LexiconSet lexicons = bw::LexiconSet::Embedded();
  const bw::FigureExtractor extractor(lexicons);
  const std::string& text = Corpus();
  if (text.size() < 1000) {
    state.SkipWithError("corpus missing: ../shared/seeds or tests/data/figures/dev.jsonl");
    return;
  }
  size_t figures = 0;
  for (auto _ : state) {
    std::vector<std::string> e;
    auto f = extractor.Extract(text, &e);
    figures = f.size();
    benchmark::DoNotOptimize(f);
    benchmark::DoNotOptimize(e);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["figures"] = static_cast<double>(figures);
}
BENCHMARK(BM_FiguresAndEntities)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
