// ParagraphCollector: the first stage of article extraction. It walks the
// body once and cuts it into paragraphs at block elements and <br>, skipping
// subtrees that are never article text (script, nav, footer, aside, hidden
// elements and, optionally, elements whose class or id names page chrome),
// and records for every block element the range of paragraphs it holds.
//
//   bw::ParagraphCollector c(/*strip_by_class=*/true, keep);
//   c.Run(dom.body());
//   for (const bw::Paragraph& p : c.paragraphs) { ... p.text, p.link_density ... }
#ifndef BUBBLEWATCH_EXTRACTORS_PARAGRAPH_COLLECTOR_H_
#define BUBBLEWATCH_EXTRACTORS_PARAGRAPH_COLLECTOR_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace bw {

// A paragraph of visible text and the block element that holds it.
struct Paragraph {
  std::string text;
  const GumboNode* owner;
  size_t units;         // code points, CJK counted twice
  double link_density;  // share of the visible text inside <a>
  size_t commas;        // clause punctuation, a sign of prose
};

// True when the class/id words name article content ("article-body", "entry-content").
bool HasContentToken(const std::vector<std::string>& tokens);

class ParagraphCollector {
 public:
  // `strip_by_class`: also skip elements whose class or id names chrome.
  // `keep`: elements never skipped by class (the ancestors of <article> and
  // <main>, whose wrappers sometimes carry names like "penci_sidebar").
  // REQUIRES: `keep` outlives the collector.
  ParagraphCollector(bool strip_by_class, const std::unordered_set<const GumboNode*>& keep)
      : strip_by_class_(strip_by_class), keep_(keep) {}

  // Collects the paragraphs of `body` (an element). Iterative: deep trees
  // cannot overflow the stack.
  void Run(const GumboNode* body);

  std::vector<Paragraph> paragraphs;
  std::unordered_map<const GumboNode*, std::pair<size_t, size_t>> ranges;  // [first, end)

 private:
  bool Skip(const GumboNode* n);
  void Enter(const GumboNode* n);
  void Leave(const GumboNode* n);
  void AddText(std::string_view s);
  void Flush();

  const bool strip_by_class_;
  const std::unordered_set<const GumboNode*>& keep_;
  std::vector<const GumboNode*> blocks_;
  std::string buffer_;
  size_t link_bytes_ = 0;
  size_t text_bytes_ = 0;
  int link_depth_ = 0;
  int article_depth_ = 0;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_PARAGRAPH_COLLECTOR_H_
