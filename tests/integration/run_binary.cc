#include "tests/integration/run_binary.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace bw::testing {
namespace {

RunningBinary SpawnProgram(const std::string& program, const std::string& cwd,
                           const std::vector<std::string>& args, const std::string& stdin_data) {
  static int counter = 0;
  std::string base = cwd + "/.run" + std::to_string(++counter);
  WriteFile(base + ".in", stdin_data);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  posix_spawn_file_actions_addopen(&actions, 0, (base + ".in").c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, (base + ".out").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, (base + ".err").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> argv_s{program};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  // The user's own configuration must not leak into tests.
  std::vector<std::string> env_s;
  for (char** e = environ; *e; ++e) {
    std::string v(*e);
    if (v.rfind("BUBBLEWATCH_", 0) != 0) env_s.push_back(v);
  }
  std::vector<char*> env;
  for (auto& v : env_s) env.push_back(v.data());
  env.push_back(nullptr);

  pid_t pid;
  RunningBinary running;
  running.base = base;
  if (posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), env.data()) == 0) {
    running.pid = pid;
  }
  posix_spawn_file_actions_destroy(&actions);
  return running;
}

}  // namespace

RunResult RunProgram(const std::string& program, const std::string& cwd,
                     const std::vector<std::string>& args, const std::string& stdin_data) {
  return WaitBubblewatch(SpawnProgram(program, cwd, args, stdin_data));
}

RunResult RunBubblewatch(const std::string& cwd, const std::vector<std::string>& args,
                         const std::string& stdin_data) {
  return WaitBubblewatch(SpawnBubblewatch(cwd, args, stdin_data));
}

RunningBinary SpawnBubblewatch(const std::string& cwd, const std::vector<std::string>& args,
                               const std::string& stdin_data) {
  return SpawnProgram(BW_BINARY, cwd, args, stdin_data);
}

RunResult WaitBubblewatch(const RunningBinary& running) {
  RunResult r;
  if (running.pid > 0) {
    int status = 0;
    waitpid(running.pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  r.out = ReadFile(running.base + ".out");
  r.err = ReadFile(running.base + ".err");
  return r;
}

}  // namespace bw::testing
