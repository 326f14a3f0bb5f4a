// XmlTree: the small, safe subset of libxml2 the feed parser needs: reading
// untrusted bytes into a tree (in recover mode, without entity expansion or
// any network or file access), and reading text, attributes and markup back.
//
//   bw::XmlTree tree = bw::ParseXmlTree(body, /*http_charset=*/"");
//   if (const xmlNode* root = tree.root()) {
//     for (const xmlNode* c = bw::FirstElement(root); c; c = bw::NextElement(c)) {
//       if (bw::IsElement(c, "http://www.w3.org/2005/Atom", "title")) title = bw::NodeText(c);
//     }
//   }
//
// Every function is pure: one libxml2 parser context per parse, errors counted
// there and never printed, no libxml2 global setting touched.
#ifndef BUBBLEWATCH_EXTRACTORS_XML_TREE_H_
#define BUBBLEWATCH_EXTRACTORS_XML_TREE_H_

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace bw {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

// A document libxml2 built from some bytes, and how many errors it recovered from.
struct XmlTree {
  std::unique_ptr<xmlDoc, XmlDocFree> doc;  // null when libxml2 found no document at all
  int errors = 0;                           // errors libxml2 recovered from (0 if well-formed)

  // The root element, or null.
  const xmlNode* root() const { return doc ? xmlDocGetRootElement(doc.get()) : nullptr; }
};

// Parses `body` as XML. The bytes are first decoded to UTF-8 with ICU, in the
// charset given by the byte-order mark, else by the XML declaration, else by
// `http_charset` (the Content-Type charset; may be empty), else UTF-8; bytes
// invalid in that charset become U+FFFD. Decoding beforehand, instead of
// letting libxml2 convert with iconv, keeps one bad byte from ending the
// parse and keeps libxml2 from printing encoding errors to stderr.
// REQUIRES: body.size() <= INT_MAX (libxml2 takes an int).
XmlTree ParseXmlTree(std::string_view body, std::string_view http_charset);

// The charset label an XML declaration at the start of `bytes` names
// ("<?xml version='1.0' encoding='Shift_JIS'?>" -> "Shift_JIS"); "" when none.
std::string XmlDeclaredEncoding(std::string_view bytes);

// True when `node` is an element named `local` in namespace `ns_uri`
// (nullptr: in no namespace).
bool IsElement(const xmlNode* node, const char* ns_uri, const char* local);

// True when `node` is an element named `local`, in any namespace or none.
bool HasLocalName(const xmlNode* node, const char* local);

// The namespace URI of `node`, or "" when it has none.
std::string_view NamespaceOf(const xmlNode* node);

// The first child element of `node`, and the element after `node` among its
// siblings; null when there is none.
const xmlNode* FirstElement(const xmlNode* node);
const xmlNode* NextElement(const xmlNode* node);

// The next element after `node` in document order within the subtree of
// `top` (a pre-order walk without recursion); null at the end.
const xmlNode* NextElementInTree(const xmlNode* node, const xmlNode* top);

// The text of `node` and its descendants (text and CDATA), as written.
// References to entities are left out, except internal entities whose value
// is plain text: nothing is ever loaded from outside the document, and no
// entity is expanded inside another.
std::string NodeText(const xmlNode* node);

// The children of `node` serialized as XML ("<p>Hi <b>there</b></p>").
std::string InnerXml(const xmlNode* node);

// The value of attribute `name` in namespace `ns_uri` (nullptr: in no
// namespace) of `node`; "" when absent.
std::string Attribute(const xmlNode* node, const char* name, const char* ns_uri = nullptr);

// `s` without leading and trailing ASCII white space.
std::string_view TrimAscii(std::string_view s);

// Plain text of a piece of HTML: tags removed (<br> becomes a space), HTML
// character references decoded (named and numeric), white space collapsed.
std::string MarkupToText(std::string_view html);

// True when `s` holds something that looks like an HTML tag ("<b", "</",
// "<!") or character reference ("&amp;", "&#39;"), so MarkupToText would
// change more than its white space.
bool LooksLikeMarkup(std::string_view s);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_XML_TREE_H_
