// The bubblewatch command line: parses arguments and runs one command.
#ifndef BUBBLEWATCH_PIPELINE_CLI_COMMANDS_H_
#define BUBBLEWATCH_PIPELINE_CLI_COMMANDS_H_

namespace bw::cli {

// Runs bubblewatch with the given arguments and returns the process exit code
// (see ExitCode in common/status.h).
int Run(int argc, char** argv);

}  // namespace bw::cli

#endif  // BUBBLEWATCH_PIPELINE_CLI_COMMANDS_H_
