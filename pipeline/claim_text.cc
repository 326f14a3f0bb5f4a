#include "pipeline/claim_text.h"

#include <cmath>
#include <cstdio>

#include "pipeline/clock.h"

namespace bw {
namespace {

std::string Number(double v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

}  // namespace

std::string ClaimValueText(const ClaimRow& c) {
  if (c.kind == "percent") return Number(c.value) + "%";
  if (c.kind == "power" || c.kind == "energy") return Number(c.value) + " " + c.unit;
  if (c.kind == "money") {
    const double a = std::fabs(c.value);
    std::string scaled = a >= 1e12   ? Number(c.value / 1e12) + " tn"
                         : a >= 1e9  ? Number(c.value / 1e9) + " bn"
                         : a >= 1e6  ? Number(c.value / 1e6) + " mn"
                                     : Number(c.value);
    return (c.unit.empty() ? "" : c.unit + " ") + scaled;
  }
  return Number(c.value) + (c.unit.empty() ? "" : " " + c.unit);
}

std::string DayText(int64_t unix_day) { return UtcDate(unix_day * 86400); }

std::vector<std::vector<ClaimRow>> GroupClaims(const std::vector<ClaimRow>& claims) {
  std::vector<std::vector<ClaimRow>> groups;
  for (const ClaimRow& c : claims) {
    std::vector<ClaimRow>* group = nullptr;
    for (auto& g : groups) {
      if (g.front().entity == c.entity && g.front().kind == c.kind) group = &g;
    }
    if (!group) group = &groups.emplace_back();
    group->push_back(c);  // claims come most quoted first
  }
  return groups;
}

}  // namespace bw
