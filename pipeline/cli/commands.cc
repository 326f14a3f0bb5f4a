#include "pipeline/cli/commands.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "common/status.h"
#include "pipeline/cli/analyze_command.h"
#include "pipeline/cli/context.h"
#include "pipeline/cli/crawl_command.h"
#include "pipeline/cli/fetch_command.h"
#include "pipeline/cli/figures_command.h"
#include "pipeline/cli/history_command.h"
#include "pipeline/cli/report_command.h"
#include "pipeline/cli/search_command.h"
#include "pipeline/cli/show_command.h"
#include "pipeline/cli/sources_command.h"

namespace bw::cli {

namespace {
constexpr const char* kExitCodes =
    "Exit codes: 0 ok, 64 bad usage (arguments, URL, config), 65 unreadable data (type, size,\n"
    "encoding, JSON) or no such stored document, 69 unreachable (network, timeout, HTTP\n"
    "error), 74 file or database error, 75 another run holds the lock.";
}  // namespace

int Run(int argc, char** argv) {
  CLI::App app{"bubblewatch: news and sentiment on the AI infrastructure boom"};
  app.footer(kExitCodes);
  app.require_subcommand(1);
  GlobalOptions global;
  app.add_option("--db", global.db_path,
                 "SQLite database (default: the config's, else $BUBBLEWATCH_DB, else "
                 "./bubblewatch.db)");
  app.add_option("--config", global.config_path,
                 "TOML configuration (default: $BUBBLEWATCH_CONFIG, else "
                 "./config/bubblewatch.toml if present)");
  app.add_option("--lexicons", global.lexicons_dir,
                 "directory of lexicon files laid over the built-in ones");
  app.set_version_flag("--version", std::string("bubblewatch ") + BW_VERSION);

  CrawlCommand crawl(app);
  SourcesCommand sources(app);
  FetchCommand fetch(app);
  AnalyzeCommand analyze(app);
  HistoryCommand history(app);
  FiguresCommand figures(app);
  ReportCommand report(app);
  SearchCommand search(app);
  ShowCommand show(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "bubblewatch: " << e.what() << " (see --help)\n";
    return static_cast<int>(ExitCode::kUsage);
  }
  Context context(global);
  if (crawl.Parsed()) return crawl.Run(context);
  if (sources.Parsed()) return sources.Run(context);
  if (fetch.Parsed()) return fetch.Run(context);
  if (analyze.Parsed()) return analyze.Run(context);
  if (history.Parsed()) return history.Run(context);
  if (figures.Parsed()) return figures.Run(context);
  if (report.Parsed()) return report.Run(context);
  if (search.Parsed()) return search.Run(context);
  if (show.Parsed()) return show.Run(context);
  return static_cast<int>(ExitCode::kUsage);
}

}  // namespace bw::cli
