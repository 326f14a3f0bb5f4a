#include "bench/history_corpus.h"

#include <cmath>

#include "pipeline/clock.h"

namespace bw::bench {
namespace {

// SplitMix64: a fast, well-mixed hash of the document index, so that document
// i is the same whatever order documents are made in.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

struct Rng {
  uint64_t state;
  uint64_t Next() { return state = Mix(state); }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
};

struct Claim {
  const char* entity;
  const char* kind;
  double value;
  const char* unit;      // GW for power
  const char* currency;  // for money
  const char* span[3];   // en, zh, ja
};

// Recurring claims, with conflicting values for the same entity and kind
// (Stargate's 500 and 400 billion, OpenAI's 10 and 26 GW) as the news has them.
const Claim kClaims[] = {
    {"OpenAI", "power", 6, "GW", "", {"6 GW", "6吉瓦", "6ギガワット"}},
    {"OpenAI", "power", 10, "GW", "", {"10 gigawatts", "10GW", "10ギガワット"}},
    {"OpenAI", "power", 26, "GW", "", {"26 GW", "26吉瓦", "26GW"}},
    {"NVIDIA", "money", 1e11, "", "USD", {"$100 billion", "1000亿美元", "1000億ドル"}},
    {"AMD", "power", 6, "GW", "", {"six gigawatts", "6吉瓦", "6GW"}},
    {"AMD", "percent", 10, "", "", {"10%", "10%", "10%"}},
    {"Broadcom", "power", 10, "GW", "", {"10 GW", "10吉瓦", "10ギガワット"}},
    {"Oracle", "money", 3e11, "", "USD", {"$300 billion", "3000亿美元", "3000億ドル"}},
    {"Stargate", "money", 5e11, "", "USD", {"$500 billion", "5000亿美元", "5000億ドル"}},
    {"Stargate", "money", 4e11, "", "USD", {"$400 billion", "4000亿美元", "4000億ドル"}},
    {"Stargate", "power", 10, "GW", "", {"10 GW", "10吉瓦", "10GW"}},
    {"Stargate", "power", 7, "GW", "", {"7 GW", "7吉瓦", "7GW"}},
    {"SoftBank", "money", 4e10, "", "USD", {"$40 billion", "400亿美元", "400億ドル"}},
    {"Microsoft", "money", 8e10, "", "USD", {"$80 billion", "800亿美元", "800億ドル"}},
    {"CoreWeave", "money", 2.24e10, "", "USD", {"$22.4 billion", "224亿美元", "224億ドル"}},
};
constexpr int kClaimCount = sizeof kClaims / sizeof kClaims[0];

const char* const kEntities[] = {"OpenAI", "NVIDIA", "AMD", "Broadcom", "Oracle", "SoftBank",
                                 "Stargate", "Microsoft", "Google", "Meta", "Amazon", "CoreWeave"};

const char* const kWords[3][24] = {
    {"data", "centre", "capacity", "investors", "spending", "chips", "power", "grid", "demand",
     "returns", "valuation", "cloud", "training", "inference", "contract", "revenue", "debt",
     "analysts", "market", "growth", "cycle", "models", "compute", "deal"},
    {"数据中心", "算力", "投资者", "资本开支", "芯片", "电力", "需求", "回报", "估值", "云计算",
     "训练", "推理", "合同", "收入", "债务", "分析师", "市场", "增长", "周期", "模型", "交易",
     "人工智能", "产能", "电网"},
    {"データセンター", "計算能力", "投資家", "設備投資", "半導体", "電力", "需要", "収益", "評価額",
     "クラウド", "学習", "推論", "契約", "売上", "負債", "アナリスト", "市場", "成長", "循環",
     "モデル", "取引", "人工知能", "供給", "送電網"},
};
const char* const kBubble[3] = {"This looks like a bubble.", "这是泡沫。", "これはバブルだ。"};
const char* const kRevolution[3] = {"This is a revolution.", "这是一场革命。", "これは革命だ。"};
const char* const kLangs[3] = {"en", "zh", "ja"};

// Appends a sentence of `n` words of language `lang`.
void AppendSentence(std::string& text, Rng& rng, int lang, int n) {
  const char* sep = lang == 0 ? " " : "";
  for (int w = 0; w < n; ++w) {
    if (w > 0) text += sep;
    text += kWords[lang][rng.Below(24)];
  }
  text += lang == 0 ? ". " : "。";
}


}  // namespace

HistoryCorpus::HistoryCorpus(CorpusShape shape) : shape_(shape) {
  // Three languages in turn; two sources in five carry posts, the rest articles.
  for (int s = 0; s < shape_.sources; ++s) {
    char name[32];
    snprintf(name, sizeof name, "source-%02d", s);
    sources_.push_back({name, kLangs[s % 3], s % 5 < 2 ? "post" : "article"});
  }
}

GeneratedDocument HistoryCorpus::Make(int64_t i, const std::vector<int64_t>& source_ids) const {
  Rng rng{Mix(shape_.seed ^ static_cast<uint64_t>(i))};
  GeneratedDocument g;
  AnalysisRecord& r = g.record;
  const int s = rng.Below(shape_.sources);
  const CorpusSource& source = sources_[s];
  const int lang = source.lang == "en" ? 0 : source.lang == "zh" ? 1 : 2;
  const bool post = source.kind == "post";

  // Time: documents arrive in the order of the span, as a crawl stores them,
  // each published up to three days before it is stored (a late feed, a
  // backfilled sitemap). The mood drifts from revolution to bubble and back.
  const int64_t span = int64_t{shape_.days} * 86400;
  const int64_t arrival = shape_.end_epoch - span +
                          static_cast<int64_t>(static_cast<double>(i) / shape_.documents * span);
  const int64_t at = arrival - static_cast<int64_t>(rng.Unit() * 3 * 86400);
  const double phase = static_cast<double>(shape_.end_epoch - at) / span;
  const double drift = 0.5 * std::sin(phase * 6.283);

  char url[96];
  snprintf(url, sizeof url, "https://%s.example/%s/%lld", source.name.c_str(),
           post ? "p" : "a", static_cast<long long>(i));
  // One in five is fetched under another URL than its canonical one (a
  // tracking parameter, a redirect), as feeds often link.
  r.canonical_url = url;
  r.url = i % 5 == 0 ? std::string(url) + "?utm_source=feed" : std::string(url);
  r.lang = source.lang;
  r.script = lang == 1 ? "Hans" : lang == 2 ? "Jpan" : "Latn";
  r.kind = source.kind;
  r.status = ArticleStatus::kOk;
  r.published = UtcDateTime(at);
  r.published_from = "meta";
  r.site_name = source.name;

  std::string& text = r.text;
  AppendSentence(r.title, rng, lang, 6);
  const int sentences = post ? 1 + rng.Below(3) : 12 + rng.Below(30);
  for (int k = 0; k < sentences; ++k) AppendSentence(text, rng, lang, 6 + rng.Below(10));

  // Entities and figures: one to three claims of the pool, written into the text.
  const int figures = post ? rng.Below(2) : rng.Below(4);
  for (int f = 0; f < figures; ++f) {
    const Claim& c = kClaims[rng.Below(kClaimCount)];
    text += c.entity;
    text += lang == 0 ? " plans " : "计划";
    Figure fig;
    fig.kind = c.kind;
    fig.value = c.value;
    fig.unit = c.unit;
    fig.currency = c.currency;
    fig.entity = c.entity;
    fig.span = c.span[lang];
    fig.start = text.size();
    text += fig.span;
    fig.end = text.size();
    text += lang == 0 ? ". " : "。";
    r.figures.push_back(fig);
    bool known = false;
    for (const std::string& e : r.entities) known = known || e == c.entity;
    if (!known) r.entities.push_back(c.entity);
  }
  if (rng.Below(2) == 0) r.entities.push_back(kEntities[rng.Below(12)]);

  // Stance: a noisy score around the drift, with one evidence sentence.
  Stance st;
  st.score = std::max(-1.0, std::min(1.0, drift + (rng.Unit() - 0.5) * 1.4));
  st.label = st.score < -0.15 ? StanceLabel::kBubble
             : st.score > 0.15 ? StanceLabel::kRevolution
                               : StanceLabel::kNeutral;
  if (st.label != StanceLabel::kNeutral) {
    SentenceStance ev;
    ev.start = text.size();
    text += st.label == StanceLabel::kBubble ? kBubble[lang] : kRevolution[lang];
    ev.end = text.size();
    ev.score = st.score;
    ev.label = st.label;
    ev.cues.push_back({st.label == StanceLabel::kBubble ? "bubble" : "revolution", 1.0, 1.0, ""});
    st.evidence.push_back(ev);
    (st.label == StanceLabel::kBubble ? st.bubble : st.revolution) = std::fabs(st.score);
  }
  r.stance = st;

  // A repost copies the fingerprint of an earlier document (its text would be
  // near-identical); other texts get an unrelated fingerprint.
  uint64_t simhash = Mix(static_cast<uint64_t>(i) * 7919 + 1);
  if (i > 0 && rng.Unit() < shape_.duplicate_share) {
    simhash = Mix(static_cast<uint64_t>(rng.Next() % static_cast<uint64_t>(i)) * 7919 + 1);
  }
  g.origin.simhash = simhash;
  if (!source_ids.empty()) g.origin.source_id = source_ids[s];

  g.fetch.url = r.url;
  g.fetch.final_url = r.url;
  g.fetch.outcome = "ok";
  g.fetch.http_status = 200;
  g.fetch.content_type = "text/html";
  g.fetch.charset = "utf-8";
  g.raw_body = text;  // the body as a feed or API would carry it: the text itself
  g.fetch.bytes = static_cast<int64_t>(g.raw_body.size());
  return g;
}

}  // namespace bw::bench
