#include "extractors/stance_extractor.h"

#include <algorithm>
#include <cmath>

#include "extractors/quoted_lines.h"
#include "extractors/sentence_stance.h"

namespace bw {
namespace {

constexpr double kTitleWeight = 2.0;
constexpr double kConclusionWeight = 2.0;
constexpr double kLastParagraphWeight = 1.5;
constexpr double kReportedWeight = 0.6;   // a quoted opinion, below the author's own
// A line a reply quotes: the context of the reply, which is the writer's view.
constexpr double kQuotedLineWeight = 0.4;
// A section the author heads as the other side's case ("The bear case", 反证与担忧,
// 反論): the hedge of the piece, not its thesis.
constexpr double kCounterSectionWeight = 0.5;
constexpr double kFollowedByContrast = 0.35;
constexpr double kContradicted = 0.5;     // a reported view answered by "But …"; not attributed any more
constexpr double kSmoothing = 0.5;        // one weak cue does not make a document certain
constexpr double kSentenceThreshold = 0.2;
constexpr double kDocumentThreshold = 0.15;
// The winning side needs a sentence this strong: one weak cue ("risk",
// "orders", tanh(0.3) = 0.29) does not make a document bubble or revolution.
constexpr double kMinEvidence = 0.35;
// The model reads the title and the start of the text: it was trained on items
// of one to three sentences, and the start of an article is where it frames its
// story; the rules read the rest. This also bounds its cost per document.
constexpr size_t kModelInputBytes = 3000;
// A model vote weaker than this is not listed as evidence: it moves nothing.
constexpr double kMinModelVote = 0.05;
// A text of this many sentences or more must name the subject (StanceSubject)
// in enough of them, or it is about something else: a football report's
// "concerns" and a space story's "moon" are no view of the AI boom. Shorter
// items (a post, a news sentence) are judged as they are: they were collected
// for the subject, and a skeptic's one-liner rarely names it.
constexpr size_t kSubjectCheckSentences = 6;
constexpr size_t kMinSubjectSentences = 1;
constexpr double kMinSubjectShare = 0.05;

// A heading is a line of its own without closing punctuation ("まとめ",
// "Conclusion:"), short enough not to be a sentence that lost its full stop.
constexpr size_t kMaxHeadingBytes = 100;

bool LooksLikeHeading(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.empty() || line.size() > kMaxHeadingBytes) return false;
  // A heading may end in a quoted term (外部视角如何看待“循环性”); a quoted sentence ends in
  // its own full stop (他说“这是泡沫。”).
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view quote : {"」", "』", "”", "\"", "'"}) {
      if (line.size() > quote.size() && line.substr(line.size() - quote.size()) == quote) {
        line.remove_suffix(quote.size());
        stripped = true;
      }
    }
  }
  for (std::string_view end : {".", "!", "?", "。", "！", "？"}) {
    if (line.size() >= end.size() && line.substr(line.size() - end.size()) == end) return false;
  }
  return true;
}

// An open question answered by the next sentence ("Bubble? No." / "…? Come on.")
// says what the answer makes of it: its cues at full strength, turned by `sign`.
void ResolveQuestion(SentenceStanceResult& q, double sign, std::string_view rule) {
  SentenceStance& st = q.stance;
  double raw = 0;
  for (StanceCue& c : st.cues) {
    c.effect = c.effect / q.question_factor * sign;
    raw += c.effect;
  }
  st.score = std::tanh(raw);
  st.rules.emplace_back(rule);
  q.question_factor = 1;
}

// Turns a sentence's view around: the next sentence answers it ("But …", "That's nonsense.").
void TurnAround(SentenceStance& st, std::string_view rule) {
  st.score = -st.score;
  for (StanceCue& c : st.cues) c.effect = -c.effect;
  st.rules.emplace_back(rule);
}

// A question the next sentence can answer: open, with cues, not balanced.
bool Answerable(const SentenceStanceResult& q) {
  return q.question && q.question_factor != 0 && q.question_factor != 1 && q.stance.score != 0;
}

StanceLabel LabelOf(double score, double threshold) {
  if (score <= -threshold) return StanceLabel::kBubble;
  if (score >= threshold) return StanceLabel::kRevolution;
  return StanceLabel::kNeutral;
}

}  // namespace

std::string_view StanceLabelName(StanceLabel label) {
  switch (label) {
    case StanceLabel::kBubble: return "bubble";
    case StanceLabel::kRevolution: return "revolution";
    case StanceLabel::kNeutral: return "neutral";
  }
  return "neutral";
}

struct StanceExtractor::Scored {
  SentenceStanceResult r;
  size_t paragraph = 0;
  bool quoted = false;  // on a quoted line ("> …"): the view a reply answers
};

// A text folded for the lexicons and cut into sentences.
struct StanceExtractor::Split {
  FoldedText folded;
  std::vector<TextSpan> spans;     // sentences, as offsets into folded.text
  std::vector<size_t> paragraphs;  // the paragraph of each sentence
};

StanceExtractor::StanceExtractor(const LexiconSet& lexicons) : StanceExtractor(lexicons, StanceModel(lexicons)) {}

StanceExtractor::StanceExtractor(const LexiconSet& lexicons, StanceModel model)
    : lexicon_(lexicons), subject_(lexicons), model_(std::move(model)), folder_(lexicons) {
  for (const char* lang : {"en", "zh", "ja", "und"}) segmenters_[lang] = std::make_unique<TextSegmenter>(lang);
}

StanceExtractor::~StanceExtractor() = default;

const TextSegmenter& StanceExtractor::SegmenterFor(std::string_view lang) const {
  auto it = segmenters_.find(lang);
  return it != segmenters_.end() ? *it->second : *segmenters_.find("und")->second;
}

StanceExtractor::Split StanceExtractor::SplitSentences(std::string_view text, std::string_view lang) const {
  Split split{folder_.FoldProse(text, /*chinese=*/lang == "zh"), {}, {}};
  const FoldedText& folded = split.folded;
  // Sentences are found in the text as written (case tells where they end),
  // then mapped onto the folded text.
  auto to_folded = [&](size_t original) {
    return static_cast<size_t>(std::lower_bound(folded.origin.begin(), folded.origin.end(), original) -
                               folded.origin.begin());
  };
  split.spans = SegmenterFor(lang).Sentences(text);
  // A Weibo repost chain ("醒醒吧//@某人:AI是革命") starts a sentence of its own.
  if (const TextSpan chain = FindRepostChain(text); chain.end > chain.start) {
    for (size_t i = 0; i < split.spans.size(); ++i) {
      if (split.spans[i].start < chain.start && chain.start < split.spans[i].end) {
        split.spans.insert(split.spans.begin() + static_cast<long>(i) + 1, TextSpan{chain.start, split.spans[i].end});
        split.spans[i].end = chain.start;
        break;
      }
    }
  }
  split.paragraphs.reserve(split.spans.size());
  size_t paragraph = 0;
  size_t scanned = 0;
  for (TextSpan& span : split.spans) {
    span = {to_folded(span.start), to_folded(span.end)};
    paragraph += static_cast<size_t>(std::count(folded.text.begin() + static_cast<long>(scanned),
                                                folded.text.begin() + static_cast<long>(span.start), '\n'));
    scanned = span.start;
    split.paragraphs.push_back(paragraph);
  }
  return split;
}

size_t StanceExtractor::SubjectSentences(const Split& split, size_t limit) const {
  const std::string_view folded = split.folded.text;
  size_t found = 0;
  for (size_t i = 0; i < split.spans.size() && found < limit; ++i) {
    found += subject_.Mentions(folded.substr(split.spans[i].start, split.spans[i].end - split.spans[i].start));
  }
  return found;
}

std::vector<StanceExtractor::Scored> StanceExtractor::ScoreSentences(const Split& split, std::string_view text,
                                                                     std::string_view lang, bool in_title,
                                                                     bool whole_post) const {
  const SentenceContext cx{lexicon_, lexicon_.Table(lang), lang, text, split.folded, SegmenterFor(lang)};
  std::vector<Scored> out;
  out.reserve(split.spans.size());
  TextSpan paragraph;
  const std::vector<TextSpan> quoted_lines = in_title ? std::vector<TextSpan>{} : FindQuotedLines(text);
  auto quoted_line = quoted_lines.begin();
  const TextSpan chain = in_title ? TextSpan{} : FindRepostChain(text);
  for (size_t i = 0; i < split.spans.size(); ++i) {
    // The paragraph runs from its first sentence to its last. A post's line breaks are
    // layout, not a new subject: its whole text is one paragraph ("My rig hits 95C\n\nkeeps
    // overheating lol").
    if (whole_post && !split.spans.empty()) {
      paragraph = TextSpan{split.spans.front().start, split.spans.back().end};
    } else if (i == 0 || split.paragraphs[i] != split.paragraphs[i - 1]) {
      size_t last = i;
      while (last + 1 < split.spans.size() && split.paragraphs[last + 1] == split.paragraphs[i]) ++last;
      paragraph = TextSpan{split.spans[i].start, split.spans[last].end};
    }
    Scored s{ScoreSentenceStance(cx, split.spans[i], paragraph), split.paragraphs[i]};
    s.r.stance.in_title = in_title;
    // "> AI is a bubble" above a reply: the view being answered, someone else's.
    while (quoted_line != quoted_lines.end() && quoted_line->end <= s.r.stance.start) ++quoted_line;
    const bool in_chain = chain.end > chain.start && s.r.stance.start >= chain.start;
    if (in_chain || (quoted_line != quoted_lines.end() && quoted_line->start <= s.r.stance.start)) {
      s.quoted = true;
      s.r.attributed = true;
      s.r.stance.rules.emplace_back("quoted");
    }
    out.push_back(std::move(s));
  }
  return out;
}

void StanceExtractor::AddModelVote(std::string_view text, const StanceOptions& options, Stance& stance) const {
  if (model_.empty()) return;
  std::string whole(options.title);
  if (!whole.empty()) whole += '\n';
  size_t cut = std::min(text.size(), kModelInputBytes);
  while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  // The quoted lines of a reply are the view it answers: the model reads the reply.
  whole += WithoutQuotedLines(text.substr(0, cut));
  const StanceModelScore m = model_.Score(folder_.FoldProse(whole, options.lang == "zh").text, options.lang);
  // What the model believes neutral quiets what the cue words found: on text by
  // new writers a cue word is often only a mention ("the bubble debate").
  stance.cue_scale = 1 - model_.quiet() * m.p[StanceModel::kNeutral];
  stance.bubble *= stance.cue_scale;
  stance.revolution *= stance.cue_scale;
  // A model that finds the text neutral does not vote.
  if (m.p[StanceModel::kNeutral] >= std::max(m.p[StanceModel::kBubble], m.p[StanceModel::kRevolution])) return;
  const double vote = std::tanh(model_.vote() * m.Lean());
  if (std::abs(vote) < kMinModelVote) return;
  (vote < 0 ? stance.bubble : stance.revolution) += std::abs(vote);
  // Its evidence spans the whole text (or the title, when there is no text).
  SentenceStance e;
  std::string_view span = text;
  while (!span.empty() && (span.back() == ' ' || span.back() == '\n' || span.back() == '\r')) span.remove_suffix(1);
  e.in_title = span.empty() && !options.title.empty();
  e.end = e.in_title ? options.title.size() : span.size();
  e.score = vote;
  e.label = LabelOf(vote, kSentenceThreshold);
  std::string reasons;
  for (const std::string& r : m.reasons) reasons += (reasons.empty() ? "" : ", ") + r;
  e.cues.push_back(StanceCue{"model: " + reasons, m.Lean(), vote, ""});
  e.rules.push_back("model");
  stance.evidence.push_back(std::move(e));
}

Stance StanceExtractor::Analyze(std::string_view text, const StanceOptions& options) const {
  std::string_view lang = options.lang;
  const Split body_split = SplitSentences(text, lang);
  const Split title_split = SplitSentences(options.title, lang);
  Stance stance;
  // Before any sentence is scored: a text about something else costs only the check.
  const bool subject_checked = body_split.spans.size() >= kSubjectCheckSentences;
  if (subject_checked) {
    stance.sentences = body_split.spans.size() + title_split.spans.size();
    const size_t needed = std::max(kMinSubjectSentences, static_cast<size_t>(std::ceil(kMinSubjectShare *
                                                                                   static_cast<double>(stance.sentences))));
    stance.subject_sentences = SubjectSentences(title_split, needed);
    stance.subject_sentences += SubjectSentences(body_split, needed - stance.subject_sentences);
    if (stance.subject_sentences < needed) {
      stance.off_subject = true;
      return stance;
    }
  }
  std::vector<Scored> title = ScoreSentences(title_split, options.title, lang, /*in_title=*/true, /*whole_post=*/false);
  std::vector<Scored> body = ScoreSentences(body_split, text, lang, /*in_title=*/false, options.kind == "post");

  // Rules across sentences of the text.
  const size_t paragraphs = body.empty() ? 0 : body.back().paragraph + 1;
  for (size_t i = 0; i < body.size(); ++i) {
    SentenceStanceResult& r = body[i].r;
    // "Critics warn of a bubble. But …", "Nvidia beat again. But receivables are
    // ballooning.": what follows "but" goes against what came before, even in words
    // no lexicon has.
    SentenceStanceResult* prev = i > 0 ? &body[i - 1].r : nullptr;
    // A quoted line is someone else's: it does not answer the writer's text before it, nor
    // another quoted line ("&gt; これはバブル\n&gt; いや、これは革命": two people on a timeline).
    if (prev != nullptr && body[i].quoted && (!body[i - 1].quoted || body[i - 1].paragraph != body[i].paragraph)) {
      prev = nullptr;
    }
    if (prev != nullptr && r.opens_with_contrast && !r.soft_contrast && prev->stance.score != 0 &&
        (prev->attributed || r.stance.cues.empty())) {
      TurnAround(prev->stance, prev->attributed ? "reported, then contradicted" : "turned by the contrast after it");
      prev->stance.weight *= kContradicted;
      prev->attributed = false;
    } else if (prev != nullptr && r.opens_with_contrast) {
      prev->stance.weight *= kFollowedByContrast;
      prev->stance.rules.push_back("followed by a contrast");
    }
    if (prev != nullptr && r.opens_with_alternative && prev->question) {
      for (SentenceStance* q : {&prev->stance, &r.stance}) {
        q->score = 0;
        q->rules.push_back("balanced question");
      }
    }
    if (prev != nullptr && r.answer != 0 && Answerable(*prev)) {
      ResolveQuestion(*prev, r.answer, r.answer < 0 ? "answered no" : "answered yes");
    } else if (prev != nullptr && r.answer != 0 && prev->attributed && !prev->question && prev->stance.score != 0) {
      // "> AI is a bubble" / "No." (or "This."): the writer takes the reported view's
      // opposite, or makes it their own.
      if (r.answer < 0) {
        TurnAround(prev->stance, "answered no");
      } else {
        prev->stance.rules.emplace_back("answered yes");
      }
      prev->attributed = false;
    }
    // "Demand is real? Come on." rebuts the claim it echoes: in a run of questions
    // ("This a bubble? With supply this short? Give me a break.") the first one.
    size_t asked = i;
    while (prev != nullptr && asked > 0 && body[asked - 1].r.question &&
           body[asked - 1].paragraph == body[i].paragraph) {
      --asked;
    }
    if (r.rebuts_previous && asked < i) {
      if (Answerable(body[asked].r)) {
        ResolveQuestion(body[asked].r, -1, "rebutted by a later sentence");
        r.stance.rules.push_back("rebuttal");
      }
    } else if (prev != nullptr && r.rebuts_previous && prev->attributed && prev->stance.score != 0) {
      TurnAround(prev->stance, "rebutted by the next sentence");
      prev->attributed = false;
      r.stance.rules.push_back("rebuttal");
    }
  }
  // A quoted view the reply takes the other side of is the view it rebuts: "> the
  // demand is real" / "lol. it's a bubble". The reply runs to the next quoted line; a
  // repost chain's reply is the comment before it ("醒醒吧//@某人:AI是革命", "不是。//@…").
  for (size_t i = 0; i < body.size(); ++i) {
    SentenceStance& quote = body[i].r.stance;
    if (!body[i].quoted || !body[i].r.attributed || quote.score == 0) continue;
    double reply = 0;
    size_t j = i + 1;
    while (j < body.size() && body[j].quoted) ++j;
    for (; j < body.size() && !body[j].quoted && reply == 0; ++j) reply = body[j].r.stance.score;
    size_t k = i;
    while (k > 0 && body[k - 1].quoted) --k;
    for (; reply == 0 && k > 0 && !body[k - 1].quoted; --k) {
      const SentenceStanceResult& before = body[k - 1].r;
      reply = before.answer != 0      ? before.answer * quote.score
              : before.rebuts_previous ? -quote.score  // "胡说八道 RT @x: …"
                                       : before.stance.score;
      // "ほんとこれ RT @a: …", "没错//@a: …": the writer makes the reposted view their own.
      if (before.answer > 0) {
        body[i].r.attributed = false;
        quote.rules.emplace_back("answered yes");
      }
    }
    if (reply * quote.score < 0) TurnAround(quote, "answered by the reply");
  }
  // A heading that names the conclusion ("まとめ", 结语) makes its section the author's conclusion,
  // up to the next heading; one that names the other side's case ("The bear case", 反证) makes
  // its section, heading included, the piece's hedge.
  bool in_conclusion = false, in_counter = false;
  for (size_t i = 0; i < body.size(); ++i) {
    SentenceStanceResult& r = body[i].r;
    const bool alone = (i == 0 || body[i - 1].paragraph != body[i].paragraph) &&
                       (i + 1 == body.size() || body[i + 1].paragraph != body[i].paragraph);
    if (alone && LooksLikeHeading(text.substr(r.stance.start, r.stance.end - r.stance.start))) {
      in_conclusion = r.names_conclusion;
      in_counter = r.names_counter && !r.names_conclusion;
    } else if (in_conclusion && !r.conclusion) {
      r.conclusion = true;
      r.stance.rules.push_back("conclusion section");
    }
    if (in_counter) {
      r.stance.weight *= kCounterSectionWeight;
      r.stance.rules.push_back("the other side's section");
    }
  }
  for (Scored& s : body) {
    SentenceStance& st = s.r.stance;
    // "The study concluded that …" reports a finding the piece stands on, not an opinion it quotes.
    if (s.r.attributed && !s.r.finding) st.weight *= s.quoted ? kQuotedLineWeight : kReportedWeight;
    if (s.r.conclusion) st.weight *= kConclusionWeight;
    if (options.kind == "article" && paragraphs >= 4 && s.paragraph + 1 == paragraphs) {
      st.weight *= kLastParagraphWeight;
      st.rules.push_back("last paragraph");
    }
  }
  for (Scored& s : title) {
    s.r.stance.weight *= kTitleWeight * (s.r.attributed && !s.r.finding ? kReportedWeight : 1.0);
  }

  // The model reads the writer's comment without the repost chain after it, unless the
  // comment only agrees with it ("ほんとこれ RT @a: …"): then the chain is what is said.
  std::string_view model_text = text;
  if (const TextSpan chain = FindRepostChain(text); chain.end > chain.start) {
    bool endorsed = false;
    for (const Scored& s : body) {
      endorsed |= s.quoted && std::find(s.r.stance.rules.begin(), s.r.stance.rules.end(), "answered yes") !=
                                   s.r.stance.rules.end();
    }
    if (!endorsed) model_text = text.substr(0, chain.start);
  }
  bool live_cue = false;
  for (std::vector<Scored>* part : {&title, &body}) {
    for (Scored& s : *part) {
      live_cue |= s.r.live_cue;
      SentenceStance& st = s.r.stance;
      st.label = LabelOf(st.score, kSentenceThreshold);
      if (st.score < 0) stance.bubble += st.weight * -st.score;
      if (st.score > 0) stance.revolution += st.weight * st.score;
      if (!st.cues.empty()) stance.evidence.push_back(std::move(st));
    }
  }
  // The model was trained on texts about the boom only: on one where no cue fired (or
  // only vetoed ones: 啤酒泡沫, a laptop overheating) and that never names the subject, its
  // lean comes from words like "your" and "need" (a Reddit question, a match report) and
  // it has nothing to read. It stays silent there.
  if (live_cue || subject_checked ||
      SubjectSentences(title_split, 1) + SubjectSentences(body_split, 1) > 0) {
    AddModelVote(model_text, options, stance);
  } else {
    stance.model_unanchored = !model_.empty();
  }
  const double total = stance.bubble + stance.revolution;
  stance.score = total > 0 ? (stance.revolution - stance.bubble) / (total + kSmoothing) : 0.0;
  stance.score = std::clamp(stance.score, -1.0, 1.0);
  // The strongest sentence on the winning side must be more than one weak cue.
  double strongest = 0;
  for (const SentenceStance& e : stance.evidence) {
    if ((e.score < 0) == (stance.score < 0)) strongest = std::max(strongest, std::abs(e.score));
  }
  stance.label = strongest >= kMinEvidence ? LabelOf(stance.score, kDocumentThreshold) : StanceLabel::kNeutral;
  return stance;
}

}  // namespace bw
