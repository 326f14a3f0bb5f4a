#include "pipeline/cli/report_command.h"

#include <algorithm>
#include <iostream>
#include <map>

#include "db/history_store.h"
#include "pipeline/claim_text.h"
#include "pipeline/clock.h"
#include "pipeline/file_output.h"
#include "pipeline/history.h"
#include "pipeline/history_charts.h"
#include "report/html_report.h"

namespace bw::cli {
namespace {

constexpr const char* kLangs[] = {"zh", "ja", "en"};
constexpr size_t kEntities = 8;         // entities shown with their claims
constexpr size_t kClaimsPerEntity = 5;
constexpr int kEvidencePerSide = 6;

// The most quoted claims of the most quoted entities.
std::vector<std::pair<std::string, std::vector<report::ClaimLine>>> TopClaims(
    const std::vector<ClaimRow>& claims) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<report::ClaimLine>> by_entity;
  for (const ClaimRow& c : claims) {  // most quoted first
    if (c.entity.empty()) continue;
    auto& lines = by_entity[c.entity];
    if (lines.empty()) order.push_back(c.entity);
    if (lines.size() >= kClaimsPerEntity) continue;
    lines.push_back({c.entity, c.kind, ClaimValueText(c), c.documents, c.sources, c.langs,
                     DayText(c.first_day), DayText(c.last_day), c.example_span, c.example_url});
  }
  std::vector<std::pair<std::string, std::vector<report::ClaimLine>>> top;
  for (const std::string& e : order) {
    if (top.size() == kEntities) break;
    auto lines = by_entity[e];
    // Claims of one kind together, so that differing figures sit side by side.
    std::stable_sort(lines.begin(), lines.end(),
                     [](const report::ClaimLine& a, const report::ClaimLine& b) {
                       return a.kind < b.kind;
                     });
    top.emplace_back(e, std::move(lines));
  }
  return top;
}

}  // namespace

ReportCommand::ReportCommand(CLI::App& app) {
  cmd_ = app.add_subcommand("report", "Write a self-contained HTML report with charts");
  cmd_->add_option("--out", out_, "the HTML file to write")->required();
  cmd_->add_option("--by", by_, "bucket: day, week or month")
      ->check(CLI::IsMember({"day", "week", "month"}))
      ->capture_default_str();
  query_.AddTo(cmd_, /*with_filters=*/false);
  cmd_->footer(
      "The page needs no network to open: charts are inline SVG, styles inline, no script.\n"
      "It shows the mean stance per language over time with 95% confidence bands, the\n"
      "documents per bucket, the most quoted claims of the most quoted entities, and the\n"
      "strongest bubble and revolution sentences of the latest bucket.");
}

int ReportCommand::Run(const Context& context) {
  auto config = context.LoadConfig();
  if (!config.ok()) return Fail(config.status());
  auto db = context.OpenExistingDatabase(*config);
  if (!db.ok()) return Fail(db.status());
  HistoryStore store(**db);
  auto filter = query_.Resolve(store);
  if (!filter.ok()) return Fail(filter.status());

  report::ReportPage page;
  page.title = "bubblewatch report";
  page.generated_at = IsoUtc(WallNow());
  std::vector<NamedBuckets> series;
  if (*filter) {
    auto made = MakeBuckets((*filter)->from, (*filter)->to, *ParseBucketSize(by_), query_.tz);
    if (!made.ok()) return Fail(made.status());
    for (const char* lang : kLangs) {
      HistoryFilter f = **filter;
      f.langs = {lang};
      std::vector<Bucket> buckets = *made;
      if (Status s = FillBuckets(store, f, buckets); !s.ok()) return Fail(s);
      bool any = std::any_of(buckets.begin(), buckets.end(),
                             [](const Bucket& b) { return b.tally.documents > 0; });
      if (any) series.emplace_back(lang, std::move(buckets));
    }
    page.period = made->front().label + " – " + made->back().label + ", by " + by_ + ", " +
                  query_.tz;
    page.latest_period = made->back().label;
    auto evidence = store.StrongestEvidence(made->back().start, made->back().end,
                                            kEvidencePerSide);
    if (!evidence.ok()) return Fail(evidence.status());
    for (const EvidenceRow& e : *evidence) {
      page.evidence.push_back({e.label, e.score, e.sentence, e.title, e.url, e.lang, e.published});
    }
  } else {
    page.period = "no documents stored yet";
  }
  page.stance_by_lang = StanceChart("Mean stance by " + by_ + ", per language", series);
  page.volume = VolumeChart("Documents by " + by_ + ", per language", series);
  auto claims = store.Claims({.entity = "", .kind = "", .since = std::nullopt, .limit = 500});
  if (!claims.ok()) return Fail(claims.status());
  page.claims_by_entity = TopClaims(*claims);
  if (Status s = WriteFileReplacing(out_, report::RenderReport(page)); !s.ok()) return Fail(s);
  std::cerr << "bubblewatch: wrote " << out_ << "\n";
  return 0;
}

}  // namespace bw::cli
