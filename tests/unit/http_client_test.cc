// Only the pure parts of pipeline/http_client and pipeline/curl_transfer: no
// test here opens a socket.
#include "pipeline/http_client.h"

#include <gtest/gtest.h>

#include <string>

#include "pipeline/curl_transfer.h"

namespace bw {
namespace {

struct AddressCase {
  const char* ip;
  bool non_public;
};

TEST(NonPublicAddress, Table) {
  const AddressCase kCases[] = {
      // IPv4 loopback 127/8.
      {"127.0.0.1", true},
      {"127.255.255.254", true},
      // RFC 1918.
      {"10.1.2.3", true},
      {"10.255.255.255", true},
      {"172.16.0.1", true},
      {"172.31.255.255", true},
      {"172.15.255.255", false},  // just below 172.16/12
      {"172.32.0.1", false},      // just above 172.16/12
      {"192.168.1.1", true},
      {"192.169.0.1", false},
      // Link-local, including the cloud metadata endpoint.
      {"169.254.169.254", true},
      {"169.254.0.1", true},
      // CGNAT 100.64/10.
      {"100.64.0.1", true},
      {"100.127.255.255", true},
      {"100.63.255.255", false},
      {"100.128.0.1", false},
      // Unspecified / "this network", multicast, reserved, broadcast.
      {"0.0.0.0", true},
      {"224.0.0.1", true},
      {"239.255.255.250", true},
      {"240.0.0.1", true},
      {"255.255.255.255", true},
      // Public IPv4.
      {"8.8.8.8", false},
      {"1.1.1.1", false},
      {"93.184.216.34", false},
      {"11.0.0.1", false},
      {"126.255.255.255", false},
      {"128.0.0.1", false},
      {"223.255.255.255", false},
      // IPv6 loopback, unspecified, link-local, unique local, multicast.
      {"::1", true},
      {"::", true},
      {"fe80::1", true},
      {"febf:ffff::1", true},  // top of fe80::/10
      {"fc00::1", true},
      {"fd12::1", true},
      {"ff02::1", true},
      {"FF05::2", true},
      // IPv4 mapped into IPv6 takes the IPv4 verdict.
      {"::ffff:127.0.0.1", true},
      {"::ffff:10.0.0.1", true},
      {"::ffff:169.254.169.254", true},
      {"::ffff:7f00:1", true},  // 127.0.0.1 written in hex
      {"::ffff:8.8.8.8", false},
      // IPv4-compatible, NAT64 and 6to4 forms reach their embedded IPv4 address.
      {"::127.0.0.1", true},
      {"::8.8.8.8", false},
      {"64:ff9b::10.0.0.1", true},
      {"64:ff9b::8.8.8.8", false},
      {"2002:c0a8:0101::1", true},   // 192.168.1.1
      {"2002:0808:0808::1", false},  // 8.8.8.8
      // Public IPv6.
      {"2606:4700::1111", false},
      {"2001:4860:4860::8888", false},
      {"fec0::1", false},  // just past fe80::/10 (deprecated site-local, not in the list)
      // Unparsable: refused rather than trusted.
      {"abc", true},
      {"", true},
      {"127.0.0.1 ", true},
      {"1.2.3", true},
      {"256.1.1.1", true},
      {"0177.0.0.1", true},  // octal spelling is not a numeric address inet_pton accepts
      {"fe80::1%eth0", true},
      {"example.com", true},
  };
  for (const AddressCase& c : kCases) {
    SCOPED_TRACE(std::string("ip: '") + c.ip + "'");
    EXPECT_EQ(IsNonPublicAddress(c.ip), c.non_public);
  }
}

TEST(FetchErrorName, EachValue) {
  struct Case {
    FetchError error;
    const char* name;
  };
  const Case kCases[] = {
      {FetchError::kNone, "ok"},           {FetchError::kRefused, "refused"},
      {FetchError::kTimeout, "timeout"},   {FetchError::kTooLarge, "too_large"},
      {FetchError::kRedirects, "redirects"}, {FetchError::kNetwork, "network"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_STREQ(FetchErrorName(c.error), c.name);
  }
  // A value outside the enum still gets a word the fetches table knows.
  EXPECT_STREQ(FetchErrorName(static_cast<FetchError>(99)), "network");
}

// How a libcurl result becomes a FetchError, for CurlHttpClient and the pool
// alike. The transfers are prepared and never run.
TEST(CurlTransfer, ClassifiesResults) {
  struct Case {
    CURLcode rc;
    FetchError error;
    const char* message;  // a part of error_message
  };
  const Case kCases[] = {
      {CURLE_OK, FetchError::kNone, ""},
      {CURLE_OPERATION_TIMEDOUT, FetchError::kTimeout, "timed out after"},
      {CURLE_TOO_MANY_REDIRECTS, FetchError::kRedirects, "more than 5 redirects"},
      {CURLE_FILESIZE_EXCEEDED, FetchError::kTooLarge, "larger than the limit of 10485760 bytes"},
      {CURLE_UNSUPPORTED_PROTOCOL, FetchError::kRefused, "only http and https"},
      {CURLE_COULDNT_CONNECT, FetchError::kNetwork, ""},
      {CURLE_COULDNT_RESOLVE_HOST, FetchError::kNetwork, ""},
      {CURLE_FAILED_INIT, FetchError::kNetwork, ""},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(curl_easy_strerror(c.rc));
    CurlTransfer transfer;
    HttpRequest request;
    request.url = "https://example.com/";
    request.if_none_match = "\"v1\"";
    ASSERT_EQ(transfer.Prepare(request), CURLE_OK);
    HttpResponse r = transfer.Finish(c.rc);
    EXPECT_EQ(r.error, c.error);
    EXPECT_NE(r.error_message.find(c.message), std::string::npos) << r.error_message;
    EXPECT_EQ(r.error_message.empty(), c.error == FetchError::kNone);
    EXPECT_EQ(r.final_url, "https://example.com/");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.etag, "");  // no response, no headers
  }
}

}  // namespace
}  // namespace bw
