#include "pipeline/url.h"

#include <gtest/gtest.h>

#include <string>

namespace bw {
namespace {

// ---------------------------------------------------------------------------
// ValidateFetchUrl

struct AcceptedCase {
  const char* input;
  const char* expected;
};

TEST(UrlValidateFetchUrl, AcceptsHttpAndHttpsAndNormalises) {
  const AcceptedCase kCases[] = {
      // Scheme and host lower-cased, default port and fragment dropped.
      {"HTTPS://Example.COM:443/a/b?x=1#frag", "https://example.com/a/b?x=1"},
      {"http://Example.com:80/", "http://example.com/"},
      {"http://example.com:80/a?b=c", "http://example.com/a?b=c"},
      // No path: curl adds "/".
      {"HTTP://EXAMPLE.COM", "http://example.com/"},
      // Non-default ports are kept, also the other scheme's default.
      {"http://example.com:8080/x", "http://example.com:8080/x"},
      {"https://example.com:80/x", "https://example.com:80/x"},
      {"http://example.com:443/x", "http://example.com:443/x"},
      // Path and query case are significant and kept.
      {"http://EXAMPLE.com/Path/CASE?Q=A", "http://example.com/Path/CASE?Q=A"},
      // Dot segments are removed.
      {"http://example.com/a/../b/./c", "http://example.com/b/c"},
      // IPv6 literal: brackets kept, lower-cased, default port dropped.
      {"https://[2001:DB8::1]:443/p", "https://[2001:db8::1]/p"},
      {"http://[::1]:8080/", "http://[::1]:8080/"},
      // Percent-encoding is kept as written (not decoded, not re-cased).
      {"https://example.com/%E4%BD%A0%20x", "https://example.com/%E4%BD%A0%20x"},
      // IDN host and non-ASCII path: libcurl 7.88 gives them back as raw UTF-8,
      // neither punycoded nor percent-encoded. curl sends them as they are.
      {"https://bücher.example/straße?q=ä", "https://bücher.example/straße?q=ä"},
  };
  for (const AcceptedCase& c : kCases) {
    SCOPED_TRACE(c.input);
    Result<std::string> r = ValidateFetchUrl(c.input);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(*r, c.expected);
    // Normalisation is idempotent: the result is accepted unchanged.
    Result<std::string> again = ValidateFetchUrl(*r);
    ASSERT_TRUE(again.ok()) << again.status().message();
    EXPECT_EQ(*again, *r);
  }
}

TEST(UrlValidateFetchUrl, RefusesEverythingElseWithUsageNamingTheInput) {
  const char* kRefused[] = {
      "file:///etc/passwd",
      "ftp://example.com/x",
      "not-a-url",
      "",
      "http://",
      "https://",
      "javascript:alert(1)",
      "mailto:a@b.c",
      "data:text/html,x",
      "gopher://x",
      "example.com/a",            // no scheme
      "http://exa mple.com/",     // space in the host
      "http://example.com:99999/",  // port out of range
      " http://example.com/",     // leading white space is not trimmed
  };
  for (const char* input : kRefused) {
    SCOPED_TRACE(std::string("input: '") + input + "'");
    Result<std::string> r = ValidateFetchUrl(input);
    ASSERT_FALSE(r.ok()) << "accepted as " << *r;
    EXPECT_EQ(r.status().exit_code(), 64);
    EXPECT_EQ(r.status().code(), ExitCode::kUsage);
    EXPECT_NE(r.status().message().find(input), std::string::npos) << r.status().message();
  }
}

TEST(UrlValidateFetchUrl, MessageSaysWhichSchemeIsRefused) {
  Result<std::string> r = ValidateFetchUrl("ftp://example.com/x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "ftp://example.com/x: scheme 'ftp' is not fetched (only http and https)");

  Result<std::string> r2 = ValidateFetchUrl("not-a-url");
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.status().message(), "not-a-url: not a URL (expected http://… or https://…)");
}

// ---------------------------------------------------------------------------
// NormalizeUrl

TEST(UrlNormalizeUrl, Table) {
  const AcceptedCase kCases[] = {
      {"HTTP://Example.COM:80/a#x", "http://example.com/a"},
      {"https://x.com:443", "https://x.com/"},
      {"https://x.com:8443/", "https://x.com:8443/"},
      {"https://x.com/a?b=1#", "https://x.com/a?b=1"},
      {"http://EXAMPLE.com/Path/CASE?Q=A", "http://example.com/Path/CASE?Q=A"},
      {"https://[FE80::1]/", "https://[fe80::1]/"},
      // Not absolute http(s): "".
      {"ftp://x.com/", ""},
      {"file:///etc/passwd", ""},
      {"mailto:a@b.c", ""},
      {"javascript:alert(1)", ""},
      {"/relative", ""},
      {"relative.html", ""},
      {"", ""},
      {"http://", ""},
  };
  for (const AcceptedCase& c : kCases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(NormalizeUrl(c.input), c.expected);
  }
}

// ---------------------------------------------------------------------------
// CanonicalUrl

TEST(UrlCanonicalUrl, Table) {
  const AcceptedCase kCases[] = {
      // Tracking parameters go, wherever they are; the rest keep their order.
      {"https://example.com/a?utm_source=rss", "https://example.com/a"},
      {"HTTPS://News.example:443/a?id=7&utm_source=rss&fbclid=x#top",
       "https://news.example/a?id=7"},
      {"https://example.com/a?id=7&utm_source=rss&utm_medium=feed", "https://example.com/a?id=7"},
      {"https://example.com/a?utm_campaign=x&id=7", "https://example.com/a?id=7"},
      {"https://example.com/a?b=2&fbclid=IwAR0x&a=1", "https://example.com/a?b=2&a=1"},
      {"https://example.com/a?utm_id=1&utm_=2&utm_anything_else=3", "https://example.com/a"},
      // Every name of the table.
      {"https://example.com/a?fbclid=1&gclid=2&dclid=3&gbraid=4&wbraid=5&srsltid=6&_ga=7&_gl=8"
       "&msclkid=9&yclid=10&twclid=11&ttclid=12&igshid=13&mc_cid=14&mc_eid=15&_hsenc=16"
       "&_hsmi=17&mkt_tok=18&s_cid=19&ref_src=20&spm=21&keep=22",
       "https://example.com/a?keep=22"},
      // Names in any case; values as written.
      {"https://example.com/a?UTM_SOURCE=X&Utm_Medium=y&FBCLID=z&Id=Q",
       "https://example.com/a?Id=Q"},
      // Names that merely start or end with a tracked name are kept.
      {"https://example.com/a?fromage=1&spmx=2&gclidx=3&utm=4&utmsource=5&xutm_source=6&_gax=7",
       "https://example.com/a?fromage=1&spmx=2&gclidx=3&utm=4&utmsource=5&xutm_source=6&_gax=7"},
      // Generic names that select content on some sites are kept.
      {"https://example.com/a?ref=main&share=abc&source=rss&cid=9&si=x&CMP=twt",
       "https://example.com/a?ref=main&share=abc&source=rss&cid=9&si=x&CMP=twt"},
      // "from" as Chinese portals and apps use it (the issue names it).
      {"https://finance.sina.com.cn/tech/2026-11-24/doc-abc.shtml?from=wap",
       "https://finance.sina.com.cn/tech/2026-11-24/doc-abc.shtml"},
      {"https://mp.weixin.qq.com/s?__biz=MzA&mid=26&idx=1&sn=9f&from=timeline&isappinstalled=0",
       "https://mp.weixin.qq.com/s?__biz=MzA&mid=26&idx=1&sn=9f&isappinstalled=0"},
      // Encoded '&' and '=' inside values stay; a tracked name inside a value is a value.
      {"https://example.com/s?q=a%26b&utm_source=x&r=c%3Dd",
       "https://example.com/s?q=a%26b&r=c%3Dd"},
      {"https://example.com/s?q=utm_source%3Dx&next=%2F%3Fgclid%3D1",
       "https://example.com/s?q=utm_source%3Dx&next=%2F%3Fgclid%3D1"},
      // Repeated parameters: each tracked one goes, each other one stays.
      {"https://example.com/a?tag=a&utm_source=x&tag=b&utm_source=y",
       "https://example.com/a?tag=a&tag=b"},
      // Empty values and bare names.
      {"https://example.com/a?a=&utm_source=&b", "https://example.com/a?a=&b"},
      {"https://example.com/a?fbclid", "https://example.com/a"},
      {"https://example.com/a?gclid=", "https://example.com/a"},
      {"https://example.com/a?=1&utm_source=x", "https://example.com/a?=1"},
      // Empty pieces go; a query left empty loses its '?'.
      {"https://example.com/a?a=1&&b=2&", "https://example.com/a?a=1&b=2"},
      {"https://example.com/a?&&", "https://example.com/a"},
      {"https://example.com/a?", "https://example.com/a"},
      {"https://example.com/a?x=1", "https://example.com/a?x=1"},
      // ';' and '+' are not separators.
      {"https://example.com/a?q=a+b;utm_source=x", "https://example.com/a?q=a+b;utm_source=x"},
      // Fragments go, whatever they hold.
      {"https://example.com/a?utm_source=x#section-2", "https://example.com/a"},
      {"https://example.com/a#?utm_source=x", "https://example.com/a"},
      {"https://example.com/a?id=1#utm_source=x", "https://example.com/a?id=1"},
      // Scheme, host and ports as NormalizeUrl has them.
      {"HTTPS://Example.COM:443/a?utm_medium=x", "https://example.com/a"},
      {"http://example.com:80/a?x=1&gclid=2", "http://example.com/a?x=1"},
      {"http://example.com:8080/a?gclid=2", "http://example.com:8080/a"},
      {"https://example.com:80/a", "https://example.com:80/a"},
      {"HTTPS://EXAMPLE.COM", "https://example.com/"},
      {"https://example.com/Path/CASE?Q=A&utm_source=B", "https://example.com/Path/CASE?Q=A"},
      // Only the query is looked at.
      {"https://example.com/utm_source=x/a", "https://example.com/utm_source=x/a"},
      {"https://example.com/a;utm_source=x", "https://example.com/a;utm_source=x"},
      // Not absolute http(s): "".
      {"ftp://example.com/a?utm_source=x", ""},
      {"/a?utm_source=x", ""},
      {"?utm_source=x", ""},
      {"mailto:a@b.c?utm_source=x", ""},
      {"javascript:alert(1)", ""},
      {"", ""},
      {"http://", ""},
  };
  for (const AcceptedCase& c : kCases) {
    SCOPED_TRACE(c.input);
    std::string got = CanonicalUrl(c.input);
    EXPECT_EQ(got, c.expected);
    EXPECT_EQ(CanonicalUrl(got), got);  // idempotent ("" stays "")
  }
}

// ---------------------------------------------------------------------------
// ResolveUrl

struct ResolveCase {
  const char* ref;
  const char* expected;
};

TEST(UrlResolveUrl, Table) {
  const char* kBase = "https://example.com/news/2025/story.html?x=1#top";
  const ResolveCase kCases[] = {
      {"other.html", "https://example.com/news/2025/other.html"},
      {"./a%20b.html", "https://example.com/news/2025/a%20b.html"},
      {"../index.html", "https://example.com/news/index.html"},
      {"../../../../up.html", "https://example.com/up.html"},  // cannot climb above the root
      {"//cdn.example.com/a", "https://cdn.example.com/a"},    // protocol-relative
      {"/root?q=1", "https://example.com/root?q=1"},            // root-relative
      {"?p=2", "https://example.com/news/2025/story.html?p=2"},  // query only
      {"https://other.org/x", "https://other.org/x"},
      {"HTTP://Other.ORG:80/z#f", "http://other.org/z"},  // absolute, normalised
      // Not http(s): "".
      {"javascript:alert(1)", ""},
      {"mailto:a@b.c", ""},
      {"data:text/html,x", ""},
      {"ftp://x/y", ""},
  };
  for (const ResolveCase& c : kCases) {
    SCOPED_TRACE(c.ref);
    EXPECT_EQ(ResolveUrl(kBase, c.ref), c.expected);
  }
}

TEST(UrlResolveUrl, BadBaseGivesEmpty) {
  EXPECT_EQ(ResolveUrl("not a url", "/x"), "");
  EXPECT_EQ(ResolveUrl("not a url", "https://a.com/x"), "");
  EXPECT_EQ(ResolveUrl("", "https://a.com/x"), "");
}

// RFC 3986 §5.4.1: a fragment-only reference ("#s") and the empty reference
// resolve to the base document itself (its fragment aside).
TEST(UrlResolveUrl, FragmentOnlyAndEmptyReferenceResolveToTheBaseDocument) {
  const char* kBase = "https://example.com/news/2025/story.html?x=1";
  EXPECT_EQ(ResolveUrl(kBase, "#sec"), "https://example.com/news/2025/story.html?x=1");
  EXPECT_EQ(ResolveUrl(kBase, "#"), "https://example.com/news/2025/story.html?x=1");
  EXPECT_EQ(ResolveUrl(kBase, ""), "https://example.com/news/2025/story.html?x=1");
}

// ---------------------------------------------------------------------------
// ChooseCanonicalUrl

struct CanonicalCase {
  const char* declared;
  const char* expected;
};

TEST(UrlChooseCanonicalUrl, Table) {
  const char* kFinal = "https://www.example.com/a/b.html?utm=1#frag";
  const char* kFinalNorm = "https://www.example.com/a/b.html?utm=1";
  const CanonicalCase kCases[] = {
      {"", kFinalNorm},                                  // none declared
      {"/canon.html", "https://www.example.com/canon.html"},  // same host, root-relative
      {"c.html", "https://www.example.com/a/c.html"},         // same host, relative
      {"https://www.example.com/a/b.html", "https://www.example.com/a/b.html"},
      {"HTTPS://WWW.EXAMPLE.COM/U", "https://www.example.com/U"},  // normalised
      {"https://example.com/x", "https://example.com/x"},  // "www." difference accepted
      {"http://example.com/v", "http://example.com/v"},    // http on the same host
      {"https://www.example.com/y#frag", "https://www.example.com/y"},  // fragment dropped
      // Another site cannot be claimed.
      {"https://other.com/z", kFinalNorm},
      {"https://sub.example.com/q", kFinalNorm},
      {"https://www.www.example.com/", kFinalNorm},
      {"https://evil.com/www.example.com", kFinalNorm},
      {"//evil.com/a", kFinalNorm},
      // Not http(s).
      {"javascript:alert(1)", kFinalNorm},
      {"mailto:a@b.c", kFinalNorm},
      {"ftp://www.example.com/a", kFinalNorm},
  };
  for (const CanonicalCase& c : kCases) {
    SCOPED_TRACE(c.declared);
    EXPECT_EQ(ChooseCanonicalUrl(kFinal, c.declared), c.expected);
  }
}

TEST(UrlChooseCanonicalUrl, WwwAcceptedTheOtherWayRound) {
  EXPECT_EQ(ChooseCanonicalUrl("https://example.com/a", "https://www.example.com/b"),
            "https://www.example.com/b");
}

TEST(UrlChooseCanonicalUrl, UnparsableFinalUrlIsKeptAsIs) {
  EXPECT_EQ(ChooseCanonicalUrl("garbage", ""), "garbage");
  EXPECT_EQ(ChooseCanonicalUrl("garbage", "https://x.com/"), "garbage");
}

// A declared canonical "#main" points at the page itself; it must not turn
// every article of a directory into one document.
TEST(UrlChooseCanonicalUrl, FragmentOnlyDeclaredKeepsThePage) {
  const char* kFinal = "https://example.com/news/2025/story.html";
  EXPECT_EQ(ChooseCanonicalUrl(kFinal, "#main"), kFinal);
  EXPECT_EQ(ChooseCanonicalUrl(kFinal, "#"), kFinal);
}

TEST(UrlIsSameSite, HostsCompareWithoutWwwSchemeOrPort) {
  EXPECT_TRUE(IsSameSite("https://www.news.example/a", "http://news.example:8080/b"));
  EXPECT_TRUE(IsSameSite("https://NEWS.example/a", "https://news.example/"));
  EXPECT_FALSE(IsSameSite("https://news.example/a", "https://other.example/a"));
  EXPECT_FALSE(IsSameSite("https://cdn.news.example/a", "https://news.example/a"));
  EXPECT_FALSE(IsSameSite("not a url", "not a url"));
}

}  // namespace
}  // namespace bw
