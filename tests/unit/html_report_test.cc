#include "report/html_report.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/xml_page.h"

namespace bw::report {
namespace {

using Strings = std::vector<std::string>;

using Page = testing::XmlPage;

ClaimLine Claim(std::string entity, std::string kind, std::string value, std::string url) {
  return {entity, kind, value, 3, 2, {"en", "zh"}, "2026-10-06", "2026-11-20", "span of " + value,
          url};
}

ReportPage Sample() {
  ReportPage page;
  page.title = "bubblewatch report";
  page.generated_at = "2026-11-24T08:00:00Z";
  page.period = "2025-11-24 – 2026-11-24, by week, UTC";
  page.stance_by_lang.x_labels = {"2026-W46", "2026-W47"};
  page.stance_by_lang.y_min = -1;
  page.stance_by_lang.y_max = 1;
  page.stance_by_lang.series = {{"en", {0.25, -0.126}, {}, {}},
                                {"中文", {-0.5, std::nullopt}, {}, {}}};
  page.volume.x_labels = page.stance_by_lang.x_labels;
  page.volume.series = {{"en", {1, 2}, {}, {}},
                        {"中文", {3, std::numeric_limits<double>::quiet_NaN()}, {}, {}}};
  page.claims_by_entity = {
      {"OpenAI",
       {Claim("OpenAI", "power", "6 GW", "https://news.example/a?x=1&y=2"),
        Claim("OpenAI", "capex", "$1.4 trillion", "https://news.example/b"),
        Claim("OpenAI", "power", "10 GW", "javascript:alert(1)")}},
      {"阿里巴巴", {Claim("阿里巴巴", "capex", "3800亿元", "https://www.example.cn/c")}},
  };
  page.latest_period = "2026-W47";
  page.evidence = {
      {"bubble", -0.82, "The boom looks like 1999.", "Bubble fears", "https://ft.example/x", "en",
       "2026-11-20"},
      {"revolution", 0.77, "人工智能正在引发产业革命。", "产业", "https://cn.example/y", "zh",
       "2026-11-19"},
      {"neutral", 0, "日本語の文。", "題", "", "ja\" onload=\"x", ""},
  };
  return page;
}

TEST(HtmlReportTest, IsAWellFormedHtml5Document) {
  std::string html = RenderReport(Sample());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  for (const Page& page : {Page::Xml(html), Page::Html(html)}) {
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page.Strings("/html/@lang"), Strings{"en"});
    EXPECT_EQ(page.Strings("/html/head/meta/@charset"), Strings{"utf-8"});
    EXPECT_EQ(page.Strings("/html/head/title"), Strings{"bubblewatch report"});
    EXPECT_EQ(page.Count("//style"), 1u);
  }
  Page xml = Page::Xml(html);
  EXPECT_EQ(xml.Count("//s:svg"), 2u);
  EXPECT_EQ(xml.Strings("//figure/s:svg/s:g[@class='series']/@data-series"),
            (Strings{"en", "中文", "en", "中文"}));
  EXPECT_EQ(xml.Strings("//s:g[@data-series='en']/s:circle/@data-value"),
            (Strings{"0.250", "-0.126"}));
}

TEST(HtmlReportTest, NoScriptAndNothingExternal) {
  std::string html = RenderReport(Sample());
  for (const Page& page : {Page::Xml(html), Page::Html(html)}) {
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page.Count("//*[local-name()='script']"), 0u);
    EXPECT_EQ(
        page.Count("//*[local-name()='link' or local-name()='img' or local-name()='iframe' or "
                   "local-name()='object' or local-name()='embed']"),
        0u);
    EXPECT_EQ(
        page.Count(
            "//@src | //@*[local-name()='href'][not(parent::a)] | //@*[starts-with(name(), 'on')]"),
        0u);
  }
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
}

// "http" appears only in the links' href and the SVG namespace.
TEST(HtmlReportTest, HttpOnlyInLinksAndTheSvgNamespace) {
  std::string html = RenderReport(Sample());
  Page xml = Page::Xml(html);
  Strings hrefs = xml.Strings("//a/@href");
  EXPECT_EQ(hrefs,
            (Strings{"https://news.example/a?x=1&y=2", "https://news.example/b",
                     "https://www.example.cn/c", "https://ft.example/x", "https://cn.example/y"}));
  std::string rest = html;
  auto erase_all = [&](const std::string& s) {
    for (size_t at; (at = rest.find(s)) != std::string::npos;) rest.erase(at, s.size());
  };
  erase_all("xmlns=\"http://www.w3.org/2000/svg\"");
  for (const std::string& href : hrefs) erase_all("href=\"" + EscapeXml(href) + "\"");
  size_t at = rest.find("http");
  EXPECT_EQ(at, std::string::npos) << rest.substr(at < 40 ? 0 : at - 40, 80);
}

TEST(HtmlReportTest, OnlyWebUrlsBecomeLinks) {
  struct Case {
    std::string url;
    bool link;
  };
  for (const Case& c : std::vector<Case>{{"https://a.example/x", true},
                                         {"HTTP://A.EXAMPLE/", true},
                                         {"https://a.example/?q=1&r=<2>\"'", true},
                                         {"javascript:alert(1)", false},
                                         {"JavaScript:alert(1)", false},
                                         {" https://a.example/", false},
                                         {"https://a.example/ x", false},
                                         {"data:text/html,<script>alert(1)</script>", false},
                                         {"ftp://a.example/", false},
                                         {"//a.example/x", false},
                                         {"http://", false}}) {
    SCOPED_TRACE(c.url);
    ReportPage page;
    page.claims_by_entity = {{"E", {Claim("E", "k", "1", c.url)}}};
    page.evidence = {{"bubble", -1, "s", "title", c.url, "en", ""}};
    std::string html = RenderReport(page);
    Page xml = Page::Xml(html);
    ASSERT_TRUE(xml.ok());
    const Strings both = {c.url, c.url};
    EXPECT_EQ(xml.Strings("//a/@href"), c.link ? both : Strings{});
    EXPECT_EQ(xml.Strings("//span[@class='url']"), c.link ? Strings{} : both);
    EXPECT_EQ(xml.Count("//*[local-name()='script']"), 0u);
  }
}

TEST(HtmlReportTest, TextFromWebPagesIsEscaped) {
  const std::string evil = "<script>alert(1)</script> & \"x\"";
  ReportPage page = Sample();
  page.title = evil;
  page.period = evil;
  page.claims_by_entity = {{evil, {Claim(evil, evil, evil, "https://a.example/")}}};
  page.evidence[0].sentence = evil;
  page.evidence[0].title = evil;
  page.stance_by_lang.title = evil;
  page.volume.series[0].name = evil;
  std::string html = RenderReport(page);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  for (const Page& p : {Page::Xml(html), Page::Html(html)}) {
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.Count("//*[local-name()='script']"), 0u);
    EXPECT_EQ(p.Strings("/html/head/title"), Strings{evil});
    EXPECT_EQ(p.Strings("//h1"), Strings{evil});
    EXPECT_EQ(p.Strings("//h3"), Strings{evil});
    EXPECT_EQ(p.Strings("//td[@class='figure']"), Strings{evil});
    EXPECT_EQ(p.Strings("//li[1]/blockquote"), Strings{evil});
    EXPECT_EQ(p.Strings("//li[1]/p/a"), Strings{evil});
  }
  EXPECT_EQ(Page::Xml(html).Strings("//s:text[@class='title']")[0], evil);
}

TEST(HtmlReportTest, CjkTextIsVerbatimAndLanguageTagged) {
  Page xml = Page::Xml(RenderReport(Sample()));
  ASSERT_TRUE(xml.ok());
  EXPECT_EQ(xml.Strings("//h3"), (Strings{"OpenAI", "阿里巴巴"}));
  EXPECT_EQ(xml.Strings("//td[@class='figure']"),
            (Strings{"6 GW", "10 GW", "$1.4 trillion", "3800亿元"}));
  EXPECT_EQ(xml.Strings("//blockquote[@lang='zh']"), Strings{"人工智能正在引发产业革命。"});
  // A language tag that is not one is left out rather than written into the markup.
  EXPECT_EQ(xml.Strings("//blockquote/@lang"), (Strings{"en", "zh"}));
  EXPECT_EQ(xml.Count("//@onload"), 0u);
}

TEST(HtmlReportTest, ConflictingFiguresShareOneRowGroup) {
  Page xml = Page::Xml(RenderReport(Sample()));
  ASSERT_TRUE(xml.ok());
  EXPECT_EQ(xml.Strings("//table[1]/tbody/@class"), (Strings{"kind conflict", "kind"}));
  const std::string conflict = "//table[1]/tbody[@class='kind conflict']";
  EXPECT_EQ(xml.Strings(conflict + "/tr/td[@class='figure']"), (Strings{"6 GW", "10 GW"}));
  EXPECT_EQ(xml.Strings(conflict + "/tr/th/@rowspan"), Strings{"2"});
  EXPECT_EQ(xml.Strings(conflict + "//span[@class='badge']"), Strings{"2 figures"});

  // The same figure from two claims is no conflict.
  ReportPage page;
  page.claims_by_entity = {
      {"E", {Claim("E", "power", "6 GW", ""), Claim("E", "power", "6 GW", "")}}};
  Page same = Page::Xml(RenderReport(page));
  EXPECT_EQ(same.Strings("//tbody/@class"), Strings{"kind"});
  EXPECT_EQ(same.Count("//span[@class='badge']"), 0u);
}

TEST(HtmlReportTest, EvidenceIsColouredByLabel) {
  ReportPage sample = Sample();
  sample.evidence.push_back({"bubble", std::nan(""), "x", "", "", "", ""});
  Page xml = Page::Xml(RenderReport(sample));
  ASSERT_TRUE(xml.ok());
  EXPECT_EQ(xml.Strings("//ol[@class='evidence']/li/@class"),
            (Strings{"bubble", "revolution", "other", "bubble"}));
  EXPECT_EQ(xml.Strings("//ol[@class='evidence']/li/span[@class='score']"),
            (Strings{"\u22120.82", "+0.77", "0.00", "n/a"}));
  EXPECT_EQ(xml.Strings("//section[@id='evidence']/h2"), Strings{"Strongest sentences, 2026-W47"});
}

TEST(HtmlReportTest, SummaryCountsTheData) {
  Page xml = Page::Xml(RenderReport(Sample()));
  ASSERT_TRUE(xml.ok());
  EXPECT_EQ(
      xml.Strings("//dl[@class='summary']/dd"),
      (Strings{"6 (en, 中文)", "en \u22120.13 (2026-W47); 中文 \u22120.50 (2026-W46)",
               "4 figures about 2 entities; 1 conflict (same entity and kind, different figures)",
               "1 bubble, 1 neutral, 1 revolution in 2026-W47"}));
}

TEST(HtmlReportTest, EmptyPageIsStillAValidReport) {
  std::string html = RenderReport(ReportPage{});
  for (const Page& page : {Page::Xml(html), Page::Html(html)}) {
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page.Strings("//h1"), Strings{"bubblewatch report"});
    EXPECT_EQ(page.Count("//*[local-name()='svg']"), 2u);
    EXPECT_EQ(page.Count("//*[@class='no-data']"), 2u);
    EXPECT_EQ(page.Count("//p[@class='empty']"), 2u);
    EXPECT_EQ(page.Count("//table"), 0u);
  }
}

}  // namespace
}  // namespace bw::report
