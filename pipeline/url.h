// URL handling with libcurl's URL API: validation of what the user asks to
// fetch, normalisation, resolution of relative references, and the choice of
// the canonical URL a document is stored under.
//
//   auto u = bw::ValidateFetchUrl("https://Example.com:443/a#top");
//   // *u == "https://example.com/a"
//   bw::ValidateFetchUrl("ftp://example.com/").status().exit_code();  // 64
#ifndef BUBBLEWATCH_PIPELINE_URL_H_
#define BUBBLEWATCH_PIPELINE_URL_H_

#include <string>
#include <string_view>

#include "common/result.h"

namespace bw {

// Accepts only absolute http and https URLs with a host, returned normalised.
// Anything else fails with a usage Status (exit 64) that names the input.
Result<std::string> ValidateFetchUrl(std::string_view input);

// Scheme and host lower-cased, default port and fragment dropped. Returns ""
// for anything that is not an absolute http(s) URL.
std::string NormalizeUrl(std::string_view url);

// `ref` resolved against `base` ("../b.html", "//cdn.x/a", "/p?q=1"), normalised;
// "" when the result is not an http(s) URL.
std::string ResolveUrl(std::string_view base, std::string_view ref);

// The URL a crawled link is known by, so that the same article is fetched
// once: NormalizeUrl's form without the tracking parameters of the query
// (utm_*, fbclid, gclid and the others listed in url.cc; names compared in any
// case). The other parameters keep their order and bytes, empty "&&" pieces go,
// and a query left empty loses its '?'. Returns "" for anything that is not an
// absolute http(s) URL.
//
//   bw::CanonicalUrl("HTTPS://News.example:443/a?id=7&utm_source=rss&fbclid=x#top")
//   // == "https://news.example/a?id=7"
std::string CanonicalUrl(std::string_view url);

// True when both are http(s) URLs on the same host, a leading "www." aside
// ("https://www.a.example/x" and "http://a.example/y"). Ports are not compared.
bool IsSameSite(std::string_view a, std::string_view b);

// The URL a fetched page is stored under: its declared canonical URL when that
// resolves to http(s) on the same host as `final_url` ("www." aside), else
// `final_url`. A page cannot claim another site's address.
std::string ChooseCanonicalUrl(std::string_view final_url, std::string_view declared);

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_URL_H_
