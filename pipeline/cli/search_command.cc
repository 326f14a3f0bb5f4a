#include "pipeline/cli/search_command.h"

#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "db/document_store.h"
#include "extractors/search_query.h"
#include "pipeline/cli/display_text.h"
#include "pipeline/cli/query_options.h"
#include "pipeline/clock.h"

namespace bw::cli {
namespace {

nlohmann::ordered_json HitToJson(const SearchHit& h) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["id"] = h.id;
  j["url"] = h.url;
  j["title"] = h.title;
  j["lang"] = h.lang;
  j["kind"] = h.kind;
  j["source"] = h.source;
  j["published"] = h.published.empty() ? Json() : Json(h.published);
  j["dated_at"] = h.dated_at;
  j["rank"] = h.rank;
  j["title_marked"] = BracketMarks(h.title_marked);
  j["snippet"] = BracketMarks(h.snippet);
  j["duplicate_of"] = h.duplicate_of ? Json(*h.duplicate_of) : Json();
  return j;
}

void PrintHit(const SearchHit& h, Marks marks) {
  std::cout << '#' << h.id << "  " << UtcDate(h.dated_at) << "  " << h.lang << "  "
            << MarkedLine(h.source, marks);
  if (h.duplicate_of) std::cout << "  (copy of #" << *h.duplicate_of << ")";
  std::cout << "\n    " << MarkedLine(h.title_marked, marks) << "\n    "
            << MarkedLine(h.url, marks) << "\n";
  if (std::string snippet = MarkedLine(h.snippet, marks); !snippet.empty()) {
    std::cout << "    " << snippet << "\n";
  }
}

}  // namespace

SearchCommand::SearchCommand(CLI::App& app) {
  cmd_ = app.add_subcommand("search", "Search the stored documents' titles and texts");
  cmd_->footer(
      "QUERY: words (all must be found; any case or width), \"a phrase\", prefix* (one\n"
      "Chinese or Japanese character is always a prefix: 泡 finds 泡沫), and OR, AND, NOT in\n"
      "capitals between words. Best match first; near-duplicates are left out unless\n"
      "--duplicates. Table: per document its id, date (UTC), language, source, title, URL\n"
      "and a snippet, matches [bracketed] (highlighted on a terminal). JSON: one object a\n"
      "line. No match: nothing on stdout, a line on stderr, exit 0. Exit 64 for a query\n"
      "with no words or a bad option, 74 for a missing or unreadable database.");
  cmd_->add_option("query", words_, "what to search for (several arguments are joined)")
      ->required();
  cmd_->add_option("--lang", langs_, "only these languages: a comma list of zh, ja, en, und");
  cmd_->add_option("--kind", kind_, "article or post")->check(CLI::IsMember({"article", "post"}));
  cmd_->add_option("--source", source_, "only this source (a configured name, else a host)");
  cmd_->add_option("--since", since_,
                   "dated on or after this day (YYYY-MM-DD in --tz, or ISO 8601 with an offset)");
  cmd_->add_option("--until", until_, "dated on or before this day (included), or before this time");
  cmd_->add_option("--tz", tz_, "the time zone of --since and --until dates: an IANA name or +HH:MM")
      ->capture_default_str();
  cmd_->add_option("--limit", limit_, "at most N documents (default 20)")
      ->check(CLI::Range(1, 10000));
  cmd_->add_flag("--duplicates", duplicates_, "include near-duplicates");
  cmd_->add_option("--format", format_, "table or json (default table)")
      ->check(CLI::IsMember({"table", "json"}));
}

int SearchCommand::Run(const Context& context) {
  SearchQuery q;
  for (const std::string& w : words_) q.text += (q.text.empty() ? "" : " ") + w;
  if (BuildMatchExpression(q.text).empty()) {
    return Fail(Status::Usage("search: the query has nothing to search for (give a word; OR, "
                              "AND and NOT go between words)"));
  }
  auto langs = ParseLangList(langs_);
  if (!langs.ok()) return Fail(langs.status());
  q.langs = *langs;
  auto period = ParsePeriod(since_, until_, tz_);
  if (!period.ok()) return Fail(period.status());
  q.since = period->from;
  q.until = period->to;
  q.kind = kind_;
  q.source = source_;
  q.limit = limit_;
  q.include_duplicates = duplicates_;

  auto config = context.LoadConfig();
  if (!config.ok()) return Fail(config.status());
  auto db = context.OpenExistingDatabase(*config);
  if (!db.ok()) return Fail(db.status());
  DocumentStore store(**db);
  auto hits = store.Search(q);
  if (!hits.ok()) return Fail(hits.status());
  if (hits->empty()) {
    std::cerr << "bubblewatch: no documents match\n";
    return 0;
  }
  const Marks marks = isatty(STDOUT_FILENO) ? Marks::kAnsi : Marks::kBrackets;
  for (size_t i = 0; i < hits->size(); ++i) {
    const SearchHit& h = (*hits)[i];
    if (format_ == "json") {
      std::cout << HitToJson(h).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
      continue;
    }
    if (i > 0) std::cout << "\n";
    PrintHit(h, marks);
  }
  return 0;
}

}  // namespace bw::cli
