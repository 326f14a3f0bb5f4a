// DocumentStore: the stored documents as a reader sees them: full-text search
// over titles and texts (the 'bw' FTS5 index, db/search_tokenizer.h), and one
// document with everything stored about it. It works on the Database's
// connection, so it shares the database's transactions and locking.
//
//   bw::DocumentStore store(*db);
//   auto hits = store.Search({.text = "泡沫 NVIDIA", .langs = {"zh"}, .limit = 10});
//   for (const bw::SearchHit& h : *hits) Print(h.id, h.title_marked, h.snippet);
//   auto doc = store.Show("https://example.com/a");  // or "12", an id
//
// Times given as integers are Unix seconds (UTC); the others are the ISO 8601
// strings the documents table holds.
#ifndef BUBBLEWATCH_DB_DOCUMENT_STORE_H_
#define BUBBLEWATCH_DB_DOCUMENT_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "db/database.h"
#include "extractors/figure.h"

namespace bw {

// What to search for. Every filter left empty lets every document through.
struct SearchQuery {
  // As the user typed it: words, "phrases", prefix*, OR, AND, NOT (see
  // extractors/search_query.h). It is never given to FTS5 as it is.
  std::string text;
  std::vector<std::string> langs;  // documents.lang: zh, ja, en, und
  std::string kind;                // article | post
  std::string source;              // documents.source_name: a configured source or a host
  std::optional<int64_t> since, until;  // [since, until) on dated_at
  int limit = 20;                       // at most this many hits; 0 or less: all
  bool include_duplicates = false;      // near-duplicates (duplicate_of set) too
};

// One document that matches, best first.
struct SearchHit {
  int64_t id = 0;
  std::string url, title, lang, kind, source;
  std::string published;  // ISO 8601 as stored; "" when the page gave no date
  int64_t dated_at = 0;   // published, else first seen
  double rank = 0;        // FTS5 bm25: lower is better
  // The title, and a snippet of the text of about 24 tokens around the best
  // match, with each match between the bytes \x01 and \x02 (and "…" where
  // the snippet cuts the text), so the caller chooses how to show them.
  std::string title_marked, snippet;
  std::optional<int64_t> duplicate_of;
};

// A stance as stored, with each evidence sentence cut from the title or text.
struct StanceView {
  std::string label;
  double score = 0, bubble = 0, revolution = 0;
  struct Evidence {
    bool in_title = false;
    int64_t start = 0, end = 0;  // UTF-8 byte offsets into the title or text
    double score = 0, weight = 0;
    std::string label;
    std::string cues_json, rules_json;  // JSON arrays of strings
    // The sentence [start, end) of the title or text; "" when the offsets do
    // not fit it (out of range, reversed, or inside a UTF-8 character).
    std::string sentence;
  };
  std::vector<Evidence> evidence;  // in stored order: title first, then text order
};

// A document and everything stored about it.
struct DocumentView {
  int64_t id = 0;
  std::string url;          // canonical
  std::string fetched_url;  // the URL it was last fetched from
  std::string title, site_name, author;
  std::string published, published_from;  // "" when unknown
  std::string lang, script, kind, status;
  std::string source;  // the configured source, else the URL's host
  int64_t dated_at = 0;
  std::string first_seen, updated_at, analyzer_version;
  std::optional<int64_t> duplicate_of;
  std::string text;

  std::vector<Figure> figures;        // in text order
  std::vector<std::string> entities;  // in order of first mention
  std::optional<StanceView> stance;   // absent when the document has none

  struct Copy {
    int64_t id = 0;
    std::string url;
  };
  // The near-duplicates that point at this document, by id, at most kMaxCopies.
  std::vector<Copy> duplicates;

  struct Fetch {
    std::string fetched_at, outcome;
    std::optional<int64_t> http_status;
  };
  // The fetches that stored it, newest first, at most kMaxFetches.
  std::vector<Fetch> fetches;

  static constexpr int kMaxCopies = 20;
  static constexpr int kMaxFetches = 10;
};

class DocumentStore {
 public:
  // REQUIRES: `db` outlives the store.
  explicit DocumentStore(Database& db) : db_(db) {}

  // The documents that match `q`, best first (FTS5 bm25 over title and text),
  // at most q.limit. A query with nothing to search for (empty, only
  // operators; see BuildMatchExpression) is a usage error (exit 64).
  Result<std::vector<SearchHit>> Search(const SearchQuery& q) const;

  // The document whose id is `id_or_url` (all digits), else whose canonical
  // URL, else whose fetched URL it is; nullopt when there is none.
  Result<std::optional<DocumentView>> Show(const std::string& id_or_url) const;

 private:
  Result<std::optional<int64_t>> FindId(const std::string& id_or_url) const;
  Status ReadDocument(int64_t id, DocumentView& view) const;
  Status ReadFigures(DocumentView& view) const;
  Status ReadStance(DocumentView& view) const;
  Status ReadCopiesAndFetches(DocumentView& view) const;
  Status Error(const std::string& what) const { return db_.Error(what); }

  Database& db_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_DB_DOCUMENT_STORE_H_
