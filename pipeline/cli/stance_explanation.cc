#include "pipeline/cli/stance_explanation.h"

#include <cstdio>

namespace bw::cli {
namespace {

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.2f", v);
  return buf;
}

}  // namespace

std::string ExplainStance(const AnalysisRecord& r, std::string_view name) {
  std::string out = "== " + std::string(name) + "  lang=" + r.lang + " kind=" + r.kind + "\n";
  if (!r.stance) return out + "no stance: there is no text (" + std::string(ArticleStatusName(r.status)) + ")\n\n";
  const Stance& s = *r.stance;
  out += "document: " + std::string(StanceLabelName(s.label)) + "  score " + Number(s.score) + "  (bubble " +
         Number(-s.bubble) + ", revolution " + Number(s.revolution) + ")\n";
  if (s.cue_scale != 1) {
    out += "  the model reads the text as neutral: cue sentences count x" + Number(s.cue_scale).substr(1) + "\n";
  }
  if (s.off_subject) {
    return out + "  off subject: " + std::to_string(s.subject_sentences) + " of " + std::to_string(s.sentences) +
           " sentences name AI, its chips, data centres or companies (lexicons/stance/subject.txt); its cue words "
           "do not count, and it is stored without a stance\n\n";
  }
  if (s.evidence.empty()) out += "  no cue fired\n";
  if (s.model_unanchored) {
    out += "  the model does not vote: no cue word here is about the boom and the text never names AI, its chips, "
           "data centres or companies\n";
  }
  for (const SentenceStance& e : s.evidence) {
    const std::string& source = e.in_title ? r.title : r.text;
    out += "  " + std::string(e.in_title ? "title" : "text") + " [" + std::to_string(e.start) + "," +
           std::to_string(e.end) + ") " + Number(e.score) + " x" + Number(e.weight).substr(1) + " " +
           std::string(StanceLabelName(e.label));
    for (const std::string& rule : e.rules) out += " {" + rule + "}";
    out += "\n    " + source.substr(e.start, e.end - e.start) + "\n";
    for (const StanceCue& c : e.cues) {
      out += "      " + c.text + " " + Number(c.weight) + " -> " + Number(c.effect);
      if (!c.why.empty()) out += "  (" + c.why + ")";
      out += "\n";
    }
  }
  return out + "\n";
}

}  // namespace bw::cli
