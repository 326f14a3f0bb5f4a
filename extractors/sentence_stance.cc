#include "extractors/sentence_stance.h"

#include "extractors/text_util.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace bw {
namespace {

constexpr double kDemoted = 0.35;       // a clause before "but", or under "although"
constexpr double kContradicted = 0.5;  // a reported view the author answers with "but"
constexpr double kOpenQuestion = 0.3;   // a question that asks without leaning
constexpr double kNegated = 0.9;        // "not a bubble" is a little weaker than "a revolution"
constexpr int kDefaultScope = 3;        // words a negator reaches
constexpr int kEpithetScope = 4;
constexpr int kIntensifierScope = 2;
constexpr double kInHashtag = 0.5;      // #AI泡沫# (closed) names a topic more than it takes a side

// Punctuation that ends a clause: negation does not reach across it.
size_t ClauseBreakAt(std::string_view s, size_t i) {
  char c = s[i];
  if (c == ',') {
    // "1,000" is a number, not a clause break.
    bool digits = i > 0 && i + 1 < s.size() && s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] >= '0' && s[i + 1] <= '9';
    return digits ? 0 : 1;
  }
  if (c == ';' || c == ':' || c == '(' || c == ')') return 1;
  for (std::string_view p : {"，", "；", "：", "、", "—", "（", "）", "…"}) {
    if (s.substr(i, p.size()) == p) return p.size();
  }
  return 0;
}

// The word breaks of one sentence, found when first asked for.
class LazyWordBreaks {
 public:
  LazyWordBreaks(const TextSegmenter& segmenter, std::string_view sentence)
      : segmenter_(segmenter), sentence_(sentence) {}

  // REQUIRES: i <= sentence.size() (offsets are the sentence's).
  bool IsBoundary(size_t i) const { return Get().IsBoundary(i); }
  long WordIndex(size_t i) const { return static_cast<long>(Get().WordIndex(i)); }

 private:
  const WordBreaks& Get() const {
    if (!breaks_) breaks_ = segmenter_.Words(sentence_);
    return *breaks_;
  }

  const TextSegmenter& segmenter_;
  std::string_view sentence_;
  mutable std::optional<WordBreaks> breaks_;
};

struct Hit {
  size_t start;  // into the sentence (folded)
  size_t end;
  const StanceTerm* term;
  size_t clause;
  size_t segment;
  bool in_tag;
};

long WordsBetween(const LazyWordBreaks& words, const Hit& before, const Hit& after) {
  return std::max(0L, words.WordIndex(after.start) - words.WordIndex(before.end - 1) - 1);
}

bool IsRole(const Hit& h, StanceRole r) { return h.term->role == r; }

bool EndsAsQuestion(std::string_view s, std::string_view lang) {
  while (!s.empty()) {
    char c = s.back();
    if (c == ' ' || c == '"' || c == '\'' || c == ')' || c == '.' || c == '!') {
      s.remove_suffix(1);
      continue;
    }
    bool trimmed = false;
    for (std::string_view p : {"。", "」", "』", "）", "！", "…"}) {
      if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p) {
        s.remove_suffix(p.size());
        trimmed = true;
        break;
      }
    }
    if (!trimmed) break;
  }
  if (!s.empty() && s.back() == '?') return true;
  if (lang == "ja") {
    for (std::string_view p : {"のか", "だろうか", "でしょうか", "ますか", "か"}) {
      if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p) return true;
    }
  }
  return false;
}

// Finds the phrases of the sentence `s`, longest first at each position.
std::vector<Hit> FindHits(const SentenceContext& cx, const LazyWordBreaks& seg, std::string_view s) {
  std::vector<Hit> hits;
  size_t clause = 0;
  size_t segment = 0;
  size_t tag_start = std::string_view::npos, tag_end = 0;  // a #hashtag: cues match inside it
  bool tag_closed = false;  // #AI泡沫#, Weibo's topic tag: a topic's name more than a view
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '#') {
      tag_start = i;
      tag_end = i + 1;
      while (tag_end < s.size() && s[tag_end] != ' ' && s[tag_end] != '#' && !ClauseBreakAt(s, tag_end)) ++tag_end;
      tag_closed = tag_end < s.size() && s[tag_end] == '#';
    }
    // A break starts a new clause; a phrase may still start with it ("（棒）").
    const size_t break_len = ClauseBreakAt(s, i);
    if (break_len != 0) ++clause;
    const bool in_tag = tag_start != std::string_view::npos && i > tag_start && i < tag_end;
    size_t matched_end = 0;
    cx.table.ForEachAt(s, i, [&](std::string_view phrase, const StanceTerm& term) {
      const bool cue_like = term.role == StanceRole::kCue || term.role == StanceRole::kTopic;
      size_t end = i + phrase.size();
      if (IsAsciiAlnum(phrase.front()) && !seg.IsBoundary(i) && !(in_tag && cue_like)) return false;
      if (term.prefix) {
        while (end < s.size() && IsAsciiAlnum(s[end])) ++end;
      } else if (IsAsciiAlnum(phrase.back()) && !seg.IsBoundary(end) && !(in_tag && end == tag_end)) {
        return false;
      }
      const bool starts_segment = term.role == StanceRole::kContrast;
      if (starts_segment) {
        ++segment;
        ++clause;
      }
      const bool tagged = tag_closed && tag_start != std::string_view::npos && i > tag_start && i < tag_end;
      hits.push_back(Hit{i, end, &term, clause, segment, tagged});
      if (term.role == StanceRole::kPostNegatorContrast) {
        ++segment;
        ++clause;
      }
      matched_end = end;
      return true;
    });
    i = matched_end > i ? matched_end : i + std::max<size_t>({1, break_len, Utf8CharAt(s, i).size()});
  }
  return hits;
}

struct Effect {
  double full = 0;   // after every rule but the clause demotion
  double value = 0;  // what the cue adds
  bool answered = false;  // turned by a rhetorical negator already
  bool before_soft_contrast = false;  // demoted by a soft contrast after it
  std::string why;
};

void AddWhy(std::string& why, std::string_view what) {
  if (!why.empty()) why += ", ";
  why += what;
}

}  // namespace

SentenceStanceResult ScoreSentenceStance(const SentenceContext& cx, TextSpan span, TextSpan paragraph) {
  SentenceStanceResult result;
  const std::string_view s = std::string_view(cx.folded.text).substr(span.start, span.end - span.start);
  const LazyWordBreaks words(cx.segmenter, s);
  std::vector<Hit> hits = FindHits(cx, words, s);
  auto original = [&](const Hit& h) {
    size_t a = cx.folded.Origin(span.start + h.start), b = cx.folded.Origin(span.start + h.end);
    return std::string(cx.original.substr(a, b - a));
  };

  const size_t last_segment = hits.empty() ? 0 : hits.back().segment;
  bool has_refute = false, has_topic = false, rhetorical = false, alternative = false, balance = false;
  for (const Hit& h : hits) {
    has_refute |= IsRole(h, StanceRole::kRefute);
    has_topic |= IsRole(h, StanceRole::kTopic);
    rhetorical |= IsRole(h, StanceRole::kAffirm) || IsRole(h, StanceRole::kRebut) ||
                  IsRole(h, StanceRole::kLoadedQuestion);
    alternative |= IsRole(h, StanceRole::kAlternative);
    balance |= IsRole(h, StanceRole::kBalance);
    result.attributed |= IsRole(h, StanceRole::kAttribution);
    result.conclusion |= IsRole(h, StanceRole::kConclusion) || IsRole(h, StanceRole::kFinding);
    result.finding |= IsRole(h, StanceRole::kFinding);
    result.names_conclusion |= IsRole(h, StanceRole::kConclusionHeading);
    result.names_counter |= IsRole(h, StanceRole::kCounterHeading);
  }
  const bool question = EndsAsQuestion(s, cx.lang);
  result.question = question;
  if (!hits.empty() && hits.front().start < 4) {
    result.opens_with_contrast = IsRole(hits.front(), StanceRole::kContrast);
    result.opens_with_alternative = IsRole(hits.front(), StanceRole::kAlternative) && question;
  }
  // A rhetorical negator marked 1 ("これが") is one only in a question; any
  // affirming phrase (でなくて何, 难道不是) overrules it.
  auto affirmed = [&](size_t clause) {
    for (const Hit& a : hits) {
      if (IsRole(a, StanceRole::kAffirm) && a.clause == clause) return true;
    }
    return false;
  };
  auto flips = [&](const Hit& o) {
    return IsRole(o, StanceRole::kRhetoricalNegator) && !affirmed(o.clause) && (o.term->weight != 1 || question);
  };

  for (const Hit& h : hits) rhetorical |= flips(h);
  // "💥 Gate 广场活动 💥": the same emoji opening and closing a line decorates it.
  const StanceTerm* decoration = hits.size() >= 2 && hits.front().start == 0 && hits.back().end == s.size() &&
                                  hits.front().term == hits.back().term && !IsAsciiAlnum(s[0])
                              ? hits.front().term
                              : nullptr;
  // Soft contrasts ("in fact", 实际上) demote what came before and never turn it.
  result.soft_contrast = true;
  for (const Hit& h : hits) result.soft_contrast &= !IsRole(h, StanceRole::kContrast) || h.term->weight == 2;
  // Whether the part after the last contrast has a cue of its own.
  bool view_after_contrast = false;
  for (const Hit& h : hits) {
    // "The question isn't if …, but when": the shift says what follows.
    view_after_contrast |= (h.segment == last_segment && last_segment > 0 &&
                            (IsRole(h, StanceRole::kCue) || IsRole(h, StanceRole::kTopic))) ||
                           IsRole(h, StanceRole::kShift) || IsRole(h, StanceRole::kWhether);
  }
  std::vector<Effect> effects(hits.size());
  std::vector<size_t> cue_index;  // hits that carry a polarity
  for (size_t k = 0; k < hits.size(); ++k) {
    const Hit& h = hits[k];
    const StanceTerm& t = *h.term;
    Effect& e = effects[k];
    bool polar = false;
    if (t.role == StanceRole::kCue || t.role == StanceRole::kLoadedQuestion) {
      e.full = t.weight;
      polar = true;
    } else if (t.role == StanceRole::kTopic) {
      if (has_refute) {
        double strength = 1.0;
        for (const Hit& r : hits) {
          if (IsRole(r, StanceRole::kRefute)) strength = r.term->second != 0 ? r.term->second : 1.0;
        }
        e.full = -(t.second >= 0 ? 1.0 : -1.0) * strength;
        AddWhy(e.why, "claim refuted");
      } else {
        e.full = t.weight;
      }
      polar = true;
    } else if (t.role == StanceRole::kRefute && !has_topic) {
      e.full = t.weight;
      polar = true;
    } else if ((t.role == StanceRole::kAttribution || t.role == StanceRole::kIrony) && t.weight != 0) {
      e.full = t.weight;
      polar = true;
    }
    if (!polar) continue;
    cue_index.push_back(k);
    if (cx.lexicon.Vetoed(s.substr(h.start, h.end - h.start),
                          std::string_view(cx.folded.text).substr(paragraph.start, paragraph.end - paragraph.start))) {
      e.full = 0;
      AddWhy(e.why, "not about the boom here");
    } else {
      result.live_cue = true;
    }
    for (const Hit& o : hits) {
      if (&o == &h || o.clause != h.clause) continue;
      if ((IsRole(o, StanceRole::kEpithet) || IsRole(o, StanceRole::kDebate)) && e.full != 0 &&
          !(t.role == StanceRole::kTopic && has_refute)) {
        long d = o.start > h.start ? WordsBetween(words, h, o) : WordsBetween(words, o, h);
        // "the debate over whether AI spending has tipped into a bubble",
        // 争论是否…, …バブルなのかどうかを巡る議論: a debate next to its
        // whether holds the whole question, however long.
        bool debated_question = false;
        if (IsRole(o, StanceRole::kDebate)) {
          for (const Hit& w : hits) {
            if (w.clause != o.clause ||
                !(IsRole(w, StanceRole::kAlternative) || IsRole(w, StanceRole::kWhether))) {
              continue;
            }
            debated_question |= o.start < h.start ? o.start < w.start && w.start < h.start &&
                                                        WordsBetween(words, o, w) <= 1
                                                  : h.start < w.start && w.start < o.start &&
                                                        WordsBetween(words, w, o) <= 1;
          }
        }
        if (d <= kEpithetScope || debated_question) {
          e.full = 0;
          AddWhy(e.why, IsRole(o, StanceRole::kEpithet) ? "part of a name" : "what is debated");
        }
      }
      if (IsRole(o, StanceRole::kWhether) && e.full != 0 &&
          (o.start > h.start ? WordsBetween(words, h, o) : WordsBetween(words, o, h)) <= kEpithetScope) {
        e.full = 0;
        AddWhy(e.why, "an open question: '" + original(o) + "'");
      }
    }
    if (h.term == decoration) {
      e.full = 0;
      AddWhy(e.why, "decoration");
    }
    if (h.in_tag) {
      e.full *= kInHashtag;
      AddWhy(e.why, "hashtag");
    }
    if (e.full == 0 || t.role == StanceRole::kAttribution || t.role == StanceRole::kIrony ||
        t.role == StanceRole::kRefute ||
        (t.role == StanceRole::kTopic && has_refute)) {
      e.value = e.full;
      // "Analysts warn …, but": the warning's own lean is answered too.
      if (t.role == StanceRole::kAttribution && h.segment < last_segment && !result.soft_contrast) {
        e.value = -e.full * kContradicted;
        AddWhy(e.why, "reported, then contradicted");
      }
      continue;
    }
    // Negation: the nearest negator before the cue, or a Japanese negator after it.
    const Hit* negator = nullptr;
    bool shifted = false;
    for (const Hit& o : hits) shifted |= IsRole(o, StanceRole::kShift) && o.clause == h.clause;
    // A negator reaches the first cue after it only ("no sign of a bubble in the order books").
    auto cue_between = [&](size_t from, size_t to) {
      for (const Hit& c : hits) {
        if (&c != &h && c.start >= from && c.end <= to &&
            (IsRole(c, StanceRole::kCue) || IsRole(c, StanceRole::kTopic))) {
          return true;
        }
      }
      return false;
    };
    for (const Hit& o : hits) {
      if (shifted || o.clause != h.clause) continue;
      long scope = o.term->weight > 0 ? static_cast<long>(o.term->weight) : kDefaultScope;
      if (IsRole(o, StanceRole::kNegator) && o.end <= h.start && WordsBetween(words, o, h) <= scope &&
          !cue_between(o.end, h.start)) {
        negator = &o;
      }
      if ((IsRole(o, StanceRole::kPostNegator) || IsRole(o, StanceRole::kPostNegatorContrast)) &&
          o.start >= h.end && WordsBetween(words, h, o) <= scope && negator == nullptr) {
        negator = &o;
      }
    }
    // A post-negator that starts a new segment sits in the next clause; look it up there too.
    for (const Hit& o : hits) {
      if (negator == nullptr && !shifted && IsRole(o, StanceRole::kPostNegatorContrast) && o.start >= h.end &&
          o.segment == h.segment && WordsBetween(words, h, o) <= kDefaultScope) {
        negator = &o;
      }
    }
    if (negator != nullptr) {
      e.full = -e.full * kNegated;
      AddWhy(e.why, "negated by '" + original(*negator) + "'");
    }
    for (const Hit& o : hits) {
      if (flips(o) && o.end <= h.start && o.clause == h.clause) {
        e.full = -e.full;
        e.answered = true;
        AddWhy(e.why, "rhetorical '" + original(o) + "'");
        break;
      }
    }
    for (const Hit& o : hits) {
      if (o.clause != h.clause) continue;
      if (IsRole(o, StanceRole::kIntensifier) && o.end <= h.start && WordsBetween(words, o, h) < kIntensifierScope) {
        e.full *= o.term->weight;
        AddWhy(e.why, "intensified");
      } else if ((IsRole(o, StanceRole::kHedge) || IsRole(o, StanceRole::kAffirm)) && o.term->weight > 0) {
        e.full *= o.term->weight;
        AddWhy(e.why, IsRole(o, StanceRole::kHedge) ? "hedged" : "asserted");
      }
    }
    e.value = e.full;
    // "Not X but Y" (而是, but rather, ではなく) asserts both: what was negated keeps its weight.
    bool corrective = negator != nullptr && IsRole(*negator, StanceRole::kPostNegatorContrast);
    for (const Hit& o : hits) {
      corrective |= negator != nullptr && IsRole(o, StanceRole::kContrast) && o.term->weight == 1 &&
                    o.start >= h.end && o.segment == h.segment + 1;
    }
    bool reported_here = false;
    for (const Hit& o : hits) reported_here |= IsRole(o, StanceRole::kAttribution) && o.segment == h.segment;
    if (h.segment < last_segment && !corrective && !result.soft_contrast && (reported_here || !view_after_contrast)) {
      // "Critics call it a bubble, but …", "Nvidia beat again, but receivables are ballooning":
      // what follows "but" goes against what came before, even in words no lexicon has.
      e.value = -e.value * kContradicted;
      AddWhy(e.why, reported_here ? "reported, then contradicted" : "turned by the contrast after it");
    } else if (h.segment < last_segment && !corrective) {
      e.value *= kDemoted;
      e.before_soft_contrast = result.soft_contrast;
      AddWhy(e.why, "before a contrast");
    } else {
      for (const Hit& o : hits) {
        if (IsRole(o, StanceRole::kConcessive) && o.clause == h.clause) {
          e.value *= kDemoted;
          AddWhy(e.why, "concession");
          break;
        }
      }
    }
  }

  // A soft contrast (on the other hand, 其实, 一方で) does not demote what came before
  // when what follows leans the same way ("谈不上泡沫，需求其实非常强劲").
  // When nothing after it leans at all, the demotion stays: "说AI是泡沫的和说
  // AI是革命的，其实都只是在猜" talks about the debate.
  if (result.soft_contrast) {
    double after = 0;
    for (size_t k : cue_index) {
      if (hits[k].segment == last_segment) after += effects[k].value;
    }
    for (size_t k : cue_index) {
      Effect& e = effects[k];
      if (e.before_soft_contrast && after * e.value > 0) {
        e.value /= kDemoted;
        AddWhy(e.why, "agrees with what follows");
      }
    }
  }

  // Irony ("totally sustainable 🙃", "to the moon /s") turns every bullish
  // cue of the sentence around; the marker itself counts only when there is none.
  for (const Hit& m : hits) {
    if (!IsRole(m, StanceRole::kIrony)) continue;
    bool turned = false;
    for (size_t k : cue_index) {
      if (hits[k].term->role == StanceRole::kIrony || effects[k].value <= 0) continue;
      effects[k].full = -effects[k].full;
      effects[k].value = -effects[k].value;
      AddWhy(effects[k].why, "irony '" + original(m) + "'");
      turned = true;
    }
    if (turned) {
      for (size_t k : cue_index) {
        if (hits[k].term->role == StanceRole::kIrony) effects[k].value = 0;
      }
    }
    break;
  }

  // A rebuttal turns the view reported before it around.
  for (const Hit& r : hits) {
    if (!IsRole(r, StanceRole::kRebut)) continue;
    // The view rebutted is the nearest clause before the rebuttal that has one.
    // A rebuttal marked 1 ("受注残を見てほしい") points at the words just before it:
    // those are its evidence, and the view is in an earlier clause.
    const bool points_back = r.term->weight == 1;
    long clause = -1;
    for (size_t k : cue_index) {
      if (hits[k].end <= r.start && effects[k].full != 0 && !(points_back && hits[k].clause == r.clause)) {
        clause = static_cast<long>(hits[k].clause);
      }
    }
    bool any = false;
    for (size_t k : cue_index) {
      // A view a rhetorical negator has already turned ("天天喊崩盘") is not turned back.
      if (hits[k].end <= r.start && static_cast<long>(hits[k].clause) == clause) {
        if (!effects[k].answered) {
          effects[k].value = -effects[k].full;
          AddWhy(effects[k].why, "rebutted");
        }
        any = true;
      }
    }
    if (any) {
      result.attributed = false;  // the author has spoken
      result.stance.rules.push_back("rebuttal");
    } else {
      result.rebuts_previous = true;
    }
    break;
  }

  // "Bubble?" alone: an echo that dismisses the word it repeats, answered by what follows.
  // Asked only where a hit needs it (the words are found lazily).
  auto words_in_sentence = [&] { return words.WordIndex(s.size() - 1) - words.WordIndex(0) + 1; };
  // A fragment that is one phrase ("What bubble?") says what the phrase says.
  if (question && cue_index.size() == 1 && words_in_sentence() <= 2 && !rhetorical) {
    const Hit& h = hits[cue_index[0]];
    if (words.WordIndex(h.start) == words.WordIndex(h.end - 1)) {
      Effect& e = effects[cue_index[0]];
      e.value = -e.value;
      AddWhy(e.why, "echo question");
    }
    rhetorical = true;
  }
  double raw = 0;
  bool before_alt_neg = false, before_alt_pos = false, after_alt_neg = false, after_alt_pos = false;
  size_t alt_pos = std::string_view::npos;
  for (const Hit& h : hits) {
    if (IsRole(h, StanceRole::kAlternative)) {
      alt_pos = h.start;
      break;
    }
  }
  for (size_t k : cue_index) {
    raw += effects[k].value;
    double v = effects[k].value;
    bool before = hits[k].start < alt_pos;
    (before ? (v < 0 ? before_alt_neg : before_alt_pos) : (v < 0 ? after_alt_neg : after_alt_pos)) |= v != 0;
  }
  const bool either_or = alternative && ((before_alt_neg && after_alt_pos) || (before_alt_pos && after_alt_neg));
  // Sentence-level rules scale every cue alike, so each cue's effect still sums to the score.
  double factor = 1;
  if (raw != 0 && balance) {
    factor = 0;
    result.stance.rules.push_back("both sides");
  } else if (raw != 0 && !rhetorical && (either_or || (question && alternative))) {
    factor = 0;
    result.stance.rules.push_back(question ? "balanced question" : "either/or");
  } else if (raw != 0 && question && !rhetorical) {
    factor = kOpenQuestion;
    result.stance.rules.push_back("open question");
  }
  result.question_factor = factor;
  if (factor != 1) {
    raw *= factor;
    for (size_t k : cue_index) effects[k].value *= factor;
  }
  // "No." / 不会。 (a negator alone) or "Yes." alone answers the question before it
  // (StanceExtractor).
  if (hits.size() == 1 && words_in_sentence() <= 3) {
    if (IsRole(hits[0], StanceRole::kAnswer)) result.answer = hits[0].term->weight < 0 ? -1 : 1;
    if (IsRole(hits[0], StanceRole::kNegator) || IsRole(hits[0], StanceRole::kPostNegator)) result.answer = -1;
  }
  // "Analysts warn …, but …": after the contrast the author speaks.
  if (result.attributed && last_segment > 0) {
    bool last_reported = false;
    for (const Hit& h : hits) last_reported |= IsRole(h, StanceRole::kAttribution) && h.segment == last_segment;
    result.attributed = last_reported;
  }
  if (result.attributed) result.stance.rules.push_back("reported view");
  if (result.conclusion) result.stance.rules.push_back("conclusion");

  for (size_t k : cue_index) {
    const Hit& h = hits[k];
    result.stance.cues.push_back(StanceCue{original(h), h.term->role == StanceRole::kTopic && has_refute ? 0 : h.term->weight,
                                           effects[k].value, effects[k].why});
  }
  result.stance.start = cx.folded.Origin(span.start);
  result.stance.end = cx.folded.Origin(span.end);
  result.stance.score = std::tanh(raw);
  return result;
}

}  // namespace bw
