// DocumentAnalyzer: the whole analysis of one document, HTML or plain text, in
// memory: main text, metadata, language, figures and stance. The result is the analysis record of DESIGN.md.
//
//   bw::LexiconSet lexicons = bw::LexiconSet::Embedded();
//   bw::DocumentAnalyzer analyzer(lexicons);
//   bw::AnalysisRecord r = analyzer.AnalyzeHtml(utf8_html, {.url = "https://…"});
//   std::cout << bw::RecordToJson(r).dump() << "\n";
#ifndef BUBBLEWATCH_EXTRACTORS_DOCUMENT_ANALYZER_H_
#define BUBBLEWATCH_EXTRACTORS_DOCUMENT_ANALYZER_H_

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/article_extractor.h"
#include "extractors/date_text.h"
#include "extractors/figure_extractor.h"
#include "extractors/language_detector.h"
#include "extractors/lexicon.h"
#include "extractors/stance_extractor.h"

namespace bw {

// Written into every stored analysis row, so that rows made by an older
// analyser can be found and re-run.
inline constexpr std::string_view kAnalyzerVersion = "0.3.0";  // 0.2.0: stance; 0.3.0: off-subject texts are neutral

struct DocumentInput {
  std::string url;        // where the document came from; may be empty
  std::string lang_hint;  // a configured or declared language; the text decides
  std::string kind = "article";  // "article" or "post"
  // When the document was read (UTC); dates written without a year ("10月12日")
  // get their year from it. Absent: such dates are not used.
  std::optional<DateTime> reference_time;
};

struct AnalysisRecord {
  std::string url;
  std::string canonical_url;  // as the page declares it; the pipeline resolves it
  std::string title;
  std::string site_name;
  std::string author;
  std::optional<DateTime> published;
  std::string published_from;  // which source gave the date (see PageMetadata)
  std::string lang = "und";
  std::string script;
  std::string kind = "article";
  ArticleStatus status = ArticleStatus::kEmpty;
  std::string text;
  std::vector<Figure> figures;        // in text order; offsets into `text`
  std::vector<std::string> entities;  // canonical names, in order of first mention
  // Absent when there is no text to judge (an empty page, no article).
  std::optional<Stance> stance;
};

// The analysis record as JSON, with the field names of DESIGN.md, in its order.
nlohmann::ordered_json RecordToJson(const AnalysisRecord& record);

// The "stance" member of the record: label, score, bubble, revolution and the
// evidence (offsets, score, label, cues, rules; "in": "title" for the title).
nlohmann::ordered_json StanceToJson(const Stance& stance);

class DocumentAnalyzer {
 public:
  // Copies what it needs from `lexicons`.
  explicit DocumentAnalyzer(const LexiconSet& lexicons);

  // `utf8_html` must be valid UTF-8 (see DecodeToUtf8).
  AnalysisRecord AnalyzeHtml(std::string_view utf8_html, const DocumentInput& input) const;

  // Plain text: the whole text is the document (invalid UTF-8 is replaced).
  AnalysisRecord AnalyzeText(std::string_view text, const DocumentInput& input) const;

 private:
  void FindFigures(AnalysisRecord& r) const;
  void JudgeStance(AnalysisRecord& r) const;

  ArticleExtractor article_extractor_;
  LanguageDetector language_detector_;
  FigureExtractor figure_extractor_;
  StanceExtractor stance_extractor_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_DOCUMENT_ANALYZER_H_
