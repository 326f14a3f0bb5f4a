// HttpClient: the one way bubblewatch talks HTTP. The fetch and crawl code take
// an HttpClient&, so tests can hand them a fake; CurlHttpClient is the real one.
//
//   bw::CurlHttpClient client;
//   bw::HttpResponse r = client.Get({.url = "https://example.com/a.html"});
//   if (r.error != bw::FetchError::kNone) std::cerr << r.error_message << "\n";
#ifndef BUBBLEWATCH_PIPELINE_HTTP_CLIENT_H_
#define BUBBLEWATCH_PIPELINE_HTTP_CLIENT_H_

#include <cstddef>
#include <string>

namespace bw {

inline constexpr const char* kUserAgent =
    "bubblewatch/0.1 (+https://github.com/bubblewatch/bubblewatch; news research crawler)";

struct FetchLimits {
  size_t max_body_bytes = 10 * 1024 * 1024;  // counted on the decoded body
  long timeout_s = 30;                       // the whole transfer
  long connect_timeout_s = 10;
  long max_redirects = 5;
};

struct HttpRequest {
  std::string url;
  FetchLimits limits;
  // Loopback, private, link-local and other non-public addresses are refused
  // unless this is set, also when a public name resolves to one (or a redirect
  // leads to one): a page must not be able to steer the crawler inward.
  bool allow_private_networks = false;
  // Conditional GET: each is sent as the request header of that name when not
  // empty, usually the etag and last_modified of an earlier response, and on
  // every hop of a redirect chain. The answer is then often a 304 with no body.
  // A value with a line break or NUL is not sent. ({} keeps positional
  // initialisers of the fields above free of -Wmissing-field-initializers.)
  std::string if_none_match = {};
  std::string if_modified_since = {};
};

enum class FetchError {
  kNone,
  kRefused,    // a scheme other than http/https (also after a redirect), or a private address
  kTimeout,    // connect or total timeout
  kTooLarge,   // the decoded body passed max_body_bytes
  kRedirects,  // more than max_redirects
  kNetwork,    // DNS, connection refused, TLS, malformed response…
};

// The `outcome` word stored in `fetches` for an error: "refused", "timeout", …
const char* FetchErrorName(FetchError error);

struct HttpResponse {
  FetchError error = FetchError::kNone;
  std::string error_message;  // one line, when error != kNone
  long status = 0;            // HTTP status of the last response, 0 when none;
                              // reported, not judged: a 304 or 404 is not an error
  std::string final_url;      // after redirects
  std::string content_type;   // Content-Type header of the last response
  std::string body;           // decoded (gzip, deflate, br), at most max_body_bytes
  long redirects = 0;
  long elapsed_ms = 0;
  // These headers of the last response, trimmed; empty when it had none. The
  // first counts when one is sent twice. Retry-After is as sent: seconds or a date.
  std::string etag = {};
  std::string last_modified = {};
  std::string retry_after = {};
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Performs a GET. Never throws; failures are described in the response.
  virtual HttpResponse Get(const HttpRequest& request) = 0;
};

// HttpClient over libcurl: http and https only, also after redirects; at most
// max_redirects redirects; connect and total timeouts; gzip, deflate and
// brotli; a body cap counted on the decoded bytes, so a compression bomb stops
// at the cap; a User-Agent that names bubblewatch and a contact URL.
// CurlTransferPool (pipeline/transfer_pool.h) runs many requests at once with
// the same policy.
class CurlHttpClient : public HttpClient {
 public:
  CurlHttpClient();
  HttpResponse Get(const HttpRequest& request) override;
};

// True for addresses that are not on the public internet: loopback, RFC 1918
// private ranges, link-local, CGNAT, unspecified, ULA, multicast, and IPv4
// mapped or embedded in IPv6 (::ffff:a.b.c.d, ::a.b.c.d, NAT64 64:ff9b::/96,
// 6to4 2002::/16). `ip` is a numeric IPv4 or IPv6 address; anything that does
// not parse counts as non-public.
bool IsNonPublicAddress(const std::string& ip);

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_HTTP_CLIENT_H_
