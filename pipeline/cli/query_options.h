// QueryOptions: the filters `history` and `report` share (--since, --until,
// --lang, --kind, --source, --entity, --tz), and their resolution against the
// stored documents into a HistoryFilter.
#ifndef BUBBLEWATCH_PIPELINE_CLI_QUERY_OPTIONS_H_
#define BUBBLEWATCH_PIPELINE_CLI_QUERY_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "db/history_store.h"

namespace bw::cli {

// The languages of a --lang comma list ("zh,ja"): each one of the languages
// documents are stored under (zh, ja, en, und). Empty for an empty list.
Result<std::vector<std::string>> ParseLangList(const std::string& list);

// --since and --until as Unix seconds, a bound left empty when its text is:
// a date is read in `tz` and --until includes its day (ParseQueryDate).
// Fails with a usage Status for a bad date or zone, or an empty period.
struct Period {
  std::optional<int64_t> from, to;
};
Result<Period> ParsePeriod(const std::string& since, const std::string& until,
                           const std::string& tz);

struct QueryOptions {
  std::string since, until, kind, source, entity;
  std::string langs;  // comma list
  std::string tz = "UTC";

  // Adds the options to `cmd`; `with_filters` false adds only the period and zone.
  void AddTo(CLI::App* cmd, bool with_filters = true);

  // The filter these options select. Without --since/--until the period is
  // that of the stored documents; nullopt when nothing is stored. Fails with
  // a usage Status for a bad date, zone, language or kind.
  Result<std::optional<HistoryFilter>> Resolve(const HistoryStore& store) const;
};

}  // namespace bw::cli

#endif  // BUBBLEWATCH_PIPELINE_CLI_QUERY_OPTIONS_H_
