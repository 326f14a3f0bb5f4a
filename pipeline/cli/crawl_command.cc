#include "pipeline/cli/crawl_command.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <iostream>

#include "pipeline/crawler.h"
#include "pipeline/run_lock.h"
#include "pipeline/transfer_pool.h"

namespace bw::cli {
namespace {

std::atomic<bool> g_stop{false};

// The first SIGINT or SIGTERM stops new work and lets the documents in flight
// finish; a second one ends the process at once (nothing stored is lost).
void OnSignal(int sig) {
  g_stop.store(true);
  std::signal(sig, SIG_DFL);
}

}  // namespace

CrawlCommand::CrawlCommand(CLI::App& app) {
  cmd_ = app.add_subcommand("crawl", "Poll the configured sources and store what is new");
  cmd_->footer(
      "Sources, politeness and limits come from the configuration ([crawl], [[sources]]).\n"
      "A source is polled when its interval_min has passed since its last poll. One crawl\n"
      "per database at a time: a second exits 75 at once. Exit 0 when the run finished\n"
      "(failures are counted in the summary and shown by `sources`), 69 when every due\n"
      "source failed, 74 on a database error.");
  cmd_->add_option("--max-runtime", max_runtime_s_,
                   "seconds after which no new work starts; in-flight documents finish "
                   "(default: crawl.max_runtime_s; 0 = no limit)")
      ->check(CLI::Range(0, 86400));
  cmd_->add_flag("--quiet,-q", quiet_, "print nothing unless something failed");
  cmd_->add_flag("--json", json_, "print the summary as JSON");
  cmd_->add_flag("--all", all_, "poll every source now, due or not");
  cmd_->add_option("--source", only_, "poll only this source (by name; repeatable)");
}

int CrawlCommand::Run(const Context& context) {
  auto config = context.LoadConfig();
  if (!config.ok()) return Fail(config.status());
  if (config->sources.empty()) {
    return Fail(Status::Usage((config->path.empty() ? std::string("built-in defaults")
                                                    : config->path) +
                              ": no [[sources]] to crawl"));
  }
  const std::string db_path = ChooseDatabasePath(context.options().db_path, *config);
  auto lock = RunLock::Acquire(db_path);
  if (!lock.ok()) return Fail(lock.status());
  auto lexicons = context.LoadLexicons();
  if (!lexicons.ok()) return Fail(lexicons.status());
  auto db = context.OpenDatabase(*config);
  if (!db.ok()) return Fail(db.status());

  DocumentAnalyzer analyzer(*lexicons);
  CurlTransferPool pool;
  Crawler crawler(*config, **db, analyzer, pool);
  CrawlOptions options;
  options.max_runtime_s = max_runtime_s_;
  options.poll_all = all_;
  options.only = only_;
  options.stop = &g_stop;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  const bool progress = !quiet_ && !json_ && isatty(STDERR_FILENO);
  if (progress) {
    options.on_progress = [](const CrawlProgress& p) {
      std::cerr << "\rcrawl: " << p.polled << "/" << p.sources_due << " sources, "
                << p.pages_done << "/" << p.pages_queued << " pages, " << p.in_flight
                << " in flight, " << p.failures << " failed   " << std::flush;
    };
  }
  auto summary = crawler.Run(options);
  if (progress) std::cerr << "\r\033[K" << std::flush;
  if (!summary.ok()) return Fail(summary.status());

  const bool failed = summary->failure_count() > 0;
  if (json_) {
    std::cout << SummaryJson(*summary) << "\n";
  } else if (!quiet_) {
    std::cout << SummaryLine(*summary) << "\n";
  } else if (failed) {
    std::cerr << SummaryLine(*summary) << "\n";
  }
  if (summary->sources_due > 0 && summary->sources == 0 && failed) {
    return static_cast<int>(ExitCode::kUnreachable);
  }
  return 0;
}

}  // namespace bw::cli
