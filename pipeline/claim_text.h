// How a claim's figure is written for people: "10 GW", "USD 100 bn",
// "CNY 1.2 tn", "12%". Also the claims grouped by entity and kind, so that
// differing values for the same thing are shown side by side.
#ifndef BUBBLEWATCH_PIPELINE_CLAIM_TEXT_H_
#define BUBBLEWATCH_PIPELINE_CLAIM_TEXT_H_

#include <string>
#include <vector>

#include "db/history_store.h"

namespace bw {

std::string ClaimValueText(const ClaimRow& claim);

// "2026-11-24" for a Unix day.
std::string DayText(int64_t unix_day);

// The claims in groups of one entity and kind, each group in the order of
// its most quoted claim, and within a group the most quoted first.
std::vector<std::vector<ClaimRow>> GroupClaims(const std::vector<ClaimRow>& claims);

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_CLAIM_TEXT_H_
