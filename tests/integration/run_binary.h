// Runs the real bubblewatch binary (BW_BINARY) in a directory of the test's,
// with stdin from a string, and captures its exit code, stdout and stderr.
#ifndef BUBBLEWATCH_TESTS_INTEGRATION_RUN_BINARY_H_
#define BUBBLEWATCH_TESTS_INTEGRATION_RUN_BINARY_H_

#include <string>
#include <vector>

namespace bw::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// REQUIRES: `cwd` exists and is writable.
RunResult RunBubblewatch(const std::string& cwd, const std::vector<std::string>& args,
                         const std::string& stdin_data = "");

// A fresh directory under $TMPDIR, removed with its contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& content);

}  // namespace bw::testing

#endif  // BUBBLEWATCH_TESTS_INTEGRATION_RUN_BINARY_H_
