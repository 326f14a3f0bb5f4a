#include "extractors/stance_model.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "extractors/hash_slots.h"
#include "extractors/text_util.h"

namespace bw {
namespace {

constexpr std::string_view kModelFile = "stance/model.txt";
constexpr std::string_view kBiasRow = "<bias>";
constexpr std::string_view kVoteRow = "<vote>";
constexpr std::string_view kQuietRow = "<quiet>";
constexpr size_t kReasons = 3;

bool ParseDouble(const std::string& s, double* out) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, *out);
  return ec == std::errc() && p == end && std::isfinite(*out);
}

bool IsSpace(std::string_view ch) { return ch == " " || ch == "\n" || ch == "\t" || ch == "\r"; }

bool IsWordByte(char c) { return IsAsciiAlnum(c) || c == '$' || c == '%' || c == '\''; }

// Kana, CJK ideographs (with extension A) and the CJK punctuation block.
bool IsCjk(std::string_view ch) {
  if (ch.size() != 3) return false;
  const unsigned cp = (static_cast<unsigned char>(ch[0]) & 0x0Fu) << 12 |
                      (static_cast<unsigned char>(ch[1]) & 0x3Fu) << 6 | (static_cast<unsigned char>(ch[2]) & 0x3Fu);
  return (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF);
}

bool UsesCharacters(std::string_view text, std::string_view lang) {
  if (lang == "zh" || lang == "ja") return true;
  if (lang == "en") return false;
  for (size_t i = 0; i < text.size();) {
    std::string_view ch = Utf8CharAt(text, i);
    if (IsCjk(ch)) return true;
    i += ch.size();
  }
  return false;
}

// English: runs of letters, digits, $, % and ' are words; any other character
// that is not a space is a token of its own (punctuation, emoji).
std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < text.size();) {
    if (IsWordByte(text[i])) {
      size_t j = i;
      while (j < text.size() && IsWordByte(text[j])) ++j;
      out.push_back(text.substr(i, j - i));
      i = j;
      continue;
    }
    std::string_view ch = Utf8CharAt(text, i);
    if (!IsSpace(ch)) out.push_back(ch);
    i += ch.size();
  }
  return out;
}

// Calls `visit(feature)` for every feature of `folded`, repeats included. The
// view passed is valid only during the call (one buffer is reused).
template <typename Visit>
void ForEachFeature(std::string_view folded, std::string_view lang, Visit&& visit) {
  std::string f;
  if (UsesCharacters(folded, lang)) {
    std::vector<std::string_view> chars;
    for (size_t i = 0; i < folded.size();) {
      std::string_view ch = Utf8CharAt(folded, i);
      if (!IsSpace(ch)) chars.push_back(ch);
      i += ch.size();
    }
    for (size_t i = 0; i < chars.size(); ++i) {
      f.assign("c:");
      for (size_t n = 0; n < 3 && i + n < chars.size(); ++n) {
        f += chars[i + n];
        visit(std::string_view(f));
      }
    }
    return;
  }
  const std::vector<std::string_view> tokens = Tokens(folded);
  for (size_t i = 0; i < tokens.size(); ++i) {
    f.assign("w:").append(tokens[i]);
    visit(std::string_view(f));
    if (i + 1 < tokens.size()) {
      f.assign("b:").append(tokens[i]).append(" ").append(tokens[i + 1]);
      visit(std::string_view(f));
    }
  }
}

uint64_t FeatureHash(std::string_view feature) { return std::hash<std::string_view>{}(feature); }

}  // namespace

double StanceModelScore::Lean() const { return p[StanceModel::kRevolution] - p[StanceModel::kBubble]; }

StanceModel::StanceModel(StanceWeights weights) { Load(std::move(weights)); }

void StanceModel::Load(StanceWeights weights) {
  vote_ = weights.vote;
  quiet_ = weights.quiet;
  bias_ = weights.bias;
  features_.clear();
  features_.reserve(weights.features.size());
  index_ = HashSlots(weights.features.size());
  // A 64-bit hash: two of the model's features sharing one is unlikely enough
  // (about 1e-10 for 60k features) to let the first one win.
  for (auto& [name, w] : weights.features) {
    if (index_.Insert(FeatureHash(name), static_cast<uint32_t>(features_.size())).second) {
      features_.push_back(Feature{w, name});
    }
  }
}

StanceModel::StanceModel(const LexiconSet& lexicons) {
  StanceWeights weights;
  auto problem = [&](const LexiconEntry& e, std::string_view what) {
    std::string line;
    for (const std::string& f : e) line += (line.empty() ? "" : "\t") + f;
    problems_.push_back(std::string(kModelFile) + ": '" + line.substr(0, 80) + "': " + std::string(what));
  };
  for (const LexiconEntry& e : lexicons.Entries(kModelFile)) {
    double value = 0;
    if (e.size() == 2 && e[0] == kVoteRow) {
      if (ParseDouble(e[1], &value) && value >= 0) {
        weights.vote = value;
      } else {
        problem(e, "the vote is not a number >= 0");
      }
      continue;
    }
    if (e.size() == 2 && e[0] == kQuietRow) {
      if (ParseDouble(e[1], &value) && value >= 0 && value <= 1) {
        weights.quiet = value;
      } else {
        problem(e, "quiet is not a number in [0, 1]");
      }
      continue;
    }
    std::array<double, 3> w{};
    if (e.size() != 4 || e[0].empty() || !ParseDouble(e[1], &w[0]) || !ParseDouble(e[2], &w[1]) ||
        !ParseDouble(e[3], &w[2])) {
      problem(e, "needs a feature and three numbers");
      continue;
    }
    if (e[0] == kBiasRow) {
      weights.bias = w;
    } else {
      weights.features[e[0]] = {static_cast<float>(w[0]), static_cast<float>(w[1]), static_cast<float>(w[2])};
    }
  }
  Load(std::move(weights));
}

std::vector<std::string> StanceModel::Features(std::string_view folded, std::string_view lang) {
  std::vector<std::string> out;
  ForEachFeature(folded, lang, [&](std::string_view f) { out.emplace_back(f); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

StanceModelScore StanceModel::Score(std::string_view folded, std::string_view lang) const {
  StanceModelScore score;
  if (empty()) return score;
  // Features are hashed, not kept as strings: a page's lede has thousands of
  // character n-grams, and sorting them as strings cost more than the rules.
  std::vector<uint64_t> hashes;
  ForEachFeature(folded, lang, [&](std::string_view f) { hashes.push_back(FeatureHash(f)); });
  HashSlots seen(hashes.size());
  std::vector<const Feature*> found;
  for (uint64_t h : hashes) {
    if (!seen.Insert(h, 0).second) continue;  // presence, not counts
    const uint32_t i = index_.Find(h);
    if (i != HashSlots::kNone) found.push_back(&features_[i]);
  }
  // Presence features, scaled so a long sentence is not more certain for its length.
  const double scale = seen.size() == 0 ? 0.0 : 1.0 / std::sqrt(static_cast<double>(seen.size()));
  std::array<double, 3> z = bias_;
  for (const Feature* f : found) {
    for (int k = 0; k < 3; ++k) z[k] += scale * f->w[k];
  }
  const double top = std::max({z[0], z[1], z[2]});
  double sum = 0;
  for (int k = 0; k < 3; ++k) sum += (score.p[k] = std::exp(z[k] - top));
  for (double& p : score.p) p /= sum;

  const int side = score.p[kBubble] > score.p[kRevolution] ? kBubble : kRevolution;
  const int other = side == kBubble ? kRevolution : kBubble;
  std::vector<std::pair<double, std::string_view>> pulls;
  for (const Feature* f : found) {
    const double pull = f->w[side] - f->w[other];
    if (pull > 0) pulls.emplace_back(pull, std::string_view(f->name).substr(2));  // drop "w:", "c:"
  }
  // Ties go to the feature that sorts first, so the reasons do not depend on hash order.
  const size_t shown = std::min(pulls.size(), kReasons);
  std::partial_sort(pulls.begin(), pulls.begin() + static_cast<long>(shown), pulls.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  for (size_t i = 0; i < shown; ++i) score.reasons.emplace_back(pulls[i].second);
  return score;
}

std::string StanceModel::Serialize(const StanceWeights& weights) {
  std::vector<const std::pair<const std::string, std::array<float, 3>>*> rows;
  for (const auto& row : weights.features) rows.push_back(&row);
  std::sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  std::string out;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%s\t%.4g\n", std::string(kVoteRow).c_str(), weights.vote);
  out += buf;
  std::snprintf(buf, sizeof buf, "%s\t%.4g\n", std::string(kQuietRow).c_str(), weights.quiet);
  out += buf;
  std::snprintf(buf, sizeof buf, "%s\t%.4g\t%.4g\t%.4g\n", std::string(kBiasRow).c_str(), weights.bias[0],
                weights.bias[1], weights.bias[2]);
  out += buf;
  for (const auto* row : rows) {
    std::snprintf(buf, sizeof buf, "\t%.4g\t%.4g\t%.4g\n", row->second[0], row->second[1], row->second[2]);
    out += row->first;
    out += buf;
  }
  return out;
}

}  // namespace bw
