// HistoryStore: the queries behind `bubblewatch history`, `figures` and
// `report`, read from the rollups of db/rollups.h so that they answer in
// milliseconds over millions of documents. Near-duplicates count once.
//
//   HistoryStore store(*db);
//   HistoryFilter filter{.from = t0, .to = t1, .langs = {"zh", "ja"}};
//   auto hours = store.HourlyTallies(filter);   // one row per hour with documents
//   auto claims = store.Claims({.entity = "OpenAI"});
#ifndef BUBBLEWATCH_DB_HISTORY_STORE_H_
#define BUBBLEWATCH_DB_HISTORY_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "db/database.h"

namespace bw {

// Which documents a history query counts: dated in [from, to) (Unix
// seconds), and every filter that is set.
struct HistoryFilter {
  int64_t from = 0, to = 0;
  std::vector<std::string> langs;  // any of them; empty: all
  std::string kind;                // article | post; "": both
  std::string source;              // the source's name (or host); "": all
  std::string entity;              // a canonical entity name; "": all
};

// Documents and their stances, summed.
struct StanceTally {
  int64_t documents = 0;  // every document, judged or not
  int64_t bubble = 0, revolution = 0, neutral = 0;
  double score_sum = 0, score_sq = 0;  // over the judged documents

  int64_t judged() const { return bubble + revolution + neutral; }
  void Add(const StanceTally& other);
  // Counts one document: `label` is bubble, revolution, neutral, or "" when
  // it was not judged (then `score` is not used).
  void Count(const std::string& label, double score);
};

struct HourTally {
  int64_t hour = 0;  // Unix seconds / 3600
  StanceTally tally;
};

// One counted document, for an hour a bucket edge cuts.
struct DatedStance {
  int64_t dated_at = 0;
  std::string label;  // "" when not judged
  double score = 0;
};

// A claim: one figure however many documents quote it.
struct ClaimFilter {
  std::string entity;  // canonical name; "": every entity
  std::string kind;    // power | energy | money | shares | percent; "": all
  std::optional<int64_t> since;  // Unix seconds: sightings from then on
  int limit = 200;     // claims, the most quoted first
};

struct ClaimRow {
  int64_t id = 0;
  std::string entity, kind, unit;
  double value = 0;
  int64_t documents = 0, sources = 0;
  std::vector<std::string> langs;
  int64_t first_day = 0, last_day = 0;  // Unix days (UTC)
  std::string example_span, example_url;
};

// A sentence that moved a document's stance, for the report.
struct EvidenceRow {
  int64_t document_id = 0;
  std::string label;
  double score = 0, weight = 0;
  std::string sentence, title, url, lang, published;
};

class HistoryStore {
 public:
  // REQUIRES: `db` outlives the store.
  explicit HistoryStore(Database& db) : db_(db) {}

  // The tallies of every hour in [filter.from, filter.to) that has documents,
  // in order. From the rollups when one facet covers the filter (not both a
  // source and an entity); otherwise from the documents.
  Result<std::vector<HourTally>> HourlyTallies(const HistoryFilter& filter) const;

  // Each counted document of the filter dated in one of `spans` ([from, to)
  // pairs, ascending and apart; filter.from and filter.to are not used), in
  // order of date: the hours a bucket edge cuts. One statement serves every
  // span, since a zone at :30 cuts an hour of each day.
  Result<std::vector<DatedStance>> Documents(
      const HistoryFilter& filter, const std::vector<std::pair<int64_t, int64_t>>& spans) const;

  // The claims of the filter, the most quoted first; ties by entity, kind
  // and value.
  Result<std::vector<ClaimRow>> Claims(const ClaimFilter& filter) const;

  // The `limit` sentences with the strongest weighted score of each side
  // among documents dated in [from, to), strongest first.
  Result<std::vector<EvidenceRow>> StrongestEvidence(int64_t from, int64_t to, int limit) const;

  // The entity names mentioned in stored documents; case-insensitive match of
  // `name` to one of them, so "nvidia" finds "NVIDIA". nullopt: none.
  Result<std::optional<std::string>> FindEntity(const std::string& name) const;

  // The range of dated_at over counted documents; nullopt when there are none.
  Result<std::optional<std::pair<int64_t, int64_t>>> DateRange() const;

 private:
  bool UsesRollups(const HistoryFilter& filter) const {
    return filter.source.empty() || filter.entity.empty();
  }
  Status Error(const char* what) const;

  Database& db_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_DB_HISTORY_STORE_H_
