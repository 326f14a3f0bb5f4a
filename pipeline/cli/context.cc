#include "pipeline/cli/context.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace bw::cli {

Result<Config> Context::LoadConfig() const {
  std::string path = ChooseConfigPath(options_.config_path);
  if (path.empty()) return Config{};
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::Usage(path + ": configuration file not found");
  }
  return bw::LoadConfig(path);
}

Result<LexiconSet> Context::LoadLexicons() const {
  LexiconSet set = LexiconSet::Embedded();
  if (options_.lexicons_dir.empty()) return set;
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path root(options_.lexicons_dir);
  if (!fs::is_directory(root, ec)) {
    return Status::Usage(options_.lexicons_dir + ": --lexicons is not a directory");
  }
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".txt") continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) return Status::IoError(it->path().string() + ": cannot read");
    set.AddFile(it->path().lexically_relative(root).generic_string(), content.str());
  }
  if (ec) return Status::IoError(options_.lexicons_dir + ": " + ec.message());
  return set;
}

Result<std::unique_ptr<Database>> Context::OpenDatabase(const Config& config) const {
  return Database::Open(ChooseDatabasePath(options_.db_path, config));
}

Result<std::unique_ptr<Database>> Context::OpenExistingDatabase(const Config& config) const {
  const std::string path = ChooseDatabasePath(options_.db_path, config);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::IoError(path + ": no such database (crawl or fetch first, or give --db)");
  }
  return Database::Open(path);
}

int Fail(const Status& status) {
  std::cerr << "bubblewatch: " << status.message() << "\n";
  return status.exit_code();
}

}  // namespace bw::cli
