// The bubblewatch report as one self-contained HTML page: a summary, the
// stance and volume charts, the figures claimed per entity and the strongest
// stance sentences of the latest period.
//
//   bw::report::ReportPage page;
//   page.title = "bubblewatch report";
//   page.generated_at = "2026-11-24T08:00:00Z";  // the caller's clock
//   page.stance_by_lang = ...;                   // see svg_chart.h
//   std::string html = bw::report::RenderReport(page);
//
// Why these choices:
// - Self-contained: the page is mailed, archived and opened offline, and it
//   shows text taken from web pages. So it has no script and loads nothing:
//   inline CSS, inline SVG, system fonts. The only URLs in it are the links
//   to example documents, and only http and https URLs become links (a
//   "javascript:" URL in a feed must not become one); others are shown as text.
// - The markup is XHTML-compatible (void elements self-closed, no named
//   entities but the XML ones) so that XML tools can read it as well as
//   browsers.
// - Claims of one entity and kind stay together in one row group, so two
//   sources that give different figures for the same thing ("6 GW" against
//   "10 GW") are seen side by side and marked as a conflict.
#ifndef BUBBLEWATCH_REPORT_HTML_REPORT_H_
#define BUBBLEWATCH_REPORT_HTML_REPORT_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "report/svg_chart.h"

namespace bw::report {

// One claim: the same figure seen in many documents.
struct ClaimLine {
  std::string entity, kind, value_text;  // "OpenAI", "power", "6 GW"
  int64_t documents = 0, sources = 0;
  std::vector<std::string> langs;     // {"en", "zh"}
  std::string first_seen, last_seen;  // "2026-10-06"
  std::string example_span, example_url;
};

// A strong stance sentence of the latest period.
struct EvidenceLine {
  std::string label;  // "bubble" or "revolution"
  double score = 0;   // in [-1, 1]; negative leans bubble
  std::string sentence, title, url, lang, published;
};

struct ReportPage {
  std::string title;         // "bubblewatch report"
  std::string generated_at;  // ISO 8601, given by the caller
  std::string period;        // "2025-11-24 – 2026-11-24, by week, UTC"
  LineChart stance_by_lang;  // mean score per bucket, one series per language
  BarChart volume;           // documents per bucket, stacked by language
  // Top claims per entity, in the order to show; within an entity, claims of
  // one kind are grouped in the order their kinds first appear.
  std::vector<std::pair<std::string, std::vector<ClaimLine>>> claims_by_entity;
  std::string latest_period;  // the label of the latest bucket
  std::vector<EvidenceLine> evidence;
};

// A complete HTML5 document in UTF-8 (<!DOCTYPE html>, <meta charset>, lang
// "en"), well-formed XML as well.
std::string RenderReport(const ReportPage& page);

}  // namespace bw::report

#endif  // BUBBLEWATCH_REPORT_HTML_REPORT_H_
