// Crawler: one run of `bubblewatch crawl`. Polls every configured source that
// is due (conditional GET), queues the new items it lists, fetches and
// analyses each item's page and stores it, obeying robots.txt and the
// politeness limits, many transfers at once.
//
// What survives a crash: a listed item is queued in the database before it is
// fetched, and marked done in the transaction that stores its document. A run
// killed at any moment leaves its in-flight items queued; the next run fetches
// them first, and the canonical URL keeps every article stored once.
//
//   bw::CurlTransferPool pool;
//   bw::Crawler crawler(config, *db, analyzer, pool);
//   bw::Result<bw::CrawlSummary> summary = crawler.Run({});
//   std::cout << bw::SummaryLine(*summary) << "\n";
#ifndef BUBBLEWATCH_PIPELINE_CRAWLER_H_
#define BUBBLEWATCH_PIPELINE_CRAWLER_H_

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "common/result.h"
#include "db/database.h"
#include "extractors/document_analyzer.h"
#include "pipeline/config.h"
#include "pipeline/crawl_summary.h"
#include "pipeline/transfer_pool.h"

namespace bw {

// What the caller watches while a run goes on (a progress line on a terminal).
struct CrawlProgress {
  int polled = 0, sources_due = 0;
  int pages_done = 0, pages_queued = 0;
  int in_flight = 0;
  int failures = 0;
};

struct CrawlOptions {
  int max_runtime_s = -1;          // -1: the config's; 0: no limit
  bool poll_all = false;           // poll every source now, due or not
  std::vector<std::string> only;   // poll these sources only (by name); empty: all
  std::function<void(const CrawlProgress&)> on_progress;
  const std::atomic<bool>* stop = nullptr;  // set (by a signal handler) to stop new work
};

class Crawler {
 public:
  // REQUIRES: all four outlive the crawler; the caller holds the RunLock of `db`.
  Crawler(const Config& config, Database& db, const DocumentAnalyzer& analyzer,
          TransferPool& pool)
      : config_(config), db_(db), analyzer_(analyzer), pool_(pool) {}

  // Runs one crawl and records it in `runs`. One bad source or page never
  // stops the run; it is counted in the summary by cause. Fails only when the
  // database fails (exit 74) or a name in `only` is not configured (64).
  Result<CrawlSummary> Run(const CrawlOptions& options);

 private:
  const Config& config_;
  Database& db_;
  const DocumentAnalyzer& analyzer_;
  TransferPool& pool_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_CRAWLER_H_
