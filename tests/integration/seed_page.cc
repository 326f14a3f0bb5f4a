#include "tests/integration/seed_page.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace bw::testing {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  size_t e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
}

// "正文。 NextBigFuture.com" -> {"正文。", "NextBigFuture.com"}: the seed keeps the
// source chips that follow a paragraph on the page.
std::pair<std::string, std::string> SplitSourceChip(const std::string& line) {
  size_t at = line.rfind("。 ");
  if (at == std::string::npos) at = line.rfind("】 ");
  if (at == std::string::npos) at = line.rfind(") ");
  if (at == std::string::npos) return {line, ""};
  size_t cut = line.find(' ', at);
  return {line.substr(0, cut), Trim(line.substr(cut))};
}

bool IsBullet(const std::string& line) { return Trim(line).rfind("•", 0) == 0; }
std::string BulletText(const std::string& line) { return Trim(Trim(line).substr(3)); }

}  // namespace

SeedPage BuildUkiyoSeedPage() {
  std::ifstream in(std::string(BW_SHARED_DIR) + "/seeds/ukiyo-journal-ai-bubble-or-revolution.zh-Hans.txt");
  if (!in) throw std::runtime_error("cannot read the ukiyo seed");
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);

  SeedPage page;
  size_t i = 0;
  const std::string skip = lines[i++];
  const std::string logo = lines[i++];
  std::vector<std::string> nav, langs;
  for (; IsBullet(lines[i]); ++i) {
    (lines[i].rfind("    ", 0) == 0 ? langs : nav).push_back(BulletText(lines[i]));
  }
  std::vector<std::string> cookie;
  for (; lines[i].find("AI的未来") != 0; ++i) {
    if (!Trim(lines[i]).empty()) cookie.push_back(Trim(lines[i]));
  }
  page.title = lines[i];
  // The title stands twice (in the hero and as the h1), then the date.
  while (Trim(lines[i]).empty() || lines[i] == page.title) ++i;
  const std::string date = lines[i++];

  std::ostringstream body;
  bool in_list = false;
  for (; i < lines.size() && lines[i].find("返回文章列表") == std::string::npos; ++i) {
    std::string line = Trim(lines[i]);
    if (line.empty()) continue;
    bool bullet = IsBullet(lines[i]);
    if (bullet && !in_list) body << "<ul class=\"wp-block-list\">\n";
    if (!bullet && in_list) body << "</ul>\n";
    in_list = bullet;
    std::string text = bullet ? BulletText(lines[i]) : line;
    auto [main, chip] = SplitSourceChip(text);
    std::string chip_html =
        chip.empty() ? "" : " <a class=\"source-chip\" href=\"https://example.com/src\">" + Escape(chip) + "</a>";
    if (!bullet && chip.empty() && main.size() < 90 && main.find("。") == std::string::npos) {
      body << "<h2 class=\"wp-block-heading\">" << Escape(main) << "</h2>\n";
    } else if (bullet) {
      body << "<li>" << Escape(main) << chip_html << "</li>\n";
    } else {
      body << "<p>" << Escape(main) << chip_html << "</p>\n";
    }
    page.article_texts.push_back(main);
  }
  if (in_list) body << "</ul>\n";
  const std::string back = Trim(lines[i++]);
  std::vector<std::string> footer;
  for (; i < lines.size(); ++i) {
    if (!Trim(lines[i]).empty()) footer.push_back(Trim(lines[i]));
  }

  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<title>" << Escape(page.title) << " | ukiyo journal</title>\n"
    << "<meta property=\"og:site_name\" content=\"ukiyo journal\">\n"
    << "<link rel=\"canonical\" href=\"/zh/articles/ai-bubble-or-revolution\">\n"
    << "<style>.cookie-consent{position:fixed}</style>\n"
    << "<script>window.dataLayer=window.dataLayer||[];</script>\n</head>\n<body>\n"
    << "<a class=\"skip-link screen-reader-text\" href=\"#main\">" << Escape(skip) << "</a>\n"
    << "<header class=\"site-header\">\n<a class=\"site-logo\" href=\"/\">" << Escape(logo) << "</a>\n"
    << "<nav class=\"main-nav\"><ul>\n";
  for (size_t k = 0; k < nav.size(); ++k) {
    h << "<li><a href=\"/p" << k << "\">" << Escape(nav[k]) << "</a>";
    if (k + 1 == nav.size()) {
      h << "\n<ul class=\"language-switcher\">\n";
      for (const auto& l : langs) h << "<li><a href=\"/" << k << "\">" << Escape(l) << "</a></li>\n";
      h << "</ul>";
    }
    h << "</li>\n";
  }
  h << "</ul></nav>\n</header>\n"
    << "<div id=\"cookie-consent\" class=\"cookie-consent\" role=\"dialog\">\n";
  for (const auto& c : cookie) h << "<p>" << Escape(c) << "</p>\n";
  h << "</div>\n<main id=\"main\">\n<div class=\"hero\"><div class=\"hero-title\">" << Escape(page.title)
    << "</div></div>\n<article class=\"post\">\n<h1 class=\"entry-title\">" << Escape(page.title)
    << "</h1>\n<div class=\"entry-meta\"><span class=\"posted-on\">" << Escape(date)
    << "</span></div>\n<div class=\"entry-content\">\n"
    << body.str() << "</div>\n</article>\n<div class=\"back-link\"><a href=\"/zh/articles\">"
    << Escape(back) << "</a></div>\n</main>\n<footer class=\"site-footer\">\n";
  for (const auto& f : footer) h << "<p>" << Escape(f) << "</p>\n";
  h << "</footer>\n</body>\n</html>\n";
  page.html = h.str();

  page.chrome_lines = {skip, logo};
  page.chrome_lines.insert(page.chrome_lines.end(), nav.begin(), nav.end());
  page.chrome_lines.insert(page.chrome_lines.end(), langs.begin(), langs.end());
  page.chrome_lines.insert(page.chrome_lines.end(), cookie.begin(), cookie.end());
  page.chrome_lines.push_back(back);
  page.chrome_lines.insert(page.chrome_lines.end(), footer.begin(), footer.end());
  return page;
}

}  // namespace bw::testing
