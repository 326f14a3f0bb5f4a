// End-to-end tests of `bubblewatch search` and `bubblewatch show` on a
// database the test fills through the library: what is printed, and the exit
// codes of usage errors and unknown documents.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "db/database.h"
#include "tests/integration/run_binary.h"

namespace bw {
namespace {

using testing::RunBubblewatch;
using testing::RunResult;
using testing::TempDir;

void ExpectOneLine(const RunResult& r) {
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);) lines.push_back(nlohmann::json::parse(l));
  return lines;
}

std::vector<int64_t> Ids(const std::string& json_lines) {
  std::vector<int64_t> ids;
  for (const auto& j : JsonLines(json_lines)) ids.push_back(j["id"]);
  return ids;
}

class DocumentCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(Db());
    ASSERT_TRUE(db.ok()) << db.status().message();
    // 1: Chinese, with a figure and a stance; fetched under a tracking URL.
    AnalysisRecord zh = Record("https://ukiyo.example/a?utm_source=rss", "https://ukiyo.example/a",
                               "AI泡沫论再起", "zh", "分析师警告人工智能泡沫正在形成。英伟达投资1000亿美元。");
    zh.published = DateTime{.year = 2025, .month = 10, .day = 12, .has_time = true, .hour = 9,
                            .minute = 0, .second = 0, .utc_offset_minutes = 8 * 60};
    zh.figures = {Figure{.kind = "money", .value = 1e11, .currency = "USD", .qualifier = "up_to",
                         .entity = "NVIDIA", .span = "1000亿美元", .start = 63, .end = 76}};
    zh.entities = {"NVIDIA"};
    Stance stance{.label = StanceLabel::kBubble, .score = -0.5, .bubble = 1, .revolution = 0,
                  .evidence = {SentenceStance{.start = 0, .end = 48, .score = -1, .weight = 1,
                                              .label = StanceLabel::kBubble,
                                              .cues = {{.text = "泡沫"}}, .rules = {}}}};
    zh.stance = stance;
    Store(**db, zh, {});
    // 2: a Japanese post.
    AnalysisRecord ja = Record("https://jp.example/b", "", "AIバブルは崩壊するのか", "ja",
                               "データセンターへの投資が急増している。");
    ja.kind = "post";
    ja.published = DateTime{.year = 2025, .month = 10, .day = 13, .has_time = true, .hour = 9,
                            .minute = 0, .second = 0, .utc_offset_minutes = 9 * 60};
    Store(**db, ja, {});
    // 3 and 4: English, the second a near-duplicate of the first.
    AnalysisRecord en = Record("https://en.example/c", "", "Nvidia bets on OpenAI", "en",
                               "NVIDIA will invest up to $100 billion. Is AI a bubble?");
    en.published = DateTime{.year = 2025, .month = 10, .day = 14};
    Store(**db, en, {.simhash = 42});
    en.url = "https://copy.example/c";
    Store(**db, en, {.simhash = 42});
  }

  static AnalysisRecord Record(const std::string& url, const std::string& canonical,
                               const std::string& title, const std::string& lang,
                               const std::string& text) {
    AnalysisRecord r;
    r.url = url;
    r.canonical_url = canonical;
    r.title = title;
    r.lang = lang;
    r.status = ArticleStatus::kOk;
    r.text = text;
    return r;
  }

  static void Store(Database& db, const AnalysisRecord& r, const DocumentOrigin& origin) {
    FetchRecord fetch{r.url, r.url, "ok", 200, "text/html", "UTF-8", 10, 5, "", std::nullopt};
    auto stored = db.StoreDocument(fetch, "<html></html>", r, origin);
    ASSERT_TRUE(stored.ok()) << stored.status().message();
  }

  RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", Db()});
    return RunBubblewatch(dir_.path(), args);
  }
  std::string Db() const { return dir_.File("bw.db"); }

  TempDir dir_;
};

TEST_F(DocumentCliTest, SearchPrintsOneBlockPerDocument) {
  RunResult r = Run({"search", "泡沫"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "#1  2025-10-12  zh  ukiyo.example\n"
            "    AI[泡沫]论再起\n"
            "    https://ukiyo.example/a\n"
            "    分析师警告人工智能[泡沫]正在形成。英伟达投资1000亿美元。\n");

  RunResult two = Run({"search", "AI", "--lang", "zh,ja"});
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_NE(two.out.find("#1  2025-10-12  zh  ukiyo.example\n"), std::string::npos) << two.out;
  EXPECT_NE(two.out.find("\n\n#2  2025-10-13  ja  jp.example\n    [AI]バブルは崩壊するのか\n"),
            std::string::npos) << two.out;
}

TEST_F(DocumentCliTest, SearchJsonLinesFiltersAndDuplicates) {
  RunResult r = Run({"search", "nvidia", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 1u);  // the near-duplicate is left out
  EXPECT_EQ(lines[0]["id"], 3);
  EXPECT_EQ(lines[0]["url"], "https://en.example/c");
  EXPECT_EQ(lines[0]["title_marked"], "[Nvidia] bets on OpenAI");
  EXPECT_EQ(lines[0]["snippet"], "[NVIDIA] will invest up to $100 billion. Is AI a bubble?");
  EXPECT_EQ(lines[0]["lang"], "en");
  EXPECT_EQ(lines[0]["kind"], "article");
  EXPECT_EQ(lines[0]["source"], "en.example");
  EXPECT_EQ(lines[0]["published"], "2025-10-14");
  EXPECT_EQ(lines[0]["dated_at"], 1760400000);
  EXPECT_TRUE(lines[0]["rank"].is_number());
  EXPECT_TRUE(lines[0]["duplicate_of"].is_null());

  auto all = JsonLines(Run({"search", "nvidia", "--format", "json", "--duplicates"}).out);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1]["id"], 4);
  EXPECT_EQ(all[1]["duplicate_of"], 3);

  EXPECT_EQ(Ids(Run({"search", "AI", "--format", "json"}).out), (std::vector<int64_t>{3, 1, 2}));
  EXPECT_EQ(Ids(Run({"search", "AI", "--format", "json", "--kind", "post"}).out),
            (std::vector<int64_t>{2}));
  EXPECT_EQ(Ids(Run({"search", "AI", "--format", "json", "--source", "ukiyo.example"}).out),
            (std::vector<int64_t>{1}));
  EXPECT_EQ(Ids(Run({"search", "AI", "--format", "json", "--since", "2025-10-13"}).out),
            (std::vector<int64_t>{3, 2}));
  EXPECT_EQ(Ids(Run({"search", "AI", "--format", "json", "--until",
                     "2025-10-13T09:00:00+09:00"}).out),
            (std::vector<int64_t>{1}));
  // --until includes its day, as in history; a date is read in --tz.
  EXPECT_EQ(Ids(Run({"search", "AI", "--format", "json", "--until", "2025-10-12"}).out),
            (std::vector<int64_t>{1}));
  // The New York day of 2025-10-12 ends at 2025-10-13T04:00Z, after document 2.
  EXPECT_EQ(Ids(Run({"search", "AI", "--format", "json", "--until", "2025-10-12", "--tz",
                     "America/New_York"}).out),
            (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(Ids(Run({"search", "AI", "--format", "json", "--limit", "1"}).out),
            (std::vector<int64_t>{3}));
  // Several arguments are one query.
  EXPECT_EQ(Ids(Run({"search", "AI", "OR", "nvidia", "--format", "json"}).out).size(), 3u);
}

TEST_F(DocumentCliTest, SearchWithoutAMatchPrintsNothingAndSucceeds) {
  RunResult r = Run({"search", "dotcom"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "bubblewatch: no documents match\n");
  RunResult hostile = Run({"search", "title:\"(NEAR", "^x", "-"});
  EXPECT_EQ(hostile.exit_code, 0) << hostile.err;
  EXPECT_EQ(hostile.out, "");
}

TEST_F(DocumentCliTest, SearchUsageErrorsExit64) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"search"},
           {"search", ""},
           {"search", "OR", "NOT"},
           {"search", "🚀"},
           {"search", "AI", "--since", "yesterday"},
           {"search", "AI", "--since", "2025-10-12 08:00:00+08:00"},
           {"search", "AI", "--since", "2025-10-12", "--tz", "Mars/Olympus"},
           {"search", "AI", "--until", "2025/10/12"},
           {"search", "AI", "--since", "2025-10-13", "--until", "2025-10-12"},
           {"search", "AI", "--lang", "fr"},
           {"search", "AI", "--lang", "zh,,ja"},
           {"search", "AI", "--kind", "tweet"},
           {"search", "AI", "--limit", "0"},
           {"search", "AI", "--format", "xml"}}) {
    RunResult r = Run(args);
    EXPECT_EQ(r.exit_code, 64) << ::testing::PrintToString(args) << r.err;
    ExpectOneLine(r);
    EXPECT_EQ(r.out, "");
  }
  RunResult r = Run({"search", "AI", "--since", "yesterday"});
  EXPECT_EQ(r.err,
            "bubblewatch: --since: cannot read the date 'yesterday' (YYYY-MM-DD, or ISO 8601 "
            "with an offset)\n");
}

TEST_F(DocumentCliTest, MissingDatabaseExits74AndIsNotCreated) {
  const std::string missing = dir_.File("none.db");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--db", missing, "search", "AI"},
           {"--db", missing, "show", "1"},
           {"--db", missing, "history"},
           {"--db", missing, "figures"},
           {"--db", missing, "report", "--out", dir_.File("r.html")}}) {
    RunResult r = RunBubblewatch(dir_.path(), args);
    EXPECT_EQ(r.exit_code, 74);
    ExpectOneLine(r);
    EXPECT_NE(r.err.find(missing), std::string::npos);
  }
  EXPECT_FALSE(std::filesystem::exists(missing));
  EXPECT_FALSE(std::filesystem::exists(dir_.File("r.html")));
}

TEST_F(DocumentCliTest, ShowPrintsTheDocumentForPeople) {
  RunResult r = Run({"show", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.rfind("AI泡沫论再起\n  id          1\n  url         https://ukiyo.example/a\n"
                        "  fetched     https://ukiyo.example/a?utm_source=rss\n"
                        "  source      ukiyo.example\n"
                        "  published   2025-10-12T09:00:00+08:00\n",
                        0),
            0u)
      << r.out;
  for (const char* part :
       {"  language    zh\n", "  kind        article\n", "  status      ok\n",
        "\nstance: bubble -0.50 (bubble 1.00, revolution 0.00)\n"
        "  bubble     -1.00  x1.00  分析师警告人工智能泡沫正在形成。\n      cues: 泡沫\n",
        "  money    100,000,000,000 USD         up_to     NVIDIA          1000亿美元\n",
        "\nentities: NVIDIA\n", "  ok  200\n",
        "\ntext:\n分析师警告人工智能泡沫正在形成。英伟达投资1000亿美元。\n"}) {
    EXPECT_NE(r.out.find(part), std::string::npos) << part << "\n---\n" << r.out;
  }
  // A near-duplicate and its original name each other.
  EXPECT_NE(Run({"show", "4"}).out.find("  copy of     #3\n"), std::string::npos);
  EXPECT_NE(Run({"show", "3"}).out.find("  copy        #4 https://copy.example/c\n"),
            std::string::npos);
}

TEST_F(DocumentCliTest, ShowJsonUsesTheRecordsNames) {
  // Found by a URL with tracking parameters, as it was stored.
  RunResult r = Run({"show", "https://ukiyo.example/a?utm_medium=x", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["id"], 1);
  EXPECT_EQ(j["url"], "https://ukiyo.example/a?utm_source=rss");
  EXPECT_EQ(j["canonical_url"], "https://ukiyo.example/a");
  EXPECT_EQ(j["title"], "AI泡沫论再起");
  EXPECT_EQ(j["published"], "2025-10-12T09:00:00+08:00");
  EXPECT_EQ(j["lang"], "zh");
  EXPECT_EQ(j["source"], "ukiyo.example");
  EXPECT_EQ(j["figures"][0]["span"], "1000亿美元");
  EXPECT_EQ(j["figures"][0]["currency"], "USD");
  EXPECT_EQ(j["entities"], (nlohmann::json{"NVIDIA"}));
  EXPECT_EQ(j["stance"]["label"], "bubble");
  EXPECT_EQ(j["stance"]["evidence"][0]["cues"], (nlohmann::json{"泡沫"}));
  EXPECT_EQ(j["stance"]["evidence"][0]["sentence"], "分析师警告人工智能泡沫正在形成。");
  EXPECT_TRUE(j["duplicate_of"].is_null());
  EXPECT_EQ(j["duplicates"], nlohmann::json::array());
  ASSERT_EQ(j["fetches"].size(), 1u);
  EXPECT_EQ(j["fetches"][0]["outcome"], "ok");
  EXPECT_EQ(j["fetches"][0]["http_status"], 200);

  nlohmann::json copy = nlohmann::json::parse(Run({"show", "4", "--format", "json"}).out);
  EXPECT_EQ(copy["duplicate_of"], 3);
  EXPECT_TRUE(copy["stance"].is_null());
  nlohmann::json original = nlohmann::json::parse(Run({"show", "3", "--format", "json"}).out);
  EXPECT_EQ(original["duplicates"],
            (nlohmann::json::parse(R"([{"id": 4, "url": "https://copy.example/c"}])")));
}

TEST_F(DocumentCliTest, ShowUnknownDocumentExits65AndNonsenseExits64) {
  for (const char* key : {"99", "https://ukiyo.example/none"}) {
    RunResult r = Run({"show", key});
    EXPECT_EQ(r.exit_code, 65) << key;
    ExpectOneLine(r);
    EXPECT_NE(r.err.find(std::string("no stored document ") + key), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
  for (const char* key : {"foo", "ftp://ukiyo.example/a", "-1", "1.5", ""}) {
    RunResult r = Run({"show", "--", key});
    EXPECT_EQ(r.exit_code, 64) << key;
    ExpectOneLine(r);
  }
  RunResult help = Run({"show", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("65 no stored document ID|URL"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace bw
