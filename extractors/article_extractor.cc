#include "extractors/article_extractor.h"

#include <algorithm>
#include <unordered_map>

#include "extractors/date_text.h"
#include "extractors/paragraph_collector.h"
#include "extractors/text_util.h"

namespace bw {
namespace {

// Containers: elements whose own text is scored to themselves, not their parent.
bool IsContainerTag(GumboTag t) {
  return t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_ARTICLE ||
         t == GUMBO_TAG_MAIN || t == GUMBO_TAG_TD || t == GUMBO_TAG_BODY;
}

// Readability's prior on a container from its tag and class.
double InitialScore(const GumboNode* n) {
  double s = 0;
  switch (n->v.element.tag) {
    case GUMBO_TAG_ARTICLE: s = 10; break;
    case GUMBO_TAG_DIV: case GUMBO_TAG_MAIN: s = 5; break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: s = 3; break;
    case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_LI: s = -3; break;
    default: break;
  }
  std::vector<std::string> tokens = HtmlDom::ClassTokens(n);
  if (HasContentToken(tokens)) s += 25;
  if (HtmlDom::Attr(n, "itemprop") == "articleBody") s += 50;
  return s;
}

constexpr size_t kMinScoredUnits = 25;
constexpr double kMaxScoredLinkDensity = 0.5;
// Inside the article a paragraph may be more link than text ("Get it on
// Amazon for $139"), but not almost only links (lists of related stories).
constexpr double kMaxKeptLinkDensity = 0.7;
constexpr size_t kMaxDatelineUnits = 100;
constexpr size_t kMaxCaptionChars = 40;
constexpr size_t kMinArticleUnits = 140;
constexpr int kScoredLevels = 5;
constexpr size_t kTopCandidates = 5;
constexpr size_t kMinAlternatives = 3;

}  // namespace

const char* ArticleStatusName(ArticleStatus status) {
  switch (status) {
    case ArticleStatus::kOk: return "ok";
    case ArticleStatus::kNoArticle: return "no_article";
    case ArticleStatus::kEmpty: return "empty";
  }
  return "empty";
}

ArticleExtractor::ArticleExtractor(const LexiconSet& lexicons) {
  for (const LexiconEntry& e : lexicons.Entries("boilerplate.txt")) {
    const std::string kind = e.size() >= 2 ? e[1] : "exact";
    if (kind == "prefix") {
      line_prefixes_.push_back(e[0]);
    } else if (kind == "suffix") {
      caption_suffixes_.push_back(e[0]);
    } else {
      exact_lines_.insert(e[0]);
    }
  }
}

bool ArticleExtractor::IsBoilerplateLine(const std::string& paragraph) const {
  if (exact_lines_.count(paragraph)) return true;
  for (const std::string& p : line_prefixes_) {
    if (paragraph.compare(0, p.size(), p) == 0) return true;
  }
  if (CountChars(paragraph).code_points <= kMaxCaptionChars) {
    for (const std::string& s : caption_suffixes_) {
      if (paragraph.ends_with(s)) return true;
    }
  }
  return false;
}

ArticleText ArticleExtractor::Extract(const HtmlDom& dom) const {
  if (dom.body() == nullptr) return {};
  std::unordered_set<const GumboNode*> keep;
  HtmlDom::ForEachElement(dom.body(), [&](const GumboNode* n) {
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN ||
        HtmlDom::Attr(n, "itemprop") == "articleBody") {
      for (const GumboNode* a = n; a && a->type == GUMBO_NODE_ELEMENT && keep.insert(a).second;
           a = a->parent) {
      }
    }
    return true;
  });
  ArticleText first = ExtractPass(dom, true, keep);
  if (first.status == ArticleStatus::kOk) return first;
  // Class names hid the whole article (themes name page wrappers after their
  // sidebar): try again trusting only tags, as Readability does. Only then:
  // on a page with a short article the class-blind pass would take comments.
  ArticleText retry = ExtractPass(dom, false, keep);
  return retry.status != ArticleStatus::kEmpty ? retry : first;
}

ArticleText ArticleExtractor::ExtractPass(const HtmlDom& dom, bool strip_by_class,
                                          const std::unordered_set<const GumboNode*>& keep) const {
  ArticleText out;
  ParagraphCollector c(strip_by_class, keep);
  c.Run(dom.body());
  if (c.paragraphs.empty()) return out;
  out.status = ArticleStatus::kNoArticle;

  std::unordered_map<const GumboNode*, double> scores;
  auto add = [&](const GumboNode* n, double s) {
    if (n == nullptr || n->type != GUMBO_NODE_ELEMENT) return;
    auto [it, inserted] = scores.try_emplace(n, 0.0);
    if (inserted) it->second = InitialScore(n);
    it->second += s;
  };
  for (const Paragraph& p : c.paragraphs) {
    if (p.units < kMinScoredUnits || p.link_density > kMaxScoredLinkDensity) continue;
    double score = 1.0 + double(p.commas) + std::min(double(p.units) / 100.0, 3.0);
    const GumboNode* container =
        IsContainerTag(p.owner->v.element.tag) ? p.owner : p.owner->parent;
    // Readability's shares: the container all of it, its parent half, then
    // 1/(3*level) further up, five levels in all.
    const GumboNode* n = container;
    for (int level = 0; level < kScoredLevels && n && n->type == GUMBO_NODE_ELEMENT;
         ++level, n = n->parent) {
      add(n, level == 0 ? score : level == 1 ? score / 2 : score / (3.0 * level));
    }
  }
  if (scores.empty()) return out;

  // Link density over the whole subtree of a candidate.
  auto density = [&](const GumboNode* n) {
    auto it = c.ranges.find(n);
    if (it == c.ranges.end()) return 1.0;
    double links = 0, all = 0;
    for (size_t i = it->second.first; i < it->second.second; ++i) {
      all += double(c.paragraphs[i].units);
      links += double(c.paragraphs[i].units) * c.paragraphs[i].link_density;
    }
    return all > 0 ? links / all : 1.0;
  };
  const GumboNode* top = nullptr;
  double top_score = 0;
  for (auto& [node, score] : scores) {
    score *= 1.0 - density(node);
    if (top == nullptr || score > top_score) {
      top = node;
      top_score = score;
    }
  }

  // Several candidates nearly as good as the top one (an article cut into
  // cards or chunks, each with its own bonus) are unified under the first
  // ancestor that holds enough of them (Readability's alternative candidates).
  {
    std::vector<std::pair<double, const GumboNode*>> ranked;
    for (const auto& [node, score] : scores) ranked.push_back({score, node});
    size_t keep = std::min<size_t>(ranked.size(), kTopCandidates);
    std::partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<const GumboNode*> alternatives;
    for (size_t i = 0; i < keep; ++i) {
      if (ranked[i].second != top && ranked[i].first >= 0.75 * top_score) {
        alternatives.push_back(ranked[i].second);
      }
    }
    if (alternatives.size() >= kMinAlternatives) {
      for (const GumboNode* a = top->parent;
           a && a->type == GUMBO_NODE_ELEMENT && a->v.element.tag != GUMBO_TAG_BODY;
           a = a->parent) {
        size_t inside = 0;
        for (const GumboNode* alt : alternatives) {
          for (const GumboNode* x = alt->parent; x; x = x->parent) {
            if (x == a) {
              ++inside;
              break;
            }
          }
        }
        if (inside >= kMinAlternatives) {
          top = a;
          auto it = scores.find(a);
          top_score = it == scores.end() ? top_score : std::max(top_score, it->second);
          break;
        }
      }
    }
  }

  // A score that goes up again in the first steps up the tree is a sign of
  // more content nearby that belongs to the same article (Readability).
  double last = top_score;
  for (const GumboNode* p = top->parent;
       p && p->type == GUMBO_NODE_ELEMENT && p->v.element.tag != GUMBO_TAG_BODY; p = p->parent) {
    auto it = scores.find(p);
    if (it == scores.end()) continue;
    if (it->second < top_score / 3) break;
    if (it->second > last) {
      top = p;
      top_score = it->second;
      break;
    }
    last = it->second;
  }

  // The top candidate and the siblings that score nearly as well.
  std::vector<const GumboNode*> chosen{top};
  if (top->parent && top->parent->type == GUMBO_NODE_ELEMENT &&
      top->v.element.tag != GUMBO_TAG_BODY) {
    chosen.clear();
    const double threshold = std::max(10.0, top_score * 0.2);
    const GumboVector& kids = top->parent->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* sib = static_cast<const GumboNode*>(kids.data[i]);
      if (sib == top) {
        chosen.push_back(sib);
        continue;
      }
      auto it = scores.find(sib);
      if (it != scores.end() && it->second >= threshold) chosen.push_back(sib);
    }
  }

  // A login wall: the "article" holds the password field.
  bool login_form = false;
  HtmlDom::ForEachElement(dom.body(), [&](const GumboNode* n) {
    if (login_form) return false;
    if (n->v.element.tag == GUMBO_TAG_INPUT &&
        AsciiLower(HtmlDom::Attr(n, "type")) == "password") {
      for (const GumboNode* a = n->parent; a && !login_form; a = a->parent) {
        login_form = std::find(chosen.begin(), chosen.end(), a) != chosen.end();
      }
    }
    return true;
  });
  if (login_form) return out;

  std::vector<const Paragraph*> kept;
  for (const GumboNode* n : chosen) {
    auto it = c.ranges.find(n);
    if (it == c.ranges.end()) continue;
    for (size_t i = it->second.first; i < it->second.second; ++i) {
      const Paragraph& p = c.paragraphs[i];
      if (p.link_density > kMaxKeptLinkDensity || IsBoilerplateLine(p.text)) continue;
      // The headline is the title, not part of the text.
      if (p.owner->v.element.tag == GUMBO_TAG_H1) continue;
      kept.push_back(&p);
    }
  }
  // A short line with a date at either end is a dateline ("Published 7:07 PM
  // EST Nov 19, 2019", "2025年10月12日 01:32 来源：新华社"), not prose.
  auto dateline = [](const Paragraph* p) {
    return p->units < kMaxDatelineUnits && FindWrittenDate(p->text, 256).has_value();
  };
  size_t begin = 0, end = kept.size();
  for (int k = 0; k < 2 && begin < end && dateline(kept[begin]); ++k) ++begin;
  for (int k = 0; k < 2 && end > begin && dateline(kept[end - 1]); ++k) --end;
  size_t units = 0;
  for (size_t i = begin; i < end; ++i) units += kept[i]->units;
  if (units < kMinArticleUnits) return out;
  out.status = ArticleStatus::kOk;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) out.text += "\n\n";
    out.text += kept[i]->text;
  }
  return out;
}

}  // namespace bw
