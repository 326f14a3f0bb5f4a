#include "extractors/robots_rules.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <system_error>
#include <tuple>
#include <utility>

#include "extractors/text_util.h"

namespace bw {
namespace {

bool IsWs(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsWs(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsWs(s.back())) s.remove_suffix(1);
  return s;
}

// The product token a user-agent value or the crawler's own name starts with
// (RFC 9309 2.2.1: letters, '_' and '-'), so that "BubbleWatch/0.1" and
// "bubblewatch/2.0 (+https://…)" both name "bubblewatch".
std::string ProductName(std::string_view s) {
  s = Trim(s);
  size_t n = 0;
  while (n < s.size() && (IsAsciiLetter(s[n]) || s[n] == '_' || s[n] == '-')) ++n;
  return AsciiLower(s.substr(0, n));
}

bool IsUnreserved(unsigned char c) {
  return IsAsciiAlnum(static_cast<char>(c)) || c == '-' || c == '.' || c == '_' || c == '~';
}

int HexValue(char c) {
  if (IsAsciiDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendEscaped(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

// The one form paths and patterns are compared in (RFC 9309 2.2.2): escapes of
// unreserved characters decoded, the others upper-cased; non-ASCII octets,
// controls, space and a stray '%' escaped. In a pattern '*' stays the wildcard;
// everywhere else '*' and '$' are escaped, so that only the pattern can use
// them as operators and "%2A" in a pattern matches a literal '*'.
std::string NormalizeForMatch(std::string_view s, bool is_pattern) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      unsigned char v = static_cast<unsigned char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      if (IsUnreserved(v)) {
        out += static_cast<char>(v);
      } else {
        AppendEscaped(out, v);
      }
      i += 2;
    } else if (c == '*' && is_pattern) {
      out += '*';
    } else if (c <= 0x20 || c >= 0x7F || c == '%' || c == '*' || c == '$') {
      AppendEscaped(out, c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Knuth-Morris-Pratt: the first occurrence of `needle` (non-empty) in `hay` at
// or after `from`, in time linear in both; `fail` is scratch space.
size_t FindLinear(std::string_view hay, std::string_view needle, size_t from,
                  std::vector<uint32_t>& fail) {
  if (from > hay.size() || needle.size() > hay.size() - from) return std::string_view::npos;
  fail.assign(needle.size(), 0);
  for (size_t i = 1, k = 0; i < needle.size(); ++i) {
    while (k > 0 && needle[i] != needle[k]) k = fail[k - 1];
    if (needle[i] == needle[k]) ++k;
    fail[i] = static_cast<uint32_t>(k);
  }
  for (size_t i = from, k = 0; i < hay.size(); ++i) {
    while (k > 0 && hay[i] != needle[k]) k = fail[k - 1];
    if (hay[i] == needle[k]) ++k;
    if (k == needle.size()) return i + 1 - k;
  }
  return std::string_view::npos;
}

// True when `pattern` (normalised, '*' wildcards) matches a prefix of `path`,
// or all of it when `anchored`. Each literal segment between wildcards is
// taken at its leftmost place after the previous one, which leaves the most
// room for the rest, so no backtracking is needed.
bool Matches(std::string_view pattern, bool anchored, std::string_view path,
             std::vector<uint32_t>& fail) {
  size_t star = pattern.find('*');
  if (star == std::string_view::npos) {
    return anchored ? path == pattern : path.substr(0, pattern.size()) == pattern;
  }
  if (path.substr(0, star) != pattern.substr(0, star)) return false;
  size_t pos = star;
  std::string_view rest = pattern.substr(star + 1);
  for (;;) {
    size_t next = rest.find('*');
    std::string_view segment = rest.substr(0, next);
    if (next == std::string_view::npos && anchored) {
      // The last segment must end the path, after what the others matched.
      return path.size() - pos >= segment.size() &&
             path.substr(path.size() - segment.size()) == segment;
    }
    if (!segment.empty()) {
      size_t found = FindLinear(path, segment, pos, fail);
      if (found == std::string_view::npos) return false;
      pos = found + segment.size();
    }
    if (next == std::string_view::npos) return true;
    rest.remove_prefix(next + 1);
  }
}

// A Crawl-delay value: a non-negative decimal number of seconds ("10", "0.5").
std::optional<double> ParseDelay(std::string_view v) {
  if (v.empty() || v.front() == '-') return std::nullopt;
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d, std::chars_format::fixed);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

// What one reading of the file collects for one kind of group.
struct GroupRules {
  std::vector<std::pair<std::string_view, bool>> rules;  // raw pattern, allow
  std::optional<double> crawl_delay;
};

}  // namespace

RobotsRules RobotsRules::AllowAll() { return RobotsRules(); }

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules r;
  r.rules_.push_back(Rule{"/", false, false});
  return r;
}

RobotsRules RobotsRules::Parse(std::string_view body, std::string_view product_token) {
  if (body.size() > kMaxBodyBytes) {
    bool cut_mid_line = body[kMaxBodyBytes] != '\n' && body[kMaxBodyBytes] != '\r';
    body = body.substr(0, kMaxBodyBytes);
    if (cut_mid_line) {
      size_t last_end = body.find_last_of("\r\n");
      body = body.substr(0, last_end == std::string_view::npos ? 0 : last_end);
    }
  }
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);

  const std::string me = ProductName(product_token);
  RobotsRules result;
  GroupRules mine, star;
  bool found_mine = false;        // some group names this crawler
  bool in_group = false;          // a user-agent line has been seen
  bool reading_agents = false;    // the previous record was a user-agent line
  bool group_is_mine = false, group_is_star = false;

  size_t start = 0;
  while (start < body.size()) {
    // Lines end at CR, LF or CRLF; the empty lines between CR and LF are
    // harmless since empty lines mean nothing.
    size_t end = body.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(start, end - start);
    start = end + 1;

    line = line.substr(0, line.find('#'));
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key = AsciiLower(Trim(line.substr(0, colon)));
    std::string_view value = Trim(line.substr(colon + 1));

    if (key == "user-agent") {
      if (!reading_agents) group_is_mine = group_is_star = false;  // a new group
      reading_agents = in_group = true;
      if (value.substr(0, value.find_first_of(" \t")) == "*") {
        group_is_star = true;
      } else if (!me.empty() && ProductName(value) == me) {
        group_is_mine = found_mine = true;
      }
    } else if (key == "allow" || key == "disallow" || key == "crawl-delay") {
      // Crawl-delay belongs to its group, as the crawlers that honour it read it.
      reading_agents = false;
      if (!in_group) continue;  // RFC 9309 2.2.2: rules outside a group are ignored
      // A group can name both this crawler and "*": it counts for both.
      auto add = [&](GroupRules& g) {
        if (key == "crawl-delay") {
          if (!g.crawl_delay) g.crawl_delay = ParseDelay(value);
        } else if (!value.empty()) {  // an empty "Disallow:" allows all; so does no rule
          g.rules.emplace_back(value, key == "allow");
        }
      };
      if (group_is_mine) add(mine);
      if (group_is_star) add(star);
    } else if (key == "sitemap") {
      // Not part of any group, and RFC 9309 2.3 says it must not end one.
      if (!value.empty()) result.sitemaps_.emplace_back(value);
    }
  }

  const GroupRules& chosen = found_mine ? mine : star;
  result.crawl_delay_ = chosen.crawl_delay;
  for (auto [raw, allow] : chosen.rules) {
    bool anchored = raw.back() == '$';
    if (anchored) raw.remove_suffix(1);
    if (raw.empty()) continue;
    std::string pattern = NormalizeForMatch(raw, /*is_pattern=*/true);
    if (pattern.front() != '/' && pattern.front() != '*') pattern.insert(0, 1, '/');
    result.rules_.push_back(Rule{std::move(pattern), anchored, allow});
  }
  // Most specific first (length in octets, a final '$' counted as written),
  // allow before disallow, so that IsAllowed can stop at the first match.
  auto order = [](const Rule& r) {
    return std::tuple(-static_cast<long long>(r.pattern.size() + r.anchored), !r.allow,
                      std::string_view(r.pattern), r.anchored);
  };
  std::sort(result.rules_.begin(), result.rules_.end(),
            [&](const Rule& a, const Rule& b) { return order(a) < order(b); });
  auto same = [&](const Rule& a, const Rule& b) { return order(a) == order(b); };
  result.rules_.erase(std::unique(result.rules_.begin(), result.rules_.end(), same),
                      result.rules_.end());
  return result;
}

bool RobotsRules::IsAllowed(std::string_view path_and_query) const {
  std::string path = NormalizeForMatch(path_and_query, /*is_pattern=*/false);
  if (path.empty() || path.front() != '/') path.insert(0, 1, '/');
  if (path == "/robots.txt") return true;
  std::vector<uint32_t> fail;
  for (const Rule& rule : rules_) {
    if (Matches(rule.pattern, rule.anchored, path, fail)) return rule.allow;
  }
  return true;
}

}  // namespace bw
