// ClassifyBody only; PageFetcher::Fetch is covered by the integration tests.
#include "pipeline/page_fetcher.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace bw {
namespace {

const char* Name(BodyType t) {
  switch (t) {
    case BodyType::kHtml: return "kHtml";
    case BodyType::kText: return "kText";
    case BodyType::kUnsupported: return "kUnsupported";
  }
  return "?";
}

struct ClassifyCase {
  const char* label;
  std::string content_type;
  std::string body;
  BodyType expected;
};

TEST(ClassifyBody, Table) {
  using namespace std::string_literals;
  const ClassifyCase kCases[] = {
      // The Content-Type decides when it is a real type.
      {"html", "text/html", "anything", BodyType::kHtml},
      {"html upper case with charset", "TEXT/HTML; charset=x", "", BodyType::kHtml},
      {"html with spaces", "  text/html ;charset=utf-8", "", BodyType::kHtml},
      {"xhtml", "application/xhtml+xml", "<p>", BodyType::kHtml},
      {"plain", "text/plain", "<html>looks like markup</html>", BodyType::kText},
      {"plain with charset", "text/plain; charset=Shift_JIS", "x", BodyType::kText},
      {"pdf", "application/pdf", "%PDF-1.4", BodyType::kUnsupported},
      {"png", "image/png", "\x89PNG", BodyType::kUnsupported},
      {"json", "application/json", "{}", BodyType::kUnsupported},
      {"json that looks like html", "application/json", "<html>", BodyType::kUnsupported},
      {"xml", "application/xml", "<?xml version=\"1.0\"?>", BodyType::kUnsupported},
      {"css", "text/css", "body{}", BodyType::kUnsupported},
      // No type: sniff the first bytes, markup first.
      {"sniff doctype", "", "<!doctype html><p>x", BodyType::kHtml},
      {"sniff after white space", "", "  \n<html>", BodyType::kHtml},
      {"sniff after BOM", "", "\xEF\xBB\xBF<p>hi</p>", BodyType::kHtml},
      {"sniff after BOM and white space", "", "\xEF\xBB\xBF \r\n\t<p>", BodyType::kHtml},
      {"sniff pdf", "", "%PDF-1.4\n%...", BodyType::kUnsupported},
      {"sniff NUL", "", "abc\0def"s, BodyType::kUnsupported},
      {"sniff plain text", "", "Just some words.\nAnd more.", BodyType::kText},
      {"sniff empty", "", "", BodyType::kText},
      {"sniff BOM only", "", "\xEF\xBB\xBF", BodyType::kText},
      {"sniff white space only", "", " \n\t", BodyType::kText},
      // A type that says nothing is treated like a missing one.
      {"octet-stream html", "application/octet-stream", "<html>", BodyType::kHtml},
      {"octet-stream text", "application/octet-stream", "words", BodyType::kText},
      {"octet-stream pdf", "application/octet-stream", "%PDF-1.7", BodyType::kUnsupported},
      {"octet-stream binary", "Application/Octet-Stream", "\x01\x02\0\x03"s,
       BodyType::kUnsupported},
      {"parameters only", "; charset=utf-8", "<p>", BodyType::kHtml},
      {"white space type", "   ", "plain", BodyType::kText},
  };
  for (const ClassifyCase& c : kCases) {
    SCOPED_TRACE(c.label);
    BodyType got = ClassifyBody(c.content_type, c.body);
    EXPECT_EQ(got, c.expected) << "got " << Name(got) << ", expected " << Name(c.expected);
  }
}

}  // namespace
}  // namespace bw
