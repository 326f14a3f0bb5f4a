// The rules of a site's robots.txt for one crawler, per RFC 9309 (the Robots
// Exclusion Protocol), with the common extensions Crawl-delay and Sitemap.
//
//   bw::RobotsRules rules = bw::RobotsRules::Parse(body, "BubbleWatch/0.1");
//   if (!rules.IsAllowed("/news/2025/story.html?page=2")) return;  // skip it
//   double delay = rules.crawl_delay().value_or(1.0);
//
// How the fetch went decides what to use (RFC 9309 2.3.1): a 2xx body is
// parsed; a 4xx means AllowAll(); a 5xx or a network failure means
// DisallowAll() for that run.
#ifndef BUBBLEWATCH_EXTRACTORS_ROBOTS_RULES_H_
#define BUBBLEWATCH_EXTRACTORS_ROBOTS_RULES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bw {

class RobotsRules {
 public:
  // How much of a robots.txt is read: RFC 9309 2.5 requires at least 500 KiB.
  // A line cut by the limit is dropped whole (a cut "Allow: /private" would
  // otherwise allow "/").
  static constexpr size_t kMaxBodyBytes = 500 * 1024;

  // Everything allowed (a 4xx robots.txt, or none).
  static RobotsRules AllowAll();
  // Everything disallowed but /robots.txt (a 5xx or unreachable robots.txt).
  static RobotsRules DisallowAll();

  // Parses `body` and keeps the rules for `product_token`: the crawler's name,
  // with or without a version ("BubbleWatch/0.1" is looked up as
  // "bubblewatch"). All groups whose user-agent line names it (ASCII case
  // aside; a version or comment after the name on the line is ignored) are
  // merged; if none does, all "*" groups are; if there are none, everything is
  // allowed. Accepts CR, LF and CRLF line ends, a UTF-8 BOM, "#" comments,
  // upper or lower case keys and white space around them; unknown keys and
  // rules before the first user-agent line are ignored, as is a "Disallow:"
  // with no path. A path that starts with neither '/' nor '*' is read as if
  // it started with '/'.
  static RobotsRules Parse(std::string_view body, std::string_view product_token);

  // True when `path_and_query` ("/a/b?x=1"; "" counts as "/") may be fetched.
  // The matching rule with the longest pattern wins, an allow rule on a tie,
  // and a path no rule matches is allowed; "/robots.txt" always is. A pattern
  // matches a prefix of the path; '*' matches any run of octets and a final
  // '$' anchors at the end. Both sides are compared in one percent-encoded
  // form: %-escapes of unreserved characters decoded ("%7E" is "~"), other
  // escapes upper-cased ("%2f" is "%2F" but not "/"), non-ASCII, white space,
  // '*' and '$' of the path escaped (so "%2A" in a pattern matches a
  // literal '*'). Linear in the length of path and patterns: no backtracking.
  bool IsAllowed(std::string_view path_and_query) const;

  // The Crawl-delay of the matched groups in seconds (the first valid one),
  // nullopt when there is none, or none that is a non-negative decimal number.
  std::optional<double> crawl_delay() const { return crawl_delay_; }

  // Every Sitemap: value of the file, in order and as written, whatever group
  // it is in (sitemaps are not per user agent).
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

 private:
  struct Rule {
    std::string pattern;  // normalised, without the final '$'
    bool anchored = false;  // pattern ended in '$'
    bool allow = false;
  };

  std::vector<Rule> rules_;  // longest first, allow before disallow on a tie
  std::optional<double> crawl_delay_;
  std::vector<std::string> sitemaps_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_ROBOTS_RULES_H_
