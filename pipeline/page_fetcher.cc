#include "pipeline/page_fetcher.h"

#include "extractors/charset_decoder.h"
#include "extractors/simhash.h"
#include "extractors/text_util.h"
#include "pipeline/url.h"

namespace bw {
namespace {

std::string MediaType(const std::string& content_type) {
  std::string t = AsciiLower(content_type.substr(0, content_type.find(';')));
  t.erase(0, t.find_first_not_of(" \t"));
  t.erase(t.find_last_not_of(" \t") + 1);
  return t;
}

}  // namespace

BodyType ClassifyBody(const std::string& content_type, std::string_view body) {
  std::string type = MediaType(content_type);
  if (type == "text/html" || type == "application/xhtml+xml") return BodyType::kHtml;
  if (type == "text/plain") return BodyType::kText;
  if (!type.empty() && type != "application/octet-stream") return BodyType::kUnsupported;
  // No useful type: sniff as browsers do, markup first.
  size_t i = body.find_first_not_of(" \t\r\n");
  if (body.substr(0, 3) == "\xEF\xBB\xBF") i = body.find_first_not_of(" \t\r\n", 3);
  if (i != std::string_view::npos && body[i] == '<') return BodyType::kHtml;
  if (body.find('\0') != std::string_view::npos || body.substr(0, 5) == "%PDF-") {
    return BodyType::kUnsupported;
  }
  return BodyType::kText;
}

Result<FetchedPage> PageFetcher::Fetch(const std::string& url, const FetchOptions& options) {
  HttpRequest request{url, options.limits, options.allow_private_networks};
  return Record(url, http_.Get(request), options);
}

Result<FetchedPage> PageFetcher::Record(const std::string& url, HttpResponse response,
                                        const FetchOptions& options, DocumentOrigin origin) {
  if (std::string norm = NormalizeUrl(response.final_url); !norm.empty()) {
    response.final_url = norm;  // the fragment of a redirect target is not part of the page
  }

  FetchRecord fetch;
  fetch.url = url;
  fetch.final_url = response.final_url;
  fetch.outcome = FetchErrorName(response.error);
  if (response.status) fetch.http_status = response.status;
  fetch.content_type = response.content_type;
  fetch.elapsed_ms = response.elapsed_ms;
  fetch.run_id = options.run_id;

  auto fail = [&](Status status, const std::string& outcome) -> Result<FetchedPage> {
    fetch.outcome = outcome;
    fetch.error = status.message();
    if (auto recorded = db_.RecordFetch(fetch); !recorded.ok()) return recorded.status();
    return status.WithPrefix(url);
  };
  if (response.error == FetchError::kTooLarge) {
    return fail(Status::BadData(response.error_message), fetch.outcome);
  }
  if (response.error != FetchError::kNone) {
    return fail(Status::Unreachable(response.error_message), fetch.outcome);
  }
  if (response.status >= 400 || response.status < 200) {
    return fail(Status::Unreachable("HTTP " + std::to_string(response.status)), "http_error");
  }
  fetch.bytes = static_cast<int64_t>(response.body.size());
  BodyType type = ClassifyBody(response.content_type, response.body);
  if (type == BodyType::kUnsupported) {
    return fail(Status::BadData("skipped: content type '" + MediaType(response.content_type) +
                                "' is not HTML or text"),
                "unsupported_type");
  }

  DecodedText decoded =
      DecodeToUtf8(response.body, response.content_type, type == BodyType::kHtml);
  fetch.charset = decoded.charset;
  DocumentInput input{response.final_url, options.lang_hint, options.kind,
                      options.reference_time};
  FetchedPage page;
  page.charset = decoded.charset;
  page.record = type == BodyType::kHtml ? analyzer_.AnalyzeHtml(decoded.utf8, input)
                                        : analyzer_.AnalyzeText(decoded.utf8, input);
  page.record.canonical_url = ChooseCanonicalUrl(response.final_url, page.record.canonical_url);
  if (!page.record.published && options.listed_published) {
    page.record.published = options.listed_published;
    page.record.published_from = "feed";
  }
  // Short texts (a paywall stub, a cookie page) say too little for a
  // fingerprint: they would all look alike.
  constexpr size_t kMinFingerprintBytes = 200;
  if (options.link_near_duplicates && page.record.text.size() >= kMinFingerprintBytes) {
    origin.simhash = SimHash64(page.record.text);
  }
  auto stored = db_.StoreDocument(fetch, response.body, page.record, origin);
  if (!stored.ok()) return stored.status();
  page.stored = *stored;
  return page;
}

}  // namespace bw
