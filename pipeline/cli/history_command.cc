#include "pipeline/cli/history_command.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "pipeline/file_output.h"
#include "pipeline/history.h"
#include "pipeline/history_charts.h"

namespace bw::cli {
namespace {

std::string Fixed(std::optional<double> v) {
  if (!v) return "";
  char buf[32];
  snprintf(buf, sizeof buf, "%.3f", *v);
  return buf;
}

void PrintTable(const std::vector<Bucket>& buckets) {
  printf("%-10s  %-25s  %7s  %7s  %7s  %7s  %7s  %-17s\n", "BUCKET", "START", "DOCS", "BUBBLE",
         "REVOL", "NEUTRAL", "MEAN", "95% CI");
  for (const Bucket& b : buckets) {
    const StanceTally& t = b.tally;
    std::optional<MeanInterval> m = MeanWithInterval(t);
    std::string ci = m && m->low ? "[" + Fixed(m->low) + ", " + Fixed(m->high) + "]" : "";
    printf("%-10s  %-25s  %7lld  %7lld  %7lld  %7lld  %7s  %-17s\n", b.label.c_str(),
           b.start_local.c_str(), static_cast<long long>(t.documents),
           static_cast<long long>(t.bubble), static_cast<long long>(t.revolution),
           static_cast<long long>(t.neutral), m ? Fixed(m->mean).c_str() : "",
           ci.c_str());
  }
}

void PrintCsv(const std::vector<Bucket>& buckets) {
  printf("bucket,start,documents,bubble,revolution,neutral,mean,ci_low,ci_high\n");
  for (const Bucket& b : buckets) {
    const StanceTally& t = b.tally;
    std::optional<MeanInterval> m = MeanWithInterval(t);
    printf("%s,%s,%lld,%lld,%lld,%lld,%s,%s,%s\n", b.label.c_str(), b.start_local.c_str(),
           static_cast<long long>(t.documents), static_cast<long long>(t.bubble),
           static_cast<long long>(t.revolution), static_cast<long long>(t.neutral),
           m ? Fixed(m->mean).c_str() : "", m ? Fixed(m->low).c_str() : "",
           m ? Fixed(m->high).c_str() : "");
  }
}

void PrintJson(const std::vector<Bucket>& buckets) {
  for (const Bucket& b : buckets) {
    const StanceTally& t = b.tally;
    std::optional<MeanInterval> m = MeanWithInterval(t);
    nlohmann::ordered_json j;
    j["bucket"] = b.label;
    j["start"] = b.start_local;
    j["documents"] = t.documents;
    j["bubble"] = t.bubble;
    j["revolution"] = t.revolution;
    j["neutral"] = t.neutral;
    j["mean"] = m ? nlohmann::json(m->mean) : nullptr;
    j["ci_low"] = m && m->low ? nlohmann::json(*m->low) : nullptr;
    j["ci_high"] = m && m->high ? nlohmann::json(*m->high) : nullptr;
    std::cout << j.dump() << "\n";
  }
}

}  // namespace

HistoryCommand::HistoryCommand(CLI::App& app) {
  cmd_ = app.add_subcommand("history", "Stance of the stored documents over time");
  cmd_->add_option("--by", by_, "bucket: day, week (ISO, from Monday) or month")
      ->check(CLI::IsMember({"day", "week", "month"}))
      ->capture_default_str();
  query_.AddTo(cmd_);
  cmd_->add_option("--format", format_, "table, csv or json (one object per line)")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd_->add_option("--chart", chart_, "also draw the mean stance as an SVG chart in this file");
  cmd_->footer(
      "Per bucket: documents, how many were judged bubble, revolution or neutral, their mean\n"
      "score (-1 bubble .. +1 revolution) and its 95% confidence interval. Near-duplicates\n"
      "count once; a document counts at its publication time, else when first seen. Empty\n"
      "buckets are shown with 0 documents.");
}

int HistoryCommand::Run(const Context& context) {
  auto config = context.LoadConfig();
  if (!config.ok()) return Fail(config.status());
  auto db = context.OpenExistingDatabase(*config);
  if (!db.ok()) return Fail(db.status());
  HistoryStore store(**db);
  auto filter = query_.Resolve(store);
  if (!filter.ok()) return Fail(filter.status());
  std::vector<Bucket> buckets;
  if (*filter) {
    auto made = MakeBuckets((*filter)->from, (*filter)->to, *ParseBucketSize(by_), query_.tz);
    if (!made.ok()) return Fail(made.status());
    buckets = std::move(*made);
    if (Status s = FillBuckets(store, **filter, buckets); !s.ok()) return Fail(s);
  } else {
    std::cerr << "bubblewatch: no documents stored yet\n";
  }
  if (format_ == "csv") {
    PrintCsv(buckets);
  } else if (format_ == "json") {
    PrintJson(buckets);
  } else {
    PrintTable(buckets);
  }
  std::fflush(stdout);
  if (!chart_.empty()) {
    std::string title = "Stance by " + by_ + " (" + query_.tz + ")";
    if (!query_.entity.empty()) title += " — " + query_.entity;
    if (!query_.source.empty()) title += " — " + query_.source;
    std::string name = query_.langs.empty() ? "all" : query_.langs;
    std::string svg = report::RenderLineChart(StanceChart(title, {{name, buckets}}));
    if (Status s = WriteFileReplacing(chart_, svg); !s.ok()) return Fail(s);
  }
  return 0;
}

}  // namespace bw::cli
