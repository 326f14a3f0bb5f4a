#include "pipeline/crawl_summary.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

namespace bw {

int CrawlSummary::failure_count() const {
  int n = 0;
  for (const auto& [cause, count] : failures) n += count;
  return n;
}

std::string SummaryLine(const CrawlSummary& s) {
  std::ostringstream out;
  out << "crawl: " << s.sources << (s.sources == 1 ? " source, " : " sources, ") << s.items_seen
      << " items seen, " << s.new_documents << " new, " << s.duplicates << " duplicates, "
      << s.not_modified << " not modified, " << s.failure_count() << " failed";
  if (!s.failures.empty()) {
    out << " (";
    bool first = true;
    for (const auto& [cause, count] : s.failures) {
      out << (first ? "" : ", ") << cause << " " << count;
      first = false;
    }
    out << ")";
  }
  if (s.pending > 0) out << ", " << s.pending << " left for the next run";
  char secs[32];
  snprintf(secs, sizeof secs, "%.1f", s.seconds);
  out << ", " << secs << " s";
  if (s.interrupted) out << " (interrupted)";
  else if (s.stopped) out << " (stopped at --max-runtime)";
  return out.str();
}

std::string SummaryJson(const CrawlSummary& s) {
  nlohmann::ordered_json j;
  j["run_id"] = s.run_id;
  j["sources"] = s.sources;
  j["items_seen"] = s.items_seen;
  j["new_documents"] = s.new_documents;
  j["duplicates"] = s.duplicates;
  j["updated"] = s.updated;
  j["not_modified"] = s.not_modified;
  j["requests"] = s.requests;
  j["failures"] = s.failure_count();
  j["failures_by_cause"] = s.failures;
  j["pending"] = s.pending;
  j["stopped"] = s.stopped;
  j["interrupted"] = s.interrupted;
  j["seconds"] = std::round(s.seconds * 1000) / 1000;
  return j.dump();
}

}  // namespace bw
