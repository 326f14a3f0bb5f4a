// `bubblewatch history`: the stance of stored documents over time, per day,
// week or month of a time zone, filtered by language, kind, source or
// entity, as a table, CSV or JSON lines, and optionally as an SVG chart.
#ifndef BUBBLEWATCH_PIPELINE_CLI_HISTORY_COMMAND_H_
#define BUBBLEWATCH_PIPELINE_CLI_HISTORY_COMMAND_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "pipeline/cli/context.h"
#include "pipeline/cli/query_options.h"

namespace bw::cli {

class HistoryCommand {
 public:
  explicit HistoryCommand(CLI::App& app);
  bool Parsed() const { return cmd_->parsed(); }
  int Run(const Context& context);

 private:
  CLI::App* cmd_;
  QueryOptions query_;
  std::string by_ = "week";
  std::string format_ = "table";
  std::string chart_;
};

}  // namespace bw::cli

#endif  // BUBBLEWATCH_PIPELINE_CLI_HISTORY_COMMAND_H_
