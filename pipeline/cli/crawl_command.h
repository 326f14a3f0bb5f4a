// `bubblewatch crawl`: the cron job. Polls the configured sources that are
// due, stores what is new and prints one summary line.
#ifndef BUBBLEWATCH_PIPELINE_CLI_CRAWL_COMMAND_H_
#define BUBBLEWATCH_PIPELINE_CLI_CRAWL_COMMAND_H_

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "pipeline/cli/context.h"

namespace bw::cli {

class CrawlCommand {
 public:
  explicit CrawlCommand(CLI::App& app);
  bool Parsed() const { return cmd_->parsed(); }
  int Run(const Context& context);

 private:
  CLI::App* cmd_;
  int max_runtime_s_ = -1;
  bool quiet_ = false;
  bool json_ = false;
  bool all_ = false;
  std::vector<std::string> only_;
};

}  // namespace bw::cli

#endif  // BUBBLEWATCH_PIPELINE_CLI_CRAWL_COMMAND_H_
