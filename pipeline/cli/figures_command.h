// `bubblewatch figures`: the claims table. The same figure quoted by many
// documents (OpenAI–AMD 6 GW) is one row with its first and last sighting,
// sources, languages and an example; different figures for the same entity
// and kind are listed together, so a conflict is seen at a glance.
#ifndef BUBBLEWATCH_PIPELINE_CLI_FIGURES_COMMAND_H_
#define BUBBLEWATCH_PIPELINE_CLI_FIGURES_COMMAND_H_

#include <CLI/CLI.hpp>
#include <string>

#include "pipeline/cli/context.h"

namespace bw::cli {

class FiguresCommand {
 public:
  explicit FiguresCommand(CLI::App& app);
  bool Parsed() const { return cmd_->parsed(); }
  int Run(const Context& context);

 private:
  CLI::App* cmd_;
  std::string entity_, kind_, since_, tz_ = "UTC";
  int limit_ = 100;
  std::string format_ = "table";
};

}  // namespace bw::cli

#endif  // BUBBLEWATCH_PIPELINE_CLI_FIGURES_COMMAND_H_
