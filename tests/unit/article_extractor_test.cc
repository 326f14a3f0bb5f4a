#include "extractors/article_extractor.h"

#include <gtest/gtest.h>

namespace bw {
namespace {

const char kPara1[] =
    "Nvidia said on Monday it would invest up to $100 billion in OpenAI, which plans to deploy "
    "at least ten gigawatts of Nvidia systems, the first of them in the second half of 2026.";
const char kPara2[] =
    "The deal ties the investment to each gigawatt deployed, and analysts said the structure, in "
    "which a supplier finances its customer, recalled the vendor financing of the dot-com era.";
const char kZhPara[] =
    "英伟达与OpenAI宣布达成合作，英伟达将分阶段向OpenAI投资最多1000亿美元，双方计划部署至少10吉瓦的数据中心。";

ArticleText Extract(const std::string& html) {
  static const LexiconSet lexicons = LexiconSet::Embedded();
  static const ArticleExtractor extractor(lexicons);
  HtmlDom dom(html);
  return extractor.Extract(dom);
}

std::string Page(const std::string& body) {
  return "<!DOCTYPE html><html><head><title>t</title></head><body>" + body + "</body></html>";
}

struct KeepDropCase {
  const char* name;
  std::string body;
  std::vector<std::string> kept;
  std::vector<std::string> dropped;
};

TEST(ArticleExtractorTest, KeepsArticleDropsChrome) {
  const std::string p1 = std::string("<p>") + kPara1 + "</p>";
  const std::string p2 = std::string("<p>") + kPara2 + "</p>";
  const std::vector<KeepDropCase> cases = {
      {"structural chrome",
       "<header><a href=/>Logo text here</a></header><nav><a href=/a>World news section</a></nav>"
       "<article>" + p1 + "<h2>Circular money</h2>" + p2 + "</article>"
       "<aside>Most read: a sidebar story</aside><footer>Footer line of the site</footer>"
       "<script>var tracking = 'script text';</script><style>.x{}</style>"
       "<form>Search the archive form</form>",
       {kPara1, "Circular money", kPara2},
       {"Logo text here", "World news section", "sidebar story", "Footer line", "script text",
        "Search the archive"}},
      {"hidden elements",
       "<article>" + p1 + "<p hidden>Hidden by attribute text</p><p aria-hidden=\"true\">Aria "
       "hidden text</p><div style=\"display: none\">Display none text</div><div "
       "style=\"visibility:hidden\">Visibility hidden text</div>" + p2 + "</article>",
       {kPara1, kPara2},
       {"Hidden by attribute", "Aria hidden", "Display none", "Visibility hidden"}},
      {"chrome classes",
       "<div class=\"article-body\">" + p1 + "<div class=\"share-bar\">Share on X and Facebook "
       "now</div>" + p2 + "<div id=\"cookie-notice\">We use cookies to improve your "
       "experience</div><div class=\"related-posts\"><p>Another story worth reading later "
       "today</p></div><section id=\"comments\"><p>First comment by a reader who disagrees "
       "strongly</p></section></div>",
       {kPara1, kPara2},
       {"Share on X", "We use cookies", "Another story", "First comment"}},
      {"link list inside the article",
       "<article>" + p1 + p2 +
       "<ul><li><a href=/1>OpenAI signs AMD deal for six gigawatts</a></li><li><a href=/2>Oracle "
       "shares jump on cloud backlog</a></li><li><a href=/3>SoftBank sells Nvidia stake to fund "
       "OpenAI</a></li></ul></article>",
       {kPara1, kPara2},
       {"OpenAI signs AMD deal", "Oracle shares jump", "SoftBank sells"}},
      {"headings and lists of the article",
       "<article><h2>What was agreed</h2>" + p1 +
       "<ul><li>Ten gigawatts of Nvidia systems over several years</li><li>Up to $100 billion "
       "invested, one tranche per gigawatt</li></ul>" + p2 + "</article>",
       {"What was agreed", "Ten gigawatts of Nvidia systems", "one tranche per gigawatt"},
       {}},
      {"headline, captions and credits",
       "<article><h1>Nvidia to invest up to $100 billion in OpenAI</h1>" + p1 +
       "<figure><img src=a.jpg><figcaption>Jensen Huang on stage in Taipei. Photo: Reuters"
       "</figcaption></figure><div class=\"image-credit\">Getty Images / Contributor</div>" + p2 +
       "<div class=\"trending-stories\"><p>Most read: a celebrity story nobody asked for, "
       "again</p></div></article>",
       {kPara1, kPara2},
       {"Nvidia to invest up to $100 billion in OpenAI", "Jensen Huang on stage", "Getty Images",
        "celebrity story"}},
      {"datelines at the edges",
       "<article><p>Published 7:07 PM EST Nov 19, 2019</p>" + p1 + p2 +
       "<p>2025年10月12日 01:32 来源：新华社</p></article>",
       {kPara1, kPara2},
       {"Published 7:07 PM", "来源：新华社"}},
      {"cjk credits and short captions, not long lines that end alike",
       "<article>" + p1 + "<p>台積電ADR上周五重挫逾6%。（彭博）</p><p>本文来源：第一财经 责任编辑：王晓易</p>"
       "<p>（编辑：陈正健）</p><p>分析师认为，台积电在先进制程上的领先地位短期内难以撼动，"
       "市场对人工智能芯片需求的预期仍然十分乐观，但估值已经偏高。（彭博）</p>" + p2 + "</article>",
       {kPara1, kPara2, "但估值已经偏高。（彭博）"},
       {"台積電ADR上周五重挫", "本文来源", "（编辑："}},
      {"boilerplate lexicon lines",
       "<article>" + p1 + "<p>Skip to main content</p><p>返回文章列表</p>" + p2 +
       "<p>All rights reserved by the publisher 2025</p></article>",
       {kPara1, kPara2},
       {"Skip to main content", "返回文章列表", "All rights reserved"}},
  };
  for (const KeepDropCase& c : cases) {
    SCOPED_TRACE(c.name);
    ArticleText a = Extract(Page(c.body));
    EXPECT_EQ(a.status, ArticleStatus::kOk);
    for (const std::string& k : c.kept) EXPECT_NE(a.text.find(k), std::string::npos) << k;
    for (const std::string& d : c.dropped) EXPECT_EQ(a.text.find(d), std::string::npos) << d;
  }
}

TEST(ArticleExtractorTest, ChromeNamedWrappersOfTheArticleAreKept) {
  const std::string p1 = std::string("<p>") + kPara1 + "</p>";
  const std::string p2 = std::string("<p>") + kPara2 + "</p>";
  // Themes name whole-page wrappers after their sidebar; the <article> inside
  // protects its ancestors, and without one the class-blind retry finds it.
  for (const std::string& body :
       {"<div class=\"container penci_sidebar\"><article>" + p1 + p2 + "</article></div>",
        "<div class=\"non-ad-column sidebar-layout\"><div class=x>" + p1 + p2 + "</div></div>",
        "<form id=aspnetForm><div class=x>" + p1 + p2 + "</div></form>"}) {
    SCOPED_TRACE(body);
    ArticleText a = Extract(Page(body));
    EXPECT_EQ(a.status, ArticleStatus::kOk);
    EXPECT_EQ(a.text, std::string(kPara1) + "\n\n" + kPara2);
  }
}

TEST(ArticleExtractorTest, LinkDensityCountsVisibleText) {
  // A paragraph with one linked name, its markup indented: still prose.
  std::string p = std::string("<p>") + kPara1 + " <a href=/x>\n          Ilhan Omar\n          </a></p>";
  ArticleText a = Extract(Page("<article>" + p + "<p>" + kPara2 + "</p></article>"));
  EXPECT_NE(a.text.find("Ilhan Omar"), std::string::npos);
}

TEST(ArticleExtractorTest, ParagraphsAreSeparatedByBlankLines) {
  ArticleText a = Extract(Page(std::string("<article><h2>Head</h2><p>") + kPara1 + "</p><p>" +
                               kPara2 + "</p></article>"));
  EXPECT_EQ(a.text, std::string("Head\n\n") + kPara1 + "\n\n" + kPara2);
}

TEST(ArticleExtractorTest, BrSeparatedCjkParagraphs) {
  std::string body = "<div class=\"content\">";
  for (int i = 0; i < 3; ++i) body += std::string(kZhPara) + "<br><br>";
  body += "</div>";
  ArticleText a = Extract(Page(body));
  ASSERT_EQ(a.status, ArticleStatus::kOk);
  std::string p(kZhPara);
  EXPECT_EQ(a.text, p + "\n\n" + p + "\n\n" + p);
}

TEST(ArticleExtractorTest, SiblingBlocksOfOneArticleAreMerged) {
  std::string body = std::string("<div id=wrap><div class=part><p>") + kPara1 + "</p><p>" + kPara2 +
                     "</p></div><div class=part><p>" + kPara2 + " Second part.</p><p>" + kPara1 +
                     " Second part.</p></div></div>";
  ArticleText a = Extract(Page(body));
  EXPECT_NE(a.text.find(kPara1), std::string::npos);
  EXPECT_NE(a.text.find(std::string(kPara1) + " Second part."), std::string::npos);
}

TEST(ArticleExtractorTest, PagesWithoutAnArticle) {
  struct Case {
    const char* name;
    std::string body;
    ArticleStatus status;
  };
  std::string links;
  for (int i = 0; i < 40; ++i) {
    links += "<li><a href=/s" + std::to_string(i) + ">Headline number " + std::to_string(i) +
             " about the AI boom and its money</a></li>";
  }
  const Case cases[] = {
      {"home page of link lists", "<div class=main><ul>" + links + "</ul></div>",
       ArticleStatus::kNoArticle},
      {"login wall", "<div><h1>Sign in</h1><p>Subscribers only.</p><form><input name=u>"
                     "<button>Log in</button></form></div>",
       ArticleStatus::kNoArticle},
      {"login wall with long notices",
       "<div class=box><p>会員登録（無料）でこの記事の続きを読むことができます。ログインすると、"
       "有料会員限定記事も読めます。ご利用には会員規約への同意が必要です。</p><form><p>メールアドレス"
       "<input type=email></p><p>パスワード<input type=password></p><p>パスワードをお忘れの方は"
       "こちらから再設定してください。再設定用のメールをお送りします。</p></form></div>",
       ArticleStatus::kNoArticle},
      {"error page", "<h1>404 Not Found</h1><p>The page you asked for does not exist.</p>",
       ArticleStatus::kNoArticle},
      {"empty body", "", ArticleStatus::kEmpty},
      {"only scripts", "<script>document.write('x')</script>", ArticleStatus::kEmpty},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ArticleText a = Extract(Page(c.body));
    EXPECT_EQ(a.status, c.status);
    EXPECT_EQ(a.text, "");
  }
}

TEST(ArticleExtractorTest, HostileInputDoesNotCrash) {
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  deep += kPara1;
  ArticleText a = Extract(Page(deep));
  EXPECT_NE(a.status, ArticleStatus::kEmpty);

  std::string unclosed = "<p><b><i><u><a href=x>" + std::string(kPara1) + "<table><td>" + kPara2;
  Extract(unclosed);
  Extract(std::string("\0\xff\xfe<p>", 6));
  Extract("<html><body><p>" + std::string(1 << 20, 'x') + "</p></body></html>");
}

}  // namespace
}  // namespace bw
