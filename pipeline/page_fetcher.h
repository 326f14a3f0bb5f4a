// PageFetcher: the on-demand crawl of one URL. Fetches it, decodes it to
// UTF-8, analyses it and stores the fetch, the raw body and the document —
// or records why it could not. The crawl fetches many pages at once and hands
// each response to PageFetcher::Record, so both paths store a page the same way.
//
//   bw::CurlHttpClient http;
//   bw::PageFetcher fetcher(http, analyzer, *db);
//   bw::Result<bw::FetchedPage> page = fetcher.Fetch(url, options);
//   if (!page.ok()) return page.status().exit_code();  // message names URL and cause
#ifndef BUBBLEWATCH_PIPELINE_PAGE_FETCHER_H_
#define BUBBLEWATCH_PIPELINE_PAGE_FETCHER_H_

#include <optional>
#include <string>

#include "common/result.h"
#include "db/database.h"
#include "extractors/document_analyzer.h"
#include "pipeline/http_client.h"

namespace bw {

struct FetchOptions {
  FetchLimits limits;
  bool allow_private_networks = false;
  std::string lang_hint;
  std::string kind = "article";
  std::optional<DateTime> reference_time;  // see DocumentInput; the command passes UtcNow()
  // The crawl's additions: the run the fetch belongs to, the date the feed
  // gave the item (used when the page states none), and whether to link a
  // near-duplicate of a stored text.
  std::optional<int64_t> run_id;
  std::optional<DateTime> listed_published;
  bool link_near_duplicates = false;
};

struct FetchedPage {
  AnalysisRecord record;
  StoredDocument stored;
  std::string charset;
};

// How a response body is to be read, from its Content-Type (and, when that is
// missing, its first bytes).
enum class BodyType { kHtml, kText, kUnsupported };
BodyType ClassifyBody(const std::string& content_type, std::string_view body);

class PageFetcher {
 public:
  // REQUIRES: all three outlive the fetcher. The crawl, which never calls
  // Fetch, may pass any HttpClient.
  PageFetcher(HttpClient& http, const DocumentAnalyzer& analyzer, Database& db)
      : http_(http), analyzer_(analyzer), db_(db) {}

  // Fetches `url` (already validated, see ValidateFetchUrl). Every outcome is
  // recorded in `fetches`; on success the document is inserted or, when its
  // canonical URL is known already, updated. Failures: exit 69 for network,
  // timeout, HTTP error status or a refused redirect/address; 65 for a body
  // over the cap or a type that is not HTML or text; 74 for the database.
  Result<FetchedPage> Fetch(const std::string& url, const FetchOptions& options);

  // What Fetch does once the response is in, for a response fetched
  // elsewhere. `origin` ties the document to its source and feed item.
  Result<FetchedPage> Record(const std::string& url, HttpResponse response,
                             const FetchOptions& options, DocumentOrigin origin = {});

 private:
  HttpClient& http_;
  const DocumentAnalyzer& analyzer_;
  Database& db_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_PAGE_FETCHER_H_
