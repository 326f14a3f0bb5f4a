#include "pipeline/config.h"

#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <system_error>
#include <toml++/toml.h>

#include "pipeline/url.h"

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

std::string FormatNumber(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// Reads an optional number (integer or float) key in [min, max] into *out.
Status ReadNumber(const std::string& file, const toml::table& table, const std::string& name,
                  const char* key, double min, double max, double* out) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return Status::OK();
  std::optional<double> v;
  if (node->is_integer()) v = static_cast<double>(*node->value<int64_t>());
  if (node->is_floating_point()) v = *node->value<double>();
  const std::string full = name + "." + key;
  if (!v) return KeyError(file, *node, full, "expected a number");
  if (!(*v >= min && *v <= max)) {
    return KeyError(file, *node, full,
                    "must be between " + FormatNumber(min) + " and " + FormatNumber(max));
  }
  *out = *v;
  return Status::OK();
}

Status ReadBool(const std::string& file, const toml::table& table, const std::string& name,
                const char* key, bool* out) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return Status::OK();
  if (!node->is_boolean()) return KeyError(file, *node, name + "." + key, "expected true or false");
  *out = *node->value<bool>();
  return Status::OK();
}

Status ReadString(const std::string& file, const toml::table& table, const std::string& name,
                  const char* key, std::string* out) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return Status::OK();
  if (!node->is_string()) return KeyError(file, *node, name + "." + key, "expected a string");
  *out = *node->value<std::string>();
  return Status::OK();
}

Status ReadCrawl(const std::string& file, const toml::table& t, CrawlSettings* c) {
  int64_t concurrency = c->concurrency, per_host = c->per_host_concurrency;
  int64_t runtime = c->max_runtime_s, retries = c->max_retries, attempts = c->max_item_attempts;
  for (Status s : {ReadInt(file, t, "crawl", "concurrency", 1, 256, &concurrency),
                   ReadInt(file, t, "crawl", "per_host_concurrency", 1, 16, &per_host),
                   ReadInt(file, t, "crawl", "max_runtime_s", 0, 86400, &runtime),
                   ReadInt(file, t, "crawl", "max_retries", 0, 10, &retries),
                   ReadInt(file, t, "crawl", "max_item_attempts", 1, 100, &attempts),
                   ReadNumber(file, t, "crawl", "per_host_delay_s", 0, 3600, &c->per_host_delay_s),
                   ReadNumber(file, t, "crawl", "max_crawl_delay_s", 0, 3600, &c->max_crawl_delay_s),
                   ReadNumber(file, t, "crawl", "max_retry_after_s", 0, 86400,
                              &c->max_retry_after_s),
                   ReadBool(file, t, "crawl", "obey_robots", &c->obey_robots)}) {
    if (!s.ok()) return s;
  }
  c->concurrency = static_cast<int>(concurrency);
  c->per_host_concurrency = static_cast<int>(per_host);
  c->max_runtime_s = static_cast<int>(runtime);
  c->max_retries = static_cast<int>(retries);
  c->max_item_attempts = static_cast<int>(attempts);
  return Status::OK();
}

Status ReadSource(const std::string& file, const toml::table& t, size_t index,
                  SourceConfig* src) {
  const std::string name = "sources[" + std::to_string(index) + "]";
  static const std::set<std::string> kKeys = {"name", "type",  "url",          "lang",
                                              "kind", "tags",  "interval_min", "max_items"};
  for (const auto& [key, node] : t) {
    if (!kKeys.count(std::string(key.str()))) {
      return KeyError(file, node, name + "." + std::string(key.str()), "unknown key");
    }
  }
  src->line = static_cast<int>(t.source().begin.line);
  for (const char* key : {"name", "type", "url"}) {
    if (t.get(key) == nullptr) {
      return Status::Usage(file + ":" + std::to_string(src->line) + ": " + name + "." + key +
                           ": missing (every source needs name, type and url)");
    }
  }
  for (Status s : {ReadString(file, t, name, "name", &src->name),
                   ReadString(file, t, name, "type", &src->type),
                   ReadString(file, t, name, "url", &src->url),
                   ReadString(file, t, name, "lang", &src->lang),
                   ReadString(file, t, name, "kind", &src->kind)}) {
    if (!s.ok()) return s;
  }
  if (src->name.empty() || src->name.find_first_of(" \t\r\n") != std::string::npos) {
    return KeyError(file, *t.get("name"), name + ".name", "expected a name without spaces");
  }
  if (!IsCrawlSourceType(src->type)) {
    return KeyError(file, *t.get("type"), name + ".type",
                    "'" + src->type + "' is not a type this version crawls "
                    "(rss, atom, jsonfeed, sitemap, page)");
  }
  auto url = ValidateFetchUrl(src->url);
  if (!url.ok()) return KeyError(file, *t.get("url"), name + ".url", url.status().message());
  src->url = *url;
  static const std::set<std::string> kLangs = {"", "zh", "zh-Hans", "zh-Hant", "zh-CN",
                                               "zh-TW", "zh-HK", "ja", "en"};
  if (!kLangs.count(src->lang)) {
    return KeyError(file, *t.get("lang"), name + ".lang",
                    "expected zh, zh-Hans, zh-Hant, zh-CN, zh-TW, zh-HK, ja or en");
  }
  if (src->kind != "article" && src->kind != "post") {
    return KeyError(file, *t.get("kind"), name + ".kind", "expected \"article\" or \"post\"");
  }
  if (const toml::node* tags = t.get("tags")) {
    const toml::array* arr = tags->as_array();
    if (arr == nullptr) return KeyError(file, *tags, name + ".tags", "expected an array of strings");
    for (const toml::node& tag : *arr) {
      if (!tag.is_string()) return KeyError(file, tag, name + ".tags", "expected an array of strings");
      src->tags.push_back(*tag.value<std::string>());
    }
  }
  int64_t interval = src->interval_min, max_items = src->max_items;
  const std::string n = name;
  if (Status s = ReadInt(file, t, n.c_str(), "interval_min", 1, 10080, &interval); !s.ok()) return s;
  if (Status s = ReadInt(file, t, n.c_str(), "max_items", 1, 10000, &max_items); !s.ok()) return s;
  src->interval_min = static_cast<int>(interval);
  src->max_items = static_cast<int>(max_items);
  return Status::OK();
}

Status ReadSources(const std::string& file, const toml::node& node,
                   std::vector<SourceConfig>* out) {
  const toml::array* arr = node.as_array();
  if (arr == nullptr) return KeyError(file, node, "sources", "expected an array of tables ([[sources]])");
  std::set<std::string> names;
  for (size_t i = 0; i < arr->size(); ++i) {
    const toml::node& item = (*arr)[i];
    const toml::table* t = item.as_table();
    const std::string name = "sources[" + std::to_string(i) + "]";
    if (t == nullptr) return KeyError(file, item, name, "expected a table");
    SourceConfig src;
    if (Status s = ReadSource(file, *t, i, &src); !s.ok()) return s;
    if (!names.insert(src.name).second) {
      return KeyError(file, *t->get("name"), name + ".name",
                      "'" + src.name + "' names another source already");
    }
    out->push_back(std::move(src));
  }
  return Status::OK();
}

}  // namespace

bool IsCrawlSourceType(const std::string& type) {
  return type == "rss" || type == "atom" || type == "jsonfeed" || type == "sitemap" ||
         type == "page";
}

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
    if (Status s = ReadBool(path, *crawl, "crawl", "allow_private_networks",
                            &config.allow_private_networks);
        !s.ok()) {
      return s;
    }
    if (Status s = ReadCrawl(path, *crawl, &config.crawl); !s.ok()) return s;
  }
  if (const toml::node* sources = root.get("sources")) {
    if (Status s = ReadSources(path, *sources, &config.sources); !s.ok()) return s;
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
