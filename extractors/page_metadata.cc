#include "extractors/page_metadata.h"

#include <nlohmann/json.hpp>

#include <array>
#include <vector>

#include "extractors/text_util.h"

namespace bw {
namespace {

// Meta names and properties that carry the publication time, most trusted first.
constexpr std::array<std::string_view, 22> kPublishedMetaNames = {
    "article:published_time", "og:published_time", "og:article:published_time",
    "article:published", "datepublished", "publishdate", "publish-date", "publish_date",
    "pubdate", "publication_date", "sailthru.date", "parsely-pub-date", "dc.date.issued",
    "dcterms.issued", "dc.date", "dcterms.created", "date", "publishtime", "publish_time",
    "weibo:article:create_at", "og:release_date", "cxenseparse:recs:publishtime"};
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
  std::string published, modified, headline, author, publisher;
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
  take("dateModified", &facts->modified);
  take("headline", &facts->headline);
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

std::string StripSiteName(const std::string& title, const std::string& site_name,
                          const std::string& headline) {
  // Spaced separators, then the unspaced ones of CJK portals ("…_新浪财经_新浪网",
  // "…－自由財經"); a part is only cut when it matches the site or the headline.
  static constexpr std::array<std::string_view, 11> kSeparators = {
      " | ", " - ", " – ", " — ", "｜", "丨", " :: ", " _ ", "_", "－", "|"};
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
  size_t first = title.find('_');
  if (first != std::string::npos && first > 0 && title.find('_', first + 1) != std::string::npos &&
      CountChars(std::string_view(title).substr(0, first)).cjk > 0) {
    return CollapseWhitespace(std::string_view(title).substr(0, first));
  }
  return title;
}

// A date written just after the headline ("<h1>…</h1><span>2025年10月12日 01:32</span>").
static std::optional<DateTime> DateNearHeadline(const GumboNode* h1) {
  if (h1 == nullptr || h1->parent == nullptr) return std::nullopt;
  std::string headline = HtmlDom::Text(h1);
  std::string around = HtmlDom::Text(h1->parent);
  size_t at = around.find(headline);
  if (at == std::string::npos) return std::nullopt;
  return FindWrittenDate(std::string_view(around).substr(at + headline.size()), 1024);
}

PageMetadata ExtractPageMetadata(const HtmlDom& dom) {
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

  auto try_date = [&](const std::string& s, const char* from) {
    if (out.published || s.empty()) return;
    if (auto d = ParseDateTime(s)) {
      out.published = d;
      out.published_from = from;
    }
  };
  try_date(ld.published, "json-ld");
  for (std::string_view name : kPublishedMetaNames) try_date(meta.Get(name), "meta");
  HtmlDom::ForEachElement(dom.root(), [&](const GumboNode* n) {
    if (out.published) return false;
    std::string_view prop = HtmlDom::Attr(n, "itemprop");
    if (prop == "datePublished") {
      std::string_view v = HtmlDom::Attr(n, "datetime");
      if (v.empty()) v = HtmlDom::Attr(n, "content");
      try_date(v.empty() ? HtmlDom::Text(n) : std::string(v), "itemprop");
    }
    return true;
  });
  HtmlDom::ForEachElement(dom.root(), [&](const GumboNode* n) {
    if (out.published) return false;
    if (n->v.element.tag == GUMBO_TAG_TIME) {
      try_date(std::string(HtmlDom::Attr(n, "datetime")), "time");
      if (!out.published) {
        if (auto d = FindWrittenDate(HtmlDom::Text(n))) {
          out.published = d;
          out.published_from = "time";
        }
      }
    }
    return true;
  });
  if (!out.published) {
    out.published = DateNearHeadline(h1_node);
    if (out.published) out.published_from = "text";
  }
  try_date(ld.modified, "modified");
  for (std::string_view name : kModifiedMetaNames) try_date(meta.Get(name), "modified");
  return out;
}

}  // namespace bw
