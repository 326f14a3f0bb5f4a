#include "tests/support/xml_page.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

namespace bw::testing {

XmlPage XmlPage::Xml(const std::string& text) {
  return XmlPage(xmlReadMemory(text.data(), static_cast<int>(text.size()), "page.xml", "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
}

XmlPage XmlPage::Html(const std::string& text) {
  return XmlPage(htmlReadMemory(text.data(), static_cast<int>(text.size()), "page.html", "UTF-8",
                                HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
}

std::vector<std::string> XmlPage::Strings(const std::string& xpath) const {
  std::vector<std::string> out;
  if (!ok()) return out;
  std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(
      xmlXPathNewContext(doc_.get()), xmlXPathFreeContext);
  xmlXPathRegisterNs(ctx.get(), BAD_CAST "s", BAD_CAST "http://www.w3.org/2000/svg");
  std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> r(
      xmlXPathEval(BAD_CAST xpath.c_str(), ctx.get()), xmlXPathFreeObject);
  if (r == nullptr || r->nodesetval == nullptr) return out;
  for (int i = 0; i < r->nodesetval->nodeNr; ++i) {
    xmlChar* s = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
    out.emplace_back(s ? reinterpret_cast<const char*>(s) : "");
    xmlFree(s);
  }
  return out;
}

}  // namespace bw::testing
