// Throughput of HTML extraction on the ScrapingHub article-extraction set
// (BW_SHARED_DIR/benchmarks/extraction/scrapinghub/html/*.html, 181 pages,
// ~31 MB), loaded into memory once. Every benchmark processes the whole set
// once per iteration, so MB/s and pages/s (items) are directly comparable:
//
//   BM_GumboParseOnly   raw gumbo_parse + gumbo_destroy_output of the page bytes
//                       (kGumboDefaultOptions): the floor, "gumbo parsing alone".
//   BM_Decode           DecodeToUtf8(bytes, "", true).
//   BM_HtmlDomOnly      HtmlDom construction and destruction (markup limits + gumbo)
//                       on the decoded text.
//   BM_ArticleExtract   ArticleExtractor::Extract on DOMs built before timing.
//   BM_WholeExtraction  what `bubblewatch analyze --html` does per page:
//                       DecodeToUtf8 then DocumentAnalyzer::AnalyzeHtml.
//   BM_Stance           StanceExtractor::Analyze on each page's extracted text
//                       and title (extracted before timing).
//   BM_GumboParseCjk, BM_StanceCjk: the same two on the project's own 41 pages
//                       in Chinese, Japanese and English (tests/data/extraction/cjk),
//                       where word segmentation uses ICU's dictionaries.
//
// After the run one line compares BM_WholeExtraction with BM_GumboParseOnly
// (the project's target: whole extraction keeps >= 75% of the throughput of
// gumbo parsing alone). Single thread; real (wall) time.
//
//   build/bench/extraction_bench [--benchmark_filter=...] [--benchmark_repetitions=N]
#include <benchmark/benchmark.h>
#include <gumbo.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "extractors/article_extractor.h"
#include "extractors/charset_decoder.h"
#include "extractors/document_analyzer.h"
#include "extractors/html_dom.h"
#include "extractors/lexicon.h"
#include "extractors/stance_extractor.h"

namespace {

const char kPageDir[] = BW_SHARED_DIR "/benchmarks/extraction/scrapinghub/html";
const char kCjkPageDir[] = BW_SOURCE_DIR "/tests/data/extraction/cjk/html";

struct PageSet {
  std::vector<std::string> raw;      // the page bytes as stored
  std::vector<std::string> decoded;  // DecodeToUtf8(raw, "", true).utf8
  int64_t raw_bytes = 0;
  std::string error;  // why the set could not be loaded; empty when loaded
};

// Loads every page of `dir` once, on first use.
const PageSet& LoadPages(const std::string& kPageDir) {
  static std::map<std::string, PageSet*>* cache = new std::map<std::string, PageSet*>;
  PageSet*& cached = (*cache)[kPageDir];
  if (cached == nullptr) cached = [&] {
    auto* set = new PageSet;
    std::error_code ec;
    if (!std::filesystem::is_directory(kPageDir, ec)) {
      set->error = "page directory not found: " + kPageDir +
                   " (the shared benchmark data is missing)";
      return set;
    }
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(kPageDir, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".html") {
        paths.push_back(entry.path());
      }
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
      std::ifstream in(path, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (!in.good() && !in.eof()) {
        set->error = "cannot read " + path.string();
        return set;
      }
      set->raw_bytes += static_cast<int64_t>(bytes.size());
      set->decoded.push_back(bw::DecodeToUtf8(bytes, "", true).utf8);
      set->raw.push_back(std::move(bytes));
    }
    if (set->raw.empty()) set->error = "no *.html pages in " + kPageDir;
    return set;
  }();
  return *cached;
}

const PageSet& Pages() { return LoadPages(kPageDir); }

// Skips the benchmark with a clear message when the pages are unavailable.
bool HavePages(benchmark::State& state, const PageSet& pages = Pages()) {
  if (pages.error.empty()) return true;
  state.SkipWithError(pages.error.c_str());
  return false;
}

void SetProcessed(benchmark::State& state, const PageSet& pages = Pages()) {
  state.SetBytesProcessed(state.iterations() * pages.raw_bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(pages.raw.size()));
}

const bw::LexiconSet& Lexicons() {
  static const bw::LexiconSet* lexicons = new bw::LexiconSet(bw::LexiconSet::Embedded());
  return *lexicons;
}

void GumboParse(benchmark::State& state, const PageSet& pages);
void BM_GumboParseOnly(benchmark::State& state) { GumboParse(state, Pages()); }

void BM_Decode(benchmark::State& state) {
  if (!HavePages(state)) return;
  const PageSet& pages = Pages();
  for (auto _ : state) {
    for (const std::string& page : pages.raw) {
      bw::DecodedText decoded = bw::DecodeToUtf8(page, "", true);
      benchmark::DoNotOptimize(decoded.utf8.data());
    }
  }
  SetProcessed(state);
}

void BM_HtmlDomOnly(benchmark::State& state) {
  if (!HavePages(state)) return;
  const PageSet& pages = Pages();
  for (auto _ : state) {
    for (const std::string& page : pages.decoded) {
      bw::HtmlDom dom(page);
      benchmark::DoNotOptimize(dom.root());
    }
  }
  SetProcessed(state);
}

void BM_ArticleExtract(benchmark::State& state) {
  if (!HavePages(state)) return;
  const PageSet& pages = Pages();
  // Built once (not timed) and kept for later runs of this benchmark.
  static const auto* doms = [&] {
    auto* v = new std::vector<std::unique_ptr<bw::HtmlDom>>;
    for (const std::string& page : pages.decoded) v->push_back(std::make_unique<bw::HtmlDom>(page));
    return v;
  }();
  const bw::ArticleExtractor extractor(Lexicons());
  for (auto _ : state) {
    for (const auto& dom : *doms) {
      bw::ArticleText article = extractor.Extract(*dom);
      benchmark::DoNotOptimize(article.text.data());
    }
  }
  SetProcessed(state);
}

void BM_WholeExtraction(benchmark::State& state) {
  if (!HavePages(state)) return;
  const PageSet& pages = Pages();
  const bw::DocumentAnalyzer analyzer(Lexicons());
  for (auto _ : state) {
    for (const std::string& page : pages.raw) {
      bw::DecodedText decoded = bw::DecodeToUtf8(page, "", true);
      bw::AnalysisRecord record = analyzer.AnalyzeHtml(decoded.utf8, {});
      benchmark::DoNotOptimize(record.text.data());
    }
  }
  SetProcessed(state);
}

// Gumbo's parse of `pages`, and the stance of the text extracted from them:
// stance must cost less than parsing.
void GumboParse(benchmark::State& state, const PageSet& pages) {
  if (!HavePages(state, pages)) return;
  for (auto _ : state) {
    for (const std::string& page : pages.raw) {
      GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
      benchmark::DoNotOptimize(output);
      gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
  }
  SetProcessed(state, pages);
}

void Stance(benchmark::State& state, const PageSet& pages) {
  if (!HavePages(state, pages)) return;
  bw::DocumentAnalyzer analyzer(Lexicons());
  std::vector<bw::AnalysisRecord> records;
  for (const std::string& page : pages.decoded) records.push_back(analyzer.AnalyzeHtml(page, {}));
  bw::StanceExtractor stance(Lexicons());
  for (auto _ : state) {
    for (const bw::AnalysisRecord& r : records) {
      benchmark::DoNotOptimize(stance.Analyze(r.text, {.lang = r.lang, .kind = r.kind, .title = r.title}));
    }
  }
  SetProcessed(state, pages);
}

void BM_Stance(benchmark::State& state) { Stance(state, Pages()); }
void BM_GumboParseCjk(benchmark::State& state) { GumboParse(state, LoadPages(kCjkPageDir)); }
void BM_StanceCjk(benchmark::State& state) { Stance(state, LoadPages(kCjkPageDir)); }

// Each iteration covers all 181 pages (~1 s for the gumbo-bound ones), so run
// for at least 3 s to get a few iterations.
#define BW_EXTRACTION_BENCHMARK(fn) \
  BENCHMARK(fn)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0)
BW_EXTRACTION_BENCHMARK(BM_GumboParseOnly);
BW_EXTRACTION_BENCHMARK(BM_Decode);
BW_EXTRACTION_BENCHMARK(BM_HtmlDomOnly);
BW_EXTRACTION_BENCHMARK(BM_ArticleExtract);
BW_EXTRACTION_BENCHMARK(BM_WholeExtraction);
BW_EXTRACTION_BENCHMARK(BM_Stance);
BW_EXTRACTION_BENCHMARK(BM_GumboParseCjk);
BW_EXTRACTION_BENCHMARK(BM_StanceCjk);

// The console reporter, also remembering the mean real time per iteration (in
// seconds) of every benchmark, by function name, over its repetitions.
class CapturingReporter : public benchmark::ConsoleReporter {
 public:
  // Tabular counters; colour only on a terminal. (With a reporter of its own
  // the library ignores --benchmark_color and --benchmark_counters_tabular.)
  CapturingReporter()
      : ConsoleReporter(isatty(STDOUT_FILENO) ? OO_ColorTabular : OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
      Sum& s = sums_[run.run_name.function_name];
      s.seconds += run.GetAdjustedRealTime() / benchmark::GetTimeUnitMultiplier(run.time_unit);
      s.count += 1;
    }
    ConsoleReporter::ReportRuns(runs);
  }

  // Mean real seconds per iteration of benchmark `name`, or a negative value
  // when it did not run.
  double Seconds(const std::string& name) const {
    auto it = sums_.find(name);
    return it == sums_.end() || it->second.count == 0 ? -1 : it->second.seconds / it->second.count;
  }

 private:
  struct Sum {
    double seconds = 0;
    int count = 0;
  };
  std::map<std::string, Sum> sums_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  CapturingReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  double gumbo = reporter.Seconds("BM_GumboParseOnly");
  double whole = reporter.Seconds("BM_WholeExtraction");
  if (gumbo > 0 && whole > 0) {
    std::printf("whole extraction keeps %.1f%% of gumbo parse-only throughput (target >= 75%%)\n",
                100.0 * gumbo / whole);
  } else {
    std::printf("whole extraction vs gumbo parse-only: not computed "
                "(BM_GumboParseOnly and BM_WholeExtraction must both run)\n");
  }
  for (auto [parse, stance] : {std::pair{"BM_GumboParseOnly", "BM_Stance"}, {"BM_GumboParseCjk", "BM_StanceCjk"}}) {
    double p = reporter.Seconds(parse), st = reporter.Seconds(stance);
    if (p > 0 && st > 0) {
      std::printf("%s costs %.3f of %s (target < 1)\n", stance, st / p, parse);
    }
  }
  return 0;
}
