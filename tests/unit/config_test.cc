#include "pipeline/config.h"

#include "tests/support/test_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>

namespace bw {
namespace {

namespace fs = std::filesystem;

using testing::TempDir;

// Sets (or unsets, with nullopt) an environment variable for the scope of a
// test and puts the old value back afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      setenv(name, value->c_str(), 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// Changes the working directory for the scope of a test.
class ScopedChdir {
 public:
  explicit ScopedChdir(const fs::path& dir) : old_(fs::current_path()) { fs::current_path(dir); }
  ~ScopedChdir() {
    std::error_code ec;
    fs::current_path(old_, ec);
  }
  ScopedChdir(const ScopedChdir&) = delete;
  ScopedChdir& operator=(const ScopedChdir&) = delete;

 private:
  fs::path old_;
};

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// ---------------------------------------------------------------------------
// LoadConfig

TEST(ConfigLoad, FullValidFile) {
  TempDir dir;
  std::string path = dir.Write("bw.toml", R"toml(
[database]
path = "/var/lib/bubblewatch/news.db"

[crawl]
allow_private_networks = true

[limits]
max_body_bytes = 2048
timeout_s = 7
)toml");
  Result<Config> c = LoadConfig(path);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->path, path);
  EXPECT_EQ(c->database_path, "/var/lib/bubblewatch/news.db");
  EXPECT_TRUE(c->allow_private_networks);
  EXPECT_EQ(c->limits.max_body_bytes, 2048u);
  EXPECT_EQ(c->limits.timeout_s, 7);
  // Keys the file cannot set keep their defaults.
  EXPECT_EQ(c->limits.connect_timeout_s, FetchLimits{}.connect_timeout_s);
  EXPECT_EQ(c->limits.max_redirects, FetchLimits{}.max_redirects);
}

TEST(ConfigLoad, EmptyFileGivesDefaults) {
  TempDir dir;
  std::string path = dir.Write("empty.toml", "");
  Result<Config> c = LoadConfig(path);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->path, path);
  EXPECT_EQ(c->database_path, "");
  EXPECT_FALSE(c->allow_private_networks);
  EXPECT_EQ(c->limits.max_body_bytes, 10485760u);
  EXPECT_EQ(c->limits.timeout_s, 30);
}

TEST(ConfigLoad, CommentsOnlyAndEmptySectionsGiveDefaults) {
  TempDir dir;
  std::string path = dir.Write("c.toml", "# nothing yet\n[database]\n[crawl]\n[limits]\n");
  Result<Config> c = LoadConfig(path);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->database_path, "");
  EXPECT_FALSE(c->allow_private_networks);
  EXPECT_EQ(c->limits.max_body_bytes, 10485760u);
  EXPECT_EQ(c->limits.timeout_s, 30);
}

// The example of DESIGN.md, with keys and sections this version does not read
// (max_images, [politeness.robots]): unknown sections and keys outside
// [[sources]] are accepted, for configurations written for later versions.
TEST(ConfigLoad, FutureKeysAndSectionsAreAccepted) {
  TempDir dir;
  std::string path = dir.Write("design.toml", R"toml(
top_level_future_key = "x"

[database]
path = "bubblewatch.db"

[crawl]
concurrency = 8              # transfers at once, all hosts
per_host_concurrency = 1
per_host_delay_s = 2.0
max_crawl_delay_s = 30
allow_private_networks = false
max_runtime_s = 0

[limits]
max_body_bytes = 10485760
timeout_s = 30
max_images = 3

[[sources]]
name = "register-ai"
type = "atom"
url = "https://example.com/feed.atom"
lang = "en"
kind = "article"
tags = ["tech"]
interval_min = 30
max_items = 50

[[sources]]
name = "second"
type = "rss"
url = "https://example.org/rss"

[politeness.robots]
obey = true
)toml");
  Result<Config> c = LoadConfig(path);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->database_path, "bubblewatch.db");
  EXPECT_FALSE(c->allow_private_networks);
  EXPECT_EQ(c->limits.max_body_bytes, 10485760u);
  EXPECT_EQ(c->limits.timeout_s, 30);
}

TEST(ConfigLoad, BoundariesAreAccepted) {
  TempDir dir;
  std::string low = dir.Write("low.toml", "[limits]\nmax_body_bytes = 1024\ntimeout_s = 1\n");
  Result<Config> c = LoadConfig(low);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->limits.max_body_bytes, 1024u);
  EXPECT_EQ(c->limits.timeout_s, 1);

  std::string high =
      dir.Write("high.toml", "[limits]\nmax_body_bytes = 4294967296\ntimeout_s = 3600\n");
  c = LoadConfig(high);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->limits.max_body_bytes, size_t{4294967296});
  EXPECT_EQ(c->limits.timeout_s, 3600);
}

TEST(ConfigLoad, SyntaxErrorNamesFileAndLine) {
  TempDir dir;
  std::string path = dir.Write("bad.toml", "# comment\n[limits\ntimeout_s = 5\n");
  Result<Config> c = LoadConfig(path);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().exit_code(), 64);
  const std::string m = c.status().message();
  EXPECT_EQ(m.rfind(path + ":", 0), 0u) << m;
  EXPECT_TRUE(Contains(m, path + ":2:")) << m;
}

struct BadConfigCase {
  const char* label;
  const char* contents;
  const char* expected_suffix;  // the message is "<path>" + this
};

TEST(ConfigLoad, BadValuesAreUsageErrorsNamingFileLineAndKey) {
  const BadConfigCase kCases[] = {
      {"string for an integer", "[limits]\nmax_body_bytes = 2048\ntimeout_s = \"x\"\n",
       ":3: limits.timeout_s: expected an integer"},
      {"float for an integer", "[limits]\ntimeout_s = 7.0\n",
       ":2: limits.timeout_s: expected an integer"},
      {"bool for an integer", "[limits]\nmax_body_bytes = true\n",
       ":2: limits.max_body_bytes: expected an integer"},
      {"timeout zero", "[limits]\n\ntimeout_s = 0\n",
       ":3: limits.timeout_s: must be between 1 and 3600"},
      {"timeout too long", "[limits]\ntimeout_s = 3601\n",
       ":2: limits.timeout_s: must be between 1 and 3600"},
      {"timeout negative", "[limits]\ntimeout_s = -5\n",
       ":2: limits.timeout_s: must be between 1 and 3600"},
      {"body too small", "[limits]\nmax_body_bytes = 10\n",
       ":2: limits.max_body_bytes: must be between 1024 and 4294967296"},
      {"body too large", "[limits]\nmax_body_bytes = 4294967297\n",
       ":2: limits.max_body_bytes: must be between 1024 and 4294967296"},
      {"string for a boolean", "[crawl]\nallow_private_networks = \"yes\"\n",
       ":2: crawl.allow_private_networks: expected true or false"},
      {"integer for a boolean", "[crawl]\nallow_private_networks = 1\n",
       ":2: crawl.allow_private_networks: expected true or false"},
      {"integer for a path", "[database]\npath = 5\n",
       ":2: database.path: expected a non-empty string"},
      {"empty path", "[database]\npath = \"\"\n", ":2: database.path: expected a non-empty string"},
  };
  TempDir dir;
  int n = 0;
  for (const BadConfigCase& c : kCases) {
    SCOPED_TRACE(c.label);
    std::string path = dir.Write("bad" + std::to_string(n++) + ".toml", c.contents);
    Result<Config> r = LoadConfig(path);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().exit_code(), 64);
    EXPECT_EQ(r.status().message(), path + c.expected_suffix);
  }
}

TEST(ConfigLoad, MissingFileIsAUsageErrorNamingThePath) {
  TempDir dir;
  std::string path = (dir.path() / "no-such-dir" / "bubblewatch.toml").string();
  Result<Config> c = LoadConfig(path);
  ASSERT_FALSE(c.ok());
  // toml++ reports the unreadable file as a parse error, so this is 64 (usage),
  // not 74 (I/O).
  EXPECT_EQ(c.status().exit_code(), 64);
  EXPECT_EQ(c.status().message().rfind(path + ": ", 0), 0u) << c.status().message();
}

TEST(ConfigLoad, InvalidUtf8IsASyntaxError) {
  TempDir dir;
  std::string path = dir.Write("latin1.toml", "[database]\npath = \"caf\xe9.db\"\n");
  Result<Config> c = LoadConfig(path);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().exit_code(), 64);
  EXPECT_TRUE(Contains(c.status().message(), path + ":2:")) << c.status().message();
}

// The header promises that "a key of the wrong type" fails; a known section
// given as a scalar is such a key.
TEST(ConfigLoad, KnownSectionOfTheWrongTypeIsRefused) {
  TempDir dir;
  for (const char* contents : {"limits = 5\n", "crawl = \"x\"\n", "database = []\n"}) {
    SCOPED_TRACE(contents);
    std::string path = dir.Write("wrong.toml", contents);
    Result<Config> c = LoadConfig(path);
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.status().exit_code(), 64);
    EXPECT_TRUE(Contains(c.status().message(), path + ":1:")) << c.status().message();
  }
}

TEST(ConfigLoad, DirectoryIsNotAConfigFile) {
  TempDir dir;
  Result<Config> c = LoadConfig(dir.path().string());
  ASSERT_FALSE(c.ok());
  EXPECT_TRUE(Contains(c.status().message(), dir.path().string())) << c.status().message();
}

// ---------------------------------------------------------------------------
// [crawl] and [[sources]]

TEST(ConfigLoad, CrawlSettingsAndSources) {
  TempDir dir;
  std::string path = dir.Write("crawl.toml", R"toml(
[crawl]
concurrency = 4
per_host_concurrency = 2
per_host_delay_s = 0.5
max_crawl_delay_s = 10
max_runtime_s = 240

[[sources]]
name = "register-ai"
type = "atom"
url = "HTTPS://www.TheRegister.com:443/headlines.atom"
lang = "en"
tags = ["tech", "datacentre"]
interval_min = 15
max_items = 20

[[sources]]
name = "itmedia"
type = "rss"
url = "https://rss.itmedia.co.jp/rss/2.0/news_bursts.xml"
kind = "post"
)toml");
  Result<Config> c = LoadConfig(path);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->crawl.concurrency, 4);
  EXPECT_EQ(c->crawl.per_host_concurrency, 2);
  EXPECT_DOUBLE_EQ(c->crawl.per_host_delay_s, 0.5);
  EXPECT_DOUBLE_EQ(c->crawl.max_crawl_delay_s, 10);
  EXPECT_EQ(c->crawl.max_runtime_s, 240);
  EXPECT_EQ(c->crawl.max_retries, CrawlSettings{}.max_retries);
  ASSERT_EQ(c->sources.size(), 2u);
  const SourceConfig& a = c->sources[0];
  EXPECT_EQ(a.name, "register-ai");
  EXPECT_EQ(a.type, "atom");
  EXPECT_EQ(a.url, "https://www.theregister.com/headlines.atom");  // normalised
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.kind, "article");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"tech", "datacentre"}));
  EXPECT_EQ(a.interval_min, 15);
  EXPECT_EQ(a.max_items, 20);
  EXPECT_EQ(a.line, 9);
  const SourceConfig& b = c->sources[1];
  EXPECT_EQ(b.lang, "");
  EXPECT_EQ(b.kind, "post");
  EXPECT_TRUE(b.tags.empty());
  EXPECT_EQ(b.interval_min, 30);
  EXPECT_EQ(b.max_items, 50);
}

TEST(ConfigLoad, InlineSourceTablesAreSourcesToo) {
  TempDir dir;
  std::string path = dir.Write("inline.toml",
                               "sources = [\n"
                               "  { name = \"a\", type = \"rss\", url = \"https://a.example/rss\" },\n"
                               "  { name = \"b\", type = \"sitemap\", url = \"https://b.example/s.xml\" },\n"
                               "]\n");
  Result<Config> c = LoadConfig(path);
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_EQ(c->sources.size(), 2u);
  EXPECT_EQ(c->sources[1].type, "sitemap");
}

TEST(ConfigLoad, BadSourcesNameFileLineAndKey) {
  const std::string head = "[[sources]]\nname = \"a\"\ntype = \"rss\"\nurl = \"https://a.example/\"\n";
  const BadConfigCase kCases[] = {
      {"missing url", "[[sources]]\nname = \"a\"\ntype = \"rss\"\n",
       ":1: sources[0].url: missing (every source needs name, type and url)"},
      {"social type not in this version", "[[sources]]\nname = \"r\"\ntype = \"reddit\"\nurl = \"https://reddit.com/r/x\"\n",
       ":3: sources[0].type: 'reddit' is not a type this version crawls (rss, atom, jsonfeed, sitemap, page)"},
      {"ftp url", "[[sources]]\nname = \"a\"\ntype = \"rss\"\nurl = \"ftp://a.example/feed\"\n",
       ":4: sources[0].url: ftp://a.example/feed: scheme 'ftp' is not fetched (only http and https)"},
      {"bad lang", "[[sources]]\nname = \"a\"\ntype = \"rss\"\nurl = \"https://a.example/\"\nlang = \"fr\"\n",
       ":5: sources[0].lang: expected zh, zh-Hans, zh-Hant, zh-CN, zh-TW, zh-HK, ja or en"},
      {"bad kind", "[[sources]]\nname = \"a\"\ntype = \"rss\"\nurl = \"https://a.example/\"\nkind = \"tweet\"\n",
       ":5: sources[0].kind: expected \"article\" or \"post\""},
      {"interval zero", "[[sources]]\nname = \"a\"\ntype = \"rss\"\nurl = \"https://a.example/\"\ninterval_min = 0\n",
       ":5: sources[0].interval_min: must be between 1 and 10080"},
      {"typo in a key", "[[sources]]\nname = \"a\"\ntype = \"rss\"\nurl = \"https://a.example/\"\nintervall_min = 5\n",
       ":5: sources[0].intervall_min: unknown key"},
      {"tags not strings", "[[sources]]\nname = \"a\"\ntype = \"rss\"\nurl = \"https://a.example/\"\ntags = [1]\n",
       ":5: sources[0].tags: expected an array of strings"},
      {"name with a space", "[[sources]]\nname = \"a b\"\ntype = \"rss\"\nurl = \"https://a.example/\"\n",
       ":2: sources[0].name: expected a name without spaces"},
      {"sources not an array", "sources = 3\n",
       ":1: sources: expected an array of tables ([[sources]])"},
      {"crawl delay negative", "[crawl]\nper_host_delay_s = -1\n",
       ":2: crawl.per_host_delay_s: must be between 0 and 3600"},
      {"concurrency zero", "[crawl]\nconcurrency = 0\n",
       ":2: crawl.concurrency: must be between 1 and 256"},
  };
  TempDir dir;
  int n = 0;
  for (const BadConfigCase& c : kCases) {
    SCOPED_TRACE(c.label);
    std::string path = dir.Write("src" + std::to_string(n++) + ".toml", c.contents);
    Result<Config> r = LoadConfig(path);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().exit_code(), 64);
    EXPECT_EQ(r.status().message(), path + c.expected_suffix);
  }
  // A name given twice: the second is named.
  std::string twice = dir.Write("twice.toml", head + "\n" + head);
  Result<Config> r = LoadConfig(twice);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), twice + ":7: sources[1].name: 'a' names another source already");
}

// The shipped default: at least 15 sources, at least 4 in each language and
// script, every one valid (LoadConfig checks each).
TEST(ConfigLoad, ShippedDefaultHasFourSourcesPerLanguage) {
  Result<Config> c = LoadConfig(std::string(BW_SOURCE_DIR) + "/config/bubblewatch.toml");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_GE(c->sources.size(), 15u);
  std::map<std::string, int> per_lang;
  for (const SourceConfig& s : c->sources) {
    ++per_lang[s.lang];
    EXPECT_EQ(s.url.rfind("https://", 0), 0u) << s.name;
  }
  for (const char* lang : {"zh-Hans", "zh-Hant", "ja", "en"}) {
    EXPECT_GE(per_lang[lang], 4) << lang;
  }
  EXPECT_EQ(c->crawl.per_host_concurrency, 1);
  EXPECT_DOUBLE_EQ(c->crawl.per_host_delay_s, 2.0);
  EXPECT_TRUE(c->crawl.obey_robots);
  EXPECT_FALSE(c->allow_private_networks);
}

// ---------------------------------------------------------------------------
// ChooseDatabasePath: --db > config > $BUBBLEWATCH_DB > ./bubblewatch.db

TEST(ConfigChooseDatabasePath, Precedence) {
  Config with_path;
  with_path.database_path = "/from/config.db";
  Config without_path;

  {
    ScopedEnv env("BUBBLEWATCH_DB", "/from/env.db");
    EXPECT_EQ(ChooseDatabasePath("/from/flag.db", with_path), "/from/flag.db");
    EXPECT_EQ(ChooseDatabasePath("", with_path), "/from/config.db");
    EXPECT_EQ(ChooseDatabasePath("", without_path), "/from/env.db");
  }
  {
    ScopedEnv env("BUBBLEWATCH_DB", std::nullopt);
    EXPECT_EQ(ChooseDatabasePath("/from/flag.db", without_path), "/from/flag.db");
    EXPECT_EQ(ChooseDatabasePath("", with_path), "/from/config.db");
    EXPECT_EQ(ChooseDatabasePath("", without_path), "bubblewatch.db");
  }
  {
    ScopedEnv env("BUBBLEWATCH_DB", "");  // set but empty counts as unset
    EXPECT_EQ(ChooseDatabasePath("", without_path), "bubblewatch.db");
  }
}

// ---------------------------------------------------------------------------
// ChooseConfigPath: --config > $BUBBLEWATCH_CONFIG > ./config/bubblewatch.toml > ""

TEST(ConfigChooseConfigPath, Precedence) {
  TempDir dir;
  ScopedChdir cwd(dir.path());  // an empty directory: no ./config/bubblewatch.toml
  {
    ScopedEnv env("BUBBLEWATCH_CONFIG", "/from/env.toml");
    EXPECT_EQ(ChooseConfigPath("/from/flag.toml"), "/from/flag.toml");
    EXPECT_EQ(ChooseConfigPath(""), "/from/env.toml");
  }
  {
    ScopedEnv env("BUBBLEWATCH_CONFIG", std::nullopt);
    EXPECT_EQ(ChooseConfigPath("/from/flag.toml"), "/from/flag.toml");
    EXPECT_EQ(ChooseConfigPath(""), "");

    fs::create_directory(dir.path() / "config");
    dir.Write("config/bubblewatch.toml", "");
    EXPECT_EQ(ChooseConfigPath(""), "config/bubblewatch.toml");
    EXPECT_EQ(ChooseConfigPath("/from/flag.toml"), "/from/flag.toml");
  }
  {
    ScopedEnv env("BUBBLEWATCH_CONFIG", "/from/env.toml");
    EXPECT_EQ(ChooseConfigPath(""), "/from/env.toml");  // the environment beats ./config
  }
  {
    ScopedEnv env("BUBBLEWATCH_CONFIG", "");  // set but empty counts as unset
    EXPECT_EQ(ChooseConfigPath(""), "config/bubblewatch.toml");
  }
}

TEST(ConfigChooseConfigPath, DirectoryNamedLikeTheDefaultIsIgnored) {
  TempDir dir;
  ScopedChdir cwd(dir.path());
  ScopedEnv env("BUBBLEWATCH_CONFIG", std::nullopt);
  fs::create_directories(dir.path() / "config" / "bubblewatch.toml");
  EXPECT_EQ(ChooseConfigPath(""), "");
}

}  // namespace
}  // namespace bw
