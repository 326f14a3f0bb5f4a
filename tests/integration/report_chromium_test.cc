// The report as a browser lays it out: headless Chromium opens a copy of the
// page with a small measuring script added, and the test reads what it
// measured from the dumped DOM. Skipped when Chromium is not installed
// (Debian: chromium; fonts-noto-cjk for Chinese and Japanese glyphs).
//
// Only file:// is loaded, and host names resolve to nothing, so the browser
// has no network address to contact.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/html_report.h"
#include "tests/integration/run_binary.h"
#include "tests/support/test_files.h"

namespace bw::report {
namespace {

using nlohmann::json;

// Measures every chart, series group and SVG text, and writes the results as
// JSON into <pre id="bw-result">, which --dump-dom then prints.
constexpr char kMeasure[] = R"js(<script>
(function () {
  var r = {svgs: [], series: [], texts: 0, emptyTexts: [], headings: [],
           cjkFont: document.fonts.check("12px 'Noto Sans CJK SC'"), cjkWidth: 0, latinWidth: 0};
  var svgs = document.querySelectorAll('svg');
  svgs.forEach(function (s) {
    var b = s.getBoundingClientRect();
    r.svgs.push({width: b.width, height: b.height});
  });
  document.querySelectorAll('svg g.series').forEach(function (g) {
    var b = g.getBoundingClientRect();
    r.series.push({name: g.getAttribute('data-series'), width: b.width, height: b.height});
  });
  var texts = document.querySelectorAll('svg text');
  r.texts = texts.length;
  texts.forEach(function (t) { if (!(t.getComputedTextLength() > 0)) r.emptyTexts.push(t.textContent); });
  document.querySelectorAll('h3').forEach(function (h) {  // the text's width, not the block's
    var range = document.createRange();
    range.selectNodeContents(h);
    r.headings.push({text: h.textContent, width: range.getBoundingClientRect().width});
  });
  if (svgs.length > 0) {
    var probe = document.createElementNS(svgs[0].namespaceURI, 'text');
    probe.setAttribute('font-size', '12');
    svgs[0].appendChild(probe);
    probe.textContent = '\u6570\u636e\u4e2d\u5fc3';
    r.cjkWidth = probe.getComputedTextLength();
    probe.textContent = 'data';
    r.latinWidth = probe.getComputedTextLength();
    svgs[0].removeChild(probe);
  }
  var out = document.createElement('pre');
  out.id = 'bw-result';
  out.textContent = JSON.stringify(r);
  document.body.appendChild(out);
})();
</script>
)js";

// $CHROMIUM when set, else /usr/bin/chromium.
std::string ChromiumPath() {
  const char* env = std::getenv("CHROMIUM");
  return env != nullptr && *env != '\0' ? env : "/usr/bin/chromium";
}

ReportPage ThreeLanguages() {
  ReportPage page;
  page.title = "bubblewatch report";
  page.generated_at = "2026-11-24T08:00:00Z";
  page.period = "2026-09-01 – 2026-11-24, by week, UTC";
  std::vector<std::string> weeks;
  for (int w = 36; w <= 47; ++w) weeks.push_back("2026-W" + std::to_string(w));
  page.stance_by_lang = {"立场 / 立場 / stance", "mean score", weeks, {}, -1.0, 1.0};
  page.volume = {"文書数 / documents", "documents", weeks, {}};
  const std::vector<std::string> langs = {"English", "中文", "日本語"};
  for (size_t k = 0; k < langs.size(); ++k) {
    ChartSeries stance{langs[k], {}, {}, {}}, volume{langs[k], {}, {}, {}};
    for (size_t i = 0; i < weeks.size(); ++i) {
      double v = 0.1 * static_cast<double>(k) - 0.05 * static_cast<double>(i % 5);
      bool gap = k == 1 && (i == 4 || i == 6);  // an isolated point between two gaps
      stance.values.push_back(gap ? std::nullopt : std::optional<double>(v));
      stance.lows.push_back(gap ? std::nullopt : std::optional<double>(v - 0.1));
      stance.highs.push_back(gap ? std::nullopt : std::optional<double>(v + 0.1));
      volume.values.push_back(static_cast<double>(10 + 5 * k + i));
    }
    page.stance_by_lang.series.push_back(stance);
    page.volume.series.push_back(volume);
  }
  page.claims_by_entity = {
      {"OpenAI",
       {{"OpenAI",
         "power",
         "6 GW",
         14,
         9,
         {"en"},
         "2026-10-06",
         "2026-11-20",
         "a 6 GW deal",
         "https://a.example/1"},
        {"OpenAI",
         "power",
         "10 GW",
         8,
         5,
         {"en"},
         "2026-10-13",
         "2026-11-18",
         "10 gigawatts",
         "https://a.example/2"}}},
      {"阿里巴巴",
       {{"阿里巴巴",
         "capex",
         "3800亿元",
         31,
         12,
         {"zh"},
         "2026-02-24",
         "2026-11-22",
         "未来三年投入超过3800亿元",
         "https://b.example/3"}}},
      {"ソフトバンク",
       {{"ソフトバンク",
         "investment",
         "5000億円",
         7,
         4,
         {"ja"},
         "2026-10-01",
         "2026-11-21",
         "5000億円を投資",
         "https://c.example/4"}}},
  };
  page.latest_period = "2026-W47";
  page.evidence = {
      {"bubble", -0.8, "The boom looks like 1999.", "Bubble fears", "https://a.example/5", "en",
       "2026-11-20"},
      {"revolution", 0.7, "人工智能正在引发产业革命。", "产业", "https://b.example/6", "zh",
       "2026-11-19"},
      {"bubble", -0.6, "AI投資はバブルの様相を呈している。", "AIバブル", "https://c.example/7",
       "ja", "2026-11-18"},
  };
  return page;
}

// Text as the DOM serializer escapes it, back to what the script wrote.
std::string Unescape(std::string s) {
  const std::vector<std::pair<std::string, std::string>> refs = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&nbsp;", "\u00a0"}, {"&amp;", "&"}};
  for (const auto& [from, to] : refs) {
    for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) {
      s.replace(at, from.size(), to);
    }
  }
  return s;
}

TEST(ReportChromiumTest, ChartsAndCjkTextHaveSizeInABrowser) {
  std::string chromium = ChromiumPath();
  if (access(chromium.c_str(), X_OK) != 0) {
    GTEST_SKIP() << "no chromium at " << chromium
                 << " (set CHROMIUM, or install the Debian packages chromium and fonts-noto-cjk)";
  }
  bw::testing::TempDir dir;
  std::string html = RenderReport(ThreeLanguages());
  ASSERT_EQ(html.find("<script"), std::string::npos);
  size_t body_end = html.rfind("</body>");
  ASSERT_NE(body_end, std::string::npos);
  dir.Write("report.html", html);
  std::string measured =
      dir.Write("measure.html", html.substr(0, body_end) + kMeasure + html.substr(body_end));

  bw::testing::RunResult run = bw::testing::RunProgram(
      "/usr/bin/timeout", dir.path().string(),
      {"-k", "5", "60", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
       "--user-data-dir=" + dir.File("profile"), "--disk-cache-dir=" + dir.File("cache"),
       "--disable-background-networking", "--disable-component-update", "--disable-sync",
       "--disable-default-apps", "--disable-extensions", "--disable-breakpad",
       "--host-resolver-rules=MAP * ~NOTFOUND", "--dump-dom", "file://" + measured});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string open = "<pre id=\"bw-result\">";
  size_t start = run.out.find(open);
  ASSERT_NE(start, std::string::npos) << "the measuring script did not run:\n"
                                      << run.out.substr(0, 2000) << run.err;
  start += open.size();
  json r = json::parse(Unescape(run.out.substr(start, run.out.find("</pre>", start) - start)),
                       nullptr, false);
  ASSERT_FALSE(r.is_discarded());
  std::string fonts = "document.fonts.check(12px 'Noto Sans CJK SC') = " + r["cjkFont"].dump() +
                      " (install fonts-noto-cjk when false)";

  ASSERT_EQ(r["svgs"].size(), 2u);
  for (const json& svg : r["svgs"]) {
    EXPECT_GT(svg["width"].get<double>(), 100) << svg.dump();
    EXPECT_GT(svg["height"].get<double>(), 50) << svg.dump();
  }
  std::vector<std::string> names;
  for (const json& g : r["series"]) {
    names.push_back(g["name"].get<std::string>());
    EXPECT_GT(g["width"].get<double>(), 0) << g.dump();
    EXPECT_GT(g["height"].get<double>(), 0) << g.dump();
  }
  EXPECT_EQ(names,
            (std::vector<std::string>{"English", "中文", "日本語", "English", "中文", "日本語"}));
  EXPECT_GT(r["texts"].get<int>(), 20);
  EXPECT_TRUE(r["emptyTexts"].empty()) << r["emptyTexts"].dump() << "; " << fonts;
  ASSERT_EQ(r["headings"].size(), 3u);
  for (const json& h : r["headings"]) {
    EXPECT_GT(h["width"].get<double>(), 0) << h.dump() << "; " << fonts;
  }
  EXPECT_GT(r["cjkWidth"].get<double>(), 0) << fonts;
  EXPECT_GT(r["latinWidth"].get<double>(), 0) << fonts;
  // Four ideographs are about four ems wide in any CJK font, "data" about two.
  EXPECT_GT(r["cjkWidth"].get<double>(), r["latinWidth"].get<double>()) << fonts;
  RecordProperty("cjk_font", r["cjkFont"].dump());
}

}  // namespace
}  // namespace bw::report
