// Speed of the search tokenizer (extractors/search_tokens.h) on English,
// Chinese and Japanese article text, and of FTS5 inserts with it against
// SQLite's built-in 'trigram' and 'unicode61' tokenizers: documents of 2,000
// characters, one transaction per document, in a WAL database with
// synchronous=NORMAL as db/database.cc opens it.
//
//   build/bench/search_tokens_bench --benchmark_filter=Tokenize
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "db/search_tokenizer.h"
#include "extractors/search_tokens.h"

namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The article bodies of every ground-truth file in `dir` whose name starts
// with one of `prefixes`, one text.
std::string Bodies(const std::filesystem::path& dir, const std::vector<std::string>& prefixes) {
  std::map<std::string, std::string> by_name;  // in name order
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    for (const std::string& p : prefixes) {
      if (name.rfind(p, 0) != 0) continue;
      auto j = nlohmann::json::parse(ReadFile(entry.path()), nullptr, false);
      if (j.is_object() && j["articleBody"].is_string()) by_name[name] = j["articleBody"];
    }
  }
  std::string text;
  for (const auto& [name, body] : by_name) text += body + "\n";
  return text;
}

// "en": the 181 English articles of the Scrapinghub benchmark (about 1 MB);
// "zh": the simplified and traditional Chinese test articles and seeds;
// "ja": the Japanese test articles.
const std::string& Corpus(const std::string& lang) {
  static const auto* corpora = [] {
    const std::string cjk = std::string(BW_SOURCE_DIR) + "/tests/data/extraction/cjk/ground-truth";
    const std::string en =
        std::string(BW_SHARED_DIR) + "/benchmarks/extraction/scrapinghub/ground-truth";
    auto* c = new std::map<std::string, std::string>;
    (*c)["en"] = Bodies(en, {""});
    (*c)["zh"] = Bodies(cjk, {"zh-"});
    for (const char* seed : {"/seeds/ukiyo-journal-ai-bubble-or-revolution.zh-Hans.txt",
                             "/seeds/gate-square-openai-300b-hardware.zh.txt"}) {
      (*c)["zh"] += ReadFile(std::string(BW_SHARED_DIR) + seed) + "\n";
    }
    (*c)["ja"] = Bodies(cjk, {"ja-"});
    return c;
  }();
  return corpora->at(lang);
}

const char* kLangs[] = {"en", "zh", "ja"};

void BM_Tokenize(benchmark::State& state) {
  const std::string& text = Corpus(kLangs[state.range(0)]);
  size_t tokens = 0;
  for (auto _ : state) {
    bw::SearchTokenStream stream(text, /*run_end_unigrams=*/true);
    while (stream.Next()) ++tokens;
    benchmark::DoNotOptimize(tokens);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens_per_kb"] = 1024.0 * tokens / (state.iterations() * text.size());
  state.SetLabel(kLangs[state.range(0)]);
}
BENCHMARK(BM_Tokenize)->DenseRange(0, 2);

void BM_SearchTokensVector(benchmark::State& state) {
  const std::string& text = Corpus(kLangs[state.range(0)]);
  for (auto _ : state) benchmark::DoNotOptimize(bw::SearchTokens(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetLabel(kLangs[state.range(0)]);
}
BENCHMARK(BM_SearchTokensVector)->DenseRange(0, 2);

// Documents of 2,000 code points cut from the corpus at staggered starts,
// wrapping around, so that no two are the same.
std::vector<std::string> Documents(const std::string& corpus, size_t count) {
  std::vector<size_t> starts;  // the byte offset of every code point
  for (int32_t i = 0; i < static_cast<int32_t>(corpus.size());) {
    starts.push_back(i);
    U8_FWD_1(corpus.data(), i, static_cast<int32_t>(corpus.size()));
  }
  const std::string ring = corpus + corpus;
  std::vector<std::string> docs;
  for (size_t k = 0; k < count; ++k) {
    const size_t first = (k * 577) % starts.size();
    const size_t last = first + 2000;  // in code points, from the start of the ring
    const size_t end = last < starts.size() ? starts[last]
                                            : corpus.size() + starts[last - starts.size()];
    docs.push_back(ring.substr(starts[first], end - starts[first]));
  }
  return docs;
}

const char* kTokenizers[] = {"bw", "trigram", "unicode61"};

void BM_Fts5Insert(benchmark::State& state) {
  const char* tokenizer = kTokenizers[state.range(0)];
  const char* lang = kLangs[state.range(1)];
  const std::vector<std::string> docs = Documents(Corpus(lang), 1000);
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("bw_search_bench_" + std::to_string(getpid()) + ".db");
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
  if (!bw::db::RegisterSearchTokenizer(db).ok()) state.SkipWithError("cannot register");
  const std::string create =
      std::string("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='") + tokenizer + "')";
  sqlite3_exec(db, create.c_str(), nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t(text) VALUES (?1)", -1, &insert, nullptr);
  size_t k = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& doc = docs[k++ % docs.size()];
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_bind_text(insert, 1, doc.data(), static_cast<int>(doc.size()), SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) state.SkipWithError(sqlite3_errmsg(db));
    sqlite3_reset(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    bytes += doc.size();
  }
  // The index once merged into one segment.
  sqlite3_exec(db, "INSERT INTO t(t) VALUES ('optimize')", nullptr, nullptr, nullptr);
  sqlite3_stmt* size = nullptr;
  sqlite3_prepare_v2(db, "SELECT sum(length(block)) FROM t_data", -1, &size, nullptr);
  if (sqlite3_step(size) == SQLITE_ROW) {
    state.counters["index_bytes_per_doc"] = sqlite3_column_double(size, 0) / static_cast<double>(k);
  }
  sqlite3_finalize(size);
  sqlite3_finalize(insert);
  sqlite3_close(db);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  state.SetItemsProcessed(static_cast<int64_t>(k));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetLabel(std::string(tokenizer) + " " + lang);
}
BENCHMARK(BM_Fts5Insert)->ArgsProduct({{0, 1, 2}, {0, 1, 2}})->Iterations(2000);

}  // namespace

BENCHMARK_MAIN();
