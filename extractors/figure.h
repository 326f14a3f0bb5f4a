// Figure: one quantity read from a text — a power capacity, an amount of
// energy or money, a number of shares, a percentage — normalised and tied to
// the exact span it was read from.
#ifndef BUBBLEWATCH_EXTRACTORS_FIGURE_H_
#define BUBBLEWATCH_EXTRACTORS_FIGURE_H_

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace bw {

struct Figure {
  std::string kind;      // "power" (GW), "energy" (GWh), "money", "shares", "percent"
  double value = 0;      // in the kind's unit; for money in units of `currency`
  std::optional<double> low, high;  // a range; value is their midpoint
  std::string unit;      // "GW", "GWh" for power and energy; "" otherwise
  std::string currency;  // ISO 4217 for money: "USD", "CNY", "JPY", "TWD", "HKD", ...
  std::string qualifier; // "about", "over", "at_least", "up_to" or ""
  std::string entity;    // canonical name of the company or project, or ""
  bool ambiguous = false;  // Chinese 兆 the text does not settle (10^12 taken)
  std::string span;      // the exact substring of the text
  size_t start = 0, end = 0;  // UTF-8 byte offsets into the text

  bool operator==(const Figure&) const = default;
};

// The figure as an item of the analysis record (DESIGN.md).
nlohmann::ordered_json FigureToJson(const Figure& f);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_FIGURE_H_
