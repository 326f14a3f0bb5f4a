#include "db/history_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <limits>

#include "db/rollups.h"
#include "db/statement.h"

namespace bw {
namespace {

// " AND col IN (?n, ?n+1, ...)" for the languages, numbering from `next`.
std::string InList(const char* column, size_t count, int& next) {
  if (count == 0) return "";
  std::string sql = std::string(" AND ") + column + " IN (";
  for (size_t i = 0; i < count; ++i) {
    sql += (i ? ", ?" : "?") + std::to_string(next++);
  }
  return sql + ")";
}

// The sentence an evidence row points at, or "" when its offsets do not fit.
std::string Cut(const std::string& text, int64_t start, int64_t end) {
  if (start < 0 || end < start || static_cast<size_t>(end) > text.size()) return "";
  return text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
}

bool EqualsIgnoringCase(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

}  // namespace

void StanceTally::Add(const StanceTally& o) {
  documents += o.documents;
  bubble += o.bubble;
  revolution += o.revolution;
  neutral += o.neutral;
  score_sum += o.score_sum;
  score_sq += o.score_sq;
}

void StanceTally::Count(const std::string& label, double score) {
  ++documents;
  if (label.empty()) return;
  (label == "bubble" ? bubble : label == "revolution" ? revolution : neutral) += 1;
  score_sum += score;
  score_sq += score * score;
}

Status HistoryStore::Error(const char* what) const {
  return Status::IoError(db_.path_ + ": " + what + ": " + sqlite3_errmsg(db_.db_));
}

Result<std::vector<HourTally>> HistoryStore::HourlyTallies(const HistoryFilter& f) const {
  std::vector<HourTally> hours;
  if (!UsesRollups(f)) {
    auto docs = Documents(f, {{f.from, f.to}});
    if (!docs.ok()) return docs.status();
    for (const DatedStance& d : *docs) {
      const int64_t hour = db::FloorDiv(d.dated_at, 3600);
      if (hours.empty() || hours.back().hour != hour) hours.push_back({hour, {}});
      hours.back().tally.Count(d.label, d.score);
    }
    return hours;
  }
  const std::string facet = !f.entity.empty()   ? "e:" + f.entity
                            : !f.source.empty() ? "s:" + f.source
                                                : "";
  int next = 4;
  std::string sql =
      "SELECT hour, sum(documents), sum(bubble), sum(revolution), sum(neutral), sum(score_sum), "
      "sum(score_sq) FROM stance_hours WHERE facet = ?1 AND hour >= ?2 AND hour < ?3";
  sql += InList("lang", f.langs.size(), next);
  const int kind_index = next;
  if (!f.kind.empty()) sql += " AND kind = ?" + std::to_string(next++);
  sql += " GROUP BY hour ORDER BY hour";
  db::Statement s(db_.db_, sql);
  if (!s.ok()) return Error("cannot prepare history query");
  // Every hour that overlaps [from, to).
  s.Bind(1, facet).Bind(2, db::FloorDiv(f.from, 3600)).Bind(3, db::FloorDiv(f.to - 1, 3600) + 1);
  for (size_t i = 0; i < f.langs.size(); ++i) s.Bind(4 + static_cast<int>(i), f.langs[i]);
  if (!f.kind.empty()) s.Bind(kind_index, f.kind);
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    HourTally h;
    h.hour = s.ColumnInt(0);
    h.tally = {s.ColumnInt(1), s.ColumnInt(2), s.ColumnInt(3), s.ColumnInt(4),
               s.ColumnDouble(5), s.ColumnDouble(6)};
    if (h.tally.documents > 0) hours.push_back(h);
  }
  if (rc != SQLITE_DONE) return Error("cannot read history");
  return hours;
}

Result<std::vector<DatedStance>> HistoryStore::Documents(
    const HistoryFilter& f, const std::vector<std::pair<int64_t, int64_t>>& spans) const {
  int next = 3;
  // The unary + keeps the planner on the date (or source) index: the
  // near-duplicate index matches almost every row and is no use here.
  std::string sql =
      "SELECT d.dated_at, coalesce(s.label, ''), coalesce(s.score, 0) FROM documents d "
      "LEFT JOIN stances s ON s.document_id = d.id "
      "WHERE d.dated_at >= ?1 AND d.dated_at < ?2 AND +d.duplicate_of IS NULL";
  sql += InList("+d.lang", f.langs.size(), next);
  int kind_index = 0, source_index = 0, entity_index = 0;
  if (!f.kind.empty()) sql += " AND +d.kind = ?" + std::to_string(kind_index = next++);
  if (!f.source.empty()) sql += " AND d.source_name = ?" + std::to_string(source_index = next++);
  if (!f.entity.empty()) {
    sql += " AND EXISTS (SELECT 1 FROM document_entities e WHERE e.document_id = d.id AND "
           "e.entity = ?" + std::to_string(entity_index = next++) + ")";
  }
  sql += " ORDER BY d.dated_at";
  db::Statement s(db_.db_, sql);
  if (!s.ok()) return Error("cannot prepare history query");
  for (size_t i = 0; i < f.langs.size(); ++i) s.Bind(3 + static_cast<int>(i), f.langs[i]);
  if (kind_index) s.Bind(kind_index, f.kind);
  if (source_index) s.Bind(source_index, f.source);
  if (entity_index) s.Bind(entity_index, f.entity);
  std::vector<DatedStance> docs;
  for (const auto& [from, to] : spans) {
    s.Reset();
    s.Bind(1, from).Bind(2, to);
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      docs.push_back({s.ColumnInt(0), s.ColumnText(1), s.ColumnDouble(2)});
    }
    if (rc != SQLITE_DONE) return Error("cannot read history");
  }
  return docs;
}

Result<std::vector<ClaimRow>> HistoryStore::Claims(const ClaimFilter& f) const {
  int next = 2;
  std::string sql;
  if (f.since) {
    sql = "SELECT c.id, c.entity, c.kind, c.unit, c.value, sum(cd.documents), min(cd.day), "
          "max(cd.day) FROM claims c JOIN claim_days cd ON cd.claim_id = c.id "
          "WHERE cd.day >= ?1";
  } else {
    sql = "SELECT c.id, c.entity, c.kind, c.unit, c.value, c.documents, "
          "(c.first_at - ((c.first_at % 86400) + 86400) % 86400) / 86400, "
          "(c.last_at - ((c.last_at % 86400) + 86400) % 86400) / 86400 "
          "FROM claims c WHERE c.documents > 0 AND ?1 IS NULL";
  }
  int entity_index = 0, kind_index = 0;
  if (!f.entity.empty()) sql += " AND c.entity = ?" + std::to_string(entity_index = next++);
  if (!f.kind.empty()) sql += " AND c.kind = ?" + std::to_string(kind_index = next++);
  if (f.since) sql += " GROUP BY c.id";
  sql += " ORDER BY 6 DESC, 2, 3, 5 LIMIT ?" + std::to_string(next);
  db::Statement s(db_.db_, sql);
  if (!s.ok()) return Error("cannot prepare claims query");
  if (f.since) {
    s.Bind(1, db::FloorDiv(*f.since, 86400));
  } else {
    s.BindNull(1);
  }
  if (entity_index) s.Bind(entity_index, f.entity);
  if (kind_index) s.Bind(kind_index, f.kind);
  s.Bind(next, int64_t{f.limit});
  std::vector<ClaimRow> claims;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    ClaimRow c;
    c.id = s.ColumnInt(0);
    c.entity = s.ColumnText(1);
    c.kind = s.ColumnText(2);
    c.unit = s.ColumnText(3);
    c.value = s.ColumnDouble(4);
    c.documents = s.ColumnInt(5);
    c.first_day = s.ColumnInt(6);
    c.last_day = s.ColumnInt(7);
    claims.push_back(c);
  }
  if (rc != SQLITE_DONE) return Error("cannot read claims");

  // Sources and languages that sighted the claim since then, and the example
  // of its first sighting.
  const int64_t since = f.since.value_or(std::numeric_limits<int64_t>::min());
  db::Statement sources(db_.db_,
                        "SELECT count(*) FROM claim_sources WHERE claim_id = ?1 AND last_at >= ?2");
  db::Statement langs(db_.db_,
                      "SELECT lang FROM claim_langs WHERE claim_id = ?1 AND last_at >= ?2 "
                      "ORDER BY documents DESC, lang");
  db::Statement example(db_.db_,
                        "SELECT f.span, d.url FROM claim_days cd JOIN figures f ON f.id = "
                        "cd.figure_id JOIN documents d ON d.id = f.document_id "
                        "WHERE cd.claim_id = ?1 AND cd.day >= ?2 ORDER BY cd.day LIMIT 1");
  if (!sources.ok() || !langs.ok() || !example.ok()) return Error("cannot prepare claims query");
  for (ClaimRow& c : claims) {
    sources.Reset();
    sources.Bind(1, c.id).Bind(2, since);
    if (sources.Step() == SQLITE_ROW) c.sources = sources.ColumnInt(0);
    langs.Reset();
    langs.Bind(1, c.id).Bind(2, since);
    while (langs.Step() == SQLITE_ROW) c.langs.push_back(langs.ColumnText(0));
    example.Reset();
    example.Bind(1, c.id).Bind(2, c.first_day);
    if (example.Step() == SQLITE_ROW) {
      c.example_span = example.ColumnText(0);
      c.example_url = example.ColumnText(1);
    }
  }
  return claims;
}

Result<std::vector<EvidenceRow>> HistoryStore::StrongestEvidence(int64_t from, int64_t to,
                                                                 int limit) const {
  // The strongest rows are chosen on the evidence columns alone; texts are
  // read for those only.
  db::Statement top(db_.db_,
                    "SELECT e.document_id, e.position FROM documents d "
                    "JOIN stance_evidence e ON e.document_id = d.id "
                    "WHERE d.dated_at >= ?1 AND d.dated_at < ?2 AND +d.duplicate_of IS NULL "
                    "AND e.label = ?3 ORDER BY abs(e.score) * e.weight DESC, e.document_id "
                    "LIMIT ?4");
  db::Statement row(db_.db_,
                    "SELECT e.label, e.score, e.weight, e.in_title, e.start, e.end, d.title, "
                    "d.text, d.url, d.lang, coalesce(d.published, '') FROM stance_evidence e "
                    "JOIN documents d ON d.id = e.document_id "
                    "WHERE e.document_id = ?1 AND e.position = ?2");
  if (!top.ok() || !row.ok()) return Error("cannot prepare evidence query");
  std::vector<EvidenceRow> rows;
  for (const char* label : {"bubble", "revolution"}) {
    top.Reset();
    top.Bind(1, from).Bind(2, to).Bind(3, label).Bind(4, int64_t{limit});
    std::vector<std::pair<int64_t, int64_t>> keys;
    while (top.Step() == SQLITE_ROW) keys.emplace_back(top.ColumnInt(0), top.ColumnInt(1));
    for (const auto& [doc, position] : keys) {
      row.Reset();
      row.Bind(1, doc).Bind(2, position);
      if (row.Step() != SQLITE_ROW) continue;
      EvidenceRow e;
      e.document_id = doc;
      e.label = row.ColumnText(0);
      e.score = row.ColumnDouble(1);
      e.weight = row.ColumnDouble(2);
      e.title = row.ColumnText(6);
      e.sentence = Cut(row.ColumnInt(3) ? e.title : row.ColumnText(7), row.ColumnInt(4),
                       row.ColumnInt(5));
      e.url = row.ColumnText(8);
      e.lang = row.ColumnText(9);
      e.published = row.ColumnText(10);
      rows.push_back(std::move(e));
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const EvidenceRow& a, const EvidenceRow& b) {
    return std::abs(a.score) * a.weight > std::abs(b.score) * b.weight;
  });
  return rows;
}

Result<std::optional<std::string>> HistoryStore::FindEntity(const std::string& name) const {
  // The distinct entity facets, one index seek each.
  db::Statement s(db_.db_,
                  "SELECT facet FROM stance_hours WHERE facet > ?1 AND facet < 'e;' "
                  "ORDER BY facet LIMIT 1");
  if (!s.ok()) return Error("cannot prepare entity lookup");
  std::string last = "e:";
  for (;;) {
    s.Reset();
    s.Bind(1, last);  // rows of the same facet are not greater: skipped
    if (s.Step() != SQLITE_ROW) break;
    last = s.ColumnText(0);
    const std::string entity = last.substr(2);
    if (EqualsIgnoringCase(entity, name)) return std::optional<std::string>(entity);
  }
  return std::optional<std::string>();
}

Result<std::optional<std::pair<int64_t, int64_t>>> HistoryStore::DateRange() const {
  db::Statement first(db_.db_,
                      "SELECT hour FROM stance_hours WHERE facet = '' ORDER BY hour LIMIT 1");
  db::Statement last(db_.db_,
                     "SELECT hour FROM stance_hours WHERE facet = '' ORDER BY hour DESC LIMIT 1");
  if (!first.ok() || !last.ok()) return Error("cannot prepare date range");
  if (first.Step() != SQLITE_ROW || last.Step() != SQLITE_ROW) {
    return std::optional<std::pair<int64_t, int64_t>>();
  }
  return std::optional<std::pair<int64_t, int64_t>>(
      std::make_pair(first.ColumnInt(0) * 3600, last.ColumnInt(0) * 3600 + 3600));
}

}  // namespace bw
