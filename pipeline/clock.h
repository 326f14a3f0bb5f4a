// The current time, for the pipeline (extractors never read the clock: they
// are given a reference time).
#ifndef BUBBLEWATCH_PIPELINE_CLOCK_H_
#define BUBBLEWATCH_PIPELINE_CLOCK_H_

#include "extractors/date_text.h"

namespace bw {

// Now, in UTC, to the second.
DateTime UtcNow();

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_CLOCK_H_
