// CrawlSummary: the counts of one crawl run, and the two ways they are
// printed: the one line cron mails, and JSON for scripts.
//
//   std::cout << bw::SummaryLine(summary) << "\n";
#ifndef BUBBLEWATCH_PIPELINE_CRAWL_SUMMARY_H_
#define BUBBLEWATCH_PIPELINE_CRAWL_SUMMARY_H_

#include <cstdint>
#include <map>
#include <string>

namespace bw {

struct CrawlSummary {
  int64_t run_id = 0;
  int sources_due = 0;    // sources due this run
  int sources = 0;        // sources polled (answered with a listing or a 304)
  int items_seen = 0;     // items they listed
  int new_documents = 0;  // documents stored for the first time (near-duplicates excluded)
  int duplicates = 0;     // new documents linked to a stored near-duplicate
  int updated = 0;        // known documents stored again
  int not_modified = 0;   // polls answered 304
  int requests = 0;       // HTTP requests made
  std::map<std::string, int> failures;  // cause -> count (robots, timeout, http_404, …)
  int pending = 0;        // items left queued for the next run
  bool stopped = false;   // --max-runtime or a signal stopped new work
  bool interrupted = false;  // a signal stopped it
  double seconds = 0;

  int failure_count() const;
};

// "crawl: 24 sources, 310 items seen, 42 new, 3 duplicates, 12 not modified,
// 2 failed (timeout 1, http_404 1), 37.2 s" — the line cron mails.
std::string SummaryLine(const CrawlSummary& summary);
// The summary as JSON (for --json), with the same numbers.
std::string SummaryJson(const CrawlSummary& summary);

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_CRAWL_SUMMARY_H_
