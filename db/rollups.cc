#include "db/rollups.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "db/url_host.h"

namespace bw::db {
namespace {

// Six significant digits: the same figure parsed from "1000亿美元" and
// "$100 billion" must be one claim, whatever the last bits of the double.
double ClaimValue(double value) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.6g", value);
  return std::strtod(buf, nullptr);
}

}  // namespace

Status Rollups::Error(const char* what) const {
  return Status::IoError(std::string(what) + ": " + sqlite3_errmsg(db_));
}

Status Rollups::Run(const char* sql, int64_t id) {
  auto s = cache_.Get(sql);
  if (!s) return Error("cannot prepare rollup update");
  s->Bind(1, id);
  return s->Step() == SQLITE_DONE ? Status::OK() : Error("cannot update rollups");
}

Result<std::optional<Contribution>> Rollups::Read(int64_t document_id) {
  Contribution c;
  {
    auto s = cache_.Get(
        "SELECT coalesce(d.dated_at, 0), d.lang, d.kind, coalesce(d.source_name, ''), "
        "d.duplicate_of IS NOT NULL, coalesce(s.label, ''), coalesce(s.score, 0) "
        "FROM documents d LEFT JOIN stances s ON s.document_id = d.id WHERE d.id = ?1");
    if (!s) return Error("cannot prepare rollup read");
    s->Bind(1, document_id);
    int rc = s->Step();
    if (rc == SQLITE_DONE) return std::optional<Contribution>();
    if (rc != SQLITE_ROW) return Error("cannot read document for rollups");
    c.dated_at = s->ColumnInt(0);
    c.lang = s->ColumnText(1);
    c.kind = s->ColumnText(2);
    c.source = s->ColumnText(3);
    c.duplicate = s->ColumnInt(4) != 0;
    c.label = s->ColumnText(5);
    c.score = s->ColumnDouble(6);
  }
  {
    auto s = cache_.Get("SELECT entity FROM document_entities WHERE document_id = ?1");
    if (!s) return Error("cannot prepare rollup read");
    s->Bind(1, document_id);
    while (s->Step() == SQLITE_ROW) c.entities.push_back(s->ColumnText(0));
  }
  {
    auto s = cache_.Get(
        "SELECT claim_id, min(id) FROM figures WHERE document_id = ?1 AND claim_id IS NOT NULL "
        "GROUP BY claim_id");
    if (!s) return Error("cannot prepare rollup read");
    s->Bind(1, document_id);
    while (s->Step() == SQLITE_ROW) c.claims.push_back({s->ColumnInt(0), s->ColumnInt(1)});
  }
  return std::optional<Contribution>(std::move(c));
}

Status Rollups::AddStances(const Contribution& c, int sign) {
  const int64_t hour = FloorDiv(c.dated_at, 3600);
  const bool judged = !c.label.empty();
  std::vector<std::string> facets = {""};
  if (!c.source.empty()) facets.push_back("s:" + c.source);
  for (const std::string& e : c.entities) facets.push_back("e:" + e);
  for (const std::string& facet : facets) {
    auto up = cache_.Get(
        "INSERT INTO stance_hours (facet, hour, lang, kind, documents, bubble, revolution, "
        "neutral, score_sum, score_sq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
        "ON CONFLICT DO UPDATE SET documents = documents + excluded.documents, "
        "bubble = bubble + excluded.bubble, revolution = revolution + excluded.revolution, "
        "neutral = neutral + excluded.neutral, score_sum = score_sum + excluded.score_sum, "
        "score_sq = score_sq + excluded.score_sq");
    if (!up) return Error("cannot prepare stance tally");
    up->Bind(1, facet).Bind(2, hour).Bind(3, c.lang).Bind(4, c.kind).Bind(5, int64_t{sign});
    up->Bind(6, int64_t{c.label == "bubble" ? sign : 0});
    up->Bind(7, int64_t{c.label == "revolution" ? sign : 0});
    up->Bind(8, int64_t{c.label == "neutral" ? sign : 0});
    up->BindDouble(9, judged ? sign * c.score : 0.0);
    up->BindDouble(10, judged ? sign * c.score * c.score : 0.0);
    if (up->Step() != SQLITE_DONE) return Error("cannot update stance tally");
    if (sign < 0) {
      auto del = cache_.Get(
          "DELETE FROM stance_hours WHERE facet = ?1 AND hour = ?2 AND lang = ?3 AND kind = ?4 "
          "AND documents <= 0");
      if (!del) return Error("cannot prepare stance tally");
      del->Bind(1, facet).Bind(2, hour).Bind(3, c.lang).Bind(4, c.kind);
      if (del->Step() != SQLITE_DONE) return Error("cannot update stance tally");
    }
  }
  return Status::OK();
}

Status Rollups::AddClaimSighting(const Contribution& c, const Contribution::Sighting& s) {
  {
    auto up = cache_.Get(
        "UPDATE claims SET documents = documents + 1, first_at = min(coalesce(first_at, ?2), ?2), "
        "last_at = max(coalesce(last_at, ?2), ?2) WHERE id = ?1");
    if (!up) return Error("cannot prepare claim tally");
    up->Bind(1, s.claim_id).Bind(2, c.dated_at);
    if (up->Step() != SQLITE_DONE) return Error("cannot update claim tally");
  }
  {
    auto up = cache_.Get(
        "INSERT INTO claim_days (claim_id, day, documents, figure_id) VALUES (?1, ?2, 1, ?3) "
        "ON CONFLICT DO UPDATE SET documents = documents + 1, "
        "figure_id = min(figure_id, excluded.figure_id)");
    if (!up) return Error("cannot prepare claim tally");
    up->Bind(1, s.claim_id).Bind(2, FloorDiv(c.dated_at, 86400)).Bind(3, s.figure_id);
    if (up->Step() != SQLITE_DONE) return Error("cannot update claim tally");
  }
  const char* kBy[] = {
      "INSERT INTO claim_sources (claim_id, source, documents, first_at, last_at) "
      "VALUES (?1, ?2, 1, ?3, ?3) ON CONFLICT DO UPDATE SET documents = documents + 1, "
      "first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)",
      "INSERT INTO claim_langs (claim_id, lang, documents, first_at, last_at) "
      "VALUES (?1, ?2, 1, ?3, ?3) ON CONFLICT DO UPDATE SET documents = documents + 1, "
      "first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)"};
  for (int i = 0; i < 2; ++i) {
    auto up = cache_.Get(kBy[i]);
    if (!up) return Error("cannot prepare claim tally");
    up->Bind(1, s.claim_id).Bind(2, i == 0 ? c.source : c.lang).Bind(3, c.dated_at);
    if (up->Step() != SQLITE_DONE) return Error("cannot update claim tally");
  }
  return Status::OK();
}

Status Rollups::RemoveClaimSighting(const Contribution& c, const Contribution::Sighting& s) {
  const int64_t day = FloorDiv(c.dated_at, 86400);
  {
    auto down = cache_.Get(
        "UPDATE claim_days SET documents = documents - 1 WHERE claim_id = ?1 AND day = ?2 "
        "RETURNING documents, figure_id");
    if (!down) return Error("cannot prepare claim tally");
    down->Bind(1, s.claim_id).Bind(2, day);
    int rc = down->Step();
    const bool found = rc == SQLITE_ROW;
    const int64_t left = found ? down->ColumnInt(0) : 0;
    const int64_t example = found ? down->ColumnInt(1) : 0;
    if (found) rc = down->Step();
    if (rc != SQLITE_DONE) return Error("cannot update claim tally");
    if (found && left <= 0) {
      auto del = cache_.Get("DELETE FROM claim_days WHERE claim_id = ?1 AND day = ?2");
      if (!del) return Error("cannot prepare claim tally");
      del->Bind(1, s.claim_id).Bind(2, day);
      if (del->Step() != SQLITE_DONE) return Error("cannot update claim tally");
    } else if (found && example == s.figure_id) {
      // The day's example was this document's figure, which is gone: the
      // first figure of the claim among that day's counted documents. The
      // day's documents are few; the claim's figures may be many.
      auto fix = cache_.Get(
          "UPDATE claim_days SET figure_id = (SELECT min(f.id) FROM documents d "
          "CROSS JOIN figures f ON f.document_id = d.id WHERE d.dated_at >= ?2 * 86400 "
          "AND d.dated_at < (?2 + 1) * 86400 AND +d.duplicate_of IS NULL AND +f.claim_id = ?1) "
          "WHERE claim_id = ?1 AND day = ?2");
      if (!fix) return Error("cannot prepare claim example");
      fix->Bind(1, s.claim_id).Bind(2, day);
      if (fix->Step() != SQLITE_DONE) return Error("cannot update claim example");
    }
  }
  for (const bool by_source : {true, false}) {
    const char* down_sql =
        by_source ? "UPDATE claim_sources SET documents = documents - 1 WHERE claim_id = ?1 AND "
                    "source = ?2 RETURNING documents, first_at, last_at"
                  : "UPDATE claim_langs SET documents = documents - 1 WHERE claim_id = ?1 AND "
                    "lang = ?2 RETURNING documents, first_at, last_at";
    const std::string& key = by_source ? c.source : c.lang;
    auto down = cache_.Get(down_sql);
    if (!down) return Error("cannot prepare claim tally");
    down->Bind(1, s.claim_id).Bind(2, key);
    int rc = down->Step();
    if (rc == SQLITE_DONE) continue;
    if (rc != SQLITE_ROW) return Error("cannot update claim tally");
    const int64_t left = down->ColumnInt(0);
    const bool bound = down->ColumnInt(1) == c.dated_at || down->ColumnInt(2) == c.dated_at;
    if (down->Step() != SQLITE_DONE) return Error("cannot update claim tally");
    if (left <= 0) {
      auto del = cache_.Get(by_source
                                ? "DELETE FROM claim_sources WHERE claim_id = ?1 AND source = ?2"
                                : "DELETE FROM claim_langs WHERE claim_id = ?1 AND lang = ?2");
      if (!del) return Error("cannot prepare claim tally");
      del->Bind(1, s.claim_id).Bind(2, key);
      if (del->Step() != SQLITE_DONE) return Error("cannot update claim tally");
    } else if (bound) {
      if (Status st = RepairBounds(s.claim_id, by_source, key); !st.ok()) return st;
    }
  }
  // The claim's own tally follows its languages, which cover every sighting.
  return Run(
      "UPDATE claims SET documents = coalesce((SELECT sum(documents) FROM claim_langs "
      "WHERE claim_id = ?1), 0), first_at = (SELECT min(first_at) FROM claim_langs "
      "WHERE claim_id = ?1), last_at = (SELECT max(last_at) FROM claim_langs "
      "WHERE claim_id = ?1) WHERE id = ?1",
      s.claim_id);
}

Status Rollups::RepairBounds(int64_t claim_id, bool by_source, const std::string& key) {
  // A claim quoted by few documents is read through its figures; one quoted
  // by many is found soonest from either end of the documents of that source
  // (or of every document, for a language), by date.
  int64_t quoted = 0;
  {
    auto n = cache_.Get("SELECT documents FROM claims WHERE id = ?1");
    if (!n) return Error("cannot prepare claim bounds");
    n->Bind(1, claim_id);
    if (n->Step() == SQLITE_ROW) quoted = n->ColumnInt(0);
  }
  std::optional<int64_t> first, last;
  if (quoted < few_sightings_) {
    auto q = cache_.Get(
        by_source ? "SELECT min(d.dated_at), max(d.dated_at) FROM figures f JOIN documents d "
                    "ON d.id = f.document_id WHERE f.claim_id = ?1 AND d.source_name = ?2 "
                    "AND +d.duplicate_of IS NULL"
                  : "SELECT min(d.dated_at), max(d.dated_at) FROM figures f JOIN documents d "
                    "ON d.id = f.document_id WHERE f.claim_id = ?1 AND d.lang = ?2 "
                    "AND +d.duplicate_of IS NULL");
    if (!q) return Error("cannot prepare claim bounds");
    q->Bind(1, claim_id).Bind(2, key);
    if (q->Step() != SQLITE_ROW) return Error("cannot read claim bounds");
    if (!q->ColumnIsNull(0)) first = q->ColumnInt(0);
    if (!q->ColumnIsNull(1)) last = q->ColumnInt(1);
  } else {
    // [by_source][earliest]
    static const char* const kEnds[2][2] = {
        {"SELECT d.dated_at FROM documents d CROSS JOIN figures f ON f.document_id = d.id "
         "WHERE +f.claim_id = ?1 AND +d.duplicate_of IS NULL AND +d.lang = ?2 "
         "ORDER BY d.dated_at DESC LIMIT 1",
         "SELECT d.dated_at FROM documents d CROSS JOIN figures f ON f.document_id = d.id "
         "WHERE +f.claim_id = ?1 AND +d.duplicate_of IS NULL AND +d.lang = ?2 "
         "ORDER BY d.dated_at LIMIT 1"},
        {"SELECT d.dated_at FROM documents d CROSS JOIN figures f ON f.document_id = d.id "
         "WHERE +f.claim_id = ?1 AND +d.duplicate_of IS NULL AND d.source_name = ?2 "
         "ORDER BY d.dated_at DESC LIMIT 1",
         "SELECT d.dated_at FROM documents d CROSS JOIN figures f ON f.document_id = d.id "
         "WHERE +f.claim_id = ?1 AND +d.duplicate_of IS NULL AND d.source_name = ?2 "
         "ORDER BY d.dated_at LIMIT 1"}};
    for (const bool earliest : {true, false}) {
      auto q = cache_.Get(kEnds[by_source][earliest]);
      if (!q) return Error("cannot prepare claim bounds");
      q->Bind(1, claim_id).Bind(2, key);
      const int rc = q->Step();
      if (rc == SQLITE_ROW) (earliest ? first : last) = q->ColumnInt(0);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error("cannot read claim bounds");
    }
  }
  if (!first || !last) return Status::OK();  // none left: the count said otherwise
  auto set = cache_.Get(by_source ? "UPDATE claim_sources SET first_at = ?3, last_at = ?4 "
                                    "WHERE claim_id = ?1 AND source = ?2"
                                  : "UPDATE claim_langs SET first_at = ?3, last_at = ?4 "
                                    "WHERE claim_id = ?1 AND lang = ?2");
  if (!set) return Error("cannot prepare claim bounds");
  set->Bind(1, claim_id).Bind(2, key).Bind(3, *first).Bind(4, *last);
  return set->Step() == SQLITE_DONE ? Status::OK() : Error("cannot update claim bounds");
}

Status Rollups::Replace(int64_t document_id, const std::optional<Contribution>& before) {
  auto now = Read(document_id);
  if (!now.ok()) return now.status();
  return Replace(before, *now);
}

Status Rollups::Replace(const std::optional<Contribution>& before,
                        const std::optional<Contribution>& now) {
  if (before && !before->duplicate) {
    if (Status s = AddStances(*before, -1); !s.ok()) return s;
  }
  const bool counts = now.has_value() && !now->duplicate;
  if (counts) {
    if (Status s = AddStances(*now, +1); !s.ok()) return s;
  }
  // What the document said before is subtracted and what it says now added.
  // A first or last sighting, or a day's example, that was the document's is
  // found again among the other documents (RepairClaim).
  if (before && !before->duplicate) {
    for (const auto& sighting : before->claims) {
      if (Status s = RemoveClaimSighting(*before, sighting); !s.ok()) return s;
    }
  }
  if (counts) {
    for (const auto& sighting : now->claims) {
      if (Status s = AddClaimSighting(*now, sighting); !s.ok()) return s;
    }
  }
  return Status::OK();
}

Result<int64_t> Rollups::ClaimId(const std::string& entity, const std::string& kind,
                                 const std::string& unit, double value) {
  const double v = ClaimValue(value);
  {
    auto find = cache_.Get(
        "SELECT id FROM claims WHERE entity = ?1 AND kind = ?2 AND unit = ?3 AND value = ?4");
    if (!find) return Error("cannot prepare claim lookup");
    find->Bind(1, entity).Bind(2, kind).Bind(3, unit).BindDouble(4, v);
    if (find->Step() == SQLITE_ROW) return find->ColumnInt(0);
  }
  auto ins = cache_.Get("INSERT INTO claims (entity, kind, unit, value) VALUES (?1, ?2, ?3, ?4)");
  if (!ins) return Error("cannot prepare claim insert");
  ins->Bind(1, entity).Bind(2, kind).Bind(3, unit).BindDouble(4, v);
  if (ins->Step() != SQLITE_DONE) return Error("cannot store claim");
  return sqlite3_last_insert_rowid(db_);
}

Status Rollups::Rebuild() {
  for (const char* sql :
       {"DELETE FROM stance_hours", "DELETE FROM claim_days", "DELETE FROM claim_sources",
        "DELETE FROM claim_langs",
        "UPDATE claims SET documents = 0, first_at = NULL, last_at = NULL",
        "UPDATE documents SET dated_at = coalesce(unixepoch(published), unixepoch(first_seen)) "
        "WHERE dated_at IS NULL",
        "UPDATE documents SET source_name = (SELECT name FROM sources s "
        "WHERE s.id = documents.source_id) WHERE source_name IS NULL"}) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
      return Error("cannot rebuild rollups");
    }
  }
  {
    // Documents of no configured source are known by their host. Rows are
    // read first and changed after: an update must not move the scan.
    std::vector<std::pair<int64_t, std::string>> hosts;
    Statement read(db_, "SELECT id, url FROM documents WHERE source_name IS NULL");
    if (!read.ok()) return Error("cannot prepare rollup rebuild");
    while (read.Step() == SQLITE_ROW) hosts.emplace_back(read.ColumnInt(0), UrlHost(read.ColumnText(1)));
    Statement set(db_, "UPDATE documents SET source_name = ?2 WHERE id = ?1");
    if (!set.ok()) return Error("cannot prepare rollup rebuild");
    for (const auto& [id, host] : hosts) {
      set.Reset();
      set.Bind(1, id).Bind(2, host);
      if (set.Step() != SQLITE_DONE) return Error("cannot rebuild rollups");
    }
  }
  {
    struct Row {
      int64_t id;
      std::string entity, kind, unit;
      double value;
    };
    std::vector<Row> rows;
    Statement read(db_,
                   "SELECT id, coalesce(entity, ''), kind, coalesce(nullif(currency, ''), unit, ''), "
                   "value FROM figures WHERE claim_id IS NULL");
    if (!read.ok()) return Error("cannot prepare rollup rebuild");
    while (read.Step() == SQLITE_ROW) {
      rows.push_back({read.ColumnInt(0), read.ColumnText(1), read.ColumnText(2),
                      read.ColumnText(3), read.ColumnDouble(4)});
    }
    Statement set(db_, "UPDATE figures SET claim_id = ?2 WHERE id = ?1");
    if (!set.ok()) return Error("cannot prepare rollup rebuild");
    for (const Row& r : rows) {
      auto id = ClaimId(r.entity, r.kind, r.unit, r.value);
      if (!id.ok()) return id.status();
      set.Reset();
      set.Bind(1, r.id).Bind(2, *id);
      if (set.Step() != SQLITE_DONE) return Error("cannot rebuild rollups");
    }
  }
  std::vector<int64_t> documents;
  {
    Statement ids(db_, "SELECT id FROM documents ORDER BY id");
    if (!ids.ok()) return Error("cannot prepare rollup rebuild");
    while (ids.Step() == SQLITE_ROW) documents.push_back(ids.ColumnInt(0));
  }
  for (int64_t id : documents) {
    if (Status s = Replace(id, std::nullopt); !s.ok()) return s;
  }
  if (sqlite3_exec(db_, "INSERT INTO search (search) VALUES ('rebuild')", nullptr, nullptr,
                   nullptr) != SQLITE_OK) {
    return Error("cannot rebuild the search index");
  }
  return Status::OK();
}

}  // namespace bw::db
