#include "pipeline/http_client.h"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <chrono>
#include <cstring>
#include <memory>

namespace bw {
namespace {

struct Transfer {
  const HttpRequest* request;
  std::string body;
  bool too_large = false;
  bool refused_address = false;
  std::string refused_ip;
};

size_t OnBody(char* data, size_t size, size_t nmemb, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * nmemb;
  if (t->body.size() + n > t->request->limits.max_body_bytes) {
    t->too_large = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  t->body.append(data, n);
  return n;
}

// Called once a connection is made, before the request is sent: the place to
// refuse an address, since DNS answers and redirects are only known here.
int OnConnected(void* user, char* ip, char*, int, int) {
  auto* t = static_cast<Transfer*>(user);
  if (!t->request->allow_private_networks && IsNonPublicAddress(ip)) {
    t->refused_address = true;
    t->refused_ip = ip;
    return CURL_PREREQFUNC_ABORT;
  }
  return CURL_PREREQFUNC_OK;
}

bool InRange4(uint32_t addr, const char* net, int bits) {
  in_addr n{};
  inet_pton(AF_INET, net, &n);
  uint32_t mask = bits == 0 ? 0 : ~uint32_t{0} << (32 - bits);
  return (addr & mask) == (ntohl(n.s_addr) & mask);
}

}  // namespace

const char* FetchErrorName(FetchError error) {
  switch (error) {
    case FetchError::kNone: return "ok";
    case FetchError::kRefused: return "refused";
    case FetchError::kTimeout: return "timeout";
    case FetchError::kTooLarge: return "too_large";
    case FetchError::kRedirects: return "redirects";
    case FetchError::kNetwork: return "network";
  }
  return "network";
}

bool IsNonPublicAddress(const std::string& ip) {
  in_addr v4{};
  if (inet_pton(AF_INET, ip.c_str(), &v4) == 1) {
    uint32_t a = ntohl(v4.s_addr);
    for (auto [net, bits] : {std::pair{"0.0.0.0", 8}, {"10.0.0.0", 8}, {"100.64.0.0", 10},
                             {"127.0.0.0", 8}, {"169.254.0.0", 16}, {"172.16.0.0", 12},
                             {"192.0.0.0", 24}, {"192.168.0.0", 16}, {"198.18.0.0", 15},
                             {"224.0.0.0", 4}, {"240.0.0.0", 4}}) {
      if (InRange4(a, net, bits)) return true;
    }
    return false;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, ip.c_str(), &v6) != 1) return true;  // unparsable: refuse
  const uint8_t* b = v6.s6_addr;
  static const uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(b, kMapped, 12) == 0) {
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, b + 12, buf, sizeof buf);
    return IsNonPublicAddress(buf);
  }
  static const uint8_t kZero[12] = {};
  static const uint8_t kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, kZero, 12) == 0 || std::memcmp(b, kNat64, 12) == 0) {
    // ::, ::1, IPv4-compatible ::a.b.c.d and NAT64 64:ff9b::a.b.c.d reach the IPv4 address.
    if (std::memcmp(b, kZero, 12) == 0 && b[12] == 0 && b[13] == 0 && b[14] == 0) return true;
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, b + 12, buf, sizeof buf);
    return IsNonPublicAddress(buf);
  }
  if (b[0] == 0x20 && b[1] == 0x02) {  // 6to4 2002:a.b.c.d::/48
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, b + 2, buf, sizeof buf);
    return IsNonPublicAddress(buf);
  }
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return true;  // fe80::/10 link-local
  if ((b[0] & 0xfe) == 0xfc) return true;                  // fc00::/7 unique local
  return b[0] == 0xff;                                     // multicast
}

CurlHttpClient::CurlHttpClient() { curl_global_init(CURL_GLOBAL_DEFAULT); }

HttpResponse CurlHttpClient::Get(const HttpRequest& request) {
  HttpResponse out;
  out.final_url = request.url;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    out.error = FetchError::kNetwork;
    out.error_message = "cannot initialise libcurl";
    return out;
  }
  Transfer t{&request, {}, false, false, {}};
  CURL* h = curl.get();
  char errbuf[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(h, CURLOPT_MAXREDIRS, request.limits.max_redirects);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, request.limits.connect_timeout_s);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, request.limits.timeout_s);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip, deflate, br");
  curl_easy_setopt(h, CURLOPT_USERAGENT, kUserAgent);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(h, CURLOPT_PREREQFUNCTION, OnConnected);
  curl_easy_setopt(h, CURLOPT_PREREQDATA, &t);
  // A declared length over the cap is refused before any byte is read.
  curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(request.limits.max_body_bytes));

  auto start = std::chrono::steady_clock::now();
  CURLcode rc = curl_easy_perform(h);
  out.elapsed_ms = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::steady_clock::now() - start)
                                         .count());
  char* effective = nullptr;
  if (curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective) {
    out.final_url = effective;
  }
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &out.status);
  curl_easy_getinfo(h, CURLINFO_REDIRECT_COUNT, &out.redirects);
  char* type = nullptr;
  if (curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type) {
    out.content_type = type;
  }
  out.body = std::move(t.body);
  if (rc == CURLE_OK) return out;

  const std::string detail = errbuf[0] ? errbuf : curl_easy_strerror(rc);
  const std::string limit = std::to_string(request.limits.max_body_bytes);
  if (t.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
    out.error = FetchError::kTooLarge;
    out.error_message = "body larger than the limit of " + limit + " bytes";
  } else if (t.refused_address) {
    out.error = FetchError::kRefused;
    out.error_message = "refused to connect to non-public address " + t.refused_ip +
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
        "more than " + std::to_string(request.limits.max_redirects) + " redirects";
  } else {
    out.error = FetchError::kNetwork;
    out.error_message = detail;
  }
  out.body.clear();
  return out;
}

}  // namespace bw
