// `bubblewatch analyze`: the analysis of local files or stdin, with no network
// and no database. Built for batches: one process, one analyzer, one record a
// line, in input order.
#ifndef BUBBLEWATCH_PIPELINE_CLI_ANALYZE_COMMAND_H_
#define BUBBLEWATCH_PIPELINE_CLI_ANALYZE_COMMAND_H_

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "pipeline/cli/context.h"

namespace bw::cli {

class AnalyzeCommand {
 public:
  explicit AnalyzeCommand(CLI::App& app);
  bool Parsed() const { return cmd_->parsed(); }
  int Run(const Context& context);

 private:
  CLI::App* cmd_;
  std::vector<std::string> inputs_;
  std::string files_from_;
  bool html_ = false, text_ = false, jsonl_ = false, pretty_ = false, explain_ = false;
  std::string kind_ = "article";
  std::string lang_hint_;
  std::string url_;
  std::string reference_time_;
};

}  // namespace bw::cli

#endif  // BUBBLEWATCH_PIPELINE_CLI_ANALYZE_COMMAND_H_
