#include "extractors/page_metadata.h"

#include <nlohmann/json.hpp>

#include <array>
#include <vector>

#include "extractors/text_util.h"

namespace bw {
namespace {

// Meta names and properties that carry the publication time, most trusted first.
constexpr std::array<std::string_view, 24> kPublishedMetaNames = {
    "article:published_time", "og:published_time", "og:article:published_time",
    "article:published", "datepublished", "publishdate", "publish-date", "publish_date",
    "pubdate", "publication_date", "sailthru.date", "parsely-pub-date", "dc.date.issued",
    "dcterms.issued", "dc.date", "dcterms.created", "date", "publishtime", "publish_time",
    "weibo:article:create_at", "og:release_date", "cxenseparse:recs:publishtime", "apub:time",
    "article_date_original"};
constexpr std::array<std::string_view, 4> kModifiedMetaNames = {
    "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified"};

struct MetaTags {
  std::vector<std::pair<std::string, std::string>> pairs;  // lower-cased key -> content

  std::string Get(std::string_view key) const {
    for (const auto& [k, v] : pairs) {
      if (k == key && !v.empty()) return v;
    }
    return "";
  }
};

MetaTags CollectMeta(const GumboNode* root) {
  MetaTags meta;
  HtmlDom::ForEachElement(root, [&](const GumboNode* n) {
    if (n->v.element.tag != GUMBO_TAG_META) return true;
    std::string_view key = HtmlDom::Attr(n, "property");
    if (key.empty()) key = HtmlDom::Attr(n, "name");
    if (key.empty()) key = HtmlDom::Attr(n, "itemprop");
    if (!key.empty()) {
      meta.pairs.emplace_back(AsciiLower(key), CollapseWhitespace(HtmlDom::Attr(n, "content")));
    }
    return false;
  });
  return meta;
}

// What the JSON-LD blocks of a page say about the article.
struct JsonLdFacts {
  std::string published, modified, headline, author, publisher, body;
};

std::string NameOf(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("name") && v["name"].is_string()) return v["name"].get<std::string>();
  if (v.is_array() && !v.empty()) return NameOf(v[0]);
  return "";
}

void ReadJsonLd(const nlohmann::json& v, JsonLdFacts* facts, int depth) {
  if (depth > 8) return;  // hostile nesting: the facts sit near the top
  if (v.is_array()) {
    for (const auto& item : v) ReadJsonLd(item, facts, depth + 1);
    return;
  }
  if (!v.is_object()) return;
  auto take = [&](const char* key, std::string* out) {
    if (out->empty() && v.contains(key) && v[key].is_string()) *out = v[key].get<std::string>();
  };
  take("datePublished", &facts->published);
  take("dateCreated", &facts->published);
  take("pubDate", &facts->published);  // not schema.org, but common in site JSON
  take("dateModified", &facts->modified);
  take("headline", &facts->headline);
  take("articleBody", &facts->body);
  if (facts->author.empty() && v.contains("author")) facts->author = NameOf(v["author"]);
  if (facts->publisher.empty() && v.contains("publisher")) facts->publisher = NameOf(v["publisher"]);
  if (v.contains("@graph")) ReadJsonLd(v["@graph"], facts, depth + 1);
  if (v.contains("mainEntity")) ReadJsonLd(v["mainEntity"], facts, depth + 1);
}

JsonLdFacts CollectJsonLd(const GumboNode* root) {
  JsonLdFacts facts;
  HtmlDom::ForEachElement(root, [&](const GumboNode* n) {
    if (n->v.element.tag != GUMBO_TAG_SCRIPT) return true;
    if (AsciiLower(HtmlDom::Attr(n, "type")) != "application/ld+json") return false;
    if (n->v.element.children.length == 0) return false;
    auto* text = static_cast<const GumboNode*>(n->v.element.children.data[0]);
    if (text->type != GUMBO_NODE_TEXT && text->type != GUMBO_NODE_CDATA) return false;
    nlohmann::json v = nlohmann::json::parse(text->v.text.text, nullptr, /*allow_exceptions=*/false);
    if (!v.is_discarded()) ReadJsonLd(v, &facts, 0);
    return false;
  });
  return facts;
}

}  // namespace

constexpr size_t kMaxSiteNameChars = 10;

std::string StripSiteName(const std::string& title, const std::string& site_name,
                          const std::string& headline) {
  // Spaced separators, then the unspaced ones of CJK portals ("…_新浪财经_新浪网",
  // "…－自由財經"); a part is only cut when it matches the site or the headline.
  static constexpr std::array<std::string_view, 11> kSeparators = {
      " | ", " - ", " – ", " — ", "｜", "丨", " :: ", " _ ", "_", "－", "|"};
  // "Headline：朝日新聞", "Headline（共同通信）", "Headline-36氪": the page's own
  // headline opening the title is the surest cut.
  if (!headline.empty() && title.size() > headline.size() && title.starts_with(headline) &&
      headline.size() * 2 >= title.size()) {
    return headline;
  }
  const std::string site = AsciiLower(CollapseWhitespace(site_name));
  for (std::string_view sep : kSeparators) {
    for (size_t at = title.find(sep); at != std::string::npos; at = title.find(sep, at + 1)) {
      std::string left = CollapseWhitespace(std::string_view(title).substr(0, at));
      std::string right = CollapseWhitespace(std::string_view(title).substr(at + sep.size()));
      if (left.empty() || right.empty()) continue;
      if (!headline.empty() && left == headline) return left;
      if (!headline.empty() && right == headline) return right;
      if (!site.empty() && AsciiLower(right) == site) return left;
      if (!site.empty() && AsciiLower(left) == site) return right;
    }
  }
  // "headline_channel_site" with nothing to match: in a CJK title two or more
  // underscores are the portal pattern, and the headline comes first.
  // One underscore before a short site name ("…_腾讯新闻") is the same pattern.
  size_t first = title.find('_');
  if (first != std::string::npos && first > 0 &&
      CountChars(std::string_view(title).substr(0, first)).cjk > 0) {
    size_t second = title.find('_', first + 1);
    size_t tail = CountChars(std::string_view(title).substr(first + 1)).code_points;
    if (second != std::string::npos || tail <= kMaxSiteNameChars) {
      return CollapseWhitespace(std::string_view(title).substr(0, first));
    }
  }
  return title;
}

namespace {

// A date written by hand, as an element's text or attribute value: a full
// date, else (given when the page was read) a month and day.
std::optional<DateTime> WrittenDate(std::string_view text, const std::optional<DateTime>& reference,
                                    size_t max_bytes) {
  if (auto d = FindWrittenDate(text, max_bytes)) return d;
  if (reference) return FindMonthDayDate(text, *reference, max_bytes);
  return std::nullopt;
}

// A date just after the headline, or just before it ("<div><h1>…</h1></div>
// <span>2025年10月12日 6時00分</span>"): the headline's ancestors are read, up to
// three levels, until one holds a date near the headline's text.
std::optional<DateTime> DateNearHeadline(const GumboNode* h1,
                                         const std::optional<DateTime>& reference) {
  if (h1 == nullptr) return std::nullopt;
  const std::string headline = HtmlDom::Text(h1);
  if (headline.empty()) return std::nullopt;
  const GumboNode* a = h1->parent;
  for (int level = 0; level < 3 && a && a->type == GUMBO_NODE_ELEMENT; ++level, a = a->parent) {
    const std::string around = HtmlDom::Text(a);
    size_t at = around.find(headline);
    if (at == std::string::npos) continue;
    std::string_view view(around);
    if (auto d = WrittenDate(view.substr(at + headline.size()), reference, 400)) return d;
    size_t from = at > 300 ? at - 300 : 0;
    if (auto d = FindWrittenDate(view.substr(from, at - from))) return d;
  }
  return std::nullopt;
}

// Elements whose class or id names a date ("post-time", "y_Qv3__date",
// "lbDate", hAtom's "published"), but not an update.
bool IsDateElement(const GumboNode* n) {
  for (const std::string& t : HtmlDom::ClassTokens(n)) {
    if (t.starts_with("update") || t.starts_with("modif") || t.starts_with("last")) return false;
    if (t == "published" || t == "pubdate" || t == "timestamp" || t.ends_with("date") ||
        t.ends_with("time")) {
      return true;
    }
  }
  return false;
}

std::optional<DateTime> DateOfElement(const GumboNode* n, const std::optional<DateTime>& reference) {
  for (const char* attr : {"datetime", "title", "content", "data-tooltip"}) {
    std::string_view v = HtmlDom::Attr(n, attr);
    if (v.empty()) continue;
    if (auto d = ParseDateTime(v)) return d;
    if (auto d = FindWrittenDate(v, 200)) return d;
  }
  std::string text = HtmlDom::Text(n);
  if (text.size() > 300) return std::nullopt;  // a container, not a date
  return WrittenDate(text, reference, 300);
}

// The publication time, from the most to the least reliable source.
void FindPublished(const HtmlDom& dom, const MetaTags& meta, const JsonLdFacts& ld,
                   const GumboNode* h1, const std::optional<DateTime>& reference,
                   PageMetadata* out) {
  std::optional<DateTime>& published = out->published;
  auto take = [&](std::optional<DateTime> d, const char* from) {
    if (published || !d) return;
    published = d;
    out->published_from = from;
  };
  auto parse = [](std::string_view s) { return s.empty() ? std::nullopt : ParseDateTime(s); };
  take(parse(ld.published), "json-ld");
  for (std::string_view name : kPublishedMetaNames) take(parse(meta.Get(name)), "meta");
  // A date-only value is refined below by a visible time of the same day.
  std::optional<DateTime> date_only;
  if (published && !published->has_time) date_only = published, published.reset();

  HtmlDom::ForEachElement(dom.root(), [&](const GumboNode* n) {
    if (published) return false;
    if (HtmlDom::Attr(n, "itemprop") == "datePublished") {
      std::string_view v = HtmlDom::Attr(n, "datetime");
      if (v.empty()) v = HtmlDom::Attr(n, "content");
      take(v.empty() ? FindWrittenDate(HtmlDom::Text(n)) : parse(v), "itemprop");
    }
    return true;
  });
  HtmlDom::ForEachElement(dom.root(), [&](const GumboNode* n) {
    if (published) return false;
    if (n->v.element.tag == GUMBO_TAG_TIME) {
      auto d = parse(HtmlDom::Attr(n, "datetime"));
      take(d ? d : FindWrittenDate(HtmlDom::Text(n)), "time");
    }
    return true;
  });
  HtmlDom::ForEachElement(dom.root(), [&](const GumboNode* n) {
    if (published) return false;
    if (IsDateElement(n)) take(DateOfElement(n, reference), "element");
    return !published;
  });
  take(DateNearHeadline(h1, reference), "text");

  if (date_only) {
    bool same_day = published && published->year == date_only->year &&
                    published->month == date_only->month && published->day == date_only->day;
    if (!same_day) published = date_only, out->published_from = "meta";
  }
  take(parse(ld.modified), "modified");
  for (std::string_view name : kModifiedMetaNames) take(parse(meta.Get(name)), "modified");
}

}  // namespace

PageMetadata ExtractPageMetadata(const HtmlDom& dom, const std::optional<DateTime>& reference) {
  PageMetadata out;
  out.lang_attr = std::string(HtmlDom::Attr(dom.html(), "lang"));
  MetaTags meta = CollectMeta(dom.root());
  JsonLdFacts ld = CollectJsonLd(dom.root());

  std::string title_tag;
  if (const GumboNode* t = HtmlDom::FindFirst(dom.root(), GUMBO_TAG_TITLE)) {
    title_tag = HtmlDom::Text(t);
  }
  const GumboNode* h1_node = dom.body() ? HtmlDom::FindFirst(dom.body(), GUMBO_TAG_H1) : nullptr;
  std::string h1 = h1_node ? HtmlDom::Text(h1_node) : "";
  out.site_name = meta.Get("og:site_name");
  if (out.site_name.empty()) out.site_name = CollapseWhitespace(ld.publisher);
  if (out.site_name.empty()) out.site_name = meta.Get("application-name");

  std::string title = meta.Get("og:title");
  if (title.empty()) title = title_tag;
  if (title.empty()) title = CollapseWhitespace(ld.headline);
  if (title.empty()) title = h1;
  out.title = StripSiteName(title, out.site_name, h1);

  out.author = meta.Get("author");
  if (out.author.empty()) out.author = CollapseWhitespace(ld.author);
  if (out.author.empty()) {
    std::string a = meta.Get("article:author");
    if (a.find("://") == std::string::npos) out.author = a;
  }

  HtmlDom::ForEachElement(dom.root(), [&](const GumboNode* n) {
    if (!out.canonical_url.empty()) return false;
    if (n->v.element.tag == GUMBO_TAG_LINK &&
        AsciiLower(HtmlDom::Attr(n, "rel")) == "canonical") {
      out.canonical_url = CollapseWhitespace(HtmlDom::Attr(n, "href"));
    }
    return true;
  });
  if (out.canonical_url.empty()) out.canonical_url = meta.Get("og:url");

  FindPublished(dom, meta, ld, h1_node, reference, &out);
  out.json_ld_body = std::move(ld.body);
  return out;
}

}  // namespace bw
