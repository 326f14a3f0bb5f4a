// `bubblewatch sources`: the configured sources and the state the crawl keeps
// of each (last poll, last status, items stored, next due).
#ifndef BUBBLEWATCH_PIPELINE_CLI_SOURCES_COMMAND_H_
#define BUBBLEWATCH_PIPELINE_CLI_SOURCES_COMMAND_H_

#include <CLI/CLI.hpp>

#include "pipeline/cli/context.h"

namespace bw::cli {

class SourcesCommand {
 public:
  explicit SourcesCommand(CLI::App& app);
  bool Parsed() const { return cmd_->parsed(); }
  int Run(const Context& context);

 private:
  CLI::App* cmd_;
  bool json_ = false;
};

}  // namespace bw::cli

#endif  // BUBBLEWATCH_PIPELINE_CLI_SOURCES_COMMAND_H_
