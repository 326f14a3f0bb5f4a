#include "pipeline/curl_transfer.h"

#include <mutex>
#include <string_view>
#include <utility>

namespace bw {
namespace {

std::string Trim(std::string_view s) {
  size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  size_t end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

// A value with a line break or NUL would end the header line early and let
// the rest pass as another header, so it is not sent.
bool SendableHeaderValue(const std::string& value) {
  return !value.empty() && value.find_first_of(std::string_view("\r\n\0", 3)) == std::string::npos;
}

}  // namespace

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

CurlTransfer::CurlTransfer() {
  InitCurlOnce();
  curl_ = curl_easy_init();
}

CurlTransfer::~CurlTransfer() {
  if (curl_) curl_easy_cleanup(curl_);
  curl_slist_free_all(headers_);  // after the handle: it points at the list
}

size_t CurlTransfer::OnBody(char* data, size_t size, size_t nmemb, void* user) {
  auto* t = static_cast<CurlTransfer*>(user);
  size_t n = size * nmemb;
  if (t->body_.size() + n > t->request_.limits.max_body_bytes) {
    t->too_large_ = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  t->body_.append(data, n);
  return n;
}

// Called once a connection is made or reused, before the request is sent: the
// place to refuse an address, since DNS answers and redirects are only known here.
int CurlTransfer::OnConnected(void* user, char* ip, char*, int, int) {
  auto* t = static_cast<CurlTransfer*>(user);
  if (!t->request_.allow_private_networks && IsNonPublicAddress(ip)) {
    t->refused_address_ = true;
    t->refused_ip_ = ip;
    return CURL_PREREQFUNC_ABORT;
  }
  return CURL_PREREQFUNC_OK;
}

CURLcode CurlTransfer::Prepare(const HttpRequest& request) {
  request_ = request;
  if (!curl_) return CURLE_FAILED_INIT;

  for (auto [name, value] : {std::pair{"If-None-Match: ", &request_.if_none_match},
                             std::pair{"If-Modified-Since: ", &request_.if_modified_since}}) {
    if (!SendableHeaderValue(*value)) continue;
    curl_slist* list = curl_slist_append(headers_, (name + *value).c_str());
    if (!list) return CURLE_OUT_OF_MEMORY;
    headers_ = list;
  }

  CURLcode rc = CURLE_OK;
  auto set = [&](CURLoption option, auto value) {
    if (rc == CURLE_OK) rc = curl_easy_setopt(curl_, option, value);
  };
  set(CURLOPT_URL, request_.url.c_str());
  set(CURLOPT_PROTOCOLS_STR, "http,https");
  set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  set(CURLOPT_FOLLOWLOCATION, 1L);
  set(CURLOPT_MAXREDIRS, request_.limits.max_redirects);
  set(CURLOPT_CONNECTTIMEOUT, request_.limits.connect_timeout_s);
  set(CURLOPT_TIMEOUT, request_.limits.timeout_s);
  set(CURLOPT_ACCEPT_ENCODING, "gzip, deflate, br");
  set(CURLOPT_USERAGENT, kUserAgent);
  set(CURLOPT_HTTPHEADER, headers_);  // sent on every hop of a redirect chain too
  set(CURLOPT_NOSIGNAL, 1L);
  set(CURLOPT_ERRORBUFFER, errbuf_);
  set(CURLOPT_WRITEFUNCTION, &CurlTransfer::OnBody);
  set(CURLOPT_WRITEDATA, static_cast<void*>(this));
  set(CURLOPT_PREREQFUNCTION, &CurlTransfer::OnConnected);
  set(CURLOPT_PREREQDATA, static_cast<void*>(this));
  // A declared length over the cap is refused before any byte is read.
  set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request_.limits.max_body_bytes));
  return rc;
}

// A header of the last response (after redirects), trimmed; "" when absent.
// The first one counts when a server sends the same header twice.
std::string CurlTransfer::Header(const char* name) {
  curl_header* header = nullptr;
  if (curl_easy_header(curl_, name, 0, CURLH_HEADER, -1, &header) != CURLHE_OK || !header) {
    return "";
  }
  return Trim(header->value);
}

HttpResponse CurlTransfer::Finish(CURLcode rc) {
  HttpResponse out;
  out.final_url = request_.url;
  if (start_) {
    out.elapsed_ms = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                           std::chrono::steady_clock::now() - *start_)
                                           .count());
  }
  if (curl_) {
    char* effective = nullptr;
    if (curl_easy_getinfo(curl_, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective) {
      out.final_url = effective;
    }
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &out.status);
    curl_easy_getinfo(curl_, CURLINFO_REDIRECT_COUNT, &out.redirects);
    char* type = nullptr;
    if (curl_easy_getinfo(curl_, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type) {
      out.content_type = type;
    }
    out.etag = Header("ETag");
    out.last_modified = Header("Last-Modified");
    out.retry_after = Header("Retry-After");
  }
  out.body = std::move(body_);
  if (rc == CURLE_OK) return out;

  const std::string detail = !curl_      ? "cannot initialise libcurl"
                             : errbuf_[0] ? errbuf_
                                          : curl_easy_strerror(rc);
  const std::string limit = std::to_string(request_.limits.max_body_bytes);
  if (too_large_ || rc == CURLE_FILESIZE_EXCEEDED) {
    out.error = FetchError::kTooLarge;
    out.error_message = "body larger than the limit of " + limit + " bytes";
  } else if (refused_address_) {
    out.error = FetchError::kRefused;
    out.error_message = "refused to connect to non-public address " + refused_ip_ +
                        " (allow_private_networks is off)";
  } else if (rc == CURLE_UNSUPPORTED_PROTOCOL) {
    out.error = FetchError::kRefused;
    out.error_message = "refused: only http and https are fetched (" + detail + ")";
  } else if (rc == CURLE_OPERATION_TIMEDOUT) {
    out.error = FetchError::kTimeout;
    out.error_message = "timed out after " + std::to_string(out.elapsed_ms) + " ms";
  } else if (rc == CURLE_TOO_MANY_REDIRECTS) {
    out.error = FetchError::kRedirects;
    out.error_message =
        "more than " + std::to_string(request_.limits.max_redirects) + " redirects";
  } else {
    out.error = FetchError::kNetwork;
    out.error_message = detail;
  }
  out.body.clear();
  return out;
}

}  // namespace bw
