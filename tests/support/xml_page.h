// XmlPage: a document parsed by libxml2 (strict XML or its HTML parser, never
// with network access) and queried with XPath, for tests of the SVG charts
// and the HTML report. The prefix "s" is bound to the SVG namespace.
//
//   XmlPage svg = XmlPage::Xml(RenderLineChart(chart));
//   ASSERT_TRUE(svg.ok());
//   EXPECT_EQ(svg.Strings("//s:g[@class='series']/@data-series"), (std::vector<std::string>{"zh"}));
#ifndef BUBBLEWATCH_TESTS_SUPPORT_XML_PAGE_H_
#define BUBBLEWATCH_TESTS_SUPPORT_XML_PAGE_H_

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <vector>

namespace bw::testing {

class XmlPage {
 public:
  // Strict XML: a document that is not well-formed gives !ok().
  static XmlPage Xml(const std::string& text);
  // libxml2's HTML parser, which recovers from anything.
  static XmlPage Html(const std::string& text);

  bool ok() const { return doc_ != nullptr; }
  // The string values (text of an element, value of an attribute) of the
  // nodes `xpath` selects, in document order.
  std::vector<std::string> Strings(const std::string& xpath) const;
  size_t Count(const std::string& xpath) const { return Strings(xpath).size(); }

 private:
  explicit XmlPage(xmlDocPtr doc) : doc_(doc, xmlFreeDoc) {}
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc_;
};

}  // namespace bw::testing

#endif  // BUBBLEWATCH_TESTS_SUPPORT_XML_PAGE_H_
