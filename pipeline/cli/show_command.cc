#include "pipeline/cli/show_command.h"

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "db/document_store.h"
#include "extractors/text_util.h"
#include "pipeline/cli/display_text.h"
#include "pipeline/cli/document_text.h"
#include "pipeline/url.h"

namespace bw::cli {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json() : Json(s); }

double Round(double v) { return std::round(v * 1000.0) / 1000.0; }

// A stored JSON array of strings; an empty array when it is not one.
Json StringArray(const std::string& json) {
  Json a = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  Json out = Json::array();
  if (!a.is_array()) return out;
  for (const auto& item : a) {
    if (item.is_string()) out.push_back(item);
  }
  return out;
}

Json StanceJson(const StanceView& s) {
  Json j;
  j["label"] = s.label;
  j["score"] = Round(s.score);
  j["bubble"] = Round(s.bubble);
  j["revolution"] = Round(s.revolution);
  j["evidence"] = Json::array();
  for (const StanceView::Evidence& e : s.evidence) {
    Json ev;
    if (e.in_title) ev["in"] = "title";
    ev["start"] = e.start;
    ev["end"] = e.end;
    ev["score"] = Round(e.score);
    ev["weight"] = Round(e.weight);
    ev["label"] = e.label;
    ev["cues"] = StringArray(e.cues_json);
    if (Json rules = StringArray(e.rules_json); !rules.empty()) ev["rules"] = rules;
    ev["sentence"] = e.sentence;
    j["evidence"].push_back(std::move(ev));
  }
  return j;
}

// The analysis record's fields, under its names (extractors/document_analyzer.h
// RecordToJson), then what only the database knows.
Json DocumentJson(const DocumentView& d) {
  Json j;
  j["url"] = d.fetched_url.empty() ? d.url : d.fetched_url;
  j["canonical_url"] = d.url;
  j["title"] = d.title;
  j["site_name"] = d.site_name;
  j["author"] = d.author;
  j["published"] = OrNull(d.published);
  j["lang"] = d.lang;
  j["script"] = d.script;
  j["kind"] = d.kind;
  j["status"] = d.status;
  j["text"] = d.text;
  j["figures"] = Json::array();
  for (const Figure& f : d.figures) j["figures"].push_back(FigureToJson(f));
  j["entities"] = d.entities;
  j["stance"] = d.stance ? StanceJson(*d.stance) : Json();
  j["id"] = d.id;
  j["source"] = d.source;
  j["published_from"] = OrNull(d.published_from);
  j["dated_at"] = d.dated_at;
  j["first_seen"] = d.first_seen;
  j["updated_at"] = d.updated_at;
  j["analyzer_version"] = d.analyzer_version;
  j["duplicate_of"] = d.duplicate_of ? Json(*d.duplicate_of) : Json();
  j["duplicates"] = Json::array();
  for (const DocumentView::Copy& c : d.duplicates) {
    j["duplicates"].push_back({{"id", c.id}, {"url", c.url}});
  }
  j["fetches"] = Json::array();
  for (const DocumentView::Fetch& f : d.fetches) {
    j["fetches"].push_back({{"fetched_at", f.fetched_at},
                            {"outcome", f.outcome},
                            {"http_status", f.http_status ? Json(*f.http_status) : Json()}});
  }
  return j;
}

bool IsId(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

bool IsHttpUrl(const std::string& s) {
  return StartsWithIgnoreCase(s, "http://") || StartsWithIgnoreCase(s, "https://");
}

}  // namespace

ShowCommand::ShowCommand(CLI::App& app) {
  cmd_ = app.add_subcommand("show", "Show one stored document with its stance, figures and text");
  cmd_->footer(
      "ID|URL: a document id (as search prints it), or its canonical or fetched URL (tracking\n"
      "parameters such as utm_* may be left on). Text: the title and metadata, near-duplicate\n"
      "links, the stance with each evidence sentence, the figures, entities, fetches, then the\n"
      "text as stored. JSON: the analysis record's fields (as fetch --json), with id, source,\n"
      "duplicate_of, duplicates and fetches.\n"
      "Exit codes: 0 shown, 64 not an id or an http(s) URL, 65 no stored document ID|URL,\n"
      "74 a missing or unreadable database.");
  cmd_->add_option("document", target_, "a document id or URL")->required();
  cmd_->add_option("--format", format_, "text or json (default text)")
      ->check(CLI::IsMember({"text", "json"}));
}

int ShowCommand::Run(const Context& context) {
  const std::string shown = MarkedLine(target_, Marks::kBrackets);  // on one line
  if (!IsId(target_) && !IsHttpUrl(target_)) {
    return Fail(Status::Usage("show: '" + shown + "' is not a document id or an http(s) URL"));
  }
  auto config = context.LoadConfig();
  if (!config.ok()) return Fail(config.status());
  auto db = context.OpenExistingDatabase(*config);
  if (!db.ok()) return Fail(db.status());
  DocumentStore store(**db);
  auto doc = store.Show(target_);
  if (doc.ok() && !*doc && IsHttpUrl(target_)) {
    // The URL as the crawl would have stored it: tracking parameters dropped.
    if (std::string canonical = CanonicalUrl(target_); !canonical.empty() && canonical != target_) {
      doc = store.Show(canonical);
    }
  }
  if (!doc.ok()) return Fail(doc.status());
  if (!*doc) return Fail(Status::BadData("show: no stored document " + shown));
  if (format_ == "json") {
    std::cout << DocumentJson(**doc).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    std::cout << DocumentText(**doc);
  }
  return 0;
}

}  // namespace bw::cli
