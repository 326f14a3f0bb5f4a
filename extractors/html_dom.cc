#include "extractors/html_dom.h"

#include <cstring>
#include <vector>

#include "extractors/markup_limit.h"
#include "extractors/text_util.h"

namespace bw {

HtmlDom::HtmlDom(std::string_view utf8_html)
    : html_(LimitMarkup(utf8_html, MarkupLimits::ForSize(utf8_html.size()))) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not used; recording them costs time
  // gumbo keeps pointers into the buffer, so the DOM owns it.
  output_ = gumbo_parse_with_options(&options, html_.data(), html_.size());
}

HtmlDom::~HtmlDom() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }

const GumboNode* HtmlDom::root() const { return output_->document; }
const GumboNode* HtmlDom::html() const { return output_->root; }

namespace {

// The first child element of <html> with `tag`, or null.
const GumboNode* ChildOfHtml(const GumboOutput* output, GumboTag tag) {
  const GumboVector& kids = output->root->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    auto* n = static_cast<const GumboNode*>(kids.data[i]);
    if (HtmlDom::IsElement(n, tag)) return n;
  }
  return nullptr;
}

}  // namespace

const GumboNode* HtmlDom::head() const { return ChildOfHtml(output_, GUMBO_TAG_HEAD); }
const GumboNode* HtmlDom::body() const { return ChildOfHtml(output_, GUMBO_TAG_BODY); }

std::string_view HtmlDom::Attr(const GumboNode* node, const char* name) {
  if (node == nullptr || node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool HtmlDom::IsElement(const GumboNode* node, GumboTag tag) {
  return node != nullptr && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

std::string HtmlDom::TagName(const GumboNode* node) {
  if (node == nullptr || node->type != GUMBO_NODE_ELEMENT) return "";
  GumboTag tag = node->v.element.tag;
  if (tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(tag);
  GumboStringPiece piece = node->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data ? piece.data : "", piece.data ? piece.length : 0);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

void HtmlDom::ForEachElement(const GumboNode* from,
                             const std::function<bool(const GumboNode*)>& visit) {
  std::vector<const GumboNode*> stack{from};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) continue;
    if (n->type == GUMBO_NODE_ELEMENT && !visit(n)) continue;
    const GumboVector& kids = n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children
                                                              : n->v.element.children;
    for (unsigned i = kids.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
    }
  }
}

std::vector<std::string> HtmlDom::ClassTokens(const GumboNode* n) {
  std::vector<std::string> tokens;
  for (const char* attr : {"class", "id", "role"}) {
    std::string cur;
    for (char c : AsciiLower(Attr(n, attr))) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        cur += c;
      } else if (!cur.empty()) {
        tokens.push_back(std::move(cur));
        cur.clear();
      }
    }
    if (!cur.empty()) tokens.push_back(std::move(cur));
  }
  return tokens;
}

const GumboNode* HtmlDom::FindFirst(const GumboNode* from, GumboTag tag) {
  const GumboNode* found = nullptr;
  ForEachElement(from, [&](const GumboNode* n) {
    if (found) return false;
    if (n->v.element.tag == tag) found = n;
    return found == nullptr;
  });
  return found;
}

std::string HtmlDom::Text(const GumboNode* node) {
  std::string raw;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      raw += n->v.text.text;
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE) continue;
    if (tag == GUMBO_TAG_BR) raw += ' ';
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
    }
  }
  return CollapseWhitespace(raw);
}

}  // namespace bw
