// Config: bubblewatch's settings, from a TOML file (config/bubblewatch.toml)
// with built-in defaults for every key. The key names are the contract of
// DESIGN.md, with a few added keys (see config/bubblewatch.toml).
//
// Which file: --config PATH, else $BUBBLEWATCH_CONFIG, else
// ./config/bubblewatch.toml when it exists, else the defaults alone.
//
//   auto config = bw::LoadConfig("config/bubblewatch.toml");
//   if (!config.ok()) { /* message names the file, line and key; exit 64 */ }
#ifndef BUBBLEWATCH_PIPELINE_CONFIG_H_
#define BUBBLEWATCH_PIPELINE_CONFIG_H_

#include <string>
#include <vector>

#include "common/result.h"
#include "pipeline/http_client.h"

namespace bw {

// [crawl]: politeness and the limits of one crawl run.
struct CrawlSettings {
  int concurrency = 8;             // transfers at once, all hosts
  int per_host_concurrency = 1;    // transfers at once to one host
  double per_host_delay_s = 2.0;   // between the start of two requests to one host
  double max_crawl_delay_s = 30;   // a robots.txt Crawl-delay is honoured up to this
  int max_runtime_s = 0;           // 0: no limit; else no new work starts after it
  int max_retries = 3;             // transient failures retried within a run
  double max_retry_after_s = 120;  // a longer Retry-After leaves the work to the next run
  int max_item_attempts = 5;       // failed runs before a feed item is given up
  bool obey_robots = true;         // false only for loopback benchmarks
};

// One [[sources]] table: a feed, sitemap or listing page the crawl polls.
struct SourceConfig {
  std::string name;  // unique; the key of the source's state in the database
  std::string type;  // rss | atom | jsonfeed | sitemap | page
  std::string url;   // normalised http(s) URL
  std::string lang;  // a hint: zh, zh-Hans, zh-Hant, ja, en; "" for none
  std::string kind = "article";  // or "post"
  std::vector<std::string> tags;
  int interval_min = 30;  // polled at most this often
  int max_items = 50;     // new items taken from one poll
  int line = 0;           // where the table starts in the file, for messages
};

struct Config {
  std::string path;           // the file read; "" when only defaults are used
  std::string database_path;  // [database] path; "" when the file does not set it
  bool allow_private_networks = false;  // [crawl]
  FetchLimits limits;                   // [limits] max_body_bytes, timeout_s
  CrawlSettings crawl;                  // [crawl]
  std::vector<SourceConfig> sources;    // [[sources]], in file order
};

// The source types the crawl reads.
bool IsCrawlSourceType(const std::string& type);

// Reads and checks `path`. A syntax error, a key of the wrong type or a value
// out of range fails with a usage Status "FILE:LINE: KEY: problem".
Result<Config> LoadConfig(const std::string& path);

// The file to read given --config (may be empty) and the environment, or ""
// when none applies.
std::string ChooseConfigPath(const std::string& flag);

// --db, else the config's path, else $BUBBLEWATCH_DB, else ./bubblewatch.db.
std::string ChooseDatabasePath(const std::string& flag, const Config& config);

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_CONFIG_H_
