#include "pipeline/cli/fetch_command.h"

#include <iostream>

#include "extractors/document_analyzer.h"
#include "pipeline/clock.h"
#include "pipeline/page_fetcher.h"
#include "pipeline/url.h"

namespace bw::cli {

FetchCommand::FetchCommand(CLI::App& app) {
  cmd_ = app.add_subcommand("fetch", "Fetch one URL, analyse it, store it and print the result");
  cmd_->footer(
      "The record holds url, canonical_url, title, site_name, author, published, lang, script,\n"
      "kind, status, text, figures (GW, GWh, money, shares, percent, each with its span,\n"
      "offsets, qualifier and entity), entities and stance (bubble, revolution or neutral, a\n"
      "score in [-1, 1] and the evidence sentences with their cues; null when no text was\n"
      "read). Fetching a URL again updates its document, figures and stance.");
  cmd_->add_option("url", url_, "http or https URL")->required();
  cmd_->add_flag("--json", json_, "print the analysis record as JSON");
  cmd_->add_flag("--allow-private", allow_private_,
                 "allow loopback and private-network addresses (default: the config's "
                 "crawl.allow_private_networks)");
  cmd_->add_option("--timeout", timeout_s_, "total timeout in seconds (default: config's limits.timeout_s)")
      ->check(CLI::Range(1, 3600));
  cmd_->add_option("--max-bytes", max_bytes_, "body size cap (default: config's limits.max_body_bytes)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 32));
  cmd_->add_option("--lang", lang_hint_, "language hint (zh, zh-TW, ja, en); the text decides");
  cmd_->add_option("--kind", kind_, "article or post")->check(CLI::IsMember({"article", "post"}));
}

int FetchCommand::Run(const Context& context) {
  auto url = ValidateFetchUrl(url_);
  if (!url.ok()) return Fail(url.status());
  auto config = context.LoadConfig();
  if (!config.ok()) return Fail(config.status());
  auto lexicons = context.LoadLexicons();
  if (!lexicons.ok()) return Fail(lexicons.status());
  auto db = context.OpenDatabase(*config);
  if (!db.ok()) return Fail(db.status());

  FetchOptions options;
  options.limits = config->limits;
  if (timeout_s_ > 0) options.limits.timeout_s = timeout_s_;
  if (max_bytes_ > 0) options.limits.max_body_bytes = max_bytes_;
  options.allow_private_networks = allow_private_ || config->allow_private_networks;
  options.lang_hint = lang_hint_;
  options.kind = kind_;
  options.reference_time = UtcNow();

  DocumentAnalyzer analyzer(*lexicons);
  CurlHttpClient http;
  PageFetcher fetcher(http, analyzer, **db);
  auto page = fetcher.Fetch(*url, options);
  if (!page.ok()) return Fail(page.status());

  const AnalysisRecord& r = page->record;
  if (r.status != ArticleStatus::kOk) {
    std::cerr << "bubblewatch: " << *url << ": no article text found (" << ArticleStatusName(r.status)
              << ")\n";
  }
  if (json_) {
    nlohmann::ordered_json j = RecordToJson(r);
    j["id"] = page->stored.id;
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  std::cout << (page->stored.created ? "stored " : "updated ") << "document " << page->stored.id
            << ": " << r.canonical_url << "\n"
            << "  title:     " << r.title << "\n"
            << "  published: " << (r.published ? r.published->ToIso8601() : "unknown") << "\n"
            << "  language:  " << r.lang << (r.script.empty() ? "" : "/" + r.script)
            << "  charset: " << page->charset << "  text: " << r.text.size() << " bytes\n";
  return 0;
}

}  // namespace bw::cli
