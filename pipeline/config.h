// Config: bubblewatch's settings, from a TOML file (config/bubblewatch.toml)
// with built-in defaults for every key. The key names are the contract of
// DESIGN.md; sources are added by the crawl.
//
// Which file: --config PATH, else $BUBBLEWATCH_CONFIG, else
// ./config/bubblewatch.toml when it exists, else the defaults alone.
//
//   auto config = bw::LoadConfig("config/bubblewatch.toml");
//   if (!config.ok()) { /* message names the file, line and key; exit 64 */ }
#ifndef BUBBLEWATCH_PIPELINE_CONFIG_H_
#define BUBBLEWATCH_PIPELINE_CONFIG_H_

#include <string>

#include "common/result.h"
#include "pipeline/http_client.h"

namespace bw {

struct Config {
  std::string path;           // the file read; "" when only defaults are used
  std::string database_path;  // [database] path; "" when the file does not set it
  bool allow_private_networks = false;  // [crawl]
  FetchLimits limits;                   // [limits] max_body_bytes, timeout_s
};

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
