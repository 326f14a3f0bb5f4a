// UrlHost: the host of a stored (canonical, absolute) URL, lower case and
// without "www.", which names the source of a document that came from no
// configured source. Internal to db/.
//
//   UrlHost("https://www.Reuters.com/tech/x") == "reuters.com"
#ifndef BUBBLEWATCH_DB_URL_HOST_H_
#define BUBBLEWATCH_DB_URL_HOST_H_

#include <string>
#include <string_view>

namespace bw::db {

inline std::string UrlHost(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  if (!rest.empty() && rest.front() != '[') rest = rest.substr(0, rest.find(':'));
  std::string host(rest);
  for (char& c : host) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

}  // namespace bw::db

#endif  // BUBBLEWATCH_DB_URL_HOST_H_
