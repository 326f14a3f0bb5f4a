// Runs the real bubblewatch binary (BW_BINARY) in a directory of the test's,
// with stdin from a string, and captures its exit code, stdout and stderr.
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
