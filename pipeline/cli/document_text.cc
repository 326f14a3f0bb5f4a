#include "pipeline/cli/document_text.h"

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/cli/display_text.h"
#include "pipeline/clock.h"

namespace bw::cli {
namespace {

// Whole numbers with thousands separators, others with six significant digits.
std::string Number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    const long long n = std::llround(v);
    std::string digits = std::to_string(n < 0 ? -n : n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
    return (n < 0 ? "-" : "") + digits;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// Scores and weights, to two decimals: "+0.82", "1.50".
std::string Fixed(double v, bool sign = false) {
  char buf[32];
  std::snprintf(buf, sizeof buf, sign ? "%+.2f" : "%.2f", v);
  return buf;
}

// The strings of a stored JSON array, joined by ", "; "" when it is not one.
std::string JoinJsonStrings(const std::string& json) {
  nlohmann::json a = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  std::string out;
  if (!a.is_array()) return out;
  for (const auto& item : a) {
    if (!item.is_string()) continue;
    out += (out.empty() ? "" : ", ") + item.get<std::string>();
  }
  return out;
}

std::string Line(const std::string& s) { return MarkedLine(s, Marks::kBrackets); }

void Header(std::ostream& out, const DocumentView& d) {
  auto field = [&](const char* name, const std::string& value) {
    if (!value.empty()) out << "  " << std::left << std::setw(12) << name << Line(value) << "\n";
  };
  out << Line(d.title.empty() ? "(no title)" : d.title) << "\n";
  field("id", std::to_string(d.id));
  field("url", d.url);
  if (d.fetched_url != d.url) field("fetched", d.fetched_url);
  field("source", d.source);
  field("site", d.site_name);
  field("author", d.author);
  if (d.published.empty()) {
    field("published", "unknown (dated by first sight, " + UtcDate(d.dated_at) + ")");
  } else {
    field("published",
          d.published + (d.published_from.empty() ? "" : " (" + d.published_from + ")"));
  }
  field("language", d.lang + (d.script.empty() ? "" : "/" + d.script));
  field("kind", d.kind);
  field("status", d.status);
  if (d.duplicate_of) field("copy of", "#" + std::to_string(*d.duplicate_of));
  for (const DocumentView::Copy& c : d.duplicates) {
    field("copy", "#" + std::to_string(c.id) + " " + c.url);
  }
}

void StanceSection(std::ostream& out, const DocumentView& d) {
  if (!d.stance) {
    out << "\nstance: none (no text was judged)\n";
    return;
  }
  const StanceView& s = *d.stance;
  out << "\nstance: " << s.label << " " << Fixed(s.score, true) << " (bubble " << Fixed(s.bubble)
      << ", revolution " << Fixed(s.revolution) << ")\n";
  for (const StanceView::Evidence& e : s.evidence) {
    out << "  " << std::left << std::setw(11) << e.label << Fixed(e.score, true) << "  x"
        << Fixed(e.weight) << "  " << (e.in_title ? "[title] " : "");
    if (e.sentence.empty()) {
      out << "(offsets " << e.start << "-" << e.end << " do not fit the "
          << (e.in_title ? "title" : "text") << ")\n";
    } else {
      out << Line(e.sentence) << "\n";
    }
    std::string cues = JoinJsonStrings(e.cues_json), rules = JoinJsonStrings(e.rules_json);
    if (!cues.empty()) out << "      cues: " << Line(cues) << "\n";
    if (!rules.empty()) out << "      rules: " << Line(rules) << "\n";
  }
}

void FiguresSection(std::ostream& out, const DocumentView& d) {
  if (d.figures.empty()) return;
  out << "\nfigures:\n  " << std::left << std::setw(9) << "KIND" << std::setw(28) << "VALUE"
      << std::setw(10) << "QUALIFIER" << std::setw(16) << "ENTITY" << "SPAN\n";
  for (const Figure& f : d.figures) {
    out << "  " << std::setw(9) << f.kind << std::setw(28) << FigureValueText(f) << std::setw(10)
        << (f.qualifier.empty() ? "-" : f.qualifier) << std::setw(16)
        << (f.entity.empty() ? "-" : Line(f.entity)) << Line(f.span) << "\n";
  }
}

}  // namespace

std::string FigureValueText(const Figure& f) {
  std::string s = Number(f.value);
  if (f.kind == "percent") {
    s += "%";
  } else if (!f.currency.empty()) {
    s += " " + f.currency;
  } else if (!f.unit.empty()) {
    s += " " + f.unit;
  }
  if (f.low && f.high) s += " (" + Number(*f.low) + "-" + Number(*f.high) + ")";
  if (f.ambiguous) s += " (ambiguous)";
  return s;
}

std::string DocumentText(const DocumentView& d) {
  std::ostringstream out;
  Header(out, d);
  StanceSection(out, d);
  FiguresSection(out, d);
  if (!d.entities.empty()) {
    std::string list;
    for (const std::string& e : d.entities) list += (list.empty() ? "" : ", ") + e;
    out << "\nentities: " << Line(list) << "\n";
  }
  if (!d.fetches.empty()) {
    out << "\nfetches:\n";
    for (const DocumentView::Fetch& f : d.fetches) {
      out << "  " << Line(f.fetched_at) << "  " << Line(f.outcome);
      if (f.http_status) out << "  " << *f.http_status;
      out << "\n";
    }
  }
  out << "\ntext:\n" << PrintableText(d.text) << "\n";
  return out.str();
}

}  // namespace bw::cli
