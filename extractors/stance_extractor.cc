#include "extractors/stance_extractor.h"

#include <algorithm>
#include <cmath>

#include "extractors/sentence_stance.h"

namespace bw {
namespace {

constexpr double kTitleWeight = 2.0;
constexpr double kConclusionWeight = 2.0;
constexpr double kLastParagraphWeight = 1.5;
constexpr double kReportedWeight = 0.6;   // a quoted opinion, below the author's own
constexpr double kFollowedByContrast = 0.35;
constexpr double kSmoothing = 0.5;        // one weak cue does not make a document certain
constexpr double kSentenceThreshold = 0.2;
constexpr double kDocumentThreshold = 0.15;
// The winning side needs a sentence this strong: one weak cue ("risk",
// "orders", tanh(0.3) = 0.29) does not make a document bubble or revolution.
constexpr double kMinEvidence = 0.35;

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
};

StanceExtractor::StanceExtractor(const LexiconSet& lexicons) : lexicon_(lexicons), folder_(lexicons) {
  for (const char* lang : {"en", "zh", "ja", "und"}) segmenters_[lang] = std::make_unique<TextSegmenter>(lang);
}

StanceExtractor::~StanceExtractor() = default;

const TextSegmenter& StanceExtractor::SegmenterFor(std::string_view lang) const {
  auto it = segmenters_.find(lang);
  return it != segmenters_.end() ? *it->second : *segmenters_.find("und")->second;
}

std::vector<StanceExtractor::Scored> StanceExtractor::ScoreSentences(std::string_view text, std::string_view lang,
                                                                     bool in_title) const {
  const FoldedText folded = folder_.Fold(text, /*chinese=*/lang == "zh");
  const TextSegmenter& segmenter = SegmenterFor(lang);
  const WordBreaks words = segmenter.Words(folded.text);
  const SentenceContext cx{lexicon_, lexicon_.Table(lang), lang, text, folded, words};
  // Sentences are found in the text as written (case tells where they end),
  // then mapped onto the folded text.
  auto to_folded = [&](size_t original) {
    return static_cast<size_t>(std::lower_bound(folded.origin.begin(), folded.origin.end(), original) -
                               folded.origin.begin());
  };
  std::vector<TextSpan> spans = segmenter.Sentences(text);
  std::vector<Scored> out;
  out.reserve(spans.size());
  size_t paragraph = 0;
  size_t scanned = 0;
  for (TextSpan span : spans) {
    span = {to_folded(span.start), to_folded(span.end)};
    paragraph += static_cast<size_t>(std::count(folded.text.begin() + static_cast<long>(scanned),
                                                folded.text.begin() + static_cast<long>(span.start), '\n'));
    scanned = span.start;
    Scored s{ScoreSentenceStance(cx, span), paragraph};
    s.r.stance.in_title = in_title;
    out.push_back(std::move(s));
  }
  return out;
}

Stance StanceExtractor::Analyze(std::string_view text, const StanceOptions& options) const {
  std::string_view lang = options.lang;
  std::vector<Scored> title = ScoreSentences(options.title, lang, /*in_title=*/true);
  std::vector<Scored> body = ScoreSentences(text, lang, /*in_title=*/false);

  // Rules across sentences of the text.
  const size_t paragraphs = body.empty() ? 0 : body.back().paragraph + 1;
  for (size_t i = 0; i < body.size(); ++i) {
    SentenceStanceResult& r = body[i].r;
    if (i > 0 && r.opens_with_contrast) {
      body[i - 1].r.stance.weight *= kFollowedByContrast;
      body[i - 1].r.stance.rules.push_back("followed by a contrast");
    }
    if (i > 0 && r.opens_with_alternative && body[i - 1].r.question) {
      for (SentenceStance* q : {&body[i - 1].r.stance, &r.stance}) {
        q->score = 0;
        q->rules.push_back("balanced question");
      }
    }
    if (i > 0 && r.rebuts_previous && body[i - 1].r.attributed && body[i - 1].r.stance.score != 0) {
      SentenceStance& prev = body[i - 1].r.stance;
      prev.score = -prev.score;
      for (StanceCue& c : prev.cues) c.effect = -c.effect;
      prev.rules.push_back("rebutted by the next sentence");
      body[i - 1].r.attributed = false;
      r.stance.rules.push_back("rebuttal");
    }
  }
  for (Scored& s : body) {
    SentenceStance& st = s.r.stance;
    if (s.r.attributed) st.weight *= kReportedWeight;
    if (s.r.conclusion) st.weight *= kConclusionWeight;
    if (options.kind == "article" && paragraphs >= 4 && s.paragraph + 1 == paragraphs) {
      st.weight *= kLastParagraphWeight;
      st.rules.push_back("last paragraph");
    }
  }
  for (Scored& s : title) {
    s.r.stance.weight *= kTitleWeight * (s.r.attributed ? kReportedWeight : 1.0);
  }

  Stance stance;
  for (std::vector<Scored>* part : {&title, &body}) {
    for (Scored& s : *part) {
      SentenceStance& st = s.r.stance;
      st.label = LabelOf(st.score, kSentenceThreshold);
      if (st.score < 0) stance.bubble += st.weight * -st.score;
      if (st.score > 0) stance.revolution += st.weight * st.score;
      if (!st.cues.empty()) stance.evidence.push_back(std::move(st));
    }
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
