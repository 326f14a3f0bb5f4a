// QueryOptions: the filters `history` and `report` share (--since, --until,
// --lang, --kind, --source, --entity, --tz), and their resolution against the
// stored documents into a HistoryFilter.
#ifndef BUBBLEWATCH_PIPELINE_CLI_QUERY_OPTIONS_H_
#define BUBBLEWATCH_PIPELINE_CLI_QUERY_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "db/history_store.h"

namespace bw::cli {

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
