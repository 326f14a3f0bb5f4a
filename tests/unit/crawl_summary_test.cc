#include "pipeline/crawl_summary.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace bw {
namespace {

TEST(CrawlSummary, LineNamesEveryCountAndFailuresByCause) {
  CrawlSummary s;
  s.sources = 24;
  s.items_seen = 310;
  s.new_documents = 42;
  s.duplicates = 3;
  s.not_modified = 12;
  s.failures = {{"timeout", 1}, {"http_404", 2}};
  s.seconds = 37.25;
  EXPECT_EQ(SummaryLine(s),
            "crawl: 24 sources, 310 items seen, 42 new, 3 duplicates, 12 not modified, 3 failed "
            "(http_404 2, timeout 1), 37.2 s");
  s.sources = 1;
  s.failures.clear();
  s.pending = 5;
  s.stopped = true;
  EXPECT_EQ(SummaryLine(s),
            "crawl: 1 source, 310 items seen, 42 new, 3 duplicates, 12 not modified, 0 failed, "
            "5 left for the next run, 37.2 s (stopped at --max-runtime)");
  s.interrupted = true;
  EXPECT_NE(SummaryLine(s).find("(interrupted)"), std::string::npos);
}

TEST(CrawlSummary, JsonHasTheSameNumbers) {
  CrawlSummary s;
  s.run_id = 7;
  s.sources = 2;
  s.new_documents = 4;
  s.failures = {{"robots", 1}};
  s.seconds = 1.23456;
  nlohmann::json j = nlohmann::json::parse(SummaryJson(s));
  EXPECT_EQ(j["run_id"], 7);
  EXPECT_EQ(j["sources"], 2);
  EXPECT_EQ(j["new_documents"], 4);
  EXPECT_EQ(j["failures"], 1);
  EXPECT_EQ(j["failures_by_cause"]["robots"], 1);
  EXPECT_DOUBLE_EQ(j["seconds"].get<double>(), 1.235);
  EXPECT_EQ(j["stopped"], false);
}

}  // namespace
}  // namespace bw
