#include "pipeline/config.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <toml++/toml.h>

namespace bw {
namespace {

Status KeyError(const std::string& file, const toml::node& node, const std::string& key,
                const std::string& problem) {
  return Status::Usage(file + ":" + std::to_string(node.source().begin.line) + ": " + key + ": " +
                       problem);
}

// Reads an optional integer key in [min, max] into *out.
Status ReadInt(const std::string& file, const toml::table& table, const char* section,
               const char* key, int64_t min, int64_t max, int64_t* out) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return Status::OK();
  std::string name = std::string(section) + "." + key;
  auto v = node->value<int64_t>();
  if (!node->is_integer() || !v) return KeyError(file, *node, name, "expected an integer");
  if (*v < min || *v > max) {
    return KeyError(file, *node, name,
                    "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  *out = *v;
  return Status::OK();
}

}  // namespace

Result<Config> LoadConfig(const std::string& path) {
  Config config;
  config.path = path;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::Usage(path + ": configuration file not found (or not a regular file)");
  }
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    std::string what(e.description());
    if (e.source().begin.line == 0) return Status::Usage(path + ": " + what);
    return Status::Usage(path + ":" + std::to_string(e.source().begin.line) + ": " + what);
  }
  for (const char* section : {"database", "crawl", "limits"}) {
    const toml::node* node = root.get(section);
    if (node != nullptr && !node->is_table()) {
      return KeyError(path, *node, section, "expected a table ([" + std::string(section) + "])");
    }
  }
  if (const toml::table* db = root["database"].as_table()) {
    if (const toml::node* p = db->get("path")) {
      if (!p->is_string() || p->value<std::string>()->empty()) {
        return KeyError(path, *p, "database.path", "expected a non-empty string");
      }
      config.database_path = *p->value<std::string>();
    }
  }
  if (const toml::table* crawl = root["crawl"].as_table()) {
    if (const toml::node* n = crawl->get("allow_private_networks")) {
      if (!n->is_boolean()) return KeyError(path, *n, "crawl.allow_private_networks", "expected true or false");
      config.allow_private_networks = *n->value<bool>();
    }
  }
  if (const toml::table* limits = root["limits"].as_table()) {
    int64_t max_body = static_cast<int64_t>(config.limits.max_body_bytes);
    int64_t timeout = config.limits.timeout_s;
    if (Status s = ReadInt(path, *limits, "limits", "max_body_bytes", 1024, int64_t{1} << 32, &max_body);
        !s.ok()) {
      return s;
    }
    if (Status s = ReadInt(path, *limits, "limits", "timeout_s", 1, 3600, &timeout); !s.ok()) return s;
    config.limits.max_body_bytes = static_cast<size_t>(max_body);
    config.limits.timeout_s = static_cast<long>(timeout);
  }
  return config;
}

std::string ChooseConfigPath(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("BUBBLEWATCH_CONFIG"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::is_regular_file("config/bubblewatch.toml", ec)) {
    return "config/bubblewatch.toml";
  }
  return "";
}

std::string ChooseDatabasePath(const std::string& flag, const Config& config) {
  if (!flag.empty()) return flag;
  if (!config.database_path.empty()) return config.database_path;
  if (const char* env = std::getenv("BUBBLEWATCH_DB"); env && *env) return env;
  return "bubblewatch.db";
}

}  // namespace bw
