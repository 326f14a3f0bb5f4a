#include "pipeline/cli/sources_command.h"

#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "db/crawl_store.h"
#include "pipeline/clock.h"

namespace bw::cli {
namespace {

// "2026-11-24T10:00:00Z" -> "2026-11-24 10:00"; "" -> "never".
std::string Short(const std::string& iso, const char* none) {
  if (iso.size() < 16) return none;
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

}  // namespace

SourcesCommand::SourcesCommand(CLI::App& app) {
  cmd_ = app.add_subcommand("sources", "List the configured sources and their crawl state");
  cmd_->footer(
      "Columns: name, type, lang, last poll (UTC), last status (ok, not_modified or the\n"
      "cause of the failure, with the count of failures in a row), items stored, items\n"
      "queued, next due (UTC; 'now' when due).");
  cmd_->add_flag("--json", json_, "print one JSON object per source");
}

int SourcesCommand::Run(const Context& context) {
  auto config = context.LoadConfig();
  if (!config.ok()) return Fail(config.status());
  auto db = context.OpenDatabase(*config);
  if (!db.ok()) return Fail(db.status());
  CrawlStore store(**db);
  auto rows = store.Sources();
  if (!rows.ok()) return Fail(rows.status());
  const std::string now = IsoUtc(WallNow());

  if (!json_) {
    std::cout << std::left << std::setw(22) << "NAME" << std::setw(9) << "TYPE" << std::setw(8)
              << "LANG" << std::setw(18) << "LAST POLL" << std::setw(22) << "LAST STATUS"
              << std::setw(8) << "STORED" << std::setw(8) << "QUEUED" << "NEXT DUE\n";
  }
  for (const SourceConfig& s : config->sources) {
    SourceRow row;
    for (const SourceRow& r : *rows) {
      if (r.name == s.name) row = r;
    }
    const bool known = row.id != 0 && row.url == s.url;
    std::string status = known && !row.last_status.empty() ? row.last_status : "-";
    if (known && row.failures > 1) status += " (x" + std::to_string(row.failures) + ")";
    std::string due = !known || row.next_due.empty() || row.next_due <= now
                          ? "now"
                          : Short(row.next_due, "now");
    if (json_) {
      nlohmann::ordered_json j;
      j["name"] = s.name;
      j["type"] = s.type;
      j["url"] = s.url;
      j["lang"] = s.lang;
      j["kind"] = s.kind;
      j["tags"] = s.tags;
      j["interval_min"] = s.interval_min;
      j["last_poll"] = known && !row.last_poll.empty() ? nlohmann::json(row.last_poll) : nullptr;
      j["last_status"] = known && !row.last_status.empty() ? nlohmann::json(row.last_status) : nullptr;
      j["last_error"] = known && !row.last_error.empty() ? nlohmann::json(row.last_error) : nullptr;
      j["failures"] = known ? row.failures : 0;
      j["items_seen"] = row.items_seen;
      j["items_stored"] = row.items_stored;
      j["queued"] = row.pending;
      j["next_due"] = known && !row.next_due.empty() ? row.next_due : now;
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      continue;
    }
    std::cout << std::left << std::setw(22) << s.name << std::setw(9) << s.type << std::setw(8)
              << (s.lang.empty() ? "-" : s.lang) << std::setw(18)
              << (known ? Short(row.last_poll, "never") : "never") << std::setw(22) << status
              << std::setw(8) << row.items_stored << std::setw(8) << row.pending << due << "\n";
    if (known && !row.last_error.empty() && row.failures > 0) {
      std::cout << "    " << row.last_error << "\n";
    }
  }
  return 0;
}

}  // namespace bw::cli
