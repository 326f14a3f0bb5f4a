// End-to-end tests of the real bubblewatch binary: exit codes, one-line
// errors, JSON output, and what the database holds afterwards.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <sstream>

#include "db/database.h"
#include "tests/integration/run_binary.h"
#include "tests/integration/seed_page.h"
#include "tests/integration/test_server.h"

namespace bw {
namespace {

using testing::RunBubblewatch;
using testing::RunResult;
using testing::TempDir;
using testing::TestServer;

// Every failure prints exactly one line on stderr.
void ExpectOneLine(const RunResult& r) {
  EXPECT_FALSE(r.err.empty());
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

int64_t Count(const std::string& db_path, const std::string& table) {
  auto db = Database::Open(db_path);
  return db.ok() ? (*db)->CountRows(table) : -1;
}

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);) lines.push_back(nlohmann::json::parse(l));
  return lines;
}

class CliTest : public ::testing::Test {
 protected:
  RunResult Run(std::vector<std::string> args, const std::string& stdin_data = "") {
    return RunBubblewatch(dir_.path(), args, stdin_data);
  }
  std::string Db() const { return dir_.File("bw.db"); }

  TempDir dir_;
};

TEST_F(CliTest, FetchJsonOfTheSeedPage) {
  TestServer server;
  testing::SeedPage seed = testing::BuildUkiyoSeedPage();
  server.server().Get("/zh/articles/ai-bubble-or-revolution",
                      [&](const httplib::Request&, httplib::Response& res) {
                        res.set_content(seed.html, "text/html; charset=utf-8");
                      });
  server.Start();
  std::string url = server.Url("/zh/articles/ai-bubble-or-revolution?utm_source=x");
  RunResult r = Run({"--db", Db(), "fetch", url, "--json", "--allow-private"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["url"], url);
  EXPECT_EQ(j["canonical_url"], server.Url("/zh/articles/ai-bubble-or-revolution"));
  EXPECT_EQ(j["title"], seed.title);
  EXPECT_EQ(j["site_name"], "ukiyo journal");
  EXPECT_EQ(j["published"], "2025-10-12T01:32:00+08:00");
  EXPECT_EQ(j["lang"], "zh");
  EXPECT_EQ(j["script"], "Hans");
  EXPECT_EQ(j["kind"], "article");
  EXPECT_EQ(j["status"], "ok");
  // The seed's figures (every one is checked in figure_extractor_test): 21 in the article.
  ASSERT_EQ(j["figures"].size(), 21u);
  EXPECT_EQ(j["figures"][0]["span"], "10GW");
  EXPECT_EQ(j["figures"][2]["span"], "1000亿美元");
  EXPECT_EQ(j["figures"][2]["qualifier"], "up_to");
  EXPECT_EQ(j["figures"][2]["currency"], "USD");
  EXPECT_EQ(j["entities"], (nlohmann::json{"OpenAI", "NVIDIA", "AMD"}));
  // The stance, its evidence offsets into the text, and the same stance stored.
  ASSERT_TRUE(j["stance"].is_object());
  const std::string text = j["text"];
  ASSERT_FALSE(j["stance"]["evidence"].empty());
  for (const auto& e : j["stance"]["evidence"]) {
    const std::string& source = e.contains("in") ? seed.title : text;
    size_t start = e["start"], end = e["end"];
    ASSERT_LE(start, end);
    ASSERT_LE(end, source.size());
    for (const auto& cue : e["cues"]) {
      EXPECT_NE(source.substr(start, end - start).find(cue.get<std::string>()), std::string::npos) << cue;
    }
  }
  EXPECT_EQ(Count(Db(), "stances"), 1);
  EXPECT_EQ(Count(Db(), "stance_evidence"), static_cast<int64_t>(j["stance"]["evidence"].size()));
  EXPECT_EQ(j["id"], 1);
  EXPECT_EQ(Count(Db(), "documents"), 1);

  // The same page again updates, never duplicates.
  RunResult again = Run({"--db", Db(), "fetch", url, "--allow-private"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out.rfind("updated document 1: ", 0), 0u) << again.out;
  EXPECT_EQ(Count(Db(), "documents"), 1);
  EXPECT_EQ(Count(Db(), "fetches"), 2);
}

TEST_F(CliTest, FetchHttpErrorExits69AndIsRecorded) {
  TestServer server;
  server.Start();
  std::string url = server.Url("/gone");
  RunResult r = Run({"--db", Db(), "fetch", url, "--allow-private"});
  EXPECT_EQ(r.exit_code, 69);
  ExpectOneLine(r);
  EXPECT_NE(r.err.find(url), std::string::npos);
  EXPECT_NE(r.err.find("HTTP 404"), std::string::npos);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(Count(Db(), "fetches"), 1);
  EXPECT_EQ(Count(Db(), "documents"), 0);
}

TEST_F(CliTest, FetchUnreachableExits69) {
  // A port nobody listens on: bind one, note it, close it.
  int port;
  {
    TestServer probe;
    probe.Start();  // a started server closes its socket when destroyed
    port = probe.port();
  }
  RunResult r = Run({"--db", Db(), "fetch", "http://127.0.0.1:" + std::to_string(port) + "/",
                     "--allow-private", "--timeout", "5"});
  EXPECT_EQ(r.exit_code, 69);
  ExpectOneLine(r);
}

TEST_F(CliTest, RefusedUrlsExit64WithoutTouchingTheDatabase) {
  for (const char* url : {"file:///etc/passwd", "ftp://example.com/file", "not-a-url",
                          "javascript:alert(1)", ""}) {
    SCOPED_TRACE(url);
    RunResult r = Run({"--db", Db(), "fetch", url});
    EXPECT_EQ(r.exit_code, 64);
    ExpectOneLine(r);
    EXPECT_NE(r.err.find(url), std::string::npos);
  }
  EXPECT_FALSE(std::filesystem::exists(Db()));
}

TEST_F(CliTest, BadArgumentsExit64) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {}, {"frobnicate"}, {"fetch"}, {"fetch", "http://x.test/", "--timeout", "abc"},
           {"fetch", "http://x.test/", "--kind", "tweet"}, {"analyze", "--html", "--text"},
           {"--no-such-flag", "analyze"}}) {
    RunResult r = Run(args);
    EXPECT_EQ(r.exit_code, 64) << ::testing::PrintToString(args);
    ExpectOneLine(r);
  }
}

TEST_F(CliTest, AnalyzeExplainPrintsStanceEvidenceForPeople) {
  RunResult r = Run({"analyze", "--text", "--explain", "-"}, "这哪里是泡沫？订单已经排到2027年。\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("document: revolution"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("这哪里是泡沫？"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("泡沫 -1.00 -> +"), std::string::npos) << r.out;  // weight, then flipped
  EXPECT_NE(r.out.find("rhetorical '哪里是'"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"stance\""), std::string::npos);  // text, not JSON

  // A lexicon change needs no C++ change; a line that cannot be read is named.
  std::filesystem::create_directories(dir_.File("lex/stance"));
  testing::WriteFile(dir_.File("lex/stance/en.txt"),
                     "froth-o-meter\tcue\t-1.5\nbubble\tcu\t-1\nhype\tcue\tlots\n"
                     "mania\tcue\t-1\nmania\tcue\t1\n");
  // A model file with no weights switches the learned vote off: the cues alone decide.
  testing::WriteFile(dir_.File("lex/stance/model.txt"), "<vote>\tmany\nw:froth\t1\t2\n");
  RunResult o = Run({"--lexicons", dir_.File("lex"), "analyze", "--text", "--explain", "-"},
                    "The froth-o-meter is screaming.\n");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("document: bubble"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("froth-o-meter -1.50"), std::string::npos) << o.out;
  EXPECT_NE(o.err.find("stance/en.txt: 'bubble\tcu\t-1': unknown role"), std::string::npos) << o.err;
  EXPECT_NE(o.err.find("stance/en.txt: 'hype\tcue\tlots': the third field is not a number"),
            std::string::npos) << o.err;
  EXPECT_NE(o.err.find("stance/en.txt: 'mania\tcue\t1': the phrase is given twice"), std::string::npos) << o.err;
  EXPECT_EQ(o.err.find("'mania\tcue\t-1'"), std::string::npos) << o.err;  // the first line is fine
  EXPECT_NE(o.err.find("stance/model.txt: '<vote>\tmany': the vote is not a number >= 0"), std::string::npos)
      << o.err;
  EXPECT_NE(o.err.find("stance/model.txt: 'w:froth\t1\t2': needs a feature and three numbers"), std::string::npos)
      << o.err;
  EXPECT_EQ(o.out.find("model:"), std::string::npos) << o.out;
  EXPECT_EQ(o.out.find("the model reads the text as neutral"), std::string::npos) << o.out;

  // A model sure the text is neutral quiets the cues, and --explain says by how much.
  testing::WriteFile(dir_.File("lex/stance/model.txt"), "<quiet>\t1\n<bias>\t0\t0\t5\nw:froth\t0\t0\t1\n");
  RunResult q = Run({"--lexicons", dir_.File("lex"), "analyze", "--text", "--explain", "-"},
                    "The froth-o-meter is screaming.\n");
  ASSERT_EQ(q.exit_code, 0) << q.err;
  EXPECT_NE(q.out.find("document: neutral"), std::string::npos) << q.out;
  EXPECT_NE(q.out.find("the model reads the text as neutral: cue sentences count x0.0"), std::string::npos)
      << q.out;
}

TEST_F(CliTest, AnalyzeSaysWhenATextIsAboutSomethingElse) {
  const std::string match_report =
      "Fans worry about the defence. The coach shares their concerns. Last season ended in a crash. "
      "Critics call the new stadium a bubble. Ticket prices are speculative. The owner is burning cash.\n";
  RunResult e = Run({"analyze", "--text", "--explain", "-"}, match_report);
  ASSERT_EQ(e.exit_code, 0) << e.err;
  EXPECT_NE(e.out.find("document: neutral  score +0.00"), std::string::npos) << e.out;
  EXPECT_NE(e.out.find("off subject: 0 of 6 sentences name AI"), std::string::npos) << e.out;
  EXPECT_EQ(e.out.find("concerns"), std::string::npos) << e.out;  // no evidence listed

  RunResult j = Run({"analyze", "--text", "-"}, match_report);
  ASSERT_EQ(j.exit_code, 0) << j.err;
  const nlohmann::json stance = nlohmann::json::parse(j.out)["stance"];
  EXPECT_EQ(stance["label"], "neutral");
  EXPECT_EQ(stance["off_subject"], true);
  EXPECT_EQ(stance["subject_sentences"], 0);
  EXPECT_EQ(stance["sentences"], 6);
  EXPECT_TRUE(stance["evidence"].empty());

  // The same report about the AI boom is judged, and says nothing of a subject.
  RunResult on = Run({"analyze", "--text", "-"}, "The AI boom worries fans. " + match_report);
  ASSERT_EQ(on.exit_code, 0) << on.err;
  const nlohmann::json judged = nlohmann::json::parse(on.out)["stance"];
  EXPECT_EQ(judged["label"], "bubble");
  EXPECT_FALSE(judged.contains("off_subject"));
}

TEST_F(CliTest, AnalyzeSaysWhenTheModelHasNothingToRead) {
  // A real Reddit question: no cue word, no mention of the subject. The shipped model once called it bubble.
  RunResult e = Run({"analyze", "--text", "--explain", "-"},
                    "[Serious] Parents of Reddit, what's the biggest lie about yourself you've told your kids?\n");
  ASSERT_EQ(e.exit_code, 0) << e.err;
  EXPECT_NE(e.out.find("document: neutral  score +0.00"), std::string::npos) << e.out;
  EXPECT_NE(e.out.find("the model does not vote: no cue word here is about the boom and the text never names AI"),
            std::string::npos)
      << e.out;
  // Naming the subject lets it read the text again.
  RunResult on = Run({"analyze", "--text", "--explain", "-"},
                     "Parents of Reddit, what's the biggest lie about AI you've told your kids?\n");
  ASSERT_EQ(on.exit_code, 0) << on.err;
  EXPECT_EQ(on.out.find("the model does not vote"), std::string::npos) << on.out;
}

TEST_F(CliTest, HelpDescribesCommandsAndExitCodes) {
  RunResult r = Run({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* word : {"fetch", "analyze", "--db", "--config", "64", "65", "69", "74", "75"}) {
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
  }
  RunResult f = Run({"fetch", "--help"});
  EXPECT_EQ(f.exit_code, 0);
  EXPECT_NE(f.out.find("stance (bubble, revolution or neutral"), std::string::npos);
}

TEST_F(CliTest, CorruptDatabaseExits74AndIsLeftAlone) {
  std::string garbage(8192, 'x');
  testing::WriteFile(Db(), garbage);
  TestServer server;
  server.Start();
  RunResult r = Run({"--db", Db(), "fetch", server.Url("/a"), "--allow-private"});
  EXPECT_EQ(r.exit_code, 74);
  ExpectOneLine(r);
  EXPECT_NE(r.err.find(Db()), std::string::npos);
  EXPECT_EQ(testing::ReadFile(Db()), garbage);
  EXPECT_TRUE(server.Log().empty());  // nothing fetched for a store that cannot take it
}

TEST_F(CliTest, LockedDatabaseExits74AndLosesNothing) {
  TestServer server;
  testing::SeedPage seed = testing::BuildUkiyoSeedPage();
  server.server().Get("/a", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(seed.html, "text/html");
  });
  server.Start();
  ASSERT_EQ(Run({"--db", Db(), "fetch", server.Url("/a"), "--allow-private"}).exit_code, 0);

  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(Db().c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  RunResult r = Run({"--db", Db(), "fetch", server.Url("/a"), "--allow-private"});
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  EXPECT_EQ(r.exit_code, 74);
  ExpectOneLine(r);
  EXPECT_NE(r.err.find("locked"), std::string::npos) << r.err;

  auto db = Database::Open(Db());
  ASSERT_TRUE(db.ok());
  EXPECT_EQ((*db)->CountRows("documents"), 1);
  auto row = (*db)->FindDocument(server.Url("/a"));
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->title, seed.title);
}

TEST_F(CliTest, BadConfigNamesFileLineAndKey) {
  testing::WriteFile(dir_.File("bad.toml"), "[database]\npath = \"x.db\"\n[limits]\ntimeout_s = \"soon\"\n");
  RunResult r = Run({"--config", dir_.File("bad.toml"), "fetch", "http://example.invalid/"});
  EXPECT_EQ(r.exit_code, 64);
  ExpectOneLine(r);
  EXPECT_NE(r.err.find("bad.toml:4: limits.timeout_s: expected an integer"), std::string::npos)
      << r.err;
  RunResult missing = Run({"--config", dir_.File("none.toml"), "fetch", "http://example.invalid/"});
  EXPECT_EQ(missing.exit_code, 64);
  ExpectOneLine(missing);
}

TEST_F(CliTest, AnalyzeJsonlKeepsOrderAndReportsBadLines) {
  std::string input =
      R"({"id": "a", "text": "エヌビディアはオープンAIに最大1000億ドルを投資すると発表した。"})" "\n"
      "{not json}\n"
      R"({"id": "c", "html": "<html><body><article><p>Nvidia said on Monday it would invest up to $100 billion in OpenAI, which plans to deploy at least ten gigawatts of Nvidia systems for its next generation of models.</p></article></body></html>", "url": "https://example.com/n"})" "\n";
  RunResult r = Run({"analyze", "--jsonl"}, input);
  EXPECT_EQ(r.exit_code, 65);
  ExpectOneLine(r);
  EXPECT_NE(r.err.find("-:2"), std::string::npos) << r.err;
  auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["id"], "a");
  EXPECT_EQ(lines[0]["lang"], "ja");
  EXPECT_EQ(lines[0]["script"], "Jpan");
  EXPECT_TRUE(lines[1].contains("error"));
  EXPECT_EQ(lines[1]["line"], 2);
  EXPECT_EQ(lines[2]["id"], "c");
  EXPECT_EQ(lines[2]["lang"], "en");
  EXPECT_EQ(lines[2]["url"], "https://example.com/n");
  EXPECT_NE(lines[2]["text"].get<std::string>().find("ten gigawatts"), std::string::npos);
}

TEST_F(CliTest, AnalyzeManyFilesInOrderWithAMissingOne) {
  std::vector<std::string> args{"analyze", "--html"};
  for (int i = 0; i < 30; ++i) {
    std::string path = dir_.File("p" + std::to_string(i) + ".html");
    testing::WriteFile(path, "<html><head><title>Page " + std::to_string(i) +
                                 "</title></head><body><p>x</p></body></html>");
    args.push_back(path);
    if (i == 10) args.push_back(dir_.File("missing.html"));
  }
  RunResult r = Run(args);
  EXPECT_EQ(r.exit_code, 74);
  ExpectOneLine(r);
  auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 31u);
  EXPECT_EQ(lines[0]["title"], "Page 0");
  EXPECT_EQ(lines[10]["title"], "Page 10");
  EXPECT_EQ(lines[11]["file"], dir_.File("missing.html"));
  EXPECT_TRUE(lines[11].contains("error"));
  EXPECT_EQ(lines[12]["title"], "Page 11");
  EXPECT_EQ(lines[30]["title"], "Page 29");
  EXPECT_EQ(lines[5]["status"], "no_article");
  EXPECT_EQ(lines[5]["text"], "");
}

TEST_F(CliTest, AnalyzeFilesFromListAndStdinText) {
  testing::WriteFile(dir_.File("a.html"), "<title>A</title>");
  testing::WriteFile(dir_.File("list.txt"), dir_.File("a.html") + "\n\n" + dir_.File("a.html") + "\n");
  RunResult r = Run({"analyze", "--files-from", dir_.File("list.txt")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(JsonLines(r.out).size(), 2u);

  RunResult m = Run({"analyze", "--text", "--reference-time", "2026-01-05", "-"},
                    "12月30日 09:00 英伟达市值再创新高。\n");
  EXPECT_EQ(m.exit_code, 0) << m.err;
  EXPECT_EQ(nlohmann::json::parse(m.out)["published"], "2025-12-30T09:00:00+08:00");
  RunResult bad = Run({"analyze", "--text", "--reference-time", "yesterday", "-"}, "x");
  EXPECT_EQ(bad.exit_code, 64);
  ExpectOneLine(bad);

  RunResult t = Run({"analyze", "--text", "-"}, "AI泡沫论再起：2025年10月12日 01:32 发布。\n");
  EXPECT_EQ(t.exit_code, 0) << t.err;
  auto j = nlohmann::json::parse(t.out);
  EXPECT_EQ(j["published"], "2025-10-12T01:32:00+08:00");
  EXPECT_EQ(j["lang"], "zh");
  EXPECT_FALSE(j.contains("file"));
}

TEST_F(CliTest, LexiconOverrideDirectoryTakesEffect) {
  std::string html =
      "<html><body><article><p>Nvidia said on Monday it would invest up to $100 billion in "
      "OpenAI, which plans to deploy at least ten gigawatts of Nvidia systems, the first of them in the "
      "second half of 2026 on its Vera Rubin platform.</p><p>Advertisement "
      "line that a newsroom repeats under every article of its site.</p></article></body></html>";
  testing::WriteFile(dir_.File("p.html"), html);
  std::filesystem::create_directory(dir_.File("lex"));
  testing::WriteFile(dir_.File("lex/boilerplate.txt"),
                     "# test\nAdvertisement line that a newsroom repeats under every article of "
                     "its site.\texact\n");
  auto before = nlohmann::json::parse(Run({"analyze", dir_.File("p.html")}).out);
  auto after = nlohmann::json::parse(
      Run({"--lexicons", dir_.File("lex"), "analyze", dir_.File("p.html")}).out);
  EXPECT_NE(before["text"].get<std::string>().find("Advertisement"), std::string::npos);
  EXPECT_EQ(after["text"].get<std::string>().find("Advertisement"), std::string::npos);
  EXPECT_NE(after["text"].get<std::string>().find("ten gigawatts"), std::string::npos);
  RunResult bad = Run({"--lexicons", dir_.File("nope"), "analyze", dir_.File("p.html")});
  EXPECT_EQ(bad.exit_code, 64);
  ExpectOneLine(bad);
}

}  // namespace
}  // namespace bw
