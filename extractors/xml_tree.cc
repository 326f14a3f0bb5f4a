#include "extractors/xml_tree.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "extractors/charset_decoder.h"
#include "extractors/text_util.h"

namespace bw {
namespace {

constexpr size_t npos = std::string_view::npos;

// Recover from damage, never touch the network, print nothing. Deliberately
// absent: XML_PARSE_NOENT (substitutes entities, which loads external ones:
// XXE), XML_PARSE_DTDLOAD (loads the external DTD) and XML_PARSE_HUGE (lifts
// libxml2's limits on depth and text size). IGNORE_ENC: the bytes handed to
// libxml2 are already UTF-8, whatever the declaration still says.
constexpr int kParseOptions = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                              XML_PARSE_NOWARNING | XML_PARSE_COMPACT | XML_PARSE_IGNORE_ENC;

// The XML declaration is at most a few dozen bytes; this bounds the search for its end.
constexpr size_t kMaxDeclarationBytes = 1024;
// Longest HTML character reference worth decoding ("&CounterClockwiseContourIntegral;").
constexpr size_t kMaxReferenceBytes = 40;

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
std::string_view View(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// Structured error handler of one parser context: counts, never prints.
void CountError(void* user_data, xmlErrorPtr error) {
  auto* ctxt = static_cast<xmlParserCtxt*>(user_data);
  if (error != nullptr && error->level >= XML_ERR_ERROR) ++*static_cast<int*>(ctxt->_private);
}

// The charset label to decode `bytes` with, when they have no byte-order mark.
std::string ChooseCharset(std::string_view bytes, std::string_view http_charset) {
  if (bytes.size() >= 2 && bytes[0] == '<' && bytes[1] == '\0') return "UTF-16LE";
  if (bytes.size() >= 2 && bytes[0] == '\0' && bytes[1] == '<') return "UTF-16BE";
  std::string declared = XmlDeclaredEncoding(bytes);
  // A declaration that could be read as ASCII is not in UTF-16, whatever it says.
  if (StartsWithIgnoreCase(declared, "utf-16") || StartsWithIgnoreCase(declared, "ucs-2")) {
    return "UTF-8";
  }
  if (!declared.empty()) return declared;
  if (!http_charset.empty()) return std::string(http_charset);
  return "UTF-8";
}

// A node's successor in a pre-order walk of the subtree of `top`. Only
// elements are entered: an entity reference's "children" are its declaration.
const xmlNode* NextNode(const xmlNode* n, const xmlNode* top) {
  if (n->type == XML_ELEMENT_NODE && n->children != nullptr) return n->children;
  for (; n != nullptr && n != top; n = n->parent) {
    if (n->next != nullptr) return n->next;
  }
  return nullptr;
}

void AppendLeafText(const xmlNode* n, std::string* out) {
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) out->append(View(n->content));
}

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, c);
  out->append(buf, len);
}

// Decodes the HTML character reference at s[i] ('&') into *out. Returns its
// length, or 0 (and appends nothing) when s[i] starts no known reference.
size_t DecodeReference(std::string_view s, size_t i, std::string* out) {
  size_t semi = s.substr(i, kMaxReferenceBytes).find(';');  // a window: no quadratic scans
  if (semi == npos || semi < 2) return 0;
  semi += i;
  std::string name(s.substr(i + 1, semi - i - 1));
  if (name[0] != '#') {
    const htmlEntityDesc* e = htmlEntityLookup(X(name.c_str()));  // a lookup in a const table
    if (e == nullptr) return 0;
    AppendUtf8(static_cast<UChar32>(e->value), out);
    return semi - i + 1;
  }
  bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
  std::string_view digits = std::string_view(name).substr(hex ? 2 : 1);
  if (digits.empty()) return 0;
  uint32_t c = 0;
  for (char d : digits) {
    uint32_t v = IsAsciiDigit(d) ? d - '0' : hex && IsAsciiLetter(d) ? (d | 0x20) - 'a' + 10 : 99;
    if (v >= (hex ? 16u : 10u)) return 0;
    c = std::min<uint32_t>(c * (hex ? 16 : 10) + v, 0x110000);  // saturate: no overflow
  }
  // As browsers do: NUL, surrogates and values past Unicode become U+FFFD.
  if (c == 0 || c > 0x10FFFF || U_IS_SURROGATE(c)) c = 0xFFFD;
  AppendUtf8(static_cast<UChar32>(c), out);
  return semi - i + 1;
}

// The name of the tag at s[i] (after '<' and any '/'): its letters and digits.
std::string_view TagName(std::string_view s, size_t i) {
  size_t start = i + 1 < s.size() && s[i + 1] == '/' ? i + 2 : i + 1;
  size_t end = start;
  while (end < s.size() && IsAsciiAlnum(s[end])) ++end;
  return s.substr(start, end - start);
}

bool IsTagStart(std::string_view s, size_t i) {
  if (s[i] != '<' || i + 1 >= s.size()) return false;
  char c = s[i + 1];
  return IsAsciiLetter(c) || c == '/' || c == '!' || c == '?';
}

}  // namespace

XmlTree ParseXmlTree(std::string_view body, std::string_view http_charset) {
  DecodedText text =
      DecodeToUtf8(body, "application/xml; charset=" + ChooseCharset(body, http_charset), false);
  XmlTree tree;
  xmlInitParser();  // idempotent
  xmlParserCtxt* ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) return tree;
  // This context's own SAX handler: errors go to CountError, not to the
  // process-wide handler that xmlSetStructuredErrorFunc would replace.
  ctxt->_private = &tree.errors;
  ctxt->sax->serror = CountError;
  tree.doc.reset(xmlCtxtReadMemory(ctxt, text.utf8.data(), static_cast<int>(text.utf8.size()),
                                   nullptr, "UTF-8", kParseOptions));
  xmlFreeParserCtxt(ctxt);
  return tree;
}

std::string XmlDeclaredEncoding(std::string_view bytes) {
  if (!bytes.starts_with("<?xml")) return "";
  std::string_view decl = bytes.substr(0, kMaxDeclarationBytes);
  decl = decl.substr(0, decl.find("?>"));
  size_t i = decl.find("encoding");
  if (i == npos) return "";
  i = decl.find_first_not_of(" \t\r\n", i + 8);
  if (i == npos || decl[i] != '=') return "";
  i = decl.find_first_not_of(" \t\r\n", i + 1);
  if (i == npos || (decl[i] != '"' && decl[i] != '\'')) return "";
  size_t close = decl.find(decl[i], i + 1);
  if (close == npos) return "";
  return std::string(TrimAscii(decl.substr(i + 1, close - i - 1)));
}

bool HasLocalName(const xmlNode* node, const char* local) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, X(local));
}

bool IsElement(const xmlNode* node, const char* ns_uri, const char* local) {
  if (!HasLocalName(node, local)) return false;
  if (ns_uri == nullptr) return node->ns == nullptr;
  return node->ns != nullptr && xmlStrEqual(node->ns->href, X(ns_uri));
}

std::string_view NamespaceOf(const xmlNode* node) {
  return node != nullptr && node->ns != nullptr ? View(node->ns->href) : std::string_view();
}

const xmlNode* FirstElement(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return nullptr;
  const xmlNode* c = node->children;
  while (c != nullptr && c->type != XML_ELEMENT_NODE) c = c->next;
  return c;
}

const xmlNode* NextElement(const xmlNode* node) {
  const xmlNode* c = node == nullptr ? nullptr : node->next;
  while (c != nullptr && c->type != XML_ELEMENT_NODE) c = c->next;
  return c;
}

const xmlNode* NextElementInTree(const xmlNode* node, const xmlNode* top) {
  do {
    node = NextNode(node, top);
  } while (node != nullptr && node->type != XML_ELEMENT_NODE);
  return node;
}

std::string NodeText(const xmlNode* node) {
  std::string out;
  for (const xmlNode* n = node; n != nullptr; n = NextNode(n, node)) AppendLeafText(n, &out);
  return out;
}

std::string InnerXml(const xmlNode* node) {
  if (node == nullptr) return "";
  xmlBuffer* buf = xmlBufferCreate();
  if (buf == nullptr) return "";
  for (xmlNode* c = node->children; c != nullptr; c = c->next) {
    xmlNodeDump(buf, c->doc, c, 0, 0);
  }
  std::string out(reinterpret_cast<const char*>(xmlBufferContent(buf)), xmlBufferLength(buf));
  xmlBufferFree(buf);
  return out;
}

std::string Attribute(const xmlNode* node, const char* name, const char* ns_uri) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return "";
  // Read from the element itself: xmlGetProp would also consult DTD defaults.
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (!xmlStrEqual(a->name, X(name))) continue;
    bool ns_ok = ns_uri == nullptr ? a->ns == nullptr
                                   : a->ns != nullptr && xmlStrEqual(a->ns->href, X(ns_uri));
    if (!ns_ok) continue;
    std::string out;
    for (const xmlNode* c = a->children; c != nullptr; c = c->next) AppendLeafText(c, &out);
    return out;
  }
  return "";
}

std::string_view TrimAscii(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  size_t start = s.find_first_not_of(kSpace);
  if (start == npos) return {};
  return s.substr(start, s.find_last_not_of(kSpace) - start + 1);
}

std::string MarkupToText(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t i = 0;
  while (i < html.size()) {
    if (IsTagStart(html, i)) {
      size_t end = html.find('>', i);
      if (end == npos) break;  // an unfinished tag runs to the end
      std::string name = AsciiLower(TagName(html, i));
      if (name == "br" || name == "p" || name == "div" || name == "li") out += ' ';
      i = end + 1;
    } else if (size_t len = html[i] == '&' ? DecodeReference(html, i, &out) : 0) {
      i += len;
    } else {
      out += html[i++];
    }
  }
  return CollapseWhitespace(out);
}

bool LooksLikeMarkup(std::string_view s) {
  std::string scratch;
  for (size_t i = 0; i < s.size(); ++i) {
    if (IsTagStart(s, i) || (s[i] == '&' && DecodeReference(s, i, &scratch) > 0)) return true;
  }
  return false;
}

}  // namespace bw
