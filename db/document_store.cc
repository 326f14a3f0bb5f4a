#include "db/document_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "db/statement.h"
#include "extractors/search_query.h"

namespace bw {
namespace {

// The bytes [start, end) of `text`, or "" when they do not fit it: out of
// range, reversed, or starting or ending inside a UTF-8 character (offsets
// written by an older analyser, or a text changed since).
std::string CutSpan(const std::string& text, int64_t start, int64_t end) {
  const auto size = static_cast<int64_t>(text.size());
  if (start < 0 || end < start || end > size) return "";
  auto inside_char = [&](int64_t i) {
    return i < size && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  if (inside_char(start) || inside_char(end)) return "";
  return text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
}

// An id is all digits; one too large for int64_t is no document's.
std::optional<int64_t> ParseId(const std::string& s) {
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  int64_t id = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return id;
}

std::optional<int64_t> NonZero(int64_t id) {
  return id != 0 ? std::optional<int64_t>(id) : std::nullopt;
}

}  // namespace

Result<std::vector<SearchHit>> DocumentStore::Search(const SearchQuery& q) const {
  const std::string match = BuildMatchExpression(q.text);
  if (match.empty()) {
    return Status::Usage(
        "the query has nothing to search for (give a word; OR, AND and NOT go between words)");
  }
  // The FTS5 table keeps no text of its own (content = documents): snippet()
  // and highlight() read the title and text of the joined row.
  db::Statement s(db_.db_,
                  "SELECT d.id, d.url, d.title, d.lang, d.kind, coalesce(d.source_name, ''), "
                  "coalesce(d.published, ''), coalesce(d.dated_at, 0), search.rank, "
                  "highlight(search, 0, char(1), char(2)), "
                  "snippet(search, 1, char(1), char(2), '…', 24), "
                  "coalesce(d.duplicate_of, 0) "
                  "FROM search JOIN documents d ON d.id = search.rowid "
                  "WHERE search MATCH ?1 "
                  "AND (?2 IS NULL OR d.lang IN (SELECT value FROM json_each(?2))) "
                  "AND (?3 IS NULL OR d.kind = ?3) "
                  "AND (?4 IS NULL OR d.source_name = ?4) "
                  "AND (?5 IS NULL OR d.dated_at >= ?5) "
                  "AND (?6 IS NULL OR d.dated_at < ?6) "
                  "AND (?7 OR d.duplicate_of IS NULL) "
                  "ORDER BY search.rank, d.id LIMIT ?8");
  if (!s.ok()) return Error("cannot prepare search");
  s.Bind(1, match);
  if (!q.langs.empty()) s.Bind(2, nlohmann::json(q.langs).dump());
  s.BindOrNull(3, q.kind).BindOrNull(4, q.source).BindOrNull(5, q.since).BindOrNull(6, q.until);
  s.Bind(7, int64_t{q.include_duplicates}).Bind(8, int64_t{q.limit > 0 ? q.limit : -1});
  std::vector<SearchHit> hits;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    SearchHit h;
    h.id = s.ColumnInt(0);
    h.url = s.ColumnText(1);
    h.title = s.ColumnText(2);
    h.lang = s.ColumnText(3);
    h.kind = s.ColumnText(4);
    h.source = s.ColumnText(5);
    h.published = s.ColumnText(6);
    h.dated_at = s.ColumnInt(7);
    h.rank = s.ColumnDouble(8);
    h.title_marked = s.ColumnText(9);
    h.snippet = s.ColumnText(10);
    h.duplicate_of = NonZero(s.ColumnInt(11));
    hits.push_back(std::move(h));
  }
  if (rc != SQLITE_DONE) return Error("cannot search for " + match);
  return hits;
}

Result<std::optional<DocumentView>> DocumentStore::Show(const std::string& id_or_url) const {
  auto id = FindId(id_or_url);
  if (!id.ok()) return id.status();
  if (!*id) return std::optional<DocumentView>();
  DocumentView view;
  if (Status st = ReadDocument(**id, view); !st.ok()) return st;
  if (Status st = ReadFigures(view); !st.ok()) return st;
  if (Status st = ReadStance(view); !st.ok()) return st;
  if (Status st = ReadCopiesAndFetches(view); !st.ok()) return st;
  return std::optional<DocumentView>(std::move(view));
}

Result<std::optional<int64_t>> DocumentStore::FindId(const std::string& id_or_url) const {
  std::optional<int64_t> id = ParseId(id_or_url);
  const bool by_id = id.has_value();
  if (!by_id && id_or_url.find_first_not_of("0123456789") == std::string::npos) {
    return std::optional<int64_t>();  // digits beyond any id
  }
  db::Statement s(db_.db_,
                  by_id ? "SELECT id FROM documents WHERE id = ?1"
                        : "SELECT id FROM documents WHERE url = ?1 "
                          "OR (fetched_url = ?1 AND fetched_url IS NOT url) "  // as its index
                          "ORDER BY url = ?1 DESC, id LIMIT 1");
  if (!s.ok()) return Error("cannot prepare document lookup");
  if (by_id) {
    s.Bind(1, *id);
  } else {
    s.Bind(1, id_or_url);
  }
  int rc = s.Step();
  if (rc == SQLITE_ROW) return std::optional<int64_t>(s.ColumnInt(0));
  if (rc != SQLITE_DONE) return Error("cannot look up document " + id_or_url);
  return std::optional<int64_t>();
}

Status DocumentStore::ReadDocument(int64_t id, DocumentView& v) const {
  db::Statement s(db_.db_,
                  "SELECT id, url, coalesce(fetched_url, ''), title, coalesce(site_name, ''), "
                  "coalesce(author, ''), coalesce(published, ''), coalesce(published_from, ''), "
                  "lang, coalesce(script, ''), kind, status, coalesce(source_name, ''), "
                  "coalesce(dated_at, 0), first_seen, updated_at, analyzer_version, "
                  "coalesce(duplicate_of, 0), text FROM documents WHERE id = ?1");
  if (!s.ok()) return Error("cannot prepare document read");
  s.Bind(1, id);
  if (s.Step() != SQLITE_ROW) return Error("cannot read document " + std::to_string(id));
  v.id = s.ColumnInt(0);
  v.url = s.ColumnText(1);
  v.fetched_url = s.ColumnText(2);
  v.title = s.ColumnText(3);
  v.site_name = s.ColumnText(4);
  v.author = s.ColumnText(5);
  v.published = s.ColumnText(6);
  v.published_from = s.ColumnText(7);
  v.lang = s.ColumnText(8);
  v.script = s.ColumnText(9);
  v.kind = s.ColumnText(10);
  v.status = s.ColumnText(11);
  v.source = s.ColumnText(12);
  v.dated_at = s.ColumnInt(13);
  v.first_seen = s.ColumnText(14);
  v.updated_at = s.ColumnText(15);
  v.analyzer_version = s.ColumnText(16);
  v.duplicate_of = NonZero(s.ColumnInt(17));
  v.text = s.ColumnText(18);
  return Status::OK();
}

Status DocumentStore::ReadFigures(DocumentView& v) const {
  db::Statement f(db_.db_,
                  "SELECT kind, value, low IS NOT NULL, coalesce(low, 0), high IS NOT NULL, "
                  "coalesce(high, 0), coalesce(unit, ''), coalesce(currency, ''), "
                  "coalesce(qualifier, ''), coalesce(entity, ''), ambiguous, span, start, end "
                  "FROM figures WHERE document_id = ?1 ORDER BY start, id");
  if (!f.ok()) return Error("cannot prepare figure read");
  f.Bind(1, v.id);
  int rc;
  while ((rc = f.Step()) == SQLITE_ROW) {
    Figure fig;
    fig.kind = f.ColumnText(0);
    fig.value = f.ColumnDouble(1);
    if (f.ColumnInt(2) != 0) fig.low = f.ColumnDouble(3);
    if (f.ColumnInt(4) != 0) fig.high = f.ColumnDouble(5);
    fig.unit = f.ColumnText(6);
    fig.currency = f.ColumnText(7);
    fig.qualifier = f.ColumnText(8);
    fig.entity = f.ColumnText(9);
    fig.ambiguous = f.ColumnInt(10) != 0;
    fig.span = f.ColumnText(11);
    fig.start = static_cast<size_t>(std::max<int64_t>(0, f.ColumnInt(12)));
    fig.end = static_cast<size_t>(std::max<int64_t>(0, f.ColumnInt(13)));
    v.figures.push_back(std::move(fig));
  }
  if (rc != SQLITE_DONE) return Error("cannot read figures");

  db::Statement e(db_.db_,
                  "SELECT entity FROM document_entities WHERE document_id = ?1 ORDER BY position");
  if (!e.ok()) return Error("cannot prepare entity read");
  e.Bind(1, v.id);
  while ((rc = e.Step()) == SQLITE_ROW) v.entities.push_back(e.ColumnText(0));
  if (rc != SQLITE_DONE) return Error("cannot read entities");
  return Status::OK();
}

Status DocumentStore::ReadStance(DocumentView& v) const {
  db::Statement s(db_.db_,
                  "SELECT label, score, bubble, revolution FROM stances WHERE document_id = ?1");
  if (!s.ok()) return Error("cannot prepare stance read");
  s.Bind(1, v.id);
  int rc = s.Step();
  if (rc == SQLITE_DONE) return Status::OK();
  if (rc != SQLITE_ROW) return Error("cannot read stance");
  StanceView stance;
  stance.label = s.ColumnText(0);
  stance.score = s.ColumnDouble(1);
  stance.bubble = s.ColumnDouble(2);
  stance.revolution = s.ColumnDouble(3);

  db::Statement e(db_.db_,
                  "SELECT in_title, start, end, score, weight, label, cues, rules "
                  "FROM stance_evidence WHERE document_id = ?1 ORDER BY position");
  if (!e.ok()) return Error("cannot prepare evidence read");
  e.Bind(1, v.id);
  while ((rc = e.Step()) == SQLITE_ROW) {
    StanceView::Evidence ev;
    ev.in_title = e.ColumnInt(0) != 0;
    ev.start = e.ColumnInt(1);
    ev.end = e.ColumnInt(2);
    ev.score = e.ColumnDouble(3);
    ev.weight = e.ColumnDouble(4);
    ev.label = e.ColumnText(5);
    ev.cues_json = e.ColumnText(6);
    ev.rules_json = e.ColumnText(7);
    ev.sentence = CutSpan(ev.in_title ? v.title : v.text, ev.start, ev.end);
    stance.evidence.push_back(std::move(ev));
  }
  if (rc != SQLITE_DONE) return Error("cannot read stance evidence");
  v.stance = std::move(stance);
  return Status::OK();
}

Status DocumentStore::ReadCopiesAndFetches(DocumentView& v) const {
  db::Statement c(db_.db_,
                  "SELECT id, url FROM documents WHERE duplicate_of = ?1 ORDER BY id LIMIT ?2");
  if (!c.ok()) return Error("cannot prepare near-duplicate read");
  c.Bind(1, v.id).Bind(2, int64_t{DocumentView::kMaxCopies});
  int rc;
  while ((rc = c.Step()) == SQLITE_ROW) v.duplicates.push_back({c.ColumnInt(0), c.ColumnText(1)});
  if (rc != SQLITE_DONE) return Error("cannot read near-duplicates");

  db::Statement f(db_.db_,
                  "SELECT fetched_at, outcome, http_status IS NOT NULL, coalesce(http_status, 0) "
                  "FROM fetches WHERE document_id = ?1 ORDER BY fetched_at DESC, id DESC "
                  "LIMIT ?2");
  if (!f.ok()) return Error("cannot prepare fetch read");
  f.Bind(1, v.id).Bind(2, int64_t{DocumentView::kMaxFetches});
  while ((rc = f.Step()) == SQLITE_ROW) {
    DocumentView::Fetch fetch{f.ColumnText(0), f.ColumnText(1), std::nullopt};
    if (f.ColumnInt(2) != 0) fetch.http_status = f.ColumnInt(3);
    v.fetches.push_back(std::move(fetch));
  }
  if (rc != SQLITE_DONE) return Error("cannot read fetches");
  return Status::OK();
}

}  // namespace bw
