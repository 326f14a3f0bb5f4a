#include "extractors/document_analyzer.h"

#include <cmath>

#include <algorithm>

#include "extractors/charset_decoder.h"
#include "extractors/html_dom.h"
#include "extractors/page_metadata.h"
#include "extractors/post_markup.h"
#include "extractors/text_util.h"

namespace bw {
namespace {

constexpr size_t kTimestampBytes = 64;
constexpr size_t kMinJsonLdBodyChars = 80;

// A publication time written without a zone is read in the zone its language
// is mostly published in: China, Taiwan and Hong Kong are all UTC+8, Japan
// UTC+9. English spans too many zones to guess; it stays without one.
void AssumeZone(std::optional<DateTime>& t, const std::string& lang) {
  if (!t || !t->has_time || t->utc_offset_minutes) return;
  if (lang == "zh") t->utc_offset_minutes = 8 * 60;
  if (lang == "ja") t->utc_offset_minutes = 9 * 60;
}

// The last resorts for a date, after the page's metadata: a full date at the
// start of the text, a month and day opening the text (a post's timestamp),
// the URL. Deeper in the body a month and day without a year is an event more
// often than the publication ("10月6日（現地時間）"), so it is not read there.
void FindDateInTextOrUrl(AnalysisRecord& r, const DocumentInput& input) {
  if (r.published) return;
  r.published = FindWrittenDate(r.text, 1024);
  if (!r.published && input.reference_time) {
    r.published = FindMonthDayDate(r.text, *input.reference_time, kTimestampBytes);
  }
  if (r.published) {
    r.published_from = "text";
    return;
  }
  r.published = DateFromUrl(input.url);
  if (r.published) r.published_from = "url";
}

// Single-page apps ship the article only in their JSON-LD: its articleBody is
// the text when the markup gave none, or far less than it.
void UseJsonLdBody(const std::string& body, AnalysisRecord& r) {
  if (body.empty()) return;
  std::string text;
  size_t start = 0;
  while (start <= body.size()) {
    size_t eol = body.find('\n', start);
    std::string line = CollapseWhitespace(std::string_view(body).substr(
        start, eol == std::string::npos ? std::string::npos : eol - start));
    if (!line.empty()) text += (text.empty() ? "" : "\n\n") + line;
    if (eol == std::string::npos) break;
    start = eol + 1;
  }
  if (r.status == ArticleStatus::kOk && r.text.size() * 3 >= text.size()) return;
  if (CountChars(text).code_points < kMinJsonLdBodyChars) return;
  r.text = std::move(text);
  r.status = ArticleStatus::kOk;
}

}  // namespace

nlohmann::ordered_json RecordToJson(const AnalysisRecord& r) {
  nlohmann::ordered_json j;
  j["url"] = r.url;
  j["canonical_url"] = r.canonical_url;
  j["title"] = r.title;
  j["site_name"] = r.site_name;
  j["author"] = r.author;
  j["published"] = r.published ? nlohmann::ordered_json(r.published->ToIso8601()) : nlohmann::ordered_json();
  j["lang"] = r.lang;
  j["script"] = r.script;
  j["kind"] = r.kind;
  j["status"] = ArticleStatusName(r.status);
  j["text"] = r.text;
  j["figures"] = nlohmann::ordered_json::array();
  for (const Figure& f : r.figures) j["figures"].push_back(FigureToJson(f));
  j["entities"] = r.entities;
  j["stance"] = r.stance ? StanceToJson(*r.stance) : nlohmann::ordered_json();
  return j;
}

nlohmann::ordered_json StanceToJson(const Stance& stance) {
  auto round = [](double v) { return std::round(v * 1000.0) / 1000.0; };
  nlohmann::ordered_json j;
  j["label"] = StanceLabelName(stance.label);
  j["score"] = round(stance.score);
  j["bubble"] = round(stance.bubble);
  j["revolution"] = round(stance.revolution);
  if (stance.off_subject) {
    j["off_subject"] = true;
    j["subject_sentences"] = stance.subject_sentences;
    j["sentences"] = stance.sentences;
  }
  j["evidence"] = nlohmann::ordered_json::array();
  for (const SentenceStance& s : stance.evidence) {
    nlohmann::ordered_json e;
    if (s.in_title) e["in"] = "title";
    e["start"] = s.start;
    e["end"] = s.end;
    e["score"] = round(s.score);
    e["weight"] = round(s.weight);
    e["label"] = StanceLabelName(s.label);
    e["cues"] = nlohmann::ordered_json::array();
    for (const StanceCue& c : s.cues) e["cues"].push_back(c.text);
    if (!s.rules.empty()) e["rules"] = s.rules;
    j["evidence"].push_back(std::move(e));
  }
  return j;
}

DocumentAnalyzer::DocumentAnalyzer(const LexiconSet& lexicons)
    : article_extractor_(lexicons),
      language_detector_(lexicons),
      figure_extractor_(lexicons),
      stance_extractor_(lexicons) {}

void DocumentAnalyzer::JudgeStance(AnalysisRecord& r) const {
  if (r.text.empty()) return;  // nothing read, nothing judged
  r.stance = stance_extractor_.Analyze(r.text, {.lang = r.lang, .kind = r.kind, .title = r.title});
}

void DocumentAnalyzer::FindFigures(AnalysisRecord& r) const {
  std::vector<std::string> in_text;
  r.figures = figure_extractor_.Extract(r.text, &in_text);
  // The title's entities first, then the text's, each once.
  r.entities = figure_extractor_.Entities(r.title);
  for (std::string& e : in_text) {
    if (std::find(r.entities.begin(), r.entities.end(), e) == r.entities.end()) {
      r.entities.push_back(std::move(e));
    }
  }
}

AnalysisRecord DocumentAnalyzer::AnalyzeHtml(std::string_view utf8_html,
                                             const DocumentInput& input) const {
  AnalysisRecord r;
  r.url = input.url;
  r.kind = input.kind;
  HtmlDom dom(utf8_html);
  PageMetadata meta = ExtractPageMetadata(dom, input.reference_time);
  r.title = meta.title;
  r.site_name = meta.site_name;
  r.author = meta.author;
  r.canonical_url = meta.canonical_url;
  r.published = meta.published;
  r.published_from = meta.published_from;
  ArticleText article = article_extractor_.Extract(dom);
  r.status = article.status;
  r.text = std::move(article.text);
  UseJsonLdBody(meta.json_ld_body, r);
  FindDateInTextOrUrl(r, input);
  // The language comes from what the page shows: the article, else the title.
  std::string hint = input.lang_hint.empty() ? meta.lang_attr : input.lang_hint;
  LanguageGuess g = language_detector_.Detect(r.text.empty() ? r.title : r.text, hint);
  r.lang = g.lang;
  r.script = g.script;
  AssumeZone(r.published, r.lang);
  FindFigures(r);
  JudgeStance(r);
  return r;
}

AnalysisRecord DocumentAnalyzer::AnalyzeText(std::string_view text,
                                             const DocumentInput& input) const {
  AnalysisRecord r;
  r.url = input.url;
  r.kind = input.kind;
  r.text = SanitizeUtf8(text);
  // Hacker News and Mastodon send a post's text as HTML, X with entities ("&amp;", "&gt;").
  if (input.kind == "post" && LooksLikePostMarkup(r.text)) r.text = PostMarkupText(r.text);
  r.status = r.text.find_first_not_of(" \t\r\n") == std::string::npos ? ArticleStatus::kEmpty
                                                                      : ArticleStatus::kOk;
  if (r.status == ArticleStatus::kEmpty) r.text.clear();
  FindDateInTextOrUrl(r, input);
  LanguageGuess g = language_detector_.Detect(r.text, input.lang_hint);
  r.lang = g.lang;
  r.script = g.script;
  AssumeZone(r.published, r.lang);
  FindFigures(r);
  JudgeStance(r);
  return r;
}

}  // namespace bw
