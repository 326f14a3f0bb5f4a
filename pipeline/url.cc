#include "pipeline/url.h"

#include <curl/curl.h>

#include <memory>

namespace bw {
namespace {

using CurlUrl = std::unique_ptr<CURLU, decltype(&curl_url_cleanup)>;

std::string Part(CURLU* u, CURLUPart part, unsigned flags = 0) {
  char* value = nullptr;
  if (curl_url_get(u, part, &value, flags) != CURLUE_OK || value == nullptr) return "";
  std::string s(value);
  curl_free(value);
  return s;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Normalises a parsed URL in place; false when it is not http(s) with a host.
bool NormalizeParsed(CURLU* u) {
  std::string scheme = Lower(Part(u, CURLUPART_SCHEME));
  if (scheme != "http" && scheme != "https") return false;
  std::string host = Part(u, CURLUPART_HOST);
  if (host.empty()) return false;
  curl_url_set(u, CURLUPART_SCHEME, scheme.c_str(), 0);
  curl_url_set(u, CURLUPART_HOST, Lower(host).c_str(), 0);
  curl_url_set(u, CURLUPART_FRAGMENT, nullptr, 0);
  std::string port = Part(u, CURLUPART_PORT);
  if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443")) {
    curl_url_set(u, CURLUPART_PORT, nullptr, 0);
  }
  return true;
}

std::string HostWithoutWww(std::string_view url) {
  CurlUrl u(curl_url(), curl_url_cleanup);
  std::string s(url);
  if (curl_url_set(u.get(), CURLUPART_URL, s.c_str(), 0) != CURLUE_OK) return "";
  std::string host = Lower(Part(u.get(), CURLUPART_HOST));
  return host.rfind("www.", 0) == 0 ? host.substr(4) : host;
}

}  // namespace

Result<std::string> ValidateFetchUrl(std::string_view input) {
  std::string s(input);
  CurlUrl u(curl_url(), curl_url_cleanup);
  if (s.empty() || curl_url_set(u.get(), CURLUPART_URL, s.c_str(), CURLU_NON_SUPPORT_SCHEME) !=
                       CURLUE_OK) {
    return Status::Usage(s + ": not a URL (expected http://… or https://…)");
  }
  std::string scheme = Lower(Part(u.get(), CURLUPART_SCHEME));
  if (scheme != "http" && scheme != "https") {
    return Status::Usage(s + ": scheme '" + scheme + "' is not fetched (only http and https)");
  }
  if (!NormalizeParsed(u.get())) return Status::Usage(s + ": URL has no host");
  return Part(u.get(), CURLUPART_URL);
}

std::string NormalizeUrl(std::string_view url) {
  std::string s(url);
  CurlUrl u(curl_url(), curl_url_cleanup);
  if (curl_url_set(u.get(), CURLUPART_URL, s.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
      !NormalizeParsed(u.get())) {
    return "";
  }
  return Part(u.get(), CURLUPART_URL);
}

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  // RFC 3986 5.4.1: an empty or fragment-only reference is the base document
  // itself (libcurl 7.88 would resolve it to the base's directory).
  if (ref.empty() || ref.front() == '#') return NormalizeUrl(base);
  std::string b(base), r(ref);
  CurlUrl u(curl_url(), curl_url_cleanup);
  if (curl_url_set(u.get(), CURLUPART_URL, b.c_str(), 0) != CURLUE_OK) return "";
  if (curl_url_set(u.get(), CURLUPART_URL, r.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return "";
  }
  if (!NormalizeParsed(u.get())) return "";
  return Part(u.get(), CURLUPART_URL);
}

std::string ChooseCanonicalUrl(std::string_view final_url, std::string_view declared) {
  std::string final_norm = NormalizeUrl(final_url);
  if (final_norm.empty()) final_norm = std::string(final_url);
  if (declared.empty()) return final_norm;
  std::string resolved = ResolveUrl(final_url, declared);
  if (resolved.empty() || HostWithoutWww(resolved) != HostWithoutWww(final_norm)) {
    return final_norm;
  }
  return resolved;
}

}  // namespace bw
