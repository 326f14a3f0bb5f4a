#include "extractors/post_markup.h"

#include <array>
#include <vector>

#include <re2/re2.h>

#include "extractors/html_dom.h"
#include "extractors/text_util.h"

namespace bw {
namespace {

const RE2& TagPattern() {
  // A block or link tag with well-formed attributes, a bare inline tag, or a closing tag:
  // "a<b and c>d" is no markup.
  static const RE2 re(
      R"((?i)<(?:p|a|span|blockquote|div|li|ul|ol|pre)(?:\s+[a-z-]+(?:=(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*\s*/?>)"
      R"(|<(?:br|b|i|em|strong|code)\s*/?>|</(?:p|a|span|blockquote|div|li|b|i|em|strong|code)>)");
  return re;
}

const RE2& EntityPattern() {
  static const RE2 re(R"(&(?:amp|lt|gt|quot|apos|nbsp|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});)");
  return re;
}

bool StartsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
      return true;
    default:
      return false;
  }
}

// Collects the text of a fragment's body as lines.
class LineWriter {
 public:
  explicit LineWriter(bool keep_newlines) : keep_newlines_(keep_newlines) {}

  void Text(std::string_view t) {
    for (char c : t) {
      if (c == '\n' && keep_newlines_) {
        Break();
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pending_space_ = !line_.empty();
      } else {
        if (pending_space_) line_ += ' ';
        pending_space_ = false;
        line_ += c;
      }
    }
  }
  void Break() {
    lines_.push_back(line_.empty() ? std::string() : Prefix() + line_);
    line_.clear();
    pending_space_ = false;
  }
  void SetQuoteDepth(int depth) { quote_depth_ = depth; }
  std::string Finish() {
    if (!line_.empty()) Break();
    std::string out;
    for (const std::string& l : lines_) {
      if (l.empty() && (out.empty() || out.back() == '\n')) continue;  // no runs of empty lines
      out += l;
      out += '\n';
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

 private:
  std::string Prefix() const {
    std::string p;
    for (int i = 0; i < quote_depth_; ++i) p += "> ";
    return p;
  }
  bool keep_newlines_;
  bool pending_space_ = false;
  int quote_depth_ = 0;
  std::string line_;
  std::vector<std::string> lines_;
};

}  // namespace

bool LooksLikePostMarkup(std::string_view text) {
  const re2::StringPiece t(text.data(), text.size());
  return RE2::PartialMatch(t, TagPattern()) || RE2::PartialMatch(t, EntityPattern());
}

std::string PostMarkupText(std::string_view markup) {
  const bool tags = RE2::PartialMatch(re2::StringPiece(markup.data(), markup.size()), TagPattern());
  HtmlDom dom(markup);
  LineWriter out(/*keep_newlines=*/!tags);
  if (dom.body() == nullptr) return out.Finish();
  // Depth first without recursion (a hostile fragment may nest deeply): a marker entry
  // closes an element's block after its children.
  struct Step {
    const GumboNode* node;
    bool closing;
  };
  std::vector<Step> stack{{dom.body(), false}};
  int quote_depth = 0;
  while (!stack.empty()) {
    const Step step = stack.back();
    stack.pop_back();
    const GumboNode* n = step.node;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      out.Text(n->v.text.text);
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = n->v.element.tag;
    if (step.closing) {
      if (StartsBlock(tag)) out.Break();
      if (tag == GUMBO_TAG_BLOCKQUOTE) out.SetQuoteDepth(--quote_depth);
      continue;
    }
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE) continue;
    if (tag == GUMBO_TAG_BR) {
      out.Break();
      continue;
    }
    if (StartsBlock(tag)) out.Break();
    if (tag == GUMBO_TAG_BLOCKQUOTE) out.SetQuoteDepth(++quote_depth);
    stack.push_back({n, true});
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i > 0; --i) stack.push_back({static_cast<const GumboNode*>(kids.data[i - 1]), false});
  }
  return out.Finish();
}

}  // namespace bw
