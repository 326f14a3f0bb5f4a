#include "extractors/feed_parser.h"

#include <nlohmann/json.hpp>

#include <climits>

#include "extractors/text_util.h"
#include "extractors/xml_tree.h"

namespace bw {
namespace {

using nlohmann::json;

// Past this many items (or index entries) the rest of a document is not read.
constexpr size_t kMaxItems = 10000;
// JSON Feed needs five levels (feed, items, item, authors, author); deeper
// values are dropped while parsing, so nothing deep is ever built.
constexpr int kMaxJsonDepth = 32;
constexpr size_t kMaxNameInMessage = 64;

constexpr char kAtomNs[] = "http://www.w3.org/2005/Atom";
constexpr char kAtom03Ns[] = "http://purl.org/atom/ns#";
constexpr char kRdfNs[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr char kRss1Ns[] = "http://purl.org/rss/1.0/";
constexpr char kRss090Ns[] = "http://my.netscape.com/rdf/simple/0.9/";
constexpr char kContentNs[] = "http://purl.org/rss/1.0/modules/content/";
constexpr char kDcNs[] = "http://purl.org/dc/elements/1.1/";
constexpr char kNewsNs[] = "http://www.google.com/schemas/sitemap-news/0.9";
constexpr char kXhtmlNs[] = "http://www.w3.org/1999/xhtml";
constexpr char kXmlNs[] = "http://www.w3.org/XML/1998/namespace";
constexpr char kJsonFeedVersion[] = "https://jsonfeed.org/version/";

Status NotAFeed(const std::string& why) { return Status::BadData("not a feed: " + why); }

// Which elements are the format's own: those in no namespace, in the root's
// namespace (RSS 2.0 and sitemaps may declare one), or, for RSS 1.0, in RSS
// 1.0's or RSS 0.90's.
struct Dialect {
  std::string own_ns;
  std::string alt_ns;

  bool Own(const xmlNode* n, const char* local) const {
    if (!HasLocalName(n, local)) return false;
    std::string_view ns = NamespaceOf(n);
    return ns.empty() || ns == own_ns || (!alt_ns.empty() && ns == alt_ns);
  }
};

template <typename Match>
const xmlNode* FindChild(const xmlNode* parent, Match match) {
  for (const xmlNode* c = FirstElement(parent); c != nullptr; c = NextElement(c)) {
    if (match(c)) return c;
  }
  return nullptr;
}

const xmlNode* OwnChild(const Dialect& d, const xmlNode* parent, const char* local) {
  return FindChild(parent, [&](const xmlNode* c) { return d.Own(c, local); });
}

const xmlNode* NsChild(const xmlNode* parent, const char* ns, const char* local) {
  return FindChild(parent, [&](const xmlNode* c) { return IsElement(c, ns, local); });
}

// Matching elements anywhere below `root`, in document order. Not only
// children: libxml2's recovery can nest the item after a damaged one inside it.
template <typename Match>
std::vector<const xmlNode*> FindAll(const xmlNode* root, Match match) {
  std::vector<const xmlNode*> found;
  for (const xmlNode* n = root; n != nullptr && found.size() < kMaxItems;
       n = NextElementInTree(n, root)) {
    if (match(n)) found.push_back(n);
  }
  return found;
}

std::string Trimmed(const xmlNode* n) { return std::string(TrimAscii(NodeText(n))); }

// Titles are meant to be plain text, yet feeds often carry escaped HTML in them.
std::string PlainTitle(std::string_view s) {
  return LooksLikeMarkup(s) ? MarkupToText(s) : CollapseWhitespace(s);
}

std::optional<DateTime> DateOf(const xmlNode* n) {
  return n != nullptr ? ParseDateTime(NodeText(n)) : std::nullopt;
}

void AddItem(FeedItem item, ParsedFeed* feed) {
  if (item.url.empty()) {
    ++feed->dropped;
  } else {
    feed->items.push_back(std::move(item));
  }
}

// --- Atom -------------------------------------------------------------------

// The alternate link of an entry (or of an RSS item, via atom:link).
std::string AtomLink(const xmlNode* parent, const char* ns) {
  std::string first;
  for (const xmlNode* c = FirstElement(parent); c != nullptr; c = NextElement(c)) {
    if (!IsElement(c, ns, "link")) continue;
    std::string rel(TrimAscii(Attribute(c, "rel")));
    if (!rel.empty() && rel != "alternate" &&
        rel != "http://www.iana.org/assignments/relation/alternate") {
      continue;
    }
    std::string href(TrimAscii(Attribute(c, "href")));
    if (href.empty()) continue;
    if (StartsWithIgnoreCase(TrimAscii(Attribute(c, "type")), "text/html")) return href;
    if (first.empty()) first = href;
  }
  return first;
}

enum class AtomType { kText, kHtml, kXhtml, kOther };

AtomType TypeOf(const xmlNode* n) {
  std::string type = AsciiLower(TrimAscii(Attribute(n, "type")));
  if (type.empty() || type == "text" || type == "text/plain") return AtomType::kText;
  if (type == "html" || type == "text/html") return AtomType::kHtml;
  if (type == "xhtml" || type == "application/xhtml+xml") return AtomType::kXhtml;
  return AtomType::kOther;  // another media type, possibly base64: not text we can use
}

// Atom wraps xhtml content in one <div> that is not part of the content.
const xmlNode* XhtmlBody(const xmlNode* n) {
  const xmlNode* div = FirstElement(n);
  return IsElement(div, kXhtmlNs, "div") && NextElement(div) == nullptr ? div : n;
}

// An Atom text construct or <content> as content: HTML or text as it is, xhtml as markup.
std::string AtomContent(const xmlNode* n) {
  if (n == nullptr || !Attribute(n, "src").empty()) return "";  // out-of-line content
  switch (TypeOf(n)) {
    case AtomType::kText:
    case AtomType::kHtml:
      return Trimmed(n);
    case AtomType::kXhtml:
      return std::string(TrimAscii(InnerXml(XhtmlBody(n))));
    case AtomType::kOther:
      break;
  }
  return "";
}

// An Atom text construct as plain text: only type html is HTML to strip.
std::string AtomTitle(const xmlNode* n) {
  if (n == nullptr) return "";
  std::string text = NodeText(n);
  return TypeOf(n) == AtomType::kHtml ? MarkupToText(text) : CollapseWhitespace(text);
}

void ReadAtom(const xmlNode* root, ParsedFeed* feed) {
  std::string ns(NamespaceOf(root));  // Atom 1.0 or 0.3
  const char* atom = ns.c_str();
  feed->title = AtomTitle(NsChild(root, atom, "title"));
  feed->language = TrimAscii(Attribute(root, "lang", kXmlNs));
  for (const xmlNode* entry : FindAll(root, [&](auto n) { return IsElement(n, atom, "entry"); })) {
    FeedItem item;
    item.url = AtomLink(entry, atom);
    item.title = AtomTitle(NsChild(entry, atom, "title"));
    // Atom 1.0 has published and updated; 0.3 had issued and modified.
    for (const char* name : {"published", "updated", "issued", "modified"}) {
      if (!item.published) item.published = DateOf(NsChild(entry, atom, name));
    }
    item.content = AtomContent(NsChild(entry, atom, "content"));
    item.summary = AtomContent(NsChild(entry, atom, "summary"));
    AddItem(std::move(item), feed);
  }
}

// --- RSS 0.9x / 2.0 and RSS 1.0 (RDF) ----------------------------------------

bool LooksLikeLink(std::string_view s) {
  return StartsWithIgnoreCase(s, "http://") || StartsWithIgnoreCase(s, "https://") ||
         s.starts_with('/');
}

// A guid is a permalink unless it says otherwise, yet many feeds leave the
// attribute out on ids that are no links ("tag:…", "12345").
std::string GuidLink(const Dialect& d, const xmlNode* item) {
  const xmlNode* guid = OwnChild(d, item, "guid");
  if (guid == nullptr || TrimAscii(Attribute(guid, "isPermaLink")) == "false") return "";
  std::string value = Trimmed(guid);
  return LooksLikeLink(value) ? value : "";
}

// One reader for both: RSS 2.0 items have a guid and no rdf:about, RSS 1.0
// items the other way round.
FeedItem RssItem(const Dialect& d, const xmlNode* item) {
  FeedItem out;
  out.url = Trimmed(OwnChild(d, item, "link"));
  if (out.url.empty()) out.url = AtomLink(item, kAtomNs);
  if (out.url.empty()) out.url = GuidLink(d, item);
  if (out.url.empty()) out.url = TrimAscii(Attribute(item, "about", kRdfNs));
  out.title = PlainTitle(NodeText(OwnChild(d, item, "title")));
  out.published = DateOf(OwnChild(d, item, "pubDate"));
  if (!out.published) out.published = DateOf(NsChild(item, kDcNs, "date"));
  out.content = Trimmed(NsChild(item, kContentNs, "encoded"));
  out.summary = Trimmed(OwnChild(d, item, "description"));
  return out;
}

void ReadRss(const xmlNode* root, const Dialect& d, ParsedFeed* feed) {
  if (const xmlNode* channel = OwnChild(d, root, "channel")) {
    feed->title = PlainTitle(NodeText(OwnChild(d, channel, "title")));
    feed->language = Trimmed(OwnChild(d, channel, "language"));
    if (feed->language.empty()) feed->language = Trimmed(NsChild(channel, kDcNs, "language"));
  }
  // RSS 1.0 puts its items beside the channel, RSS 2.0 inside: search the whole document.
  for (const xmlNode* item : FindAll(root, [&](auto n) { return d.Own(n, "item"); })) {
    AddItem(RssItem(d, item), feed);
  }
}

// --- Sitemaps ----------------------------------------------------------------

void ReadUrlset(const xmlNode* root, const Dialect& d, ParsedFeed* feed) {
  for (const xmlNode* url : FindAll(root, [&](auto n) { return d.Own(n, "url"); })) {
    const xmlNode* news = NsChild(url, kNewsNs, "news");
    const xmlNode* publication = NsChild(news, kNewsNs, "publication");
    FeedItem item;
    item.url = Trimmed(OwnChild(d, url, "loc"));
    item.title = PlainTitle(NodeText(NsChild(news, kNewsNs, "title")));
    item.language = Trimmed(NsChild(publication, kNewsNs, "language"));
    item.published = DateOf(NsChild(news, kNewsNs, "publication_date"));
    if (!item.published) item.published = DateOf(OwnChild(d, url, "lastmod"));
    if (feed->title.empty()) {
      feed->title = PlainTitle(NodeText(NsChild(publication, kNewsNs, "name")));
    }
    AddItem(std::move(item), feed);
  }
}

void ReadSitemapIndex(const xmlNode* root, const Dialect& d, ParsedFeed* feed) {
  for (const xmlNode* sitemap : FindAll(root, [&](auto n) { return d.Own(n, "sitemap"); })) {
    std::string loc = Trimmed(OwnChild(d, sitemap, "loc"));
    if (loc.empty()) {
      ++feed->dropped;
    } else {
      feed->sitemaps.push_back(std::move(loc));
    }
  }
}

// --- XML dispatch --------------------------------------------------------------

Result<ParsedFeed> ParseXmlFeed(std::string_view body, std::string_view http_charset) {
  if (body.size() > INT_MAX) return NotAFeed("larger than 2 GB");
  XmlTree tree = ParseXmlTree(body, http_charset);
  const xmlNode* root = tree.root();
  if (root == nullptr) return NotAFeed("no root element");
  std::string name(reinterpret_cast<const char*>(root->name));
  std::string ns(NamespaceOf(root));
  ParsedFeed feed;
  feed.recovered_errors = tree.errors;
  if (AsciiLower(name) == "html") return NotAFeed("an HTML page");
  if (name == "rss") {
    feed.format = FeedFormat::kRss;
    ReadRss(root, Dialect{ns, ""}, &feed);
  } else if (name == "RDF" && ns == kRdfNs) {
    feed.format = FeedFormat::kRdf;
    ReadRss(root, Dialect{kRss1Ns, kRss090Ns}, &feed);
  } else if (name == "feed" && (ns == kAtomNs || ns == kAtom03Ns)) {
    feed.format = FeedFormat::kAtom;
    ReadAtom(root, &feed);
  } else if (name == "urlset") {
    feed.format = FeedFormat::kSitemap;
    ReadUrlset(root, Dialect{ns, ""}, &feed);
  } else if (name == "sitemapindex") {
    feed.format = FeedFormat::kSitemapIndex;
    ReadSitemapIndex(root, Dialect{ns, ""}, &feed);
  } else {
    return NotAFeed("unknown root element <" + name.substr(0, kMaxNameInMessage) + ">");
  }
  return feed;
}

// --- JSON Feed ---------------------------------------------------------------

// Finds where nlohmann::json stops reading invalid JSON, without exceptions.
class JsonErrorFinder : public nlohmann::json_sax<json> {
 public:
  size_t byte() const { return byte_; }

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception&) override {
    byte_ = position;
    return false;
  }

 private:
  size_t byte_ = 0;
};

std::string JsonString(const json& object, const char* key) {
  auto it = object.find(key);  // end() on anything but an object
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

FeedItem JsonItem(const json& item) {
  FeedItem out;
  out.url = TrimAscii(JsonString(item, "url"));
  out.title = PlainTitle(JsonString(item, "title"));
  out.published = ParseDateTime(JsonString(item, "date_published"));
  out.content = JsonString(item, "content_html");
  if (out.content.empty()) out.content = JsonString(item, "content_text");
  out.summary = JsonString(item, "summary");
  out.language = TrimAscii(JsonString(item, "language"));
  return out;
}

Result<ParsedFeed> ParseJsonFeed(std::string_view body) {
  auto shallow = [](int depth, json::parse_event_t, json&) { return depth <= kMaxJsonDepth; };
  json doc = json::parse(body.begin(), body.end(), shallow, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    JsonErrorFinder finder;
    json::sax_parse(body.begin(), body.end(), &finder);
    return NotAFeed("invalid JSON (syntax error at byte " + std::to_string(finder.byte()) + ")");
  }
  auto items = doc.find("items");
  if (!JsonString(doc, "version").starts_with(kJsonFeedVersion) || items == doc.end() ||
      !items->is_array()) {
    return NotAFeed("JSON without items");
  }
  ParsedFeed feed;
  feed.format = FeedFormat::kJsonFeed;
  feed.title = PlainTitle(JsonString(doc, "title"));
  feed.language = TrimAscii(JsonString(doc, "language"));
  for (size_t i = 0; i < items->size() && i < kMaxItems; ++i) {
    AddItem(JsonItem((*items)[i]), &feed);  // a non-object item has no url: dropped
  }
  return feed;
}

// `body` after a UTF-8 byte-order mark and white space.
std::string_view SkipBomAndSpace(std::string_view body) {
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  return TrimAscii(body);
}

}  // namespace

const char* FeedFormatName(FeedFormat f) {
  switch (f) {
    case FeedFormat::kRss: return "rss";
    case FeedFormat::kRdf: return "rdf";
    case FeedFormat::kAtom: return "atom";
    case FeedFormat::kJsonFeed: return "jsonfeed";
    case FeedFormat::kSitemap: return "sitemap";
    case FeedFormat::kSitemapIndex: return "sitemapindex";
  }
  return "rss";
}

Result<ParsedFeed> ParseFeed(std::string_view body, std::string_view http_charset) {
  std::string_view start = SkipBomAndSpace(body);
  if (start.empty()) return NotAFeed("empty body");
  if (StartsWithIgnoreCase(start, "<!doctype html") || StartsWithIgnoreCase(start, "<html")) {
    return NotAFeed("an HTML page");
  }
  if (start.front() == '{' || start.front() == '[') return ParseJsonFeed(start);
  return ParseXmlFeed(body, http_charset);
}

}  // namespace bw
