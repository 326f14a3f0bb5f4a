// ArticleExtractor: the main text of a news page or post, without the page
// chrome around it (navigation, menus, headers and footers, share bars,
// related-article lists, comments, cookie notices, hidden elements).
//
// How it works, briefly: the body is cut into paragraphs at block elements and
// <br>; subtrees that are never article text (script, nav, footer, aside,
// forms, hidden elements, elements whose class or id says cookie/menu/share…)
// are skipped. Each paragraph with enough text and few links scores its
// container and, less, the container's ancestors (Readability's idea), CJK
// characters counting double since they carry more per character. The best
// container, plus siblings that score nearly as well, is the article; its
// paragraphs are kept unless they are mostly links or are known boilerplate
// lines (lexicons/boilerplate.txt).
//
//   bw::ArticleExtractor extractor(bw::LexiconSet::Embedded());
//   bw::HtmlDom dom(html);
//   bw::ArticleText a = extractor.Extract(dom);
//   if (a.status == bw::ArticleStatus::kOk) use(a.text);  // paragraphs separated by "\n\n"
#ifndef BUBBLEWATCH_EXTRACTORS_ARTICLE_EXTRACTOR_H_
#define BUBBLEWATCH_EXTRACTORS_ARTICLE_EXTRACTOR_H_

#include <string>
#include <unordered_set>
#include <vector>

#include "extractors/html_dom.h"
#include "extractors/lexicon.h"

namespace bw {

enum class ArticleStatus {
  kOk,         // an article was found
  kNoArticle,  // the page has text, but nothing that reads as an article (home, login, error page)
  kEmpty,      // the page has no visible text at all
};

// "ok", "no_article", "empty".
const char* ArticleStatusName(ArticleStatus status);

struct ArticleText {
  ArticleStatus status = ArticleStatus::kEmpty;
  std::string text;  // paragraphs joined by "\n\n"; empty unless status is kOk
};

class ArticleExtractor {
 public:
  // Reads lexicons/boilerplate.txt from `lexicons`.
  explicit ArticleExtractor(const LexiconSet& lexicons);

  ArticleText Extract(const HtmlDom& dom) const;

 private:
  // One extraction; `strip_by_class` also skips elements whose class or id
  // names page chrome, except those in `keep`.
  ArticleText ExtractPass(const HtmlDom& dom, bool strip_by_class,
                          const std::unordered_set<const GumboNode*>& keep) const;
  bool IsBoilerplateLine(const std::string& paragraph) const;

  std::unordered_set<std::string> exact_lines_;
  std::vector<std::string> line_prefixes_;
  std::vector<std::string> caption_suffixes_;  // only for short lines
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_ARTICLE_EXTRACTOR_H_
