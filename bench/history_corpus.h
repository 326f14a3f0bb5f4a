// HistoryCorpus: a deterministic generator of analysed documents for the
// history bench: many sources in three languages over a span of days, with
// entities, figures drawn from a pool of recurring claims, stances that drift
// over time, and a share of near-duplicates (reposts of an earlier text).
//
//   HistoryCorpus corpus({.documents = 1'000'000});
//   for (int64_t i = 0; i < corpus.size(); ++i) {
//     GeneratedDocument doc = corpus.Make(i);
//     db->StoreDocument(doc.fetch, doc.raw_body, doc.record, doc.origin);
//   }
#ifndef BUBBLEWATCH_BENCH_HISTORY_CORPUS_H_
#define BUBBLEWATCH_BENCH_HISTORY_CORPUS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "db/database.h"

namespace bw::bench {

struct CorpusShape {
  int64_t documents = 1'000'000;
  int sources = 50;
  int days = 730;                       // the span, ending at end_epoch
  int64_t end_epoch = 1793491200;       // 2026-11-01T00:00:00Z
  double duplicate_share = 0.05;        // documents that repost an earlier text
  uint64_t seed = 42;
};

struct CorpusSource {
  std::string name, lang, kind;  // lang: zh | ja | en; kind: article | post
};

struct GeneratedDocument {
  FetchRecord fetch;
  std::string raw_body;
  AnalysisRecord record;
  DocumentOrigin origin;
};

class HistoryCorpus {
 public:
  explicit HistoryCorpus(CorpusShape shape);

  int64_t size() const { return shape_.documents; }
  const std::vector<CorpusSource>& sources() const { return sources_; }
  const CorpusShape& shape() const { return shape_; }

  // The i-th document; the same i always gives the same document.
  // `source_ids` maps the index of sources() to the database's id.
  GeneratedDocument Make(int64_t i, const std::vector<int64_t>& source_ids) const;

 private:
  CorpusShape shape_;
  std::vector<CorpusSource> sources_;
};

}  // namespace bw::bench

#endif  // BUBBLEWATCH_BENCH_HISTORY_CORPUS_H_
