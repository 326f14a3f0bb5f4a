// Runs the real bubblewatch binary (BW_BINARY), or another program, in a
// directory of the test's, with stdin from a string, and captures its exit
// code, stdout and stderr.
#ifndef BUBBLEWATCH_TESTS_INTEGRATION_RUN_BINARY_H_
#define BUBBLEWATCH_TESTS_INTEGRATION_RUN_BINARY_H_

#include <string>
#include <vector>

#include "tests/support/test_files.h"

namespace bw::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `program` (an absolute path) the same way: in `cwd`, stdin from a
// string, output captured, BUBBLEWATCH_* variables left out. For tests that
// drive another tool, such as a headless browser.
// REQUIRES: `cwd` exists and is writable.
RunResult RunProgram(const std::string& program, const std::string& cwd,
                     const std::vector<std::string>& args, const std::string& stdin_data = "");

// REQUIRES: `cwd` exists and is writable.
RunResult RunBubblewatch(const std::string& cwd, const std::vector<std::string>& args,
                         const std::string& stdin_data = "");

// A bubblewatch process started and not yet waited for, for tests that run two
// at once or kill one part-way.
struct RunningBinary {
  int pid = -1;
  std::string base;  // its stdin/stdout/stderr files are base + ".in", ".out", ".err"
};
RunningBinary SpawnBubblewatch(const std::string& cwd, const std::vector<std::string>& args,
                               const std::string& stdin_data = "");
// Waits for the process to end (it may have been killed) and reads its output.
// A process killed by signal N exits 128 + N.
RunResult WaitBubblewatch(const RunningBinary& running);

}  // namespace bw::testing

#endif  // BUBBLEWATCH_TESTS_INTEGRATION_RUN_BINARY_H_
