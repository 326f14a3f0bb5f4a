// `bubblewatch search QUERY`: full-text search of the stored documents, best
// match first, with the matched words shown in each title and snippet.
#ifndef BUBBLEWATCH_PIPELINE_CLI_SEARCH_COMMAND_H_
#define BUBBLEWATCH_PIPELINE_CLI_SEARCH_COMMAND_H_

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "pipeline/cli/context.h"

namespace bw::cli {

class SearchCommand {
 public:
  explicit SearchCommand(CLI::App& app);
  bool Parsed() const { return cmd_->parsed(); }
  int Run(const Context& context);

 private:
  CLI::App* cmd_;
  std::vector<std::string> words_;  // the query, as one or more arguments
  std::string langs_;               // a comma list
  std::string kind_;
  std::string source_;
  std::string since_, until_;
  std::string tz_ = "UTC";
  int limit_ = 20;
  bool duplicates_ = false;
  std::string format_ = "table";
};

}  // namespace bw::cli

#endif  // BUBBLEWATCH_PIPELINE_CLI_SEARCH_COMMAND_H_
