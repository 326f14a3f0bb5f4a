// End-to-end tests of `history`, `figures` and `report` with the real binary,
// on a database the test fills: the output formats, the chart and the report
// (parsed with libxml2, with the series the data implies), and usage errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "db/database.h"
#include "extractors/date_text.h"
#include "tests/integration/run_binary.h"
#include "tests/support/xml_page.h"

namespace bw {
namespace {

using testing::RunBubblewatch;
using testing::RunResult;
using testing::TempDir;
using testing::XmlPage;

class HistoryCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(Db());
    ASSERT_TRUE(db.ok());
    // Two days; Chinese and English; one Japanese repost of the English one.
    Add(**db, "https://a.example/1", "2026-11-01T10:00:00Z", "en", "bubble", -0.6,
        {{"OpenAI", 6, "6 GW"}}, 1);
    Add(**db, "https://b.example/1", "2026-11-01T12:00:00+08:00", "zh", "revolution", 0.5,
        {{"OpenAI", 10, "10吉瓦"}}, 2);
    Add(**db, "https://b.example/2", "2026-11-03T12:00:00+08:00", "zh", "bubble", -0.2,
        {{"OpenAI", 6, "6吉瓦"}}, 3);
    Add(**db, "https://c.example/1", "2026-11-03T01:00:00Z", "ja", "bubble", -0.6, {}, 1);
  }

  struct Fig {
    const char* entity;
    double gw;
    const char* span;
  };

  static void Add(Database& db, const std::string& url, const char* published,
                  const std::string& lang, const char* label, double score,
                  const std::vector<Fig>& figures, uint64_t simhash) {
    AnalysisRecord r;
    r.url = r.canonical_url = url;
    r.title = "泡沫か革命か " + url;
    r.published = *ParseDateTime(published);
    r.lang = lang;
    r.status = ArticleStatus::kOk;
    r.text = "Text. ";
    for (const Fig& f : figures) {
      Figure fig;
      fig.kind = "power";
      fig.value = f.gw;
      fig.unit = "GW";
      fig.entity = f.entity;
      fig.span = f.span;
      fig.start = r.text.size();
      r.text += f.span;
      fig.end = r.text.size();
      r.figures.push_back(fig);
    }
    r.entities = {"OpenAI"};
    Stance st;
    st.label = std::string(label) == "bubble" ? StanceLabel::kBubble : StanceLabel::kRevolution;
    st.score = score;
    SentenceStance ev;
    ev.start = 0;
    ev.end = 5;
    ev.score = score;
    ev.label = st.label;
    st.evidence.push_back(ev);
    r.stance = st;
    FetchRecord fetch{url, url, "ok", 200, "text/html", "utf-8", 1, 1, "", std::nullopt};
    DocumentOrigin origin;
    origin.simhash = simhash * 0x9e3779b97f4a7c15ULL;
    ASSERT_TRUE(db.StoreDocument(fetch, r.text, r, origin).ok());
  }

  RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", Db()});
    return RunBubblewatch(dir_.path(), args);
  }
  std::string Db() const { return dir_.File("bw.db"); }

  TempDir dir_;
};

TEST_F(HistoryCliTest, CsvCountsEveryDayIncludingEmptyOnes) {
  RunResult r = Run({"history", "--by", "day", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The Japanese repost shares a fingerprint with the English original: once.
  EXPECT_EQ(r.out,
            "bucket,start,documents,bubble,revolution,neutral,mean,ci_low,ci_high\n"
            "2026-11-01,2026-11-01T00:00:00+00:00,2,1,1,0,-0.050,-1.000,1.000\n"
            "2026-11-02,2026-11-02T00:00:00+00:00,0,0,0,0,,,\n"
            "2026-11-03,2026-11-03T00:00:00+00:00,1,1,0,0,-0.200,,\n");
}

TEST_F(HistoryCliTest, ZoneFiltersAndJson) {
  // In Shanghai the Chinese documents fall on the 1st and the 3rd, local time.
  RunResult r = Run({"history", "--by", "day", "--tz", "Asia/Shanghai", "--lang", "zh",
                     "--since", "2026-11-01", "--until", "2026-11-03", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream in(r.out);
  std::vector<nlohmann::json> rows;
  for (std::string line; std::getline(in, line);) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]["bucket"], "2026-11-01");
  EXPECT_EQ(rows[0]["start"], "2026-11-01T00:00:00+08:00");
  EXPECT_EQ(rows[0]["documents"], 1);
  EXPECT_EQ(rows[0]["revolution"], 1);
  EXPECT_EQ(rows[1]["documents"], 0);
  EXPECT_TRUE(rows[1]["mean"].is_null());
  EXPECT_EQ(rows[2]["documents"], 1);
  EXPECT_DOUBLE_EQ(rows[2]["mean"].get<double>(), -0.2);

  RunResult entity = Run({"history", "--by", "month", "--entity", "openai", "--format", "csv"});
  ASSERT_EQ(entity.exit_code, 0) << entity.err;
  EXPECT_NE(entity.out.find("2026-11,2026-11-01T00:00:00+00:00,3,"), std::string::npos)
      << entity.out;
}

TEST_F(HistoryCliTest, UsageErrorsAreOneLineAndExit64) {
  const std::vector<std::vector<std::string>> kBad = {
      {"history", "--tz", "Mars/Base"},
      {"history", "--since", "yesterday"},
      {"history", "--since", "2026-11-05", "--until", "2026-11-01"},
      {"history", "--by", "year"},
      {"history", "--lang", "chinese"},
      {"history", "--format", "xml"},
      {"figures", "--kind", "watts"},
      {"report"},  // --out is required
  };
  for (const auto& args : kBad) {
    RunResult r = Run(args);
    EXPECT_EQ(r.exit_code, 64) << args[1] << " " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_TRUE(r.out.empty() || args[0] == "history") << r.out;
  }
}

TEST_F(HistoryCliTest, FiguresShowClaimsAndTheirConflicts) {
  RunResult r = Run({"figures", "--entity", "OPENAI", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream in(r.out);
  std::vector<nlohmann::json> rows;
  for (std::string line; std::getline(in, line);) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["text"], "6 GW");
  EXPECT_EQ(rows[0]["documents"], 2);
  EXPECT_EQ(rows[0]["sources"], 2);
  EXPECT_EQ(rows[0]["langs"], nlohmann::json({"en", "zh"}));
  EXPECT_EQ(rows[0]["first_seen"], "2026-11-01");
  EXPECT_EQ(rows[0]["last_seen"], "2026-11-03");
  EXPECT_EQ(rows[0]["example"]["url"], "https://a.example/1");
  EXPECT_EQ(rows[0]["conflicting"], nlohmann::json({"10 GW"}));
  EXPECT_EQ(rows[1]["text"], "10 GW");
  EXPECT_EQ(rows[1]["example"]["span"], "10吉瓦");

  RunResult table = Run({"figures"});
  ASSERT_EQ(table.exit_code, 0);
  EXPECT_NE(table.out.find("OpenAI power: 2 different figures: 6 GW | 10 GW"), std::string::npos)
      << table.out;
}

TEST_F(HistoryCliTest, ChartIsAnSvgWithTheSeries) {
  RunResult r = Run({"history", "--by", "day", "--chart", dir_.File("h.svg")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  XmlPage svg = XmlPage::Xml(testing::ReadFile(dir_.File("h.svg")));
  ASSERT_TRUE(svg.ok()) << "the chart is not well-formed";
  EXPECT_EQ(svg.Count("//s:g[@data-series='all']"), 1u);
  EXPECT_EQ(svg.Strings("//s:g[@data-series='all']//*[@data-x='2026-11-03']/@data-value"),
            std::vector<std::string>({"-0.200"}));
  EXPECT_TRUE(svg.Strings("//s:g[@data-series='all']//*[@data-x='2026-11-02']/@data-value")
                  .empty());  // an empty day is a gap

  RunResult bad = Run({"history", "--chart", dir_.File("no/such/dir/h.svg")});
  EXPECT_EQ(bad.exit_code, 74) << bad.err;
}

TEST_F(HistoryCliTest, ReportIsOneHtmlFileWithTheCharts) {
  RunResult r = Run({"report", "--out", dir_.File("r.html"), "--by", "day"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = testing::ReadFile(dir_.File("r.html"));
  XmlPage page = XmlPage::Xml(html);
  ASSERT_TRUE(page.ok()) << "the report is not well-formed";
  // One stance series and one volume series per language with documents.
  auto series = page.Strings("//s:svg//s:g[@class='series']/@data-series");
  std::sort(series.begin(), series.end());
  EXPECT_EQ(series, std::vector<std::string>({"en", "en", "zh", "zh"}));
  EXPECT_EQ(page.Count("//*[local-name()='script']"), 0u);
  EXPECT_NE(html.find("泡沫か革命か"), std::string::npos);  // the evidence titles, as written
  EXPECT_NE(html.find("10吉瓦"), std::string::npos);
  EXPECT_TRUE(XmlPage::Html(html).ok());
}

}  // namespace
}  // namespace bw
