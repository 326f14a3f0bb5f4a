// `bubblewatch report --out FILE.html`: one self-contained HTML page with
// the stance over time per language, the document volume, the most quoted
// claims per entity and the strongest evidence of the latest period.
#ifndef BUBBLEWATCH_PIPELINE_CLI_REPORT_COMMAND_H_
#define BUBBLEWATCH_PIPELINE_CLI_REPORT_COMMAND_H_

#include <CLI/CLI.hpp>
#include <string>

#include "pipeline/cli/context.h"
#include "pipeline/cli/query_options.h"

namespace bw::cli {

class ReportCommand {
 public:
  explicit ReportCommand(CLI::App& app);
  bool Parsed() const { return cmd_->parsed(); }
  int Run(const Context& context);

 private:
  CLI::App* cmd_;
  QueryOptions query_;
  std::string out_;
  std::string by_ = "week";
};

}  // namespace bw::cli

#endif  // BUBBLEWATCH_PIPELINE_CLI_REPORT_COMMAND_H_
