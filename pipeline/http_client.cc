#include "pipeline/http_client.h"

#include <arpa/inet.h>

#include <cstring>
#include <utility>

#include "pipeline/curl_transfer.h"

namespace bw {
namespace {

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

CurlHttpClient::CurlHttpClient() { InitCurlOnce(); }

HttpResponse CurlHttpClient::Get(const HttpRequest& request) {
  CurlTransfer transfer;
  CURLcode rc = transfer.Prepare(request);
  if (rc == CURLE_OK) {
    transfer.Begin();
    rc = curl_easy_perform(transfer.handle());
  }
  return transfer.Finish(rc);
}

}  // namespace bw
