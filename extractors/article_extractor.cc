#include "extractors/article_extractor.h"

#include <algorithm>
#include <array>
#include <span>
#include <unordered_map>

#include "extractors/date_text.h"
#include "extractors/text_util.h"

namespace bw {
namespace {

// A paragraph of visible text and the block element that holds it.
struct Paragraph {
  std::string text;
  const GumboNode* owner;
  size_t units;         // code points, CJK counted twice
  double link_density;  // share of the text inside <a>
  size_t commas;        // clause punctuation, a sign of prose
};

// Subtrees that never hold article text.
bool IsSkippedTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP:
    case GUMBO_TAG_FIGCAPTION:  // captions and photo credits are not the article's prose
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_HR: case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HEADER:
      return true;
    default:
      return false;
  }
}

// Containers: elements whose own text is scored to themselves, not their parent.
bool IsContainerTag(GumboTag t) {
  return t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_ARTICLE ||
         t == GUMBO_TAG_MAIN || t == GUMBO_TAG_TD || t == GUMBO_TAG_BODY;
}

bool HasToken(const std::vector<std::string>& tokens, std::span<const std::string_view> set) {
  for (const std::string& t : tokens) {
    for (std::string_view s : set) {
      if (t == s) return true;
    }
  }
  return false;
}

// Class/id words of page chrome. These are the markup conventions of web
// pages in every language, not words of a language.
constexpr std::string_view kChromeTokens[] = {
    "cookie", "cookies", "consent", "gdpr", "nav", "navbar", "navigation", "menu", "breadcrumb",
    "breadcrumbs", "footer", "sidebar", "share", "sharing", "social", "related", "recommend",
    "recommended", "comment", "comments", "newsletter", "subscribe", "subscription", "advert",
    "advertisement", "ads", "sponsor", "popup", "modal", "login", "signup", "toolbar",
    "pagination", "pager", "banner", "masthead", "skip", "langswitch", "language", "promo",
    "tags", "copyright", "caption", "credit", "credits", "trending", "popular", "outbrain",
    "taboola", "rollover", "tooltip", "hovercard", "popover"};
constexpr std::string_view kContentTokens[] = {
    "article", "content", "main", "post", "entry", "story", "body", "text", "articlebody"};

bool IsHidden(const GumboNode* n) {
  if (gumbo_get_attribute(&n->v.element.attributes, "hidden")) return true;
  if (HtmlDom::Attr(n, "aria-hidden") == "true") return true;
  std::string style = AsciiLower(HtmlDom::Attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

bool IsChrome(const GumboNode* n, const std::vector<std::string>& tokens) {
  GumboTag t = n->v.element.tag;
  if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN) return false;
  return HasToken(tokens, kChromeTokens) && !HasToken(tokens, kContentTokens);
}

size_t CountCommas(std::string_view s) {
  size_t n = std::count(s.begin(), s.end(), ',');
  for (std::string_view mark : {"，", "、", "。", "；"}) {
    for (size_t at = s.find(mark); at != std::string_view::npos; at = s.find(mark, at + 1)) ++n;
  }
  return n;
}

// Cuts the body into paragraphs, skipping chrome, and records for every block
// element the range of paragraphs it holds.
class ParagraphCollector {
 public:
  // `strip_by_class`: also skip elements whose class or id names chrome.
  // `keep`: elements never skipped by class (the ancestors of <article> and
  // <main>, whose wrappers sometimes carry names like "penci_sidebar").
  ParagraphCollector(bool strip_by_class, const std::unordered_set<const GumboNode*>& keep)
      : strip_by_class_(strip_by_class), keep_(keep) {}

  void Run(const GumboNode* body) {
    struct Frame {
      const GumboNode* node;
      unsigned next_child;
    };
    std::vector<Frame> stack{{body, 0}};
    Enter(body);
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboVector& kids = f.node->v.element.children;
      if (f.next_child == kids.length) {
        Leave(f.node);
        stack.pop_back();
        continue;
      }
      auto* child = static_cast<const GumboNode*>(kids.data[f.next_child++]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
          child->type == GUMBO_NODE_WHITESPACE) {
        AddText(child->v.text.text);
      } else if (child->type == GUMBO_NODE_ELEMENT && !Skip(child)) {
        Enter(child);
        stack.push_back({child, 0});
      }
    }
  }

  std::vector<Paragraph> paragraphs;
  std::unordered_map<const GumboNode*, std::pair<size_t, size_t>> ranges;  // [first, end)

 private:
  bool Skip(const GumboNode* n) {
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_BR) {
      Flush();
      return true;
    }
    if (IsSkippedTag(t) || IsHidden(n)) return true;
    if (t == GUMBO_TAG_HEADER && article_depth_ == 0) return true;
    return strip_by_class_ && !keep_.count(n) && IsChrome(n, HtmlDom::ClassTokens(n));
  }

  void Enter(const GumboNode* n) {
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_A) ++link_depth_;
    if (t == GUMBO_TAG_ARTICLE) ++article_depth_;
    if (IsBlockTag(t)) {
      Flush();
      blocks_.push_back(n);
      ranges[n].first = paragraphs.size();
    }
  }

  void Leave(const GumboNode* n) {
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_A) --link_depth_;
    if (t == GUMBO_TAG_ARTICLE) --article_depth_;
    if (IsBlockTag(t)) {
      Flush();
      blocks_.pop_back();
      ranges[n].second = paragraphs.size();
    }
  }

  // Link density counts visible bytes only: the indentation of markup
  // inside links must not make prose look like a link list.
  void AddText(std::string_view s) {
    buffer_ += s;
    size_t visible = 0;
    for (char ch : s) visible += !(ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r');
    text_bytes_ += visible;
    if (link_depth_ > 0) link_bytes_ += visible;
  }

  void Flush() {
    std::string text = CollapseWhitespace(buffer_);
    size_t raw_bytes = text_bytes_;
    text_bytes_ = 0;
    buffer_.clear();
    size_t link_bytes = link_bytes_;
    link_bytes_ = 0;
    if (text.empty() || blocks_.empty()) return;
    CharCounts counts = CountChars(text);
    double density = raw_bytes ? std::min(1.0, double(link_bytes) / double(raw_bytes)) : 0.0;
    size_t commas = CountCommas(text);
    paragraphs.push_back({std::move(text), blocks_.back(), counts.code_points + counts.cjk,
                          density, commas});
  }

  const bool strip_by_class_;
  const std::unordered_set<const GumboNode*>& keep_;
  std::vector<const GumboNode*> blocks_;
  std::string buffer_;
  size_t link_bytes_ = 0;
  size_t text_bytes_ = 0;
  int link_depth_ = 0;
  int article_depth_ = 0;
};

// Readability's prior on a container from its tag and class.
double InitialScore(const GumboNode* n) {
  double s = 0;
  switch (n->v.element.tag) {
    case GUMBO_TAG_ARTICLE: s = 10; break;
    case GUMBO_TAG_DIV: case GUMBO_TAG_MAIN: s = 5; break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: s = 3; break;
    case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_LI: s = -3; break;
    default: break;
  }
  std::vector<std::string> tokens = HtmlDom::ClassTokens(n);
  if (HasToken(tokens, kContentTokens)) s += 25;
  if (HtmlDom::Attr(n, "itemprop") == "articleBody") s += 50;
  return s;
}

constexpr size_t kMinScoredUnits = 25;
constexpr double kMaxScoredLinkDensity = 0.5;
// Inside the article a paragraph may be more link than text ("Get it on
// Amazon for $139"), but not almost only links (lists of related stories).
constexpr double kMaxKeptLinkDensity = 0.7;
constexpr size_t kMaxDatelineUnits = 100;
constexpr size_t kMaxCaptionChars = 40;
constexpr size_t kMinArticleUnits = 140;
constexpr int kScoredLevels = 5;
constexpr size_t kTopCandidates = 5;
constexpr size_t kMinAlternatives = 3;

}  // namespace

const char* ArticleStatusName(ArticleStatus status) {
  switch (status) {
    case ArticleStatus::kOk: return "ok";
    case ArticleStatus::kNoArticle: return "no_article";
    case ArticleStatus::kEmpty: return "empty";
  }
  return "empty";
}

ArticleExtractor::ArticleExtractor(const LexiconSet& lexicons) {
  for (const LexiconEntry& e : lexicons.Entries("boilerplate.txt")) {
    const std::string kind = e.size() >= 2 ? e[1] : "exact";
    if (kind == "prefix") {
      line_prefixes_.push_back(e[0]);
    } else if (kind == "suffix") {
      caption_suffixes_.push_back(e[0]);
    } else {
      exact_lines_.insert(e[0]);
    }
  }
}

bool ArticleExtractor::IsBoilerplateLine(const std::string& paragraph) const {
  if (exact_lines_.count(paragraph)) return true;
  for (const std::string& p : line_prefixes_) {
    if (paragraph.compare(0, p.size(), p) == 0) return true;
  }
  if (CountChars(paragraph).code_points <= kMaxCaptionChars) {
    for (const std::string& s : caption_suffixes_) {
      if (paragraph.ends_with(s)) return true;
    }
  }
  return false;
}

ArticleText ArticleExtractor::Extract(const HtmlDom& dom) const {
  if (dom.body() == nullptr) return {};
  std::unordered_set<const GumboNode*> keep;
  HtmlDom::ForEachElement(dom.body(), [&](const GumboNode* n) {
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN ||
        HtmlDom::Attr(n, "itemprop") == "articleBody") {
      for (const GumboNode* a = n; a && a->type == GUMBO_NODE_ELEMENT && keep.insert(a).second;
           a = a->parent) {
      }
    }
    return true;
  });
  ArticleText first = ExtractPass(dom, true, keep);
  if (first.status == ArticleStatus::kOk) return first;
  // Class names hid the whole article (themes name page wrappers after their
  // sidebar): try again trusting only tags, as Readability does. Only then:
  // on a page with a short article the class-blind pass would take comments.
  ArticleText retry = ExtractPass(dom, false, keep);
  return retry.status != ArticleStatus::kEmpty ? retry : first;
}

ArticleText ArticleExtractor::ExtractPass(const HtmlDom& dom, bool strip_by_class,
                                          const std::unordered_set<const GumboNode*>& keep) const {
  ArticleText out;
  ParagraphCollector c(strip_by_class, keep);
  c.Run(dom.body());
  if (c.paragraphs.empty()) return out;
  out.status = ArticleStatus::kNoArticle;

  std::unordered_map<const GumboNode*, double> scores;
  auto add = [&](const GumboNode* n, double s) {
    if (n == nullptr || n->type != GUMBO_NODE_ELEMENT) return;
    auto [it, inserted] = scores.try_emplace(n, 0.0);
    if (inserted) it->second = InitialScore(n);
    it->second += s;
  };
  for (const Paragraph& p : c.paragraphs) {
    if (p.units < kMinScoredUnits || p.link_density > kMaxScoredLinkDensity) continue;
    double score = 1.0 + double(p.commas) + std::min(double(p.units) / 100.0, 3.0);
    const GumboNode* container =
        IsContainerTag(p.owner->v.element.tag) ? p.owner : p.owner->parent;
    // Readability's shares: the container all of it, its parent half, then
    // 1/(3*level) further up, five levels in all.
    const GumboNode* n = container;
    for (int level = 0; level < kScoredLevels && n && n->type == GUMBO_NODE_ELEMENT;
         ++level, n = n->parent) {
      add(n, level == 0 ? score : level == 1 ? score / 2 : score / (3.0 * level));
    }
  }
  if (scores.empty()) return out;

  // Link density over the whole subtree of a candidate.
  auto density = [&](const GumboNode* n) {
    auto it = c.ranges.find(n);
    if (it == c.ranges.end()) return 1.0;
    double links = 0, all = 0;
    for (size_t i = it->second.first; i < it->second.second; ++i) {
      all += double(c.paragraphs[i].units);
      links += double(c.paragraphs[i].units) * c.paragraphs[i].link_density;
    }
    return all > 0 ? links / all : 1.0;
  };
  const GumboNode* top = nullptr;
  double top_score = 0;
  for (auto& [node, score] : scores) {
    score *= 1.0 - density(node);
    if (top == nullptr || score > top_score) {
      top = node;
      top_score = score;
    }
  }

  // Several candidates nearly as good as the top one (an article cut into
  // cards or chunks, each with its own bonus) are unified under the first
  // ancestor that holds enough of them (Readability's alternative candidates).
  {
    std::vector<std::pair<double, const GumboNode*>> ranked;
    for (const auto& [node, score] : scores) ranked.push_back({score, node});
    size_t keep = std::min<size_t>(ranked.size(), kTopCandidates);
    std::partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<const GumboNode*> alternatives;
    for (size_t i = 0; i < keep; ++i) {
      if (ranked[i].second != top && ranked[i].first >= 0.75 * top_score) {
        alternatives.push_back(ranked[i].second);
      }
    }
    if (alternatives.size() >= kMinAlternatives) {
      for (const GumboNode* a = top->parent;
           a && a->type == GUMBO_NODE_ELEMENT && a->v.element.tag != GUMBO_TAG_BODY;
           a = a->parent) {
        size_t inside = 0;
        for (const GumboNode* alt : alternatives) {
          for (const GumboNode* x = alt->parent; x; x = x->parent) {
            if (x == a) {
              ++inside;
              break;
            }
          }
        }
        if (inside >= kMinAlternatives) {
          top = a;
          auto it = scores.find(a);
          top_score = it == scores.end() ? top_score : std::max(top_score, it->second);
          break;
        }
      }
    }
  }

  // A score that goes up again in the first steps up the tree is a sign of
  // more content nearby that belongs to the same article (Readability).
  double last = top_score;
  for (const GumboNode* p = top->parent;
       p && p->type == GUMBO_NODE_ELEMENT && p->v.element.tag != GUMBO_TAG_BODY; p = p->parent) {
    auto it = scores.find(p);
    if (it == scores.end()) continue;
    if (it->second < top_score / 3) break;
    if (it->second > last) {
      top = p;
      top_score = it->second;
      break;
    }
    last = it->second;
  }

  // The top candidate and the siblings that score nearly as well.
  std::vector<const GumboNode*> chosen{top};
  if (top->parent && top->parent->type == GUMBO_NODE_ELEMENT &&
      top->v.element.tag != GUMBO_TAG_BODY) {
    chosen.clear();
    const double threshold = std::max(10.0, top_score * 0.2);
    const GumboVector& kids = top->parent->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* sib = static_cast<const GumboNode*>(kids.data[i]);
      if (sib == top) {
        chosen.push_back(sib);
        continue;
      }
      auto it = scores.find(sib);
      if (it != scores.end() && it->second >= threshold) chosen.push_back(sib);
    }
  }

  // A login wall: the "article" holds the password field.
  bool login_form = false;
  HtmlDom::ForEachElement(dom.body(), [&](const GumboNode* n) {
    if (login_form) return false;
    if (n->v.element.tag == GUMBO_TAG_INPUT &&
        AsciiLower(HtmlDom::Attr(n, "type")) == "password") {
      for (const GumboNode* a = n->parent; a && !login_form; a = a->parent) {
        login_form = std::find(chosen.begin(), chosen.end(), a) != chosen.end();
      }
    }
    return true;
  });
  if (login_form) return out;

  std::vector<const Paragraph*> kept;
  for (const GumboNode* n : chosen) {
    auto it = c.ranges.find(n);
    if (it == c.ranges.end()) continue;
    for (size_t i = it->second.first; i < it->second.second; ++i) {
      const Paragraph& p = c.paragraphs[i];
      if (p.link_density > kMaxKeptLinkDensity || IsBoilerplateLine(p.text)) continue;
      // The headline is the title, not part of the text.
      if (p.owner->v.element.tag == GUMBO_TAG_H1) continue;
      kept.push_back(&p);
    }
  }
  // A short line with a date at either end is a dateline ("Published 7:07 PM
  // EST Nov 19, 2019", "2025年10月12日 01:32 来源：新华社"), not prose.
  auto dateline = [](const Paragraph* p) {
    return p->units < kMaxDatelineUnits && FindWrittenDate(p->text, 256).has_value();
  };
  size_t begin = 0, end = kept.size();
  for (int k = 0; k < 2 && begin < end && dateline(kept[begin]); ++k) ++begin;
  for (int k = 0; k < 2 && end > begin && dateline(kept[end - 1]); ++k) --end;
  size_t units = 0;
  for (size_t i = begin; i < end; ++i) units += kept[i]->units;
  if (units < kMinArticleUnits) return out;
  out.status = ArticleStatus::kOk;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) out.text += "\n\n";
    out.text += kept[i]->text;
  }
  return out;
}

}  // namespace bw
