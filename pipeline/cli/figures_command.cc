#include "pipeline/cli/figures_command.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "db/history_store.h"
#include "pipeline/claim_text.h"
#include "pipeline/history.h"

namespace bw::cli {
namespace {

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

void PrintTable(const std::vector<std::vector<ClaimRow>>& groups) {
  printf("%-12s %-8s %-14s %6s %5s %-9s %-10s %-10s %s\n", "ENTITY", "KIND", "VALUE", "DOCS",
         "SRCS", "LANGS", "FIRST", "LAST", "EXAMPLE");
  for (const auto& group : groups) {
    if (group.size() > 1) {
      std::vector<std::string> values;
      for (const ClaimRow& c : group) values.push_back(ClaimValueText(c));
      printf("%s %s: %zu different figures: %s\n",
             group.front().entity.empty() ? "(no entity)" : group.front().entity.c_str(),
             group.front().kind.c_str(), group.size(), Join(values, " | ").c_str());
    }
    for (size_t i = 0; i < group.size(); ++i) {
      const ClaimRow& c = group[i];
      const std::string entity = i ? "" : (c.entity.empty() ? "-" : c.entity);
      printf("%-12s %-8s %-14s %6lld %5lld %-9s %-10s %-10s \"%s\" %s\n", entity.c_str(),
             i ? "" : c.kind.c_str(), ClaimValueText(c).c_str(),
             static_cast<long long>(c.documents), static_cast<long long>(c.sources),
             Join(c.langs, ",").c_str(), DayText(c.first_day).c_str(),
             DayText(c.last_day).c_str(), c.example_span.c_str(), c.example_url.c_str());
    }
  }
}

void PrintJson(const std::vector<std::vector<ClaimRow>>& groups) {
  for (const auto& group : groups) {
    for (const ClaimRow& c : group) {
      nlohmann::ordered_json j;
      j["entity"] = c.entity.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.entity);
      j["kind"] = c.kind;
      j["value"] = c.value;
      j["unit"] = c.unit;
      j["text"] = ClaimValueText(c);
      j["documents"] = c.documents;
      j["sources"] = c.sources;
      j["langs"] = c.langs;
      j["first_seen"] = DayText(c.first_day);
      j["last_seen"] = DayText(c.last_day);
      j["example"] = {{"span", c.example_span}, {"url", c.example_url}};
      nlohmann::json others = nlohmann::json::array();
      for (const ClaimRow& o : group) {
        if (o.id != c.id) others.push_back(ClaimValueText(o));
      }
      j["conflicting"] = others;
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  }
}

}  // namespace

FiguresCommand::FiguresCommand(CLI::App& app) {
  cmd_ = app.add_subcommand("figures", "The figures quoted in stored documents, as claims");
  cmd_->add_option("--entity", entity_, "only the claims of this entity (any case)");
  cmd_->add_option("--kind", kind_, "power, energy, money, shares or percent")
      ->check(CLI::IsMember({"power", "energy", "money", "shares", "percent"}));
  cmd_->add_option("--since", since_, "only sightings from this day on (YYYY-MM-DD, UTC)");
  cmd_->add_option("--limit", limit_, "at most this many claims, the most quoted first")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd_->add_option("--format", format_, "table or json (one object per line)")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd_->footer(
      "A claim is one figure (entity, kind, value and unit or currency) however many documents\n"
      "quote it: DOCS counts documents (near-duplicates once), SRCS the sources, FIRST and LAST\n"
      "the days (UTC) of its first and last sighting, EXAMPLE its first quote. Different\n"
      "figures for the same entity and kind are listed together under one heading.");
}

int FiguresCommand::Run(const Context& context) {
  auto config = context.LoadConfig();
  if (!config.ok()) return Fail(config.status());
  auto db = context.OpenExistingDatabase(*config);
  if (!db.ok()) return Fail(db.status());
  HistoryStore store(**db);
  ClaimFilter filter;
  filter.kind = kind_;
  filter.limit = limit_;
  if (!entity_.empty()) {
    auto found = store.FindEntity(entity_);
    if (!found.ok()) return Fail(found.status());
    filter.entity = found->value_or(entity_);
  }
  if (!since_.empty()) {
    auto t = ParseQueryDate(since_, tz_, false);
    if (!t.ok()) return Fail(Status::Usage("--since: " + t.status().message()));
    filter.since = *t;
  }
  auto claims = store.Claims(filter);
  if (!claims.ok()) return Fail(claims.status());
  if (claims->empty()) std::cerr << "bubblewatch: no figures match\n";
  const auto groups = GroupClaims(*claims);
  if (format_ == "json") {
    PrintJson(groups);
  } else {
    PrintTable(groups);
  }
  return 0;
}

}  // namespace bw::cli
