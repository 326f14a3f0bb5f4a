// `bubblewatch fetch URL`: the on-demand crawl of one URL.
#ifndef BUBBLEWATCH_PIPELINE_CLI_FETCH_COMMAND_H_
#define BUBBLEWATCH_PIPELINE_CLI_FETCH_COMMAND_H_

#include <CLI/CLI.hpp>

#include "pipeline/cli/context.h"

namespace bw::cli {

class FetchCommand {
 public:
  // Registers the subcommand and its options on `app`.
  explicit FetchCommand(CLI::App& app);
  bool Parsed() const { return cmd_->parsed(); }
  int Run(const Context& context);

 private:
  CLI::App* cmd_;
  std::string url_;
  bool json_ = false;
  bool allow_private_ = false;
  long timeout_s_ = 0;
  size_t max_bytes_ = 0;
  std::string lang_hint_;
  std::string kind_ = "article";
};

}  // namespace bw::cli

#endif  // BUBBLEWATCH_PIPELINE_CLI_FETCH_COMMAND_H_
