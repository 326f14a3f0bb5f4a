#include "report/html_report.h"

#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <string_view>

namespace bw::report {
namespace {

// No '<', '&' or '>' in here: the same bytes must read as CSS to a browser
// and as plain text to an XML parser.
constexpr char kStyle[] = R"css(
body{margin:0;background:#f6f7f9;color:#1d2330;font:15px/1.5 system-ui,"Segoe UI","Noto Sans","Noto Sans CJK SC","Noto Sans CJK JP","PingFang SC","Hiragino Sans","Microsoft YaHei",sans-serif}
main{max-width:980px;margin:0 auto;padding:24px 20px 48px}
h1{margin:0 0 4px;font-size:26px}
h2{font-size:18px;margin:0 0 12px}
h3{font-size:15px;margin:20px 0 6px}
.meta{color:#5b6475;margin:0}
section{background:#fff;border:1px solid #e2e5ea;border-radius:8px;padding:16px 20px;margin-top:20px}
dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:0}
dt{color:#5b6475}
dd{margin:0}
figure{margin:0}
figure svg{width:100%;height:auto;display:block}
figcaption{color:#5b6475;font-size:13px;margin-top:6px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e2e5ea;vertical-align:top}
thead th{color:#5b6475;font-weight:600;border-bottom:2px solid #c9ced6}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.figure{font-weight:600;white-space:nowrap}
td.date{white-space:nowrap}
tbody.conflict{background:#fff8e6}
tbody.conflict th{border-left:3px solid #E69F00}
.badge{display:inline-block;margin-left:6px;padding:0 7px;border-radius:9px;background:#E69F00;color:#fff;font-size:11px;font-weight:600}
q{color:#374151}
.url{color:#5b6475;word-break:break-all}
ol.evidence{list-style:none;padding:0;margin:0}
ol.evidence li{border-left:4px solid #9aa1ac;background:#f4f5f7;padding:8px 12px;margin:0 0 10px;border-radius:0 6px 6px 0}
ol.evidence li.bubble{border-left-color:#D55E00;background:#fcefe7}
ol.evidence li.revolution{border-left-color:#0072B2;background:#e8f1f8}
.label{font-weight:700;text-transform:uppercase;font-size:11px;letter-spacing:.05em}
li.bubble .label{color:#a94400}
li.revolution .label{color:#005a8c}
.score{font-variant-numeric:tabular-nums;margin-left:8px;color:#5b6475}
blockquote{margin:4px 0;font-size:15px}
.source{margin:0;color:#5b6475;font-size:12px}
a{color:#0b5cad}
.empty{color:#7a8190;font-style:italic}
footer{color:#7a8190;font-size:12px;margin-top:24px;text-align:center}
)css";

std::string Esc(std::string_view s) { return EscapeXml(s); }

// A score as "+0.42" or "−0.42" (U+2212, the typographic minus).
std::string Score(double v) {
  if (!std::isfinite(v)) return "n/a";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), std::fabs(v), std::chars_format::fixed, 2);
  std::string digits(buf, ec == std::errc() ? end : buf);
  if (digits == "0.00") return digits;
  return (v < 0 ? "\u2212" : "+") + digits;
}

bool IsWebUrl(std::string_view url) {
  auto lower_starts = [&](std::string_view prefix) {
    if (url.size() <= prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char c = url[i];
      if ((c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) != prefix[i]) return false;
    }
    return true;
  };
  // A space or control character: not a URL a browser would take as written.
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20) return false;
  }
  return lower_starts("http://") || lower_starts("https://");
}

// The host of a web URL, as the text of its link: it says where the link
// goes without repeating the URL.
std::string Host(std::string_view url) {
  std::string_view rest = url.substr(url.find("://") + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  return rest.empty() ? "link" : std::string(rest);
}

// A link when `url` is http or https, else the URL as text (nothing when empty).
std::string Link(const std::string& url, const std::string& text) {
  if (url.empty()) return "";
  if (!IsWebUrl(url)) return "<span class=\"url\">" + Esc(url) + "</span>";
  return "<a href=\"" + Esc(url) + "\" rel=\"noopener noreferrer\">" +
         Esc(text.empty() ? Host(url) : text) + "</a>";
}

// A lang attribute for a language tag that looks like one ("zh", "zh-Hant").
std::string LangAttr(std::string_view lang) {
  if (lang.empty() || lang.size() > 35) return "";
  for (char c : lang) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return "";
  }
  return " lang=\"" + std::string(lang) + "\"";
}

// Claims of one entity grouped by kind, kinds in order of first appearance.
std::vector<std::vector<const ClaimLine*>> ByKind(const std::vector<ClaimLine>& claims) {
  std::vector<std::vector<const ClaimLine*>> groups;
  std::map<std::string, size_t> index;
  for (const ClaimLine& c : claims) {
    auto [it, added] = index.emplace(c.kind, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(&c);
  }
  return groups;
}

size_t DistinctValues(const std::vector<const ClaimLine*>& group) {
  std::set<std::string> values;
  for (const ClaimLine* c : group) values.insert(c->value_text);
  return values.size();
}

void Summary(std::string& out, const ReportPage& page) {
  out += "<section id=\"summary\"><h2>Summary</h2><dl class=\"summary\">\n";
  double documents = 0;
  std::string langs;
  for (const ChartSeries& s : page.volume.series) {
    for (const auto& v : s.values) documents += v && std::isfinite(*v) && *v > 0 ? *v : 0;
    langs += (langs.empty() ? "" : ", ") + Esc(s.name);
  }
  out += "<dt>Documents</dt><dd>" + std::to_string(std::llround(documents)) +
         (langs.empty() ? "" : " (" + langs + ")") + "</dd>\n";
  std::string latest;
  for (const ChartSeries& s : page.stance_by_lang.series) {
    const auto& labels = page.stance_by_lang.x_labels;
    for (size_t i = std::min(s.values.size(), labels.size()); i-- > 0;) {
      if (s.values[i] && std::isfinite(*s.values[i])) {
        latest += (latest.empty() ? "" : "; ") + Esc(s.name) + " " + Score(*s.values[i]) + " (" +
                  Esc(labels[i]) + ")";
        break;
      }
    }
  }
  out += "<dt>Latest mean stance</dt><dd>" + (latest.empty() ? std::string("no data") : latest) +
         "</dd>\n";
  size_t claims = 0, conflicts = 0;
  for (const auto& [entity, lines] : page.claims_by_entity) {
    claims += lines.size();
    for (const auto& group : ByKind(lines)) conflicts += DistinctValues(group) > 1;
  }
  out += "<dt>Figures claimed</dt><dd>" + std::to_string(claims) + " figures about " +
         std::to_string(page.claims_by_entity.size()) + " entities; " + std::to_string(conflicts) +
         (conflicts == 1 ? " conflict" : " conflicts") +
         " (same entity and kind, different figures)</dd>\n";
  std::map<std::string, size_t> by_label;
  for (const EvidenceLine& e : page.evidence) ++by_label[e.label];
  std::string ev;
  for (const auto& [label, count] : by_label) {
    ev += (ev.empty() ? "" : ", ") + std::to_string(count) + " " + Esc(label);
  }
  out += "<dt>Strong sentences</dt><dd>" + (ev.empty() ? std::string("none") : ev) +
         (page.latest_period.empty() ? "" : " in " + Esc(page.latest_period)) +
         "</dd>\n</dl></section>\n";
}

void Figure(std::string& out, const char* id, const std::string& heading, const std::string& svg,
            const std::string& caption) {
  out += std::string("<section id=\"") + id + "\"><h2>" + Esc(heading) + "</h2><figure>\n" + svg +
         "<figcaption>" + caption + "</figcaption></figure></section>\n";
}

void Claims(std::string& out, const ReportPage& page) {
  out += "<section id=\"claims\"><h2>Figures claimed</h2>\n";
  if (page.claims_by_entity.empty()) {
    out += "<p class=\"empty\">No figures were claimed in this period.</p>\n";
  }
  for (const auto& [entity, lines] : page.claims_by_entity) {
    out += "<h3>" + Esc(entity.empty() ? "(no entity)" : entity) + "</h3>\n";
    out +=
        "<table class=\"claims\"><thead><tr><th>Kind</th><th>Figure</th>"
        "<th class=\"num\">Documents</th><th class=\"num\">Sources</th><th>Languages</th>"
        "<th>First seen</th><th>Last seen</th><th>Example</th></tr></thead>\n";
    for (const auto& group : ByKind(lines)) {
      size_t distinct = DistinctValues(group);
      out += distinct > 1 ? "<tbody class=\"kind conflict\">\n" : "<tbody class=\"kind\">\n";
      for (size_t r = 0; r < group.size(); ++r) {
        const ClaimLine& c = *group[r];
        out += "<tr>";
        if (r == 0) {
          out += "<th scope=\"rowgroup\" rowspan=\"" + std::to_string(group.size()) + "\">" +
                 Esc(c.kind);
          if (distinct > 1) {
            out += "<span class=\"badge\">" + std::to_string(distinct) + " figures</span>";
          }
          out += "</th>";
        }
        std::string langs;
        for (const std::string& l : c.langs) langs += (langs.empty() ? "" : ", ") + Esc(l);
        out += "<td class=\"figure\">" + Esc(c.value_text) + "</td><td class=\"num\">" +
               std::to_string(c.documents) + "</td><td class=\"num\">" + std::to_string(c.sources) +
               "</td><td>" + langs + "</td><td class=\"date\">" + Esc(c.first_seen) +
               "</td><td class=\"date\">" + Esc(c.last_seen) + "</td><td>";
        if (!c.example_span.empty()) out += "<q>" + Esc(c.example_span) + "</q> ";
        out += Link(c.example_url, "") + "</td></tr>\n";
      }
      out += "</tbody>\n";
    }
    out += "</table>\n";
  }
  out += "</section>\n";
}

void Evidence(std::string& out, const ReportPage& page) {
  out += "<section id=\"evidence\"><h2>Strongest sentences" +
         (page.latest_period.empty() ? "" : ", " + Esc(page.latest_period)) + "</h2>\n";
  out += page.evidence.empty()
             ? "<p class=\"empty\">No strong stance sentences in the latest period.</p>\n"
             : "<ol class=\"evidence\">\n";
  for (const EvidenceLine& e : page.evidence) {
    const char* cls = e.label == "bubble"       ? "bubble"
                      : e.label == "revolution" ? "revolution"
                                                : "other";
    out += std::string("<li class=\"") + cls + "\"><span class=\"label\">" + Esc(e.label) +
           "</span><span class=\"score\">" + Score(e.score) + "</span>\n<blockquote" +
           LangAttr(e.lang) + ">" + Esc(e.sentence) + "</blockquote>\n<p class=\"source\">";
    // The title is the link when the URL is a web URL; otherwise both are text.
    std::vector<std::string> parts;
    if (IsWebUrl(e.url)) {
      parts.push_back(Link(e.url, e.title));
    } else if (!e.title.empty() || !e.url.empty()) {
      std::string sep = e.title.empty() || e.url.empty() ? "" : " ";
      parts.push_back(Esc(e.title) + sep + Link(e.url, ""));
    }
    for (const std::string* part : {&e.lang, &e.published}) {
      if (!part->empty()) parts.push_back(Esc(*part));
    }
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? " · " : "") + parts[i];
    out += "</p></li>\n";
  }
  if (!page.evidence.empty()) out += "</ol>\n";
  out += "</section>\n";
}

}  // namespace

std::string RenderReport(const ReportPage& page) {
  std::string title = page.title.empty() ? "bubblewatch report" : page.title;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
      "<meta name=\"referrer\" content=\"no-referrer\" />\n<title>" +
      Esc(title) + "</title>\n<style>" + kStyle +
      "</style>\n</head>\n<body>\n<main>\n<header><h1>" + Esc(title) + "</h1>\n<p class=\"meta\">";
  std::string meta;
  if (!page.period.empty()) meta = "Period: " + Esc(page.period);
  if (!page.generated_at.empty()) {
    meta += (meta.empty() ? "" : " · ") + std::string("Generated ") + Esc(page.generated_at);
  }
  out += meta + "</p></header>\n";
  Summary(out, page);
  Figure(out, "stance", "Stance by language", RenderLineChart(page.stance_by_lang),
         "Mean stance score of each bucket\u2019s documents, per language: \u22121 says bubble, +1 "
         "says "
         "revolution. Shaded: the confidence band where one is given. A gap: no documents that "
         "bucket.");
  Figure(out, "volume", "Documents", RenderBarChart(page.volume),
         "Documents per bucket, stacked by language.");
  Claims(out, page);
  Evidence(out, page);
  out +=
      "<footer>Rendered by bubblewatch. This page is self-contained: it runs no script and loads "
      "nothing.</footer>\n</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace bw::report
