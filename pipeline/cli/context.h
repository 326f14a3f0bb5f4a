// What every command shares: the global options and the resources they name
// (configuration, lexicons, database), each loaded only when a command asks.
#ifndef BUBBLEWATCH_PIPELINE_CLI_CONTEXT_H_
#define BUBBLEWATCH_PIPELINE_CLI_CONTEXT_H_

#include <memory>
#include <string>

#include "common/result.h"
#include "db/database.h"
#include "extractors/lexicon.h"
#include "pipeline/config.h"

namespace bw::cli {

struct GlobalOptions {
  std::string db_path;
  std::string config_path;
  std::string lexicons_dir;
};

class Context {
 public:
  explicit Context(GlobalOptions options) : options_(std::move(options)) {}

  const GlobalOptions& options() const { return options_; }
  // The configuration (see ChooseConfigPath); a bad file fails with exit 64.
  Result<Config> LoadConfig() const;
  // The built-in lexicons, with the files of --lexicons DIR laid over them.
  Result<LexiconSet> LoadLexicons() const;
  // Opens the database chosen by --db, the config or the environment.
  Result<std::unique_ptr<Database>> OpenDatabase(const Config& config) const;
  // OpenDatabase for commands that only read: a database that does not exist
  // yet is an I/O error (exit 74) instead of a new empty file.
  Result<std::unique_ptr<Database>> OpenExistingDatabase(const Config& config) const;

 private:
  GlobalOptions options_;
};

// Prints "bubblewatch: MESSAGE" on stderr and returns the status's exit code.
int Fail(const Status& status);

}  // namespace bw::cli

#endif  // BUBBLEWATCH_PIPELINE_CLI_CONTEXT_H_
