// `bubblewatch show ID|URL`: one stored document with everything kept about
// it: metadata, near-duplicates, stance and evidence, figures, entities,
// fetches and text.
#ifndef BUBBLEWATCH_PIPELINE_CLI_SHOW_COMMAND_H_
#define BUBBLEWATCH_PIPELINE_CLI_SHOW_COMMAND_H_

#include <CLI/CLI.hpp>

#include <string>

#include "pipeline/cli/context.h"

namespace bw::cli {

class ShowCommand {
 public:
  explicit ShowCommand(CLI::App& app);
  bool Parsed() const { return cmd_->parsed(); }
  int Run(const Context& context);

 private:
  CLI::App* cmd_;
  std::string target_;  // an id or a URL
  std::string format_ = "text";
};

}  // namespace bw::cli

#endif  // BUBBLEWATCH_PIPELINE_CLI_SHOW_COMMAND_H_
