// Rollups: the tallies that make history and figures queries fast (schema
// migration 5), kept up to date as documents are stored. Internal to db/.
//
// A stored document contributes to the hourly stance tallies of every facet
// it belongs to (all documents, its source, each entity it mentions) and to
// the sightings of every claim its figures make. A near-duplicate
// contributes nothing, so a story reposted ten times counts once.
//
//   Rollups rollups(db, cache);
//   auto before = rollups.Read(id);          // before the document changes
//   ... store the document ...
//   rollups.Replace(id, *before);            // subtract before, add now
#ifndef BUBBLEWATCH_DB_ROLLUPS_H_
#define BUBBLEWATCH_DB_ROLLUPS_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "db/statement.h"

namespace bw::db {

// What one stored document adds to the rollups, as read from its rows.
struct Contribution {
  int64_t dated_at = 0;
  std::string lang, kind, source;
  bool duplicate = false;
  std::string label;  // "" when the document has no stance
  double score = 0;
  std::vector<std::string> entities;
  struct Sighting {
    int64_t claim_id = 0;
    int64_t figure_id = 0;  // the document's first figure of the claim
  };
  std::vector<Sighting> claims;
};

// Floor division: the hour or day of a Unix time, also before 1970.
inline int64_t FloorDiv(int64_t t, int64_t unit) {
  return t >= 0 ? t / unit : -((-t + unit - 1) / unit);
}

class Rollups {
 public:
  // Below `few_sightings` documents, a claim's first and last sighting are
  // found again through its figures; from there on, from the ends of the
  // documents by date (tests lower it to reach both ways).
  static constexpr int64_t kFewSightings = 2000;
  Rollups(sqlite3* db, StatementCache& cache, int64_t few_sightings = kFewSightings)
      : db_(db), cache_(cache), few_sightings_(few_sightings) {}

  // The document's contribution as its rows stand; nullopt when it does not
  // exist.
  Result<std::optional<Contribution>> Read(int64_t document_id);

  // Moves the rollups from `before` (nullopt for a new document) to what the
  // document's rows say now. REQUIRES: inside a write transaction.
  Status Replace(int64_t document_id, const std::optional<Contribution>& before);
  // The same with what the rows say now given (nullopt: the document is
  // gone), by a writer that has just written them and so need not read them
  // back. REQUIRES: inside a write transaction; `now` is exactly what Read
  // would return (its claims in any order).
  Status Replace(const std::optional<Contribution>& before,
                 const std::optional<Contribution>& now);

  // The claim a figure makes, created on first sight.
  Result<int64_t> ClaimId(const std::string& entity, const std::string& kind,
                          const std::string& unit, double value);

  // Empties every rollup and fills them again from the stored documents
  // (after migration 5, or to repair). REQUIRES: inside a write transaction.
  Status Rebuild();

 private:
  Status AddStances(const Contribution& c, int sign);
  Status AddClaimSighting(const Contribution& c, const Contribution::Sighting& s);
  // Takes one document's sighting out of a claim's rollups.
  // REQUIRES: the document's rows are already as they are now.
  Status RemoveClaimSighting(const Contribution& c, const Contribution::Sighting& s);
  // Finds the first and last sighting of a claim in one source (or language)
  // again, among the counted documents.
  Status RepairBounds(int64_t claim_id, bool by_source, const std::string& key);
  Status Run(const char* sql, int64_t id);
  Status Error(const char* what) const;

  sqlite3* db_;
  StatementCache& cache_;
  int64_t few_sightings_;
};

}  // namespace bw::db

#endif  // BUBBLEWATCH_DB_ROLLUPS_H_
