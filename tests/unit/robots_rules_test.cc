#include "extractors/robots_rules.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace bw {
namespace {

constexpr char kMe[] = "BubbleWatch/0.1";

struct PathCase {
  const char* path;
  bool allowed;
};

void ExpectPaths(const RobotsRules& rules, const std::vector<PathCase>& cases) {
  for (const PathCase& c : cases) {
    SCOPED_TRACE(std::string("path: '") + c.path + "'");
    EXPECT_EQ(rules.IsAllowed(c.path), c.allowed);
  }
}

// ---------------------------------------------------------------------------
// RFC 9309's own examples

// Section 5.1, for each of its user agents.
TEST(RobotsRulesTest, Rfc9309SimpleExample) {
  const char* kBody =
      "User-Agent: *\n"
      "Disallow: *.gif$\n"
      "Disallow: /example/\n"
      "Allow: /publications/\n"
      "\n"
      "User-Agent: foobot\n"
      "Disallow:/\n"
      "Allow:/example/page.html\n"
      "Allow:/example/allowed.gif\n"
      "\n"
      "User-Agent: barbot\n"
      "User-Agent: bazbot\n"
      "Disallow: /example/page.html\n"
      "\n"
      "User-Agent: quxbot\n";
  struct Case {
    const char* agent;
    const char* path;
    bool allowed;
  } cases[] = {
      // "*": no .gif at the end, nothing under /example/.
      {"otherbot", "/", true},
      {"otherbot", "/a.gif", false},
      {"otherbot", "/img/b.gif", false},
      {"otherbot", "/a.gif?size=2", true},  // '$': the path goes on
      {"otherbot", "/a.gifs", true},
      {"otherbot", "/example/", false},
      {"otherbot", "/example", true},
      {"otherbot", "/publications/report.gif", true},  // both match; the longer allow wins
      {"otherbot", "/example/report.gif", false},
      {"otherbot", "/publications/report.html", true},
      // foobot: only two paths; the "*" group does not apply to it.
      {"foobot", "/", false},
      {"foobot", "/example/page.html", true},
      {"foobot", "/example/allowed.gif", true},
      {"foobot", "/example/other.gif", false},
      {"foobot", "/publications/", false},
      // barbot and bazbot share a group.
      {"barbot", "/example/page.html", false},
      {"barbot", "/example/page.html.bak", false},
      {"barbot", "/example/other.html", true},
      {"barbot", "/a.gif", true},
      {"bazbot", "/example/page.html", false},
      {"BazBot/3.1", "/example/page.html", false},
      // quxbot: an empty group at the end allows everything.
      {"quxbot", "/example/page.html", true},
      {"quxbot", "/a.gif", true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.agent) + " " + c.path);
    EXPECT_EQ(RobotsRules::Parse(kBody, c.agent).IsAllowed(c.path), c.allowed);
  }
}

// Section 5.2: the longest match wins, whatever the order of the lines.
TEST(RobotsRulesTest, LongestMatchWins) {
  for (const char* body : {"User-Agent: foobot\n"
                           "Allow: /example/page/\n"
                           "Disallow: /example/page/disallowed.gif\n",
                           "User-Agent: foobot\n"
                           "Disallow: /example/page/disallowed.gif\n"
                           "Allow: /example/page/\n"}) {
    SCOPED_TRACE(body);
    ExpectPaths(RobotsRules::Parse(body, "foobot"),
                {{"/example/page/disallowed.gif", false},
                 {"/example/page/disallowed.gif?x=1", false},
                 {"/example/page/allowed.gif", true},
                 {"/example/page/", true},
                 {"/example/", true}});
  }
}

TEST(RobotsRulesTest, AllowWinsATie) {
  ExpectPaths(RobotsRules::Parse("User-agent: *\nDisallow: /page\nAllow: /page\n", kMe),
              {{"/page", true}, {"/page/2", true}, {"/other", true}});
  // Same length, different patterns, both matching "/abc".
  ExpectPaths(RobotsRules::Parse("User-agent: *\nDisallow: /ab*\nAllow: /a*c\n", kMe),
              {{"/abc", true}, {"/abd", false}, {"/axc", true}});
  // A final '$' counts as an octet of the pattern, so it decides here.
  ExpectPaths(RobotsRules::Parse("User-agent: *\nAllow: /page\nDisallow: /page$\n", kMe),
              {{"/page", false}, {"/page2", true}});
}

// ---------------------------------------------------------------------------
// Patterns: '*', '$', prefixes

TEST(RobotsRulesTest, PatternTable) {
  struct Case {
    const char* pattern;
    const char* path;
    bool matches;
  } cases[] = {
      // A plain pattern matches the paths it is a prefix of, case-sensitively.
      {"/fish", "/fish", true},
      {"/fish", "/fish.html", true},
      {"/fish", "/fish/salmon.html", true},
      {"/fish", "/fishheads/yummy.html", true},
      {"/fish", "/Fish.asp", false},
      {"/fish", "/catfish", false},
      {"/fish", "/?id=fish", false},
      {"/fish", "/", false},
      // A trailing '*' changes nothing.
      {"/fish*", "/fish", true},
      {"/fish*", "/fish.html", true},
      {"/fish*", "/catfish", false},
      // A trailing '/' is part of the prefix.
      {"/fish/", "/fish/", true},
      {"/fish/", "/fish/?id=anything", true},
      {"/fish/", "/fish", false},
      {"/fish/", "/fish.html", false},
      // '*' in the middle spans any octets, '/' included.
      {"/*.php", "/index.php", true},
      {"/*.php", "/folder/filename.php?parameters", true},
      {"/*.php", "/windows.PHP", false},
      {"/*.php", "/", false},
      {"/fish*.php", "/fish.php", true},
      {"/fish*.php", "/fishheads/catfish.php?parameters", true},
      {"/fish*.php", "/Fish.PHP", false},
      {"/*?", "/a?b=1", true},
      {"/*?", "/a", false},
      {"/**x", "/x", true},
      {"/**x", "/abx", true},
      {"/a*b*c", "/abc", true},
      {"/a*b*c", "/acb", false},
      {"/a*b*c", "/a/c/b/c", true},
      // '$' anchors the end.
      {"/*.php$", "/filename.php", true},
      {"/*.php$", "/folder/filename.php", true},
      {"/*.php$", "/filename.php?parameters", false},
      {"/*.php$", "/filename.php/", false},
      {"/*.php$", "/filename.php5", false},
      {"/*.php$", "/a.php.php", true},  // the last ".php" is the one at the end
      {"/$", "/", true},
      {"/$", "/a", false},
      {"/a*$", "/abc", true},
      {"/ab*b$", "/ab", false},  // the segments may not overlap
      {"/ab*b$", "/abb", true},
      // A '$' that is not last is an ordinary character.
      {"/a$b", "/a$b", true},
      {"/a$b", "/ab", false},
      {"/a$b", "/a%24b", true},
      // Patterns that start with '*', or with neither '*' nor '/'.
      {"*.gif$", "/a/b.gif", true},
      {"*", "/anything", true},
      {"fish", "/fish", true},
      {"fish", "/catfish", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.pattern) + " vs " + c.path);
    std::string body = std::string("User-agent: *\nDisallow: ") + c.pattern + "\n";
    EXPECT_EQ(RobotsRules::Parse(body, kMe).IsAllowed(c.path), !c.matches);
  }
}

// RFC 9309 2.2.2 and the examples of the 1996 draft: escapes of unreserved
// characters and the case of hex digits do not matter, escaped reserved
// characters ("%2F") are not the characters themselves.
TEST(RobotsRulesTest, PercentEncodingEquivalence) {
  struct Case {
    const char* pattern;
    const char* path;
    bool matches;
  } cases[] = {
      {"/a%3cd.html", "/a%3Cd.html", true},
      {"/a%3Cd.html", "/a%3cd.html", true},
      {"/a%2fb.html", "/a%2Fb.html", true},
      {"/a%2fb.html", "/a/b.html", false},
      {"/a/b.html", "/a%2fb.html", false},
      {"/%7ejoe/index.html", "/~joe/index.html", true},
      {"/~joe/index.html", "/%7Ejoe/index.html", true},
      {"/foo/bar/%62%61%7A", "/foo/bar/baz", true},  // RFC 9309's table
      {"/foo/bar/baz", "/foo/bar/%62%61%7a", true},
      {"/foo/bar/ツ", "/foo/bar/%E3%83%84", true},     // non-ASCII is escaped
      {"/foo/bar/ツ", "/foo/bar/%e3%83%84", true},
      {"/foo/bar/%E3%83%84", "/foo/bar/ツ", true},
      {"/foo/bar/%E3%83%84", "/foo/bar/%E3%83%85", false},
      {"/path/file-with-a-%2A.html", "/path/file-with-a-*.html", true},  // RFC 9309 2.2.3
      {"/path/file-with-a-%2A.html", "/path/file-with-a-x.html", false},
      {"/path/foo-%24", "/path/foo-$", true},
      {"/a b", "/a%20b", true},
      {"/100%", "/100%25", true},  // a stray '%' is "%25"
      {"/%41", "/A", true},
      {"/%41", "/a", false},  // matching stays case-sensitive
      {"/q?u=https%3A%2F%2F", "/q?u=https%3a%2f%2fx.test", true},
      {"/q?u=https%3A%2F%2F", "/q?u=https://x.test", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.pattern) + " vs " + c.path);
    std::string body = std::string("User-agent: *\nDisallow: ") + c.pattern + "\n";
    EXPECT_EQ(RobotsRules::Parse(body, kMe).IsAllowed(c.path), !c.matches);
  }
}

TEST(RobotsRulesTest, EmptyPathAndQueryOnly) {
  RobotsRules rules = RobotsRules::Parse("User-agent: *\nDisallow: /$\nDisallow: /*?\n", kMe);
  ExpectPaths(rules, {{"", false}, {"/", false}, {"?x=1", false}, {"/a", true}});
}

TEST(RobotsRulesTest, RobotsTxtIsAlwaysAllowed) {
  ExpectPaths(RobotsRules::Parse("User-agent: *\nDisallow: /\n", kMe),
              {{"/robots.txt", true},
               {"/%72obots.txt", true},
               {"/robots.txt?x=1", false},
               {"/robots.txt/", false},
               {"/Robots.txt", false},
               {"/", false}});
}

// ---------------------------------------------------------------------------
// Groups and user agents

TEST(RobotsRulesTest, UserAgentLineMatching) {
  struct Case {
    const char* line;   // value of the user-agent line
    const char* token;  // what the crawler calls itself
    bool applies;
  } cases[] = {
      {"bubblewatch", "BubbleWatch/0.1", true},
      {"BubbleWatch", "bubblewatch", true},
      {"BUBBLEWATCH/2.0", "BubbleWatch/0.1", true},
      {"bubblewatch (+https://example.com/bot)", "BubbleWatch/0.1", true},
      {"  bubblewatch  ", "BubbleWatch", true},
      {"*", "BubbleWatch/0.1", true},
      {"* # everyone", "BubbleWatch/0.1", true},
      {"bubble", "BubbleWatch/0.1", false},
      {"bubblewatchbot", "BubbleWatch/0.1", false},
      {"bubble watch", "BubbleWatch/0.1", false},
      {"Mozilla/5.0 (compatible; BubbleWatch/0.1)", "BubbleWatch/0.1", false},
      {"*bot", "BubbleWatch/0.1", false},
      {"", "BubbleWatch/0.1", false},
      {"bubblewatch", "", false},
      {"bubblewatch", "*", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string("line '") + c.line + "', token '" + c.token + "'");
    std::string body = std::string("User-agent: ") + c.line + "\nDisallow: /\n";
    EXPECT_EQ(RobotsRules::Parse(body, c.token).IsAllowed("/x"), !c.applies);
  }
}

TEST(RobotsRulesTest, OwnGroupReplacesTheStarGroup) {
  const char* kBody =
      "User-agent: *\n"
      "Disallow: /\n"
      "Crawl-delay: 30\n"
      "\n"
      "User-agent: bubblewatch\n"
      "Disallow: /private\n";
  RobotsRules mine = RobotsRules::Parse(kBody, kMe);
  ExpectPaths(mine, {{"/news", true}, {"/private/a", false}});
  EXPECT_EQ(mine.crawl_delay(), std::nullopt);  // the "*" group's delay is not ours
  RobotsRules other = RobotsRules::Parse(kBody, "otherbot");
  ExpectPaths(other, {{"/news", false}});
  EXPECT_EQ(other.crawl_delay(), 30.0);
}

// An empty group, or one with only an empty "Disallow:", allows everything,
// even when "*" disallows it.
TEST(RobotsRulesTest, EmptyOwnGroupAllowsAll) {
  for (const char* body : {"User-agent: *\nDisallow: /\nUser-agent: bubblewatch\n",
                           "User-agent: bubblewatch\nDisallow:\n\nUser-agent: *\nDisallow: /\n",
                           "User-agent: bubblewatch\nAllow:\nUser-agent: *\nDisallow: /\n"}) {
    SCOPED_TRACE(body);
    ExpectPaths(RobotsRules::Parse(body, kMe), {{"/", true}, {"/a/b", true}});
  }
}

// RFC 9309 2.2.1: groups for the same agent are merged; so are "*" groups.
TEST(RobotsRulesTest, GroupsForTheSameAgentAreMerged) {
  const char* kBody =
      "user-agent: BubbleWatch\n"
      "disallow: /foo\n"
      "disallow: /bar\n"
      "\n"
      "user-agent: otherbot\n"
      "disallow: /other\n"
      "\n"
      "user-agent: googlebot\n"
      "user-agent: bubblewatch\n"
      "disallow: /baz\n"
      "allow: /foo/public\n";
  ExpectPaths(RobotsRules::Parse(kBody, kMe), {{"/foo", false},
                                               {"/bar", false},
                                               {"/baz", false},
                                               {"/foo/public", true},
                                               {"/other", true},
                                               {"/qux", true}});
  ExpectPaths(RobotsRules::Parse("User-agent: *\nDisallow: /a\nUser-agent: x\nDisallow: /x\n"
                                 "User-agent: *\nDisallow: /b\n",
                                 kMe),
              {{"/a", false}, {"/b", false}, {"/x", true}});
}

TEST(RobotsRulesTest, WhatEndsAGroup) {
  // A user-agent line after a rule starts a new group.
  ExpectPaths(RobotsRules::Parse("User-agent: bubblewatch\nDisallow: /a\n"
                                 "User-agent: otherbot\nDisallow: /b\n",
                                 kMe),
              {{"/a", false}, {"/b", true}});
  // Sitemap and unknown lines do not: both agents share the group.
  for (const char* between : {"Sitemap: https://example.com/s.xml\n", "Host: example.com\n",
                              "# comment\n", "\n", "no colon here\n"}) {
    SCOPED_TRACE(between);
    std::string body =
        std::string("User-agent: otherbot\n") + between + "User-agent: bubblewatch\nDisallow: /b\n";
    ExpectPaths(RobotsRules::Parse(body, kMe), {{"/b", false}});
    ExpectPaths(RobotsRules::Parse(body, "otherbot"), {{"/b", false}});
  }
  // Rules before the first user-agent line belong to no group.
  ExpectPaths(RobotsRules::Parse("Disallow: /a\nUser-agent: *\nDisallow: /b\n", kMe),
              {{"/a", true}, {"/b", false}});
  ExpectPaths(RobotsRules::Parse("Disallow: /\n", kMe), {{"/", true}});
}

// ---------------------------------------------------------------------------
// Lines

TEST(RobotsRulesTest, LineSyntax) {
  struct Case {
    const char* name;
    std::string body;
  } cases[] = {
      {"LF", "User-agent: *\nDisallow: /a\nAllow: /a/b\n"},
      {"CRLF", "User-agent: *\r\nDisallow: /a\r\nAllow: /a/b\r\n"},
      {"CR only", "User-agent: *\rDisallow: /a\rAllow: /a/b\r"},
      {"no final line end", "User-agent: *\nDisallow: /a\nAllow: /a/b"},
      {"BOM", "\xEF\xBB\xBFUser-agent: *\nDisallow: /a\nAllow: /a/b\n"},
      {"white space", "  User-agent  :\t* \n\tDisallow:/a   \n Allow : /a/b\t\n"},
      {"key case", "USER-AGENT: *\ndisallow: /a\nALLOW: /a/b\n"},
      {"comments", "# robots\nUser-agent: * # all\nDisallow: /a#no\n#Disallow: /\nAllow: /a/b\n"},
      {"unknown keys", "User-agent: *\nNoindex: /\nDisallow: /a\nClean-param: x\nAllow: /a/b\n"},
      {"no colon", "User-agent: *\nDisallow /\nDisallow: /a\nAllow: /a/b\n"},
      {"blank lines", "\n\nUser-agent: *\n\n\nDisallow: /a\n\nAllow: /a/b\n\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ExpectPaths(RobotsRules::Parse(c.body, kMe),
                {{"/", true}, {"/a", false}, {"/a/c", false}, {"/a/b", true}, {"/b", true}});
  }
}

// A BOM anywhere but at the start is not skipped; a key or path after it does
// not parse as the same thing.
TEST(RobotsRulesTest, BomOnlyAtTheStart) {
  ExpectPaths(RobotsRules::Parse("User-agent: *\n\xEF\xBB\xBF" "Disallow: /a\n", kMe),
              {{"/a", true}});
}

TEST(RobotsRulesTest, EmptyDisallowIsIgnored) {
  ExpectPaths(RobotsRules::Parse("User-agent: *\nDisallow:\nDisallow: /a\n", kMe),
              {{"/", true}, {"/a", false}, {"/b", true}});
  ExpectPaths(RobotsRules::Parse("User-agent: *\nDisallow:   # nothing\n", kMe),
              {{"/", true}, {"/a", true}});
  ExpectPaths(RobotsRules::Parse("User-agent: *\nDisallow: $\n", kMe), {{"/", true}});
}

// ---------------------------------------------------------------------------
// Crawl-delay and Sitemap

TEST(RobotsRulesTest, CrawlDelay) {
  struct Case {
    const char* value;
    std::optional<double> delay;
  } cases[] = {
      {"10", 10.0},  {"0.5", 0.5},           {"1.50", 1.5},          {"0", 0.0},
      {"  7  ", 7.0}, {"-1", std::nullopt},   {"-0", std::nullopt},   {"abc", std::nullopt},
      {"10s", std::nullopt}, {"", std::nullopt}, {"1e3", std::nullopt}, {"inf", std::nullopt},
      {"nan", std::nullopt}, {"+5", std::nullopt}, {"1,5", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string("Crawl-delay: ") + c.value);
    std::string body = std::string("User-agent: *\nCrawl-delay: ") + c.value + "\n";
    EXPECT_EQ(RobotsRules::Parse(body, kMe).crawl_delay(), c.delay);
  }
  // The first valid value of the matched groups counts.
  EXPECT_EQ(RobotsRules::Parse("User-agent: *\nCrawl-delay: x\nCrawl-delay: 2\nCrawl-delay: 3\n",
                               kMe)
                .crawl_delay(),
            2.0);
  EXPECT_EQ(RobotsRules::Parse("User-agent: bubblewatch\nDisallow: /a\n"
                               "User-agent: *\nCrawl-delay: 5\n"
                               "User-agent: bubblewatch\nCrawl-delay: 4\n",
                               kMe)
                .crawl_delay(),
            4.0);
  EXPECT_EQ(RobotsRules::Parse("", kMe).crawl_delay(), std::nullopt);
}

TEST(RobotsRulesTest, SitemapsAreGlobalAndKeptAsWritten) {
  const char* kBody =
      "Sitemap: https://example.com/sitemap.xml\n"
      "User-agent: otherbot\n"
      "Disallow: /\n"
      "SITEMAP:HTTPS://Example.com/News.xml # the news\n"
      "User-agent: *\n"
      "sitemap:   \n"
      "Sitemap: /relative.xml\n";
  const std::vector<std::string> kWant = {"https://example.com/sitemap.xml",
                                          "HTTPS://Example.com/News.xml", "/relative.xml"};
  EXPECT_EQ(RobotsRules::Parse(kBody, kMe).sitemaps(), kWant);
  EXPECT_EQ(RobotsRules::Parse(kBody, "otherbot").sitemaps(), kWant);
  EXPECT_TRUE(RobotsRules::Parse("User-agent: *\nDisallow: /\n", kMe).sitemaps().empty());
}

// ---------------------------------------------------------------------------
// AllowAll, DisallowAll, empty files

TEST(RobotsRulesTest, AllowAllAndDisallowAll) {
  for (const RobotsRules& rules :
       {RobotsRules::AllowAll(), RobotsRules::Parse("", kMe), RobotsRules::Parse("# nothing\n", kMe),
        RobotsRules::Parse("User-agent: otherbot\nDisallow: /\n", kMe)}) {
    ExpectPaths(rules, {{"", true}, {"/", true}, {"/a?b=c", true}, {"/robots.txt", true}});
  }
  RobotsRules none = RobotsRules::DisallowAll();
  ExpectPaths(none, {{"", false}, {"/", false}, {"/a?b=c", false}, {"/robots.txt", true}});
  EXPECT_EQ(none.crawl_delay(), std::nullopt);
  EXPECT_TRUE(none.sitemaps().empty());
}

// ---------------------------------------------------------------------------
// Size limit and hostile input

std::string Filler(size_t bytes) {
  std::string s;
  while (s.size() + 40 <= bytes) s += "# filler filler filler filler filler\n";  // 37 bytes
  s += std::string(bytes - s.size() - 1, '#') + "\n";
  return s;
}

TEST(RobotsRulesTest, ReadsOnlyTheFirst500KiB) {
  const size_t kMax = RobotsRules::kMaxBodyBytes;
  ASSERT_EQ(kMax, 512000u);
  const std::string kHead = "User-agent: *\nDisallow: /\n";

  // A rule wholly past the limit is not read.
  std::string body = kHead + Filler(kMax - kHead.size()) + "Allow: /after\n";
  ASSERT_EQ(body.size(), kMax + 14);
  ExpectPaths(RobotsRules::Parse(body, kMe), {{"/after", false}});

  // A line that ends exactly at the limit is read.
  std::string line = "Allow: /public\n";
  body = kHead + Filler(kMax - kHead.size() - line.size()) + line + "Allow: /more\n";
  ASSERT_EQ(body.find(line) + line.size(), kMax);
  ExpectPaths(RobotsRules::Parse(body, kMe), {{"/public", true}, {"/more", false}});
  // Also without its line end, when the limit falls just before the LF.
  body = kHead + Filler(kMax - kHead.size() - line.size() + 1) + line;
  ASSERT_EQ(body.find(line) + line.size() - 1, kMax);
  ExpectPaths(RobotsRules::Parse(body, kMe), {{"/public", true}});

  // A line cut by the limit is dropped whole: "Allow: /" would allow all.
  body = kHead + Filler(kMax - kHead.size() - 8) + line;
  ASSERT_EQ(body.substr(kMax - 8, 8), "Allow: /");
  ExpectPaths(RobotsRules::Parse(body, kMe), {{"/public", false}, {"/", false}});

  // A line longer than the limit is not read, nor is anything after it.
  body = "User-agent: *\n" + std::string(kMax, 'x') + "\nDisallow: /\n";
  ExpectPaths(RobotsRules::Parse(body, kMe), {{"/", true}});
  body = "User-agent: * " + std::string(kMax, ' ') + "\nDisallow: /\n";
  ExpectPaths(RobotsRules::Parse(body, kMe), {{"/", true}});
}

// Lines of every byte value, then 1 MB of distinct wildcard rules (15,000
// are read): parsed in bounded time, each rule matched in linear time.
TEST(RobotsRulesTest, HostileBodyIsBounded) {
  std::string body = "User-agent: *\n";
  for (int i = 0; body.size() < 1024 * 1024; ++i) {
    body += "Disallow: /*a*a*a*a*a*a*a*a*b" + std::to_string(i) + "\n";
  }
  std::string garbage;
  for (int c = 0; c < 256; ++c) garbage += static_cast<char>(c);
  RobotsRules rules = RobotsRules::Parse(garbage + "\n" + body, kMe);
  std::string path = "/" + std::string(1000, 'a');
  EXPECT_TRUE(rules.IsAllowed(path));
  EXPECT_FALSE(rules.IsAllowed(path + "b17"));
  EXPECT_TRUE(RobotsRules::Parse(garbage + garbage, kMe).IsAllowed("/"));
}

TEST(RobotsRulesTest, PathologicalWildcardsAreLinear) {
  const std::string kLongA = "/" + std::string(200000, 'a');
  struct Case {
    const char* pattern;
    std::string path;
    bool matches;
  } cases[] = {
      {"/*a*a*a*a*a*a*a*a*b", kLongA, false},
      {"/*a*a*a*a*a*a*a*a*b", kLongA + "b", true},
      {"/*a*a*a*a*a*a*a*a*b$", kLongA + "bc", false},
      {"/*aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", kLongA, false},
      {"/*aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", kLongA + "b", true},
      {"/***************************************b$", kLongA, false},
      {"/*a*ab*aab*aaab*aaaab*aaaaab", kLongA, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    std::string body = std::string("User-agent: *\nDisallow: ") + c.pattern + "\n";
    EXPECT_EQ(RobotsRules::Parse(body, kMe).IsAllowed(c.path), !c.matches);
  }
}

}  // namespace
}  // namespace bw
