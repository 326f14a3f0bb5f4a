#include "extractors/paragraph_collector.h"

#include <algorithm>
#include <span>

#include "extractors/html_dom.h"
#include "extractors/text_util.h"

namespace bw {
namespace {

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

}  // namespace

bool HasContentToken(const std::vector<std::string>& tokens) {
  return HasToken(tokens, kContentTokens);
}

void ParagraphCollector::Run(const GumboNode* body) {
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
bool ParagraphCollector::Skip(const GumboNode* n) {
  GumboTag t = n->v.element.tag;
  if (t == GUMBO_TAG_BR) {
    Flush();
    return true;
  }
  if (IsSkippedTag(t) || IsHidden(n)) return true;
  if (t == GUMBO_TAG_HEADER && article_depth_ == 0) return true;
  return strip_by_class_ && !keep_.count(n) && IsChrome(n, HtmlDom::ClassTokens(n));
}
void ParagraphCollector::Enter(const GumboNode* n) {
  GumboTag t = n->v.element.tag;
  if (t == GUMBO_TAG_A) ++link_depth_;
  if (t == GUMBO_TAG_ARTICLE) ++article_depth_;
  if (IsBlockTag(t)) {
    Flush();
    blocks_.push_back(n);
    ranges[n].first = paragraphs.size();
  }
}
void ParagraphCollector::Leave(const GumboNode* n) {
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
void ParagraphCollector::AddText(std::string_view s) {
  buffer_ += s;
  size_t visible = 0;
  for (char ch : s) visible += !(ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r');
  text_bytes_ += visible;
  if (link_depth_ > 0) link_bytes_ += visible;
}
void ParagraphCollector::Flush() {
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
}  // namespace bw
