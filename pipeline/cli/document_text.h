// DocumentText: a stored document for a person to read (`bubblewatch show`):
// a header of its metadata and near-duplicate links, its stance with each
// evidence sentence, its figures as a table, its entities, the fetches that
// stored it, then its text as stored. Control characters of the stored text
// are shown as spaces, so a page cannot drive the terminal.
#ifndef BUBBLEWATCH_PIPELINE_CLI_DOCUMENT_TEXT_H_
#define BUBBLEWATCH_PIPELINE_CLI_DOCUMENT_TEXT_H_

#include <string>

#include "db/document_store.h"
#include "extractors/figure.h"

namespace bw::cli {

std::string DocumentText(const DocumentView& doc);

// A figure's value for people: "10 GW", "100,000,000,000 USD", "54%",
// "5 GW (4.5-5.5)".
std::string FigureValueText(const Figure& f);

}  // namespace bw::cli

#endif  // BUBBLEWATCH_PIPELINE_CLI_DOCUMENT_TEXT_H_
