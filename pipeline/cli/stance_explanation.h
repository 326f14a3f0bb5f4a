// StanceExplanation: the stance of an analysis record as text for a person
// tuning lexicons (`analyze --explain`): the document's label and score, then
// each sentence that moved it, with every cue, its lexicon weight, what it
// added after the rules, and why.
#ifndef BUBBLEWATCH_PIPELINE_CLI_STANCE_EXPLANATION_H_
#define BUBBLEWATCH_PIPELINE_CLI_STANCE_EXPLANATION_H_

#include <string>
#include <string_view>

#include "extractors/document_analyzer.h"

namespace bw::cli {

// `name` says which input this is (a file, "file:line" or an id).
std::string ExplainStance(const AnalysisRecord& record, std::string_view name);

}  // namespace bw::cli

#endif  // BUBBLEWATCH_PIPELINE_CLI_STANCE_EXPLANATION_H_
