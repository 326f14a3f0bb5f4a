// HtmlDom: a parsed HTML document (gumbo), with the small set of queries the
// extractors need. Owns the gumbo tree; not copyable.
//
//   bw::HtmlDom dom("<html><head><title>T</title></head><body>...</body></html>");
//   const GumboNode* head = dom.FindFirst(dom.root(), GUMBO_TAG_HEAD);
//   std::string lang = bw::HtmlDom::Attr(dom.html(), "lang");
#ifndef BUBBLEWATCH_EXTRACTORS_HTML_DOM_H_
#define BUBBLEWATCH_EXTRACTORS_HTML_DOM_H_

#include <gumbo.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace bw {

class HtmlDom {
 public:
  // Parses `utf8_html`, which must be valid UTF-8 (see CharsetDecoder); gumbo
  // repairs any malformed markup the way browsers do. Markup beyond the
  // limits of MarkupLimits::ForSize is dropped first (see LimitMarkup), so
  // parsing time and memory stay proportional to the page size.
  explicit HtmlDom(std::string_view utf8_html);
  ~HtmlDom();
  HtmlDom(const HtmlDom&) = delete;
  HtmlDom& operator=(const HtmlDom&) = delete;

  const GumboNode* root() const;  // the document node
  const GumboNode* html() const;  // the <html> element (always present after parsing)
  const GumboNode* head() const;  // <head>, or null
  const GumboNode* body() const;  // <body>, or null

  // The value of attribute `name` of element `node`, or "" (also for non-elements).
  static std::string_view Attr(const GumboNode* node, const char* name);
  static bool IsElement(const GumboNode* node, GumboTag tag);
  // The tag name, lower-case, also for unknown tags ("my-widget").
  static std::string TagName(const GumboNode* node);

  // The words of an element's class, id and role values, lower-cased and split
  // at every non-alphanumeric character ("site-nav__menu" -> site, nav, menu).
  static std::vector<std::string> ClassTokens(const GumboNode* node);

  // The first element with `tag` in document order below `from` (inclusive), or null.
  static const GumboNode* FindFirst(const GumboNode* from, GumboTag tag);

  // Calls `visit` for every element below `from` in document order. Returning
  // false from `visit` skips that element's children. Iterative: deep trees
  // (hostile pages nest thousands of levels) cannot overflow the stack.
  static void ForEachElement(const GumboNode* from,
                             const std::function<bool(const GumboNode*)>& visit);

  // The text of `node` and its descendants, white space collapsed to single
  // spaces and trimmed; the contents of script, style and template are skipped.
  static std::string Text(const GumboNode* node);

 private:
  std::string html_;
  GumboOutput* output_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_HTML_DOM_H_
