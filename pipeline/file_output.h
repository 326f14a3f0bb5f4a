// WriteFileReplacing: writes a whole output file (a chart, a report) so that
// a reader never sees half of it: into a temporary file beside it, then
// renamed over it.
#ifndef BUBBLEWATCH_PIPELINE_FILE_OUTPUT_H_
#define BUBBLEWATCH_PIPELINE_FILE_OUTPUT_H_

#include <string>
#include <string_view>

#include "common/status.h"

namespace bw {

// Fails with an I/O Status (exit 74) naming `path` and the cause.
Status WriteFileReplacing(const std::string& path, std::string_view content);

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_FILE_OUTPUT_H_
