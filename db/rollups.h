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
  Rollups(sqlite3* db, StatementCache& cache) : db_(db), cache_(cache) {}

  // The document's contribution as its rows stand; nullopt when it does not
  // exist.
  Result<std::optional<Contribution>> Read(int64_t document_id);

  // Moves the rollups from `before` (nullopt for a new document) to what the
  // document's rows say now. REQUIRES: inside a write transaction.
  Status Replace(int64_t document_id, const std::optional<Contribution>& before);

  // The claim a figure makes, created on first sight.
  Result<int64_t> ClaimId(const std::string& entity, const std::string& kind,
                          const std::string& unit, double value);

  // Empties every rollup and fills them again from the stored documents
  // (after migration 5, or to repair). REQUIRES: inside a write transaction.
  Status Rebuild();

 private:
  Status AddStances(const Contribution& c, int sign);
  Status AddClaimSighting(const Contribution& c, const Contribution::Sighting& s);
  // Computes one claim's rollup rows again from its figures.
  Status RecountClaim(int64_t claim_id);
  Status Run(const char* sql, int64_t id);
  Status Error(const char* what) const;

  sqlite3* db_;
  StatementCache& cache_;
};

}  // namespace bw::db

#endif  // BUBBLEWATCH_DB_ROLLUPS_H_
